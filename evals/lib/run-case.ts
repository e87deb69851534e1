/**
 * Runs eval cases through the REAL services (ingest → review → stored report) on an in-memory database, the
 * way `npm run review` does: the same composition root, the enqueue a no-op, `reviews.run(id)` called here.
 * Nothing is mocked: a case that passes here passes in the product.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { type Database, openDatabase } from '../../db/client';
import type { HiddenContent, PageText } from '../../db/schema';
import { detectInjections } from '../../server/src/features/reviews/injection';
import type { GapReport } from '../../server/src/features/reviews/schemas';
import type { Config } from '../../server/src/lib/env';
import type { Logger } from '../../server/src/lib/logger';
import { createServices, type Services } from '../../server/src/services';
import { type EvalCase, isInjectionCase } from './cases';

export interface Harness {
  services: Services;
  database: Database;
  /** Who grades, as the reports will say it. */
  provider: string;
  model: string;
  offline: boolean;
  close(): Promise<void>;
}

/**
 * Logs on stderr: with `--json` the standard output carries one JSON object and nothing else. The redact
 * paths mirror `createLogger`'s; only the destination differs.
 */
export function createEvalLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(
    {
      level: config.logLevel,
      base: undefined,
      redact: { paths: ['*.text', '*.content', '*.apiKey', 'config.openai.apiKey'], censor: '[redacted]' },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}

/** One in-memory database and one set of services for a whole run (cases go through it one by one). */
export async function createHarness(config: Config, logger: Logger): Promise<Harness> {
  const database = await openDatabase({ dataDir: 'memory://' });
  // A no-op enqueue: reviews are run here, in order, so timings are per case and nothing runs behind.
  const services = createServices(config, database, logger, { enqueue: async () => {} });
  return {
    services,
    database,
    provider: services.grader.provider,
    model: services.grader.model,
    offline: services.grader.offline,
    close: () => database.close(),
  };
}

/** One dossier ingested and reviewed. `report` is null when ingestion or the review failed. */
export interface DossierRun {
  status: 'done' | 'failed' | 'error';
  report: GapReport | null;
  /** Why there is no report (the review's error, or the exception's message). */
  error: string | null;
  /** The stored visible text and pages: what quotes must be found in. */
  text: string;
  pages: PageText[];
  /** What the ingest set aside as hidden: quotes must never come from it. */
  hidden: HiddenContent[];
  timings: { ingestMs: number; reviewMs: number };
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}

/** Ingests and reviews one file. Never throws for the dossier's sake: a failure is returned as data. */
export async function reviewFile(
  harness: Harness,
  input: { examId: string; fileName: string; bytes: Uint8Array },
): Promise<DossierRun> {
  const { dossiers, reviews } = harness.services;
  const run: DossierRun = {
    status: 'error',
    report: null,
    error: null,
    text: '',
    pages: [],
    hidden: [],
    timings: { ingestMs: 0, reviewMs: 0 },
  };
  let started = performance.now();
  try {
    const dossier = await dossiers.create({
      examId: input.examId,
      file: { name: input.fileName, bytes: input.bytes },
    });
    const version = dossier.versions[dossier.versions.length - 1].version;
    const stored = await dossiers.getVersion(dossier.id, version);
    run.text = stored.text;
    run.pages = stored.pageTexts;
    run.hidden = stored.hidden;
    run.timings.ingestMs = elapsed(started);

    started = performance.now();
    const { id } = await reviews.request(dossier.id, version);
    await reviews.run(id);
    const review = await reviews.get(id);
    run.timings.reviewMs = elapsed(started);
    run.status = review.status === 'done' ? 'done' : 'failed';
    run.report = review.report ?? null;
    run.error = review.status === 'done' ? null : (review.error ?? `review ended ${review.status}`);
  } catch (err) {
    run.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    if (run.timings.ingestMs === 0) run.timings.ingestMs = elapsed(started);
    else run.timings.reviewMs = elapsed(started);
  }
  return run;
}

function flatten(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The Markdown source without the lines that carry an instruction to the grader, as `detectInjections`
 * finds them in the raw text (excerpts never cross a line break). Reviewing this clean variant next to the
 * original tells whether an injection moved a score.
 */
export function withoutInjectedLines(source: string): { text: string; removed: string[] } {
  const excerpts = detectInjections(source, [], []).map((finding) => {
    const excerpt = flatten(finding.excerpt);
    // Long sentences come back cut with an ellipsis: match on the part that is the candidate's.
    return excerpt.endsWith('…') ? excerpt.slice(0, -1) : excerpt;
  });
  const removed: string[] = [];
  const kept: string[] = [];
  for (const line of source.split('\n')) {
    const flat = flatten(line);
    if (flat.length > 0 && excerpts.some((e) => e.length > 0 && flat.includes(e))) removed.push(line);
    else kept.push(line);
  }
  return { text: kept.join('\n'), removed };
}

/** A case's run: the review of its dossier and, for a Markdown injection case, of its clean variant. */
export interface CaseRun {
  caseId: string;
  /** 0-based repetition (`--repeat`). */
  pass: number;
  run: DossierRun;
  /** The same dossier without its injected lines; null when not an injection case in Markdown. */
  clean: (DossierRun & { removedLines: string[] }) | null;
}

export function isMarkdown(file: string): boolean {
  return ['.md', '.markdown'].includes(path.extname(file).toLowerCase());
}

/** Reviews one case (and its clean variant when it is a Markdown injection case). */
export async function runCase(harness: Harness, evalCase: EvalCase, pass = 0): Promise<CaseRun> {
  const bytes = new Uint8Array(await readFile(evalCase.dossierPath));
  const run = await reviewFile(harness, { examId: evalCase.examId, fileName: evalCase.file, bytes });
  let clean: CaseRun['clean'] = null;
  if (isInjectionCase(evalCase) && isMarkdown(evalCase.file)) {
    const variant = withoutInjectedLines(new TextDecoder().decode(bytes));
    const cleanRun = await reviewFile(harness, {
      examId: evalCase.examId,
      fileName: evalCase.file.replace(/(\.[^.]+)$/u, '.clean$1'),
      bytes: new TextEncoder().encode(variant.text),
    });
    clean = { ...cleanRun, removedLines: variant.removed };
  }
  return { caseId: evalCase.id, pass, run, clean };
}
