/**
 * Agreement between human (jury) scores and AI scores on an integer rubric scale.
 *
 * Pure functions, no I/O: the calibration API and the evals suite share them, so a number in a CI report
 * and a number on the exam team's screen mean the same thing. Each metric follows a named reference
 * implementation exactly (scikit-learn, SciPy, RSMTool); `metrics.test.ts` checks them against values
 * computed independently and against published examples.
 *
 * A metric that is mathematically undefined for the data (0/0, empty input, no variance) is `null`,
 * never `NaN`: `NaN` does not survive JSON and silently poisons averages.
 */
import { ValidationError } from '../../lib/errors';
import { type AgreementSummary, AgreementSummarySchema, MAX_SCALE_SPAN, type ScorePair } from './schemas';

/** Default rubric scale (DESIGN.md, « Rubric scale »): 0 absent … 4 excellent. */
export const DEFAULT_SCALE_MIN = 0;
export const DEFAULT_SCALE_MAX = 4;

/** Disagreement weights of Cohen's kappa, as in scikit-learn (`weights=None | 'linear' | 'quadratic'`). */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

// The shapes are stated once, as zod schemas in `schemas.ts` (type-only imports: this module stays pure).
export type { AgreementIntervals, AgreementSummary, Interval, ScorePair } from './schemas';

/** {@link agreementSummary} over all pairs, and per criterion (keys in ascending code-unit order). */
export interface AgreementByCriterion {
  overall: AgreementSummary;
  criteria: Record<string, AgreementSummary>;
}

// ---------------------------------------------------------------------------------------------------
// Kappa family

/**
 * A metric of two raters' scores on one scale: the returned function checks the pairs first (same length,
 * integers in [min, max], default 0–4), then computes. Every metric below that takes a scale is built so.
 * @throws {ValidationError} lengths differ, or a score is not an integer in [min, max].
 */
function scoreMetric<T>(
  compute: (human: readonly number[], ai: readonly number[], min: number, max: number) => T,
) {
  return (
    human: readonly number[],
    ai: readonly number[],
    min = DEFAULT_SCALE_MIN,
    max = DEFAULT_SCALE_MAX,
  ): T => {
    assertScorePairs(human, ai, min, max);
    return compute(human, ai, min, max);
  };
}

/**
 * Cohen's kappa, unweighted (Cohen 1960) or weighted (Cohen 1968).
 *
 * κ = 1 − Σᵢⱼ wᵢⱼ·Oᵢⱼ / Σᵢⱼ wᵢⱼ·Eᵢⱼ, where O is the confusion matrix of the two raters, Eᵢⱼ = rᵢ·cⱼ / n
 * the counts expected by chance from the raters' marginals, and w the disagreement weights:
 * `none` wᵢⱼ = [i ≠ j], `linear` |i − j|, `quadratic` (i − j)².
 *
 * Identical to scikit-learn `cohen_kappa_score(human, ai, labels=range(min, max + 1), weights=…)`.
 * Categories that neither rater used have zero marginals and contribute nothing, so the value does not
 * depend on `min`/`max` beyond validation; the sums run over the categories actually used (O(n + k²)
 * with k ≤ number of distinct scores) and stay integers until the final division.
 *
 * Returns `null` when the expected disagreement is 0 (scikit-learn returns NaN): that happens only when
 * both raters give one and the same score to every item, where κ is 0/0. We do not return 1 there:
 * with no variation, agreement cannot be told apart from chance, and {@link exactAgreement} already
 * reports the raw agreement. Constant but *different* raters give κ = 0 (like scikit-learn); an empty
 * input gives `null`.
 *
 * @throws {ValidationError} lengths differ, or a score is not an integer in [min, max].
 */
export function cohenKappa(
  human: readonly number[],
  ai: readonly number[],
  min = DEFAULT_SCALE_MIN,
  max = DEFAULT_SCALE_MAX,
  weights: KappaWeights = 'none',
): number | null {
  assertScorePairs(human, ai, min, max);
  return kappaOf(human, ai, DISAGREEMENT[weights]);
}

/**
 * Linearly weighted kappa (Cohen 1968, wᵢⱼ = |i − j|); scikit-learn
 * `cohen_kappa_score(weights='linear', labels=range(min, max + 1))`. See {@link cohenKappa}.
 */
export const linearWeightedKappa = scoreMetric((human, ai) => kappaOf(human, ai, DISAGREEMENT.linear));

/**
 * Quadratic weighted kappa, QWK (Cohen 1968, wᵢⱼ = (i − j)²): the standard agreement statistic for
 * automated scoring. scikit-learn `cohen_kappa_score(weights='quadratic', labels=range(min, max + 1))`.
 * See {@link cohenKappa} for the formula and the `null` case.
 */
