import { pino } from 'pino';
import { renderDoctorTable } from '../features/doctor/render';
import { runDoctor } from '../features/doctor/service';
import { ConfigError, loadConfig } from '../lib/env';
import { createChatModel, createEmbedder } from '../lib/llm/index';
import { createLogger } from '../lib/logger';
import { parseCommandLine } from './args';

const USAGE = `Usage: npm run doctor [-- --json]

Checks the configured model server before anyone uploads (reachability and key, structured output,
two grading calls on a bundled sample, usage and cached tokens, latency, embedding size, price per
review when PREJURY_PRICE_* is set). Prints a French table; exits 1 with what to change when a check fails.
With --json, stdout carries exactly one JSON document; logs go to stderr.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // A configuration the app would refuse is the first thing the doctor reports.
    console.error(`Configuration invalide :\n${err.message}`);
    return 1;
  }
  const logger = createLogger(config, pino.destination({ dest: 2, sync: true }));
  const report = await runDoctor({
    config,
    chat: createChatModel(config, { logger }),
    embedder: createEmbedder(config, { logger }),
  });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderDoctorTable(report));
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
