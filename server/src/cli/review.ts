import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pino } from 'pino';
import { openDatabase } from '../../../db/client';
import { getExam, listExams } from '../features/referential/index';
import { renderMarkdown } from '../features/reviews/render-markdown';
import { ConfigError, loadConfig } from '../lib/env';
import { AppError } from '../lib/errors';
import { createLogger } from '../lib/logger';
import { createServices } from '../services';
import { parseCommandLine } from './args';

const USAGE = `Usage: npm run review -- <file> --exam <exam-id> [--json] [--provider offline|openai] [--lang fr|en]

With --json, stdout carries exactly one JSON document (the report); logs and errors go to stderr.

Ingests and reviews one dossier (PDF, DOCX, Markdown or text) and prints the gap report.
Uses a throwaway in-memory database unless DATABASE_URL is set; the offline analyzer unless a model is
configured (OPENAI_API_KEY) or --provider says otherwise.

Exams: ${listExams()
  .map((e) => e.id)
  .join(', ')}`;

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'number') return args;
  const file = args.positionals[0];
  const examId = args.values.exam;
  if (!file || !examId) {
    console.error(`A file and --exam are required.\n\n${USAGE}`);
    return 2;
  }
  if (!getExam(examId)) {
    console.error(
      `Unknown exam "${examId}". Exams: ${listExams()
        .map((e) => e.id)
        .join(', ')}`,
    );
    return 2;
  }
  const env: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  if (args.values.provider) env.PREJURY_PROVIDER = args.values.provider;
  const config = loadConfig(env);
  // Logs go to stderr: stdout carries the report alone, so `--json | jq` always parses.
  const logger = createLogger(config, pino.destination({ dest: 2, sync: true }));

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    console.error(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: undefined });
  try {
    const services = createServices(config, database, logger);
    services.setEnqueue(async () => {});
    const dossier = await services.dossiers.create({ examId, file: { name: basename(file), bytes } });
    const version = dossier.versions[dossier.versions.length - 1].version;
    const { id } = await services.reviews.request(dossier.id, version);
    await services.reviews.run(id);
    const review = await services.reviews.get(id);
    if (!review.report) {
      console.error(`The review failed: ${review.error ?? 'unknown error'}`);
      return 1;
    }
    const lang = args.values.lang === 'en' ? 'en' : 'fr';
    process.stdout.write(
      args.values.json ? `${JSON.stringify(review.report, null, 2)}\n` : renderMarkdown(review.report, lang),
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.message} (${err.code})`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

function parse(argv: string[]) {
  return parseCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        exam: { type: 'string' },
        json: { type: 'boolean', default: false },
        provider: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