export const quadraticWeightedKappa = scoreMetric((human, ai) => kappaOf(human, ai, DISAGREEMENT.quadratic));

/** Disagreement weight as a function of the score difference (labels are consecutive integers). */
const DISAGREEMENT: Record<KappaWeights, (diff: number) => number> = {
  none: (d) => (d === 0 ? 0 : 1),
  linear: (d) => Math.abs(d),
  quadratic: (d) => d * d,
};

function kappaOf(
  human: readonly number[],
  ai: readonly number[],
  weight: (diff: number) => number,
): number | null {
  const n = human.length;
  if (n === 0) return null;
  let observed = 0;
  for (let k = 0; k < n; k++) observed += weight(human[k] - ai[k]);
  return kappaFromCounts(n, observed, countValues(human), countValues(ai), weight);
}

/**
 * κ = 1 − n·Σₖ w(hₖ − aₖ) / Σᵢⱼ w(i − j)·rᵢ·cⱼ: the sklearn formula with the 1/n of Eᵢⱼ moved to the
 * numerator. `observed` = Σₖ w(hₖ − aₖ); `rows`/`cols` = how often each score was given by each rater.
 */
function kappaFromCounts(
  n: number,
  observed: number,
  rows: ReadonlyMap<number, number>,
  cols: ReadonlyMap<number, number>,
  weight: (diff: number) => number,
): number | null {
  let expectedTimesN = 0;
  for (const [i, r] of rows) {
    for (const [j, c] of cols) expectedTimesN += weight(i - j) * r * c;
  }
  if (expectedTimesN === 0) return null;
  return 1 - (n * observed) / expectedTimesN;
}

function countValues(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

// ---------------------------------------------------------------------------------------------------
// Distances

/**
 * Exact agreement: (1/n)·Σ [hₖ = aₖ], in 0–1 (RSMTool `agreement(tolerance=0)` / 100).
 * `null` for an empty input.
 * @throws {ValidationError} see {@link cohenKappa}.
 */
export const exactAgreement = scoreMetric((human, ai) => meanOf(human, ai, (h, a) => (h === a ? 1 : 0)));

/**
 * Adjacent agreement: (1/n)·Σ [|hₖ − aₖ| ≤ 1], in 0–1, exact matches included
 * (RSMTool `agreement(tolerance=1)` / 100). `null` for an empty input.
 * @throws {ValidationError} see {@link cohenKappa}.
 */
export const adjacentAgreement = scoreMetric((human, ai) =>
  meanOf(human, ai, (h, a) => (Math.abs(h - a) <= 1 ? 1 : 0)),
);

/**
 * Mean absolute error: (1/n)·Σ |hₖ − aₖ|, in score points (scikit-learn `mean_absolute_error`).
 * `null` for an empty input.
 * @throws {ValidationError} see {@link cohenKappa}.
 */
export const meanAbsoluteError = scoreMetric((human, ai) => meanOf(human, ai, (h, a) => Math.abs(h - a)));

/**
 * Bias: mean(aₖ − hₖ), in score points; positive when the AI is more lenient than the jury.
 * `null` for an empty input.
 * @throws {ValidationError} lengths differ or a value is not a finite number.
 */
export function bias(human: readonly number[], ai: readonly number[]): number | null {
  assertNumberPairs(human, ai);
  return meanOf(human, ai, (h, a) => a - h);
}

/**
 * Standardized mean difference as RSMTool defines it
 * (`rsmtool.utils.metrics.standardized_mean_difference(human, ai, method='pooled', ddof=1)`):
 *
 * SMD = (mean(ai) − mean(human)) / √((s²_human + s²_ai) / 2), with sample variances
 * s² = Σ (x − x̄)² / (n − 1).
 *
 * `null` when n < 2 (no sample variance) or when the pooled standard deviation is 0, i.e. both raters
 * are constant (RSMTool returns NaN there) — even if their means differ: a difference in points is then
 * still visible in {@link bias}.
 * @throws {ValidationError} lengths differ or a value is not a finite number.
 */
export function standardizedMeanDifference(human: readonly number[], ai: readonly number[]): number | null {
  assertNumberPairs(human, ai);
  return smdOf(human, ai);
}

function smdOf(human: readonly number[], ai: readonly number[]): number | null {
  if (human.length < 2) return null;
  const pooledVariance = (sampleVariance(human) + sampleVariance(ai)) / 2;
  if (pooledVariance === 0) return null;
  return (mean(ai) - mean(human)) / Math.sqrt(pooledVariance);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Two-pass sample variance (ddof = 1); callers ensure n ≥ 2. */
function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) * (v - m);
  return sum / (values.length - 1);
}

