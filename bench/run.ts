/**
 * The benchmarks, in one run on this machine:
 *
 *   npm run bench                     all sections; writes BENCHMARKS.md
 *   npm run bench -- --json           the same, and prints one JSON object on stdout (progress on stderr)
 *   npm run bench -- --only tokens,api   some sections only (BENCHMARKS.md is left alone)
 *
 * Sections: ingestion, orchestration, tokens, api, retrieval (one module each in this folder). Every figure
 * is a median of several runs; the whole run takes about four minutes on two cores.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from '../server/src/cli/args';
import { closeParsePool } from '../server/src/features/dossiers/ingest/parse';
import { type ApiResult, benchApi } from './api';
import { benchDeploy, type DeployResult } from './deploy';
import { benchIngestion, type IngestionResult } from './ingestion';
import { type Machine, machine } from './lib/machine';
import {
  DEPLOY_END,
  DEPLOY_START,
  deploySection,
  renderMarkdown,
  SCALEOUT_END,
  SCALEOUT_START,
  scaleOutSection,
} from './lib/report';
import { log, round } from './lib/stats';
import { benchOrchestration, type OrchestrationResult } from './orchestration';
import { benchRetrieval, type RetrievalResult } from './retrieval';
import { benchScaleOut, DEFAULT_SCALE_OUT, type ScaleOutResult } from './scaleout';
import { benchTokens, type TokensResult } from './tokens';

const SECTIONS = ['ingestion', 'orchestration', 'tokens', 'retrieval', 'api', 'deploy', 'scaleout'] as const;
type Section = (typeof SECTIONS)[number];

export interface Target {
  figure: string;
  value: number;
  target: string;
  met: boolean;
}

export interface BenchResult {
  machine: Machine;
  date: string;
  command: string;
  durationSeconds: number;
  /** Load averages (1, 5, 15 min) when the run started and ended: other work on the machine skews figures. */
  load: { start: number[]; end: number[] };
  /** The three headline ratios (see BENCHMARKS.md for their definitions). */
  ratios: {
    extraction_over_pdftotext: number | null;
    review_wall_over_call: number | null;
    uncached_tokens_over_dossier_rubric: number | null;
  };
  targets: Target[];
  ingestion?: IngestionResult;
  orchestration?: OrchestrationResult;
  tokens?: TokensResult;
  retrieval?: RetrievalResult;
  api?: ApiResult;
  deploy?: DeployResult;
  scaleout?: ScaleOutResult;
}

const USAGE = `Usage: npm run bench -- [--json] [--only ${SECTIONS.join(',')}] [scale-out options]

  --json   print one JSON object with every figure on stdout (progress goes to stderr)
  --only   run these sections only; BENCHMARKS.md is written by full runs only (deploy and scaleout
           alone update their own block)

Scale-out (needs PostgreSQL: PREJURY_BENCH_DATABASE_URL or PREJURY_TEST_DATABASE_URL):
  --reviews N      reviews per round (default ${DEFAULT_SCALE_OUT.reviews})
  --candidates N   simulated candidates (default ${DEFAULT_SCALE_OUT.candidates})
  --latency MS     stub model latency per call (default ${DEFAULT_SCALE_OUT.latencyMs})
  --workers 1,2,3  worker counts, one round each (default ${DEFAULT_SCALE_OUT.workerCounts.join(',')})`;

