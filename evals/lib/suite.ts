/**
 * One evals run: every case through the real review engine (sequentially, on one in-memory database), the
 * deterministic checks, the agreement metrics and the stability across repeats. No printing: `run.ts`
 * renders what this returns.
 */
import { getExam } from '../../server/src/features/referential/index';
import type { Exam } from '../../server/src/features/referential/types';
import type { GapReport } from '../../server/src/features/reviews/schemas';
import type { Config } from '../../server/src/lib/env';
import type { Logger } from '../../server/src/lib/logger';
import type { EvalCase } from './cases';
import { type CheckResult, checkCase, checkOrdering, type Stability, stability } from './checks';
import type { CheckRecord } from './gates';
import { checkHeldoutCase, type HeldoutGates, type HeldoutResult, heldoutGateFailures } from './heldout';
import { type CaseScores, type EvalMetrics, evalMetrics, goldOverall } from './metrics';
import { type RewriteRow, rewriteChecks, rewriteRows } from './rewrites';
import { type CaseRun, createHarness, type DossierRun, type Harness, runCase } from './run-case';

export interface CaseResult {
  id: string;
  examId: string;
  quality: EvalCase['quality'];
  split: EvalCase['split'];
  file: string;
  description: string;
  tags: string[];
  /** The tuning case this one re-words (`rewriteOf`), or null. */
  rewriteOf: string | null;
  hasR2: boolean;
  goldOverall: number;
  /** Of the first pass. */
  aiOverall: number | null;
  criteria: { id: string; gold: number; r2: number | null; ai: number | null; status: string | null }[];
  deliverables: { id: string; gold: string; ai: string | null }[];
  flags: string[];
  checks: CheckRecord[];
  error: string | null;
  /** Per pass; not part of any compared data. */
  timings: { ingestMs: number; reviewMs: number; cleanVariantMs: number }[];
  /** The first pass's report, for debugging a failure. */
  report: GapReport | null;
}

export interface SuiteResult {
  provider: string;
  model: string;
  offline: boolean;
  repeats: number;
  cases: CaseResult[];
  /** Exam-level checks (ordering). */
  examChecks: CheckRecord[];
  /** Every check, case and exam level, all passes. */
  checks: CheckRecord[];
  /** Each rewrite beside its original (first pass). */
  rewrites: RewriteRow[];
  /** `rewrite_matches_original` per rewrite: recorded apart from `checks`, never gated. */
  rewriteChecks: CheckRecord[];
  /** The tuning part's metrics (every case outside `cases/heldout/`): what the baseline and `overall` gates read. */
  metrics: EvalMetrics;
  /** The held-out part, reported and gated apart; null when the run has no held-out case. */
  heldout: HeldoutResult | null;
  stability: Stability;
  timings: { setupMs: number; casesMs: number; totalMs: number };
}

function scoreMap(report: GapReport | null): Map<string, number> {
  return new Map((report?.criteria ?? []).filter((c) => c.status === 'done').map((c) => [c.id, c.score]));
}

function record(
  results: CheckResult[],
  subject: string,
  examId: string,
  kind: CheckRecord['kind'],
  pass: number,
): CheckRecord[] {
  return results.map((r) => ({ ...r, subject, examId, kind, pass }));
}

/** What `runSuite` takes. */
export type SuiteOptions = {
  cases: EvalCase[];
  config: Config;
  logger: Logger;
  repeats: number;
  onProgress?: (message: string) => void;
  /**
   * Runs on the same database once the cases are reviewed (the format renderings), before it closes; gets
   * each case's first run, so that a rendering that is the case's own file is not reviewed twice.
   */
  afterCases?: (harness: Harness, firstRuns: Map<string, DossierRun>) => Promise<void>;
  /** Thresholds of the held-out checks and gates (`gates.json` → `heldout`); without them none is applied. */
  heldoutGates?: HeldoutGates;
};

/** Every case reviewed `repeats` times on one harness, then `afterCases`; the harness is closed whatever happens. */
async function reviewAll(harness: Harness, options: SuiteOptions): Promise<Map<string, CaseRun[]>> {
  const progress = options.onProgress ?? (() => {});
  const runs = new Map<string, CaseRun[]>();
  try {
    for (let pass = 0; pass < options.repeats; pass++) {
      for (const [index, evalCase] of options.cases.entries()) {
        const t = performance.now();
        const result = await runCase(harness, evalCase, pass);
        runs.set(evalCase.id, [...(runs.get(evalCase.id) ?? []), result]);
        const repeat = options.repeats > 1 ? ` (repeat ${pass + 1}/${options.repeats})` : '';
        progress(
          `[${index + 1}/${options.cases.length}] ${evalCase.id}${repeat}: ${result.run.status}` +
            `${result.run.error ? ` — ${result.run.error}` : ''} in ${Math.round(performance.now() - t)} ms`,
        );
      }
    }
    await options.afterCases?.(
      harness,
      new Map(
        [...runs]
          .map(([id, passes]) => [id, passes[0]?.run])
          .filter((e): e is [string, DossierRun] => !!e[1]),
      ),
    );
  } finally {
    await harness.close();
  }
  return runs;
}