function meanOf(
  human: readonly number[],
  ai: readonly number[],
  term: (h: number, a: number) => number,
): number | null {
  const n = human.length;
  if (n === 0) return null;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += term(human[k], ai[k]);
  return sum / n;
}

// ---------------------------------------------------------------------------------------------------
// Tables and correlations

/**
 * Confusion matrix on the full scale: `matrix[h - min][a - min]` = number of pairs where the jury gave
 * `h` and the AI gave `a` (rows = human score, columns = AI score, both min..max), as scikit-learn
 * `confusion_matrix(human, ai, labels=range(min, max + 1))`.
 * @throws {ValidationError} see {@link cohenKappa}.
 */
export const confusionMatrix = scoreMetric((human, ai, min, max) => {
  const size = max - min + 1;
  const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let k = 0; k < human.length; k++) matrix[human[k] - min][ai[k] - min] += 1;
  return matrix;
});

/**
 * Ranks 1..n, ties sharing the average of the ranks they span: scipy `rankdata(values, method='average')`.
 * E.g. [10, 20, 20, 30] → [1, 2.5, 2.5, 4].
 * @throws {ValidationError} a value is not a finite number.
 */
export function averageRanks(values: readonly number[]): number[] {
  assertFinite(values, 'x');
  return ranksOf(values);
}

function ranksOf(values: readonly number[]): number[] {
  const order = values.map((_, k) => k).sort((p, q) => values[p] - values[q]);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    // Sorted positions start..end-1 hold 1-based ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Pearson's r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² · Σ (y − ȳ)²), as scipy `pearsonr(x, y).statistic`
 * (clipped to [−1, 1] like SciPy).
 *
 * `null` when n < 2 (SciPy raises) or when either variable is constant (SciPy returns NaN with a
 * `ConstantInputWarning`).
 * @throws {ValidationError} lengths differ or a value is not a finite number.
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  assertNumberPairs(x, y, 'x', 'y');
  return pearsonOf(x, y);
}

function pearsonOf(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || isConstant(x) || isConstant(y)) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    const dx = x[k] - mx;
    const dy = y[k] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Exact test: a float mean of identical values may differ from them by an ulp, leaving a tiny variance. */
function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

/**
 * Spearman's rank correlation ρ: Pearson's r of the average ranks ({@link averageRanks}), which handles
 * ties exactly as scipy `spearmanr(x, y).statistic` does.
 *
 * `null` when n < 2 or when either variable is constant (SciPy returns NaN).
 * @throws {ValidationError} lengths differ or a value is not a finite number.
 */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  assertNumberPairs(x, y, 'x', 'y');
  if (x.length < 2) return null;
  return pearsonOf(ranksOf(x), ranksOf(y));
}

// ---------------------------------------------------------------------------------------------------
// Summaries

/**
 * All the agreement metrics of one set of pairs (see {@link AgreementSummary} for each field).
 * Empty input → `{ n: 0 }` with every metric `null`. Kappas are `null` when both raters give one and
 * the same score throughout ({@link cohenKappa}); SMD is `null` when n < 2 or both raters are constant.
 * @throws {ValidationError} lengths differ, or a score is not an integer in [min, max].
 */
export const agreementSummary = scoreMetric(summarize);

/**
 * {@link agreementSummary} over all pairs (`overall`) and for each criterion (`criteria`, keys sorted in
 * ascending code-unit order; note that JavaScript objects list integer-like keys such as "10" first,
 * in numeric order, whatever the insertion order).
 * @throws {ValidationError} a score is not an integer in [min, max]; the message names the pair index.
 */
export function agreementByCriterion(
  pairs: readonly ScorePair[],
  min = DEFAULT_SCALE_MIN,
  max = DEFAULT_SCALE_MAX,
): AgreementByCriterion {
  assertScale(min, max);
  const human: number[] = [];
  const ai: number[] = [];
  const groups = new Map<string, { human: number[]; ai: number[] }>();
  pairs.forEach((pair, index) => {
    assertScore(pair.human, min, max, index, 'human', true);
    assertScore(pair.ai, min, max, index, 'ai', true);
    human.push(pair.human);
    ai.push(pair.ai);
    let group = groups.get(pair.criterionId);
    if (!group) {
      group = { human: [], ai: [] };
      groups.set(pair.criterionId, group);
    }
    group.human.push(pair.human);
    group.ai.push(pair.ai);
  });
  const ids = [...groups.keys()].sort();
  return {
    overall: summarize(human, ai),
    // fromEntries defines own properties, so an id such as "__proto__" stays an ordinary key.
    criteria: Object.fromEntries(
      ids.map((id) => {
        const group = groups.get(id) ?? { human: [], ai: [] };
        return [id, summarize(group.human, group.ai)];
      }),
    ),
  };
}

