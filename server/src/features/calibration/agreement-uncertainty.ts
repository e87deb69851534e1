/**
 * The uncertainty of the agreement figures: seeded percentile-bootstrap 95 % intervals and the minimum n
 * below which a figure is not read as good or bad. The plain figures come from `metrics.ts`.
 */

import {
  agreementByCriterion,
  assertScorePairs,
  DEFAULT_SCALE_MAX,
  DEFAULT_SCALE_MIN,
  summarize,
} from './metrics';
import type { AgreementIntervals, AgreementMetrics, AgreementSummary, Interval, ScorePair } from './schemas';

// ---------------------------------------------------------------------------------------------------
// Uncertainty: n and a 95 % bootstrap interval for every figure

/**
 * Fewest pairs for a figure to be read as good or bad. Below it the 95 % interval of a QWK commonly spans
 * more than ±0,3, so the UI marks the criterion « échantillon insuffisant » and does not colour it.
 */
export const MIN_PAIRS = 20;
/** Bootstrap resamples for small and ordinary samples (fewer above {@link BOOTSTRAP_BUDGET} draws). */
export const BOOTSTRAP_RESAMPLES = 1000;
/** Most pair draws one interval may cost (resamples × n), which keeps 100 000 pairs under a second. */
export const BOOTSTRAP_BUDGET = 20_000_000;
/** Fixed seed: the same pairs always give the same interval (reports, CI and screens agree). */
export const BOOTSTRAP_SEED = 0x5eed_2026;

/** An {@link AgreementSummary} with its uncertainty (the API's `AgreementMetrics`). */
export type AgreementWithUncertainty = AgreementMetrics;

const INTERVAL_METRICS = ['qwk', 'kappa', 'exact', 'adjacent', 'mae', 'smd', 'bias'] as const;

/** mulberry32: a small, well-mixed 32-bit generator; seeded so intervals are reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Linear interpolation between order statistics (NumPy's default `percentile`). */
function percentile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * Percentile bootstrap (Efron & Tibshirani 1993): resample the pairs with replacement, recompute every
 * metric, take the 2,5 % and 97,5 % quantiles. Seeded, so deterministic. A metric undefined in more than
 * half of the resamples (constant scores, n < 2) has no interval. The pairs are put in a canonical order
 * first, so the same pairs in any order give the same interval.
 * @throws {ValidationError} as {@link agreementSummary}.
 */
export function bootstrapIntervals(
  human: readonly number[],
  ai: readonly number[],
  options: { min?: number; max?: number; resamples?: number; seed?: number; level?: number } = {},
): AgreementIntervals {
  const { min = DEFAULT_SCALE_MIN, max = DEFAULT_SCALE_MAX, seed = BOOTSTRAP_SEED, level = 0.95 } = options;
  assertScorePairs(human, ai, min, max);
  const n = human.length;
  const resamples =
    n < 2
      ? 0
      : Math.max(
          200,
          Math.min(options.resamples ?? BOOTSTRAP_RESAMPLES, Math.floor(BOOTSTRAP_BUDGET / Math.max(n, 1))),
        );
  const values: Record<(typeof INTERVAL_METRICS)[number], number[]> = {
    qwk: [],
    kappa: [],
    exact: [],
    adjacent: [],
    mae: [],
    smd: [],
    bias: [],
  };
  // Canonical order: the interval depends on the pairs, not on the order a query returned them in.
  const order = human.map((_, k) => k).sort((x, y) => human[x] - human[y] || ai[x] - ai[y]);
  const sortedHuman = order.map((k) => human[k]);
  const sortedAi = order.map((k) => ai[k]);
  const random = mulberry32(seed);
  const h = new Array<number>(n);
  const a = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let k = 0; k < n; k++) {
      const i = Math.floor(random() * n);
      h[k] = sortedHuman[i];
      a[k] = sortedAi[i];
    }
    const summary = summarize(h, a);
    for (const m of INTERVAL_METRICS) {
      const v = summary[m];
      if (v !== null) values[m].push(v);
    }
  }
  const tail = (1 - level) / 2;
  const interval = (m: (typeof INTERVAL_METRICS)[number]): Interval => {
    const list = values[m];
    if (resamples === 0 || list.length * 2 < resamples) return null;
    list.sort((x, y) => x - y);
    return [percentile(list, tail), percentile(list, 1 - tail)];
  };
  return {
    level,
    resamples,
    qwk: interval('qwk'),
    kappa: interval('kappa'),
    exact: interval('exact'),
    adjacent: interval('adjacent'),
    mae: interval('mae'),
    smd: interval('smd'),
    bias: interval('bias'),
  };
}

/**
 * {@link agreementByCriterion} with, for every figure, its 95 % bootstrap interval and whether n reaches
 * {@link MIN_PAIRS}. The plain figures are exactly those of {@link agreementByCriterion}.
 */
export function agreementWithUncertainty(
  pairs: readonly ScorePair[],
  min = DEFAULT_SCALE_MIN,
  max = DEFAULT_SCALE_MAX,
  minN = MIN_PAIRS,
): { overall: AgreementWithUncertainty; criteria: Record<string, AgreementWithUncertainty> } {
  const plain = agreementByCriterion(pairs, min, max);
  const decorate = (summary: AgreementSummary, group: readonly ScorePair[]): AgreementWithUncertainty => ({
    ...summary,
    ci: bootstrapIntervals(
      group.map((p) => p.human),
      group.map((p) => p.ai),
      { min, max },
    ),
    minN,
    sufficient: summary.n >= minN,
  });
  const groups = new Map<string, ScorePair[]>();
  for (const p of pairs) {
    const list = groups.get(p.criterionId);
    if (list) list.push(p);
    else groups.set(p.criterionId, [p]);
  }
  return {
    overall: decorate(plain.overall, pairs),
    criteria: Object.fromEntries(
      Object.entries(plain.criteria).map(([id, summary]) => [id, decorate(summary, groups.get(id) ?? [])]),
    ),
  };
}
