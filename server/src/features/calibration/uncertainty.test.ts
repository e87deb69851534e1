/**
 * n and a 95 % bootstrap interval for every agreement figure: seeded (deterministic), consistent with the
 * point estimates, narrower with more pairs, absent where a metric is undefined.
 */
import { describe, expect, it } from 'vitest';
import { agreementWithUncertainty, bootstrapIntervals, MIN_PAIRS } from './agreement-uncertainty';
import { REAL30_AI, REAL30_CRITERIA, REAL30_HUMAN } from './fixtures';
import { agreementByCriterion, agreementSummary, type ScorePair } from './metrics';

const pairs: ScorePair[] = REAL30_HUMAN.map((human, k) => ({
  criterionId: REAL30_CRITERIA[k % 3],
  human,
  ai: REAL30_AI[k],
}));

describe('bootstrap intervals', () => {
  it('are deterministic and bracket the point estimate', () => {
    const first = bootstrapIntervals(REAL30_HUMAN, REAL30_AI);
    expect(bootstrapIntervals(REAL30_HUMAN, REAL30_AI)).toEqual(first);
    expect(first.level).toBe(0.95);
    expect(first.resamples).toBe(1000);
    const point = agreementSummary(REAL30_HUMAN, REAL30_AI);
    for (const m of ['qwk', 'kappa', 'exact', 'adjacent', 'mae', 'smd', 'bias'] as const) {
      const interval = first[m];
      expect(interval, m).not.toBeNull();
      const [low, high] = interval as [number, number];
      expect(low, m).toBeLessThan(high);
      expect(point[m], m).toBeGreaterThanOrEqual(low);
      expect(point[m], m).toBeLessThanOrEqual(high);
    }
    // The same pairs in another order: the same interval.
    const reversed = bootstrapIntervals([...REAL30_HUMAN].reverse(), [...REAL30_AI].reverse());
    expect(reversed).toEqual(first);
    // Another seed moves the bounds a little, not the conclusion.
    const other = bootstrapIntervals(REAL30_HUMAN, REAL30_AI, { seed: 7 });
    expect(other.qwk).not.toEqual(first.qwk);
    expect(Math.abs((other.qwk?.[0] ?? 0) - (first.qwk?.[0] ?? 0))).toBeLessThan(0.1);
  });

  it('narrow as the sample grows, and collapse for perfect agreement', () => {
    const width = (i: [number, number] | null) => (i ? i[1] - i[0] : Number.NaN);
    const small = bootstrapIntervals(REAL30_HUMAN.slice(0, 10), REAL30_AI.slice(0, 10));
    const four = (xs: readonly number[]) => [...xs, ...xs, ...xs, ...xs];
    const large = bootstrapIntervals(four(REAL30_HUMAN), four(REAL30_AI));
    expect(width(large.qwk)).toBeLessThan(width(small.qwk));
    expect(width(large.mae)).toBeLessThan(width(small.mae));
    const same = bootstrapIntervals([0, 1, 2, 3, 4, 2], [0, 1, 2, 3, 4, 2]);
    expect(same.exact).toEqual([1, 1]);
    expect(same.mae).toEqual([0, 0]);
  });

  it('are null where the metric is undefined: fewer than two pairs, constant scores', () => {
    const one = bootstrapIntervals([2], [3]);
    expect(one.resamples).toBe(0);
    expect(one.qwk).toBeNull();
    expect(one.mae).toBeNull();
    const constant = bootstrapIntervals([2, 2, 2, 2], [2, 2, 2, 2]);
    expect(constant.qwk).toBeNull();
    expect(constant.exact).toEqual([1, 1]);
  });

  it('keep the plain figures of agreementByCriterion and mark samples below the minimum n', () => {
    const result = agreementWithUncertainty(pairs);
    const plain = agreementByCriterion(pairs);
    const strip = ({ ci, minN, sufficient, ...rest }: (typeof result)['overall']) => rest;
    expect(strip(result.overall)).toEqual(plain.overall);
    expect(Object.keys(result.criteria)).toEqual(Object.keys(plain.criteria));
    for (const [id, m] of Object.entries(result.criteria)) expect(strip(m)).toEqual(plain.criteria[id]);
    // 30 pairs overall, 10 per criterion: the criteria are below the minimum, the whole set is not.
    expect(MIN_PAIRS).toBeGreaterThan(10);
    expect(MIN_PAIRS).toBeLessThanOrEqual(30);
    expect([result.overall.n, result.overall.sufficient]).toEqual([30, true]);
    expect(Object.values(result.criteria).map((m) => [m.n, m.sufficient, m.minN])).toEqual([
      [10, false, MIN_PAIRS],
      [10, false, MIN_PAIRS],
      [10, false, MIN_PAIRS],
    ]);
  });
});