/** One case's result: its first run's report against the gold, and the checks of every pass. */
function caseResult(evalCase: EvalCase, passes: CaseRun[]): CaseResult {
  const exam = getExam(evalCase.examId) as Exam;
  const first = passes[0];
  const report = first?.run.report ?? null;
  const checks = passes.flatMap((p) =>
    record(
      checkCase({ evalCase, exam, run: p.run, clean: p.clean }),
      evalCase.id,
      evalCase.examId,
      'case',
      p.pass,
    ),
  );
  const byId = new Map(report?.criteria.map((c) => [c.id, c]) ?? []);
  const deliverables = new Map(report?.deliverables.map((d) => [d.id, d.status]) ?? []);
  return {
    id: evalCase.id,
    examId: evalCase.examId,
    quality: evalCase.quality,
    split: evalCase.split,
    file: evalCase.file,
    description: evalCase.description,
    tags: evalCase.tags,
    rewriteOf: evalCase.rewriteOf ?? null,
    hasR2: evalCase.r2 !== null,
    goldOverall: goldOverall(evalCase.examId, evalCase.gold),
    aiOverall: report?.overall.score ?? null,
    criteria: exam.criteria.map((c) => ({
      id: c.id,
      gold: evalCase.gold.criteria[c.id].score,
      r2: evalCase.r2?.criteria[c.id]?.score ?? null,
      ai: byId.get(c.id)?.status === 'done' ? (byId.get(c.id)?.score ?? null) : null,
      status: byId.get(c.id)?.status ?? null,
    })),
    deliverables: exam.deliverables.map((d) => ({
      id: d.id,
      gold: evalCase.gold.deliverables[d.id].status,
      ai: deliverables.get(d.id) ?? null,
    })),
    flags: [...new Set(report?.flags.map((f) => f.code) ?? [])].sort(),
    checks,
    error: first?.run.error ?? null,
    timings: passes.map((p) => ({
      ...p.run.timings,
      cleanVariantMs: p.clean ? p.clean.timings.ingestMs + p.clean.timings.reviewMs : 0,
    })),
    report,
  };
}

/** Per exam and pass, the tuning cases' overall scores in the order of their quality. */
function orderingChecks(cases: CaseResult[], runs: Map<string, CaseRun[]>, repeats: number): CheckRecord[] {
  const examIds = [...new Set(cases.map((c) => c.examId))].sort();
  const examChecks: CheckRecord[] = [];
  for (let pass = 0; pass < repeats; pass++) {
    for (const examId of examIds) {
      // Ordering is the tuning part's check: the held-out part has absolute floors and ceilings instead.
      const entries = cases
        .filter((c) => c.examId === examId && c.split === 'tuning')
        .map((c) => ({
          caseId: c.id,
          quality: c.quality,
          overall: runs.get(c.id)?.[pass]?.run.report?.overall.score ?? null,
        }));
      const ordering = checkOrdering(entries);
      if (ordering) examChecks.push(...record([ordering], examId, examId, 'exam', pass));
    }
  }
  return examChecks;
}

/** A case's scores as the metrics read them (first pass). */
function caseScores(evalCase: EvalCase, runs: Map<string, CaseRun[]>): CaseScores {
  const report = runs.get(evalCase.id)?.[0]?.run.report ?? null;
  return {
    caseId: evalCase.id,
    examId: evalCase.examId,
    quality: evalCase.quality,
    gold: evalCase.gold,
    r2: evalCase.r2,
    r3: evalCase.r3,
    ai: report ? Object.fromEntries(scoreMap(report)) : null,
    aiOverall: report?.overall.score ?? null,
    aiDeliverables: report ? Object.fromEntries(report.deliverables.map((d) => [d.id, d.status])) : null,
  };
}

/** The held-out part's metrics, checks and gate failures; null when it was not run. */
function heldoutResult(
  cases: EvalCase[],
  scores: CaseScores[],
  runs: Map<string, CaseRun[]>,
  gates: HeldoutGates | undefined,
): HeldoutResult | null {
  const heldoutCases = cases.filter((c) => c.split === 'heldout');
  let heldout: HeldoutResult | null = null;
  if (heldoutCases.length > 0) {
    const metrics = evalMetrics(scores.filter((_, i) => cases[i].split === 'heldout'));
    const checks = gates
      ? heldoutCases.flatMap((evalCase) =>
          checkHeldoutCase({ evalCase, report: runs.get(evalCase.id)?.[0]?.run.report ?? null }, gates),
        )
      : [];
    heldout = { metrics, checks, failures: gates ? heldoutGateFailures(gates, metrics, checks) : [] };
  }
  return heldout;
}

/** Reviews every case `repeats` times and measures everything. Never throws for a case's sake. */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const started = performance.now();
  const harness = await createHarness(options.config, options.logger);
  const setupMs = Math.round(performance.now() - started);
  const runs = await reviewAll(harness, options);
  const casesMs = Math.round(performance.now() - started) - setupMs;
  const cases = options.cases.map((evalCase) => caseResult(evalCase, runs.get(evalCase.id) ?? []));
  const examChecks = orderingChecks(cases, runs, options.repeats);
  const scores = options.cases.map((evalCase) => caseScores(evalCase, runs));
  const tuning = scores.filter((_, i) => options.cases[i].split === 'tuning');
  const rewrites = rewriteRows(cases);
  const examIdOf = new Map(cases.map((c) => [c.id, c.examId]));
  return {
    provider: harness.provider,
    model: harness.model,
    offline: harness.offline,
    repeats: options.repeats,
    cases,
    examChecks,
    checks: [...cases.flatMap((c) => c.checks), ...examChecks],
    rewrites,
    rewriteChecks: rewriteChecks(rewrites, (id) => examIdOf.get(id) ?? ''),
    metrics: evalMetrics(tuning),
    heldout: heldoutResult(options.cases, scores, runs, options.heldoutGates),
    stability: stability(
      new Map([...runs].map(([id, passes]) => [id, passes.map((p) => scoreMap(p.run.report))])),
    ),
    timings: { setupMs, casesMs, totalMs: Math.round(performance.now() - started) },
  };
}
