/**
 * Test data shared by `metrics.test.ts` and `routes.test.ts`: a realistic calibration sample (30 criteria
 * scored 0–4 by a jury and by the AI, the AI slightly lenient) and its reference metrics.
 *
 * The expected values were NOT produced by `metrics.ts`. They come from a separate Python 3 script
 * (stdlib only, exact `fractions.Fraction` arithmetic until the final division or square root) that
 * follows the reference definitions literally:
 * - kappa / QWK: scikit-learn `cohen_kappa_score(h, a, labels=range(0, 5), weights=None|'quadratic')`
 *   written out as sklearn does it: C = confusion matrix, E = outer(C.sum(axis=0), C.sum(axis=1)) / n,
 *   W = 1 − I (unweighted) or (i − j)² (quadratic), κ = 1 − Σ W·C / Σ W·E;
 * - smd: RSMTool `standardized_mean_difference(h, a, method='pooled', ddof=1)`
 *   = (mean(a) − mean(h)) / sqrt((var(h, ddof=1) + var(a, ddof=1)) / 2);
 * - exact = mean(h == a), adjacent = mean(|h − a| ≤ 1), mae = mean(|h − a|), bias = mean(a − h).
 * Printed with Python's `repr` (shortest round-trip double).
 */
import type { AgreementSummary, ScorePair } from './metrics';

/** Jury scores, item k. */
export const REAL30_HUMAN = [
  2, 3, 1, 4, 2, 0, 3, 2, 1, 3, 4, 2, 2, 3, 1, 0, 2, 3, 4, 3, 2, 1, 2, 3, 2, 4, 1, 2, 3, 2,
] as const;
/** AI scores, item k (two items are two points off: k = 5 and k = 22). */
export const REAL30_AI = [
  2, 3, 2, 4, 3, 2, 3, 2, 1, 2, 4, 3, 2, 3, 2, 1, 2, 4, 3, 3, 2, 2, 0, 3, 3, 4, 1, 2, 3, 3,
] as const;

/** Criterion of item k is `REAL30_CRITERIA[k % 3]`: first seen order C3, C1, C2 (to check the sort). */
export const REAL30_CRITERIA = ['C3', 'C1', 'C2'] as const;

export const REAL30_PAIRS: ScorePair[] = REAL30_HUMAN.map((human, k) => ({
  criterionId: REAL30_CRITERIA[k % 3],
  human,
  ai: REAL30_AI[k],
}));

export const REAL30_OVERALL: AgreementSummary = {
  n: 30,
  qwk: 0.7052740434332989,
  kappa: 0.4072948328267477,
  exact: 0.5666666666666667,
  adjacent: 0.9333333333333333,
  mae: 0.5,
  smd: 0.224179415327122,
  bias: 0.23333333333333334,
  humanMean: 2.2333333333333334,
  aiMean: 2.466666666666667,
};

/** Other reference values for the same 30 pairs (same script; scipy definitions for the correlations). */
export const REAL30_EXTRA = {
  /** sklearn `cohen_kappa_score(weights='linear')`. */
  linearKappa: 0.5579567779960707,
  /** scipy `spearmanr(h, a).statistic` (average ranks for ties). */
  spearman: 0.787060060976697,
  /** scipy `pearsonr(h, a).statistic`. */
  pearson: 0.7293954953775793,
  /** sklearn `confusion_matrix(h, a, labels=range(0, 5))`: rows = jury, columns = AI. */
  confusion: [
    [0, 1, 1, 0, 0],
    [0, 2, 3, 0, 0],
    [1, 0, 6, 4, 0],
    [0, 0, 1, 6, 1],
    [0, 0, 0, 1, 3],
  ],
} as const;

/** Per criterion (items k with k % 3 = 1 → C1, 2 → C2, 0 → C3). */
export const REAL30_BY_CRITERION: Record<(typeof REAL30_CRITERIA)[number], AgreementSummary> = {
  C1: {
    n: 10,
    qwk: 0.7191011235955056,
    kappa: 0.7058823529411765,
    exact: 0.8,
    adjacent: 0.9,
    mae: 0.3,
    smd: -0.10084389681792216,
    bias: -0.1,
    humanMean: 2.8,
    aiMean: 2.7,
  },
  C2: {
    n: 10,
    qwk: 0.5794392523364486,
    kappa: 0.1891891891891892,
    exact: 0.4,
    adjacent: 0.9,
    mae: 0.7,
    smd: 0.7311261550139309,
    bias: 0.7,
    humanMean: 1.6,
    aiMean: 2.3,
  },
  C3: {
    n: 10,
    qwk: 0.7572815533980582,
    kappa: 0.29577464788732394,
    exact: 0.5,
    adjacent: 1,
    mae: 0.5,
    smd: 0.09370425713316365,
    bias: 0.1,
    humanMean: 2.3,
    aiMean: 2.4,
  },
};

/**
 * The fields where `actual` differs from `expected`: `n` and `null`s must match exactly, numbers to the
 * tolerance of vitest's `toBeCloseTo(x, 9)` (|a − e| < 5e-10). Tests assert the list is empty, so a
 * failure shows every wrong field at once.
 */
export function summaryMismatches(actual: AgreementSummary, expected: AgreementSummary): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(expected) as (keyof AgreementSummary)[]) {
    const a = actual[key];
    const e = expected[key];
    const ok =
      typeof e !== 'number' || typeof a !== 'number'
        ? JSON.stringify(a) === JSON.stringify(e)
        : Math.abs(a - e) < 5e-10;
    if (!ok) problems.push(`${key}: expected ${String(e)}, got ${String(a)}`);
  }
  // The uncertainty fields (`ci`, `minN`, `sufficient`) ride along the figures; their own tests check them.
  const uncertainty = new Set(['ci', 'minN', 'sufficient']);
  const extra = Object.keys(actual).filter((key) => !(key in expected) && !uncertainty.has(key));
  if (extra.length > 0) problems.push(`unexpected keys: ${extra.join(', ')}`);
  return problems;
}