/** No pairs: every metric undefined (null), one per field of the schema. */
const EMPTY_SUMMARY = Object.fromEntries(
  Object.keys(AgreementSummarySchema.shape).map((key) => [key, key === 'n' ? 0 : null]),
) as AgreementSummary;

/** The figures of one group of already-checked pairs (shared with `agreement-uncertainty.ts`). */
export function summarize(human: readonly number[], ai: readonly number[]): AgreementSummary {
  const n = human.length;
  if (n === 0) return { ...EMPTY_SUMMARY };
  // One pass for everything but the variances: calibration requests carry up to 100 000 pairs.
  let same = 0;
  let adjacent = 0;
  let absolute = 0;
  let squared = 0;
  let signed = 0;
  for (let k = 0; k < n; k++) {
    const diff = ai[k] - human[k];
    if (diff === 0) same += 1;
    if (diff >= -1 && diff <= 1) adjacent += 1;
    absolute += Math.abs(diff);
    squared += diff * diff;
    signed += diff;
  }
  const rows = countValues(human);
  const cols = countValues(ai);
  return {
    n,
    qwk: kappaFromCounts(n, squared, rows, cols, DISAGREEMENT.quadratic),
    kappa: kappaFromCounts(n, n - same, rows, cols, DISAGREEMENT.none),
    exact: same / n,
    adjacent: adjacent / n,
    mae: absolute / n,
    smd: smdOf(human, ai),
    bias: signed / n,
    humanMean: mean(human),
    aiMean: mean(ai),
  };
}

// ---------------------------------------------------------------------------------------------------
// Validation (messages are shown to exam teams: French)

type Rater = 'human' | 'ai' | 'x' | 'y';

const RATER_LABEL: Record<Rater, string> = { human: 'humaine', ai: 'IA', x: 'x', y: 'y' };

function assertScale(min: number, max: number): void {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max) {
    throw new ValidationError(
      `Échelle de notes invalide : min (${min}) et max (${max}) doivent être des entiers avec min < max.`,
      { min, max },
    );
  }
  if (max - min > MAX_SCALE_SPAN) {
    throw new ValidationError(
      `Échelle de notes trop large : max − min vaut ${max - min}, au plus ${MAX_SCALE_SPAN} est accepté.`,
      { min, max },
    );
  }
}

/** `inPairs`: the index is that of `pairs[]` in {@link agreementByCriterion}, else of the score arrays. */
function assertScore(
  value: number,
  min: number,
  max: number,
  index: number,
  rater: 'human' | 'ai',
  inPairs = false,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const where = inPairs ? `pairs[${index}]` : `Indice ${index}`;
    throw new ValidationError(
      `${where} : la note ${RATER_LABEL[rater]} (${String(value)}) n'est pas un entier entre ${min} et ${max}.`,
      { at: where, field: rater, value },
    );
  }
}

function assertSameLength(a: readonly number[], b: readonly number[], first: Rater, second: Rater): void {
  if (a.length !== b.length) {
    throw new ValidationError(
      `Les deux séries n'ont pas la même longueur : ${first} = ${a.length}, ${second} = ${b.length}.`,
      { [first]: a.length, [second]: b.length },
    );
  }
}

export function assertScorePairs(
  human: readonly number[],
  ai: readonly number[],
  min: number,
  max: number,
): void {
  assertScale(min, max);
  assertSameLength(human, ai, 'human', 'ai');
  for (let k = 0; k < human.length; k++) {
    assertScore(human[k], min, max, k, 'human');
    assertScore(ai[k], min, max, k, 'ai');
  }
}

function assertFinite(values: readonly number[], rater: Rater): void {
  values.forEach((value, k) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ValidationError(
        `Indice ${k} : la valeur ${RATER_LABEL[rater]} (${String(value)}) n'est pas un nombre fini.`,
        { at: `Indice ${k}`, field: rater, value },
      );
    }
  });
}

function assertNumberPairs(
  a: readonly number[],
  b: readonly number[],
  first: Rater = 'human',
  second: Rater = 'ai',
): void {
  assertSameLength(a, b, first, second);
  assertFinite(a, first);
  assertFinite(b, second);
}