function targetsOf(result: BenchResult): Target[] {
  const targets: Target[] = [];
  const { ingestion, orchestration, tokens } = result;
  if (ingestion) {
    targets.push({
      figure: 'extraction_over_pdftotext (30-page PDF, in-process, against pdftotext -layout)',
      value: ingestion.extractionOverPdftotext,
      target: '≤ 2',
      met: ingestion.extractionOverPdftotext <= 2,
    });
  }
  if (orchestration) {
    targets.push({
      figure: `review_wall_over_call (${orchestration.most.examId}, ${orchestration.most.criteria} criteria)`,
      value: orchestration.reviewWallOverCall,
      target: '≤ 1.3',
      met: orchestration.reviewWallOverCall <= 1.3,
    });
    targets.push({
      figure: 'offline review of a 20-page dossier (ms)',
      value: orchestration.offline.reviewMs,
      target: '< 1000',
      met: orchestration.offline.reviewMs < 1000,
    });
  }
  const { deploy } = result;
  if (deploy) {
    const pgReads = deploy.reads.postgres?.reviewById;
    if (pgReads) {
      targets.push({
        figure: 'signed-in GET /api/reviews/:id on PostgreSQL (req/s; p99 ≤ 20 ms)',
        value: pgReads.requestsPerSecond,
        target: '≥ 3000',
        met: pgReads.requestsPerSecond >= 3000 && pgReads.latencyP99Ms <= 20,
      });
    }
    targets.push(
      {
        figure: 'signed-in GET /api/reviews/:id on PGlite (req/s)',
        value: deploy.reads.pglite.reviewById.requestsPerSecond,
        target: '≥ 1500',
        met: deploy.reads.pglite.reviewById.requestsPerSecond >= 1500,
      },
      {
        figure: '/api/health p99 during 10 × 3 MB uploads (ms; worst ≤ 250)',
        value: deploy.healthUnderUploads.p99Ms,
        target: '≤ 100',
        met: deploy.healthUnderUploads.p99Ms <= 100 && deploy.healthUnderUploads.maxMs <= 250,
      },
      {
        figure: 'idle RSS on PGlite (MB)',
        value: deploy.idleRssMb,
        target: '≤ 350',
        met: deploy.idleRssMb <= 350,
      },
    );
  }
  const { scaleout } = result;
  if (scaleout?.ratio != null) {
    const lost = scaleout.rounds.reduce((sum, r) => sum + r.lost + r.failed, 0);
    targets.push({
      figure: 'scale-out on PostgreSQL: throughput of 3 workers over 1 (nothing lost)',
      value: scaleout.ratio,
      target: '≥ 2.5',
      met: scaleout.ratio >= 2.5 && lost === 0,
    });
  }
  if (tokens) {
    targets.push({
      figure: 'uncached_tokens_over_dossier_rubric',
      value: tokens.uncachedTokensOverDossierRubric,
      target: '≤ 1.3',
      met: tokens.uncachedTokensOverDossierRubric <= 1.3,
    });
  }
  return targets;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        only: { type: 'string' },
        reviews: { type: 'string' },
        candidates: { type: 'string' },
        latency: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    console.error(`Unknown section(s): ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const selected = SECTIONS.filter((s) => only.includes(s));
  const count = (value: string | undefined, fallback: number) => {
    const v = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(v) || v < 1) throw new Error(`expected a positive integer, got ${value}`);
    return v;
  };
  let scaleOut: typeof DEFAULT_SCALE_OUT;
  try {
    scaleOut = {
      reviews: count(values.reviews, DEFAULT_SCALE_OUT.reviews),
      candidates: count(values.candidates, DEFAULT_SCALE_OUT.candidates),
      latencyMs: count(values.latency, DEFAULT_SCALE_OUT.latencyMs),
      workerCounts: values.workers
        ? values.workers.split(',').map((w) => count(w.trim(), 1))
        : DEFAULT_SCALE_OUT.workerCounts,
    };
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const full = selected.length === SECTIONS.length;

  const started = performance.now();
  const result: BenchResult = {
    machine: machine(),
    date: new Date().toISOString(),
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    durationSeconds: 0,
    load: { start: os.loadavg().map((l) => round(l, 2)), end: [] },
    ratios: {
      extraction_over_pdftotext: null,
      review_wall_over_call: null,
      uncached_tokens_over_dossier_rubric: null,
    },
    targets: [],
  };
  const runners: Record<Section, () => Promise<void>> = {
    ingestion: async () => {
      result.ingestion = await benchIngestion();
    },
    orchestration: async () => {
      result.orchestration = await benchOrchestration();
    },
    tokens: async () => {
      result.tokens = await benchTokens();
    },
    retrieval: async () => {
      result.retrieval = await benchRetrieval();
    },
    api: async () => {
      result.api = await benchApi();
    },
    deploy: async () => {
      result.deploy = await benchDeploy();
    },
    scaleout: async () => {
      result.scaleout = await benchScaleOut(scaleOut);
    },
  };
  try {
    for (const section of selected) {
      const sectionStarted = performance.now();
      log(`${section}…`);
      await runners[section]();
      log(`${section} done in ${round((performance.now() - sectionStarted) / 1000, 1)} s`);
    }
  } finally {
    await closeParsePool();
  }
  result.durationSeconds = round((performance.now() - started) / 1000, 0);
  result.load.end = os.loadavg().map((l) => round(l, 2));
  result.ratios = {
    extraction_over_pdftotext: result.ingestion?.extractionOverPdftotext ?? null,
    review_wall_over_call: result.orchestration?.reviewWallOverCall ?? null,
    uncached_tokens_over_dossier_rubric: result.tokens?.uncachedTokensOverDossierRubric ?? null,
  };
  result.targets = targetsOf(result);

  const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
  if (full) {
    writeFileSync(file, renderMarkdown(result));
    log(`wrote BENCHMARKS.md (${result.durationSeconds} s)`);
  } else if (existsSync(file)) {
    // The deploy and scale-out blocks carry their own date and load: a run of them alone replaces them.
    const blocks: [Section, string, string, (r: BenchResult) => string][] = [
      ['deploy', DEPLOY_START, DEPLOY_END, deploySection],
      ['scaleout', SCALEOUT_START, SCALEOUT_END, scaleOutSection],
    ];
    let text = readFileSync(file, 'utf8');
    const updated: string[] = [];
    for (const [section, start, end, render] of blocks) {
      if (!selected.includes(section) || selected.some((s) => s !== 'deploy' && s !== 'scaleout')) continue;
      const from = text.indexOf(start);
      const to = text.indexOf(end);
      const block = render(result);
      text =
        from >= 0 && to > from
          ? text.slice(0, from) + block + text.slice(to + end.length)
          : `${text.trimEnd()}\n\n${block}\n`;
      updated.push(section);
    }
    if (updated.length > 0) {
      writeFileSync(file, text);
      log(`updated the ${updated.join(' and ')} section(s) of BENCHMARKS.md`);
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (!full) process.stdout.write(`${JSON.stringify(result.targets, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
