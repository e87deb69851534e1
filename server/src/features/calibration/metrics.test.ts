/**
 * Reference values are literals computed outside this code base:
 * - published examples (Wikipedia « Cohen's kappa », scikit-learn's own `test_cohen_kappa`), quoted with
 *   the precision they were published with, plus their exact fractions;
 * - everything else by a stand-alone Python 3 script (stdlib, exact `fractions.Fraction` arithmetic until
 *   the final division or square root) written from the reference definitions, not from metrics.ts:
 *     kappa: sklearn `cohen_kappa_score(h, a, labels=range(min, max + 1), weights=…)` as sklearn writes it:
 *       C = confusion matrix, E = outer(C.sum(axis=0), C.sum(axis=1)) / n,
 *       W = 1 − I | |i − j| | (i − j)², κ = 1 − Σ W·C / Σ W·E (NaN → null when Σ W·E = 0);
 *     smd: RSMTool `standardized_mean_difference(h, a, method='pooled', ddof=1)`
 *       = (mean(a) − mean(h)) / sqrt((var(h, ddof=1) + var(a, ddof=1)) / 2) (NaN → null);
 *     spearman: scipy `rankdata(method='average')` (computed as #less + (#equal + 1) / 2, no sorting),
 *       then Pearson r = Σ dx·dy / sqrt(Σ dx² · Σ dy²) of the ranks;
 *     exact = mean(h == a), adjacent = mean(|h − a| ≤ 1), mae = mean(|h − a|), bias = mean(a − h).
 * The 30-pair dataset and its values live in fixtures.ts, shared with routes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type AppError, ValidationError } from '../../lib/errors';
import {
  REAL30_AI,
  REAL30_BY_CRITERION,
  REAL30_EXTRA,
  REAL30_HUMAN,
  REAL30_OVERALL,
  REAL30_PAIRS,
  summaryMismatches,
} from './fixtures';
import {
  type AgreementSummary,
  adjacentAgreement,
  agreementByCriterion,
  agreementSummary,
  averageRanks,
  bias,
  cohenKappa,
  confusionMatrix,
  exactAgreement,
  linearWeightedKappa,
  meanAbsoluteError,
  pearson,
  quadraticWeightedKappa,
  spearman,
  standardizedMeanDifference,
} from './metrics';

/** A 2×2 table as two rating lists (1 = yes, 0 = no): rows = rater A, columns = rater B. */
function fromTable(yesYes: number, yesNo: number, noYes: number, noNo: number): [number[], number[]] {
  const a = [...Array(yesYes + yesNo).fill(1), ...Array(noYes + noNo).fill(0)];
  const b = [
    ...Array(yesYes).fill(1),
    ...Array(yesNo).fill(0),
    ...Array(noYes).fill(1),
    ...Array(noNo).fill(0),
  ];
  return [a, b];
}

function repeat(...runs: [value: number, times: number][]): number[] {
  return runs.flatMap(([value, times]) => Array<number>(times).fill(value));
}

function expectSummary(actual: AgreementSummary, expected: AgreementSummary): void {
  expect(summaryMismatches(actual, expected)).toEqual([]);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('published examples', () => {
  it("Wikipedia « Cohen's kappa »: 50 grant proposals, table 20/5/10/15 → κ = 0.4", () => {
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5) = 0.4
    const [a, b] = fromTable(20, 5, 10, 15);
    expect(cohenKappa(a, b, 0, 1)).toBeCloseTo(0.4, 12);
    expect(exactAgreement(a, b, 0, 1)).toBeCloseTo(0.7, 12);
  });

  it('Wikipedia, « same percentages but different numbers »: 0.1304 and 0.2593', () => {
    // Both tables have p_o = 0.6; p_e = 0.54 → κ = 0.06/0.46 = 3/23, p_e = 0.46 → κ = 0.14/0.54 = 7/27.
    const [a1, b1] = fromTable(45, 15, 25, 15);
    expect(cohenKappa(a1, b1, 0, 1)).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(a1, b1, 0, 1)).toBeCloseTo(3 / 23, 12);
    const [a2, b2] = fromTable(25, 35, 5, 35);
    expect(cohenKappa(a2, b2, 0, 1)).toBeCloseTo(0.2593, 4);
    expect(cohenKappa(a2, b2, 0, 1)).toBeCloseTo(7 / 27, 12);
  });

  it("scikit-learn's test_cohen_kappa values (unweighted, linear, quadratic)", () => {
    const y1 = repeat([0, 40], [1, 60]);
    const y2 = repeat([0, 20], [1, 20], [0, 10], [1, 50]);
    expect(cohenKappa(y1, y2, 0, 1)).toBeCloseTo(0.348, 3);
    expect(cohenKappa(y1, y2, 0, 1)).toBeCloseTo(0.34782608695652173, 9);
    expect(cohenKappa(y2, y1, 0, 1)).toBe(cohenKappa(y1, y2, 0, 1));

    const z1 = repeat([0, 46], [1, 44], [2, 10]);
    const z2 = repeat([0, 52], [1, 32], [2, 16]);
    expect(cohenKappa(z1, z2, 0, 2)).toBeCloseTo(0.8013, 4);
    expect(cohenKappa(z1, z2, 0, 2)).toBeCloseTo(0.8013245033112583, 9);

    const w2 = repeat([0, 50], [1, 40], [2, 10]);
    expect(cohenKappa(z1, w2, 0, 2)).toBeCloseTo(0.9315, 4);
    expect(linearWeightedKappa(z1, w2, 0, 2)).toBeCloseTo(0.9412, 4);
    expect(quadraticWeightedKappa(z1, w2, 0, 2)).toBeCloseTo(0.9541, 4);
    expect(cohenKappa(z1, w2, 0, 2)).toBeCloseTo(0.9315068493150684, 9);
    expect(linearWeightedKappa(z1, w2, 0, 2)).toBeCloseTo(0.9411764705882353, 9);
    expect(quadraticWeightedKappa(z1, w2, 0, 2)).toBeCloseTo(0.9541284403669725, 9);
  });

  it('QWK by hand: human [0, 1, 2], AI [0, 2, 2] on 0–2 → 0.8', () => {
    // Confusion O: (0,0) = 1, (1,2) = 1, (2,2) = 1 → Σ w·O = (1 − 2)² = 1.
    // Marginals: human r = (1, 1, 1), AI c = (1, 0, 2), n = 3; E_ij = r_i·c_j / 3.
    // Σ w·E = (1/3)·Σ_i Σ_j (i − j)²·c_j = (1/3)·[(0 + 0 + 8) + (1 + 0 + 2) + (4 + 0 + 0)] = 15/3 = 5.
    // QWK = 1 − 1/5 = 0.8. Unweighted: p_o = 2/3, p_e = (1·1 + 1·0 + 1·2)/9 = 1/3 → κ = (1/3)/(2/3) = 0.5.
    expect(quadraticWeightedKappa([0, 1, 2], [0, 2, 2], 0, 2)).toBeCloseTo(0.8, 12);
    expect(cohenKappa([0, 1, 2], [0, 2, 2], 0, 2)).toBeCloseTo(0.5, 12);
    expect(linearWeightedKappa([0, 1, 2], [0, 2, 2], 0, 2)).toBeCloseTo(2 / 3, 12);
  });
});

describe('agreementSummary', () => {
  it('perfect agreement', () => {
    const h = [0, 1, 2, 3, 4, 2, 1, 3];
    expect(agreementSummary(h, h)).toEqual({
      n: 8,
      qwk: 1,
      kappa: 1,
      exact: 1,
      adjacent: 1,
      mae: 0,
      smd: 0,
      bias: 0,
      humanMean: 2,
      aiMean: 2,
    });
    expect(linearWeightedKappa(h, h)).toBe(1);
  });

  it('complete disagreement: the AI mirrors the jury at both ends of the scale', () => {
    const h = [0, 4, 0, 4, 0, 4];
    const a = [4, 0, 4, 0, 4, 0];
    expect(agreementSummary(h, a)).toEqual({
      n: 6,
      qwk: -1,
      kappa: -1,
      exact: 0,
      adjacent: 0,
      mae: 4,
      smd: 0,
      bias: 0,
      humanMean: 2,
      aiMean: 2,
    });
    expect(linearWeightedKappa(h, a)).toBe(-1);
  });

  it('systematic +1 bias: adjacent is perfect, exact is zero, QWK stays high, κ is negative', () => {
    const h = [0, 1, 2, 3, 0, 1, 2, 3, 1, 2];
    const a = h.map((x) => x + 1);
    expectSummary(agreementSummary(h, a), {
      n: 10,
      qwk: 0.6774193548387096,
      kappa: -0.26582278481012656,
      exact: 0,
      adjacent: 1,
      mae: 1,
      smd: 0.9258200997725514,
      bias: 1,
      humanMean: 1.5,
      aiMean: 2.5,
    });
    expect(linearWeightedKappa(h, a)).toBeCloseTo(0.2857142857142857, 9);
    expect(spearman(h, a)).toBeCloseTo(1, 12);
  });

  it('constant and identical raters: kappas and SMD are undefined (null), not 1', () => {
    expect(agreementSummary([2, 2, 2, 2], [2, 2, 2, 2])).toEqual({
      n: 4,
      qwk: null,
      kappa: null,
      exact: 1,
      adjacent: 1,
      mae: 0,
      smd: null,
      bias: 0,
      humanMean: 2,
      aiMean: 2,
    });
    expect(linearWeightedKappa([2, 2], [2, 2])).toBeNull();
  });

  it('constant but different raters: κ = QWK = 0 (sklearn), SMD null (pooled sd 0), bias still shown', () => {
    expect(agreementSummary([2, 2, 2], [3, 3, 3])).toEqual({
      n: 3,
      qwk: 0,
      kappa: 0,
      exact: 0,
      adjacent: 1,
      mae: 1,
      smd: null,
      bias: 1,
      humanMean: 2,
      aiMean: 3,
    });
  });

  it('one constant rater: kappas are 0, SMD is defined', () => {
    expect(agreementSummary([2, 2, 2, 2], [1, 2, 3, 2])).toEqual({
      n: 4,
      qwk: 0,
      kappa: 0,
      exact: 0.5,
      adjacent: 1,
      mae: 0.5,
      smd: 0,
      bias: 0,
      humanMean: 2,
      aiMean: 2,
    });
  });

  it('a single pair: kappas defined (0), SMD null (no sample variance)', () => {
    expect(agreementSummary([1], [3])).toEqual({
      n: 1,
      qwk: 0,
      kappa: 0,
      exact: 0,
      adjacent: 0,
      mae: 2,
      smd: null,
      bias: 2,
      humanMean: 1,
      aiMean: 3,
    });
  });

  it('empty input: n = 0 and every metric null', () => {
    expect(agreementSummary([], [])).toEqual({
      n: 0,
      qwk: null,
      kappa: null,
      exact: null,
      adjacent: null,
      mae: null,
      smd: null,
      bias: null,
      humanMean: null,
      aiMean: null,
    });
    expect(cohenKappa([], [])).toBeNull();
    expect(exactAgreement([], [])).toBeNull();
    expect(meanAbsoluteError([], [])).toBeNull();
    expect(bias([], [])).toBeNull();
    expect(standardizedMeanDifference([], [])).toBeNull();
    expect(spearman([], [])).toBeNull();
    expect(confusionMatrix([], [], 0, 1)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('realistic 30 pairs on 0–4: every metric to 1e-9', () => {
    const s = agreementSummary(REAL30_HUMAN, REAL30_AI, 0, 4);
    expect(s.n).toBe(30);
    expect(s.qwk).toBeCloseTo(0.7052740434332989, 9);
    expect(s.kappa).toBeCloseTo(0.4072948328267477, 9);
    expect(s.exact).toBeCloseTo(0.5666666666666667, 9);
    expect(s.adjacent).toBeCloseTo(0.9333333333333333, 9);
    expect(s.mae).toBeCloseTo(0.5, 9);
    expect(s.smd).toBeCloseTo(0.224179415327122, 9);
    expect(s.bias).toBeCloseTo(0.23333333333333334, 9);
    expect(s.humanMean).toBeCloseTo(2.2333333333333334, 9);
    expect(s.aiMean).toBeCloseTo(2.466666666666667, 9);
    expectSummary(s, REAL30_OVERALL);

    expect(quadraticWeightedKappa(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(0.7052740434332989, 9);
    expect(cohenKappa(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(0.4072948328267477, 9);
    expect(linearWeightedKappa(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(REAL30_EXTRA.linearKappa, 9);
    expect(exactAgreement(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(0.5666666666666667, 9);
    expect(adjacentAgreement(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(0.9333333333333333, 9);
    expect(meanAbsoluteError(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(0.5, 9);
    expect(standardizedMeanDifference(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(0.224179415327122, 9);
    expect(bias(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(0.23333333333333334, 9);
    expect(spearman(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(REAL30_EXTRA.spearman, 9);
    expect(pearson(REAL30_HUMAN, REAL30_AI)).toBeCloseTo(REAL30_EXTRA.pearson, 9);
    expect(confusionMatrix(REAL30_HUMAN, REAL30_AI)).toEqual(REAL30_EXTRA.confusion);
  });

  it('does not depend on where the scale starts: the same data on 1–5', () => {
    const h = REAL30_HUMAN.map((x) => x + 1);
    const a = REAL30_AI.map((x) => x + 1);
    expectSummary(agreementSummary(h, a, 1, 5), {
      ...REAL30_OVERALL,
      humanMean: 3.2333333333333334,
      aiMean: 3.466666666666667,
    });
    expect(confusionMatrix(h, a, 1, 5)).toEqual(REAL30_EXTRA.confusion);
  });

  it('kappas are symmetric in the two raters; bias and SMD change sign', () => {
    const forward = agreementSummary(REAL30_HUMAN, REAL30_AI);
    const backward = agreementSummary(REAL30_AI, REAL30_HUMAN);
    expect(backward.qwk).toBeCloseTo(forward.qwk ?? Number.NaN, 12);
    expect(backward.kappa).toBeCloseTo(forward.kappa ?? Number.NaN, 12);
    expect(backward.bias).toBeCloseTo(-(forward.bias ?? Number.NaN), 12);
    expect(backward.smd).toBeCloseTo(-(forward.smd ?? Number.NaN), 12);
  });
});

describe('confusionMatrix', () => {
  it('rows are jury scores, columns AI scores, over the whole scale', () => {
    expect(confusionMatrix([0, 0, 2, 1], [1, 1, 2, 0], 0, 2)).toEqual([
      [0, 2, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
  });
});

describe('spearman, pearson, averageRanks', () => {
  it('average ranks for ties, like scipy.stats.rankdata', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([1, 2, 2, 3, 4, 4, 4, 5])).toEqual([1, 2.5, 2.5, 4, 6, 6, 6, 8]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
  });

  it('spearman with ties on both sides', () => {
    expect(spearman([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 4, 6])).toBeCloseTo(0.925626545313669, 9);
    expect(pearson([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 4, 6])).toBeCloseTo(0.8867963503478639, 9);
    expect(spearman([10, 20, 20, 30], [1, 3, 2, 4])).toBeCloseTo(0.9486832980505138, 9);
    expect(spearman([1, 2, 3, 4, 5], [50, 40, 40, 10, 0])).toBeCloseTo(-0.9746794344808963, 9);
  });

  it('is null when undefined: n < 2 or a constant variable', () => {
    expect(spearman([1], [2])).toBeNull();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [0.1, 0.1, 0.1])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
    expect(pearson([1, 2], [5, 3])).toBe(-1);
  });
});

describe('agreementByCriterion', () => {
  it('summarises overall and per criterion, keys sorted', () => {
    const result = agreementByCriterion(REAL30_PAIRS, 0, 4);
    expect(Object.keys(result.criteria)).toEqual(['C1', 'C2', 'C3']);
    expectSummary(result.overall, REAL30_OVERALL);
    expectSummary(result.criteria.C1, REAL30_BY_CRITERION.C1);
    expectSummary(result.criteria.C2, REAL30_BY_CRITERION.C2);
    expectSummary(result.criteria.C3, REAL30_BY_CRITERION.C3);
  });

  it('empty input', () => {
    expect(agreementByCriterion([])).toEqual({ overall: agreementSummary([], []), criteria: {} });
  });

  it('keeps odd criterion ids as plain keys', () => {
    const result = agreementByCriterion([
      { criterionId: '__proto__', human: 1, ai: 1 },
      { criterionId: 'constructor', human: 2, ai: 3 },
    ]);
    expect(Object.keys(result.criteria)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(result.criteria)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result.criteria, '__proto__')?.value).toMatchObject({
      n: 1,
      exact: 1,
    });
  });

  it('names the faulty pair index in French', () => {
    const pairs = [...REAL30_PAIRS.slice(0, 3), { criterionId: 'C1', human: 2, ai: 5 }];
    const err = thrown(() => agreementByCriterion(pairs, 0, 4));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: 'invalid_request', status: 400 });
    expect((err as AppError).message).toBe("pairs[3] : la note IA (5) n'est pas un entier entre 0 et 4.");
    expect((err as AppError).details).toEqual({ at: 'pairs[3]', field: 'ai', value: 5 });
  });
});

describe('validation', () => {
  it('rejects mismatched lengths', () => {
    expect(() => agreementSummary([1, 2], [1])).toThrow(ValidationError);
    expect(() => bias([1, 2], [1])).toThrow(
      "Les deux séries n'ont pas la même longueur : human = 2, ai = 1.",
    );
    expect(() => spearman([1, 2], [1])).toThrow(ValidationError);
  });

  it('rejects out-of-range and non-integer scores', () => {
    expect(() => agreementSummary([0, 5], [0, 4])).toThrow(
      "Indice 1 : la note humaine (5) n'est pas un entier entre 0 et 4.",
    );
    expect(() => quadraticWeightedKappa([0, -1], [0, 1])).toThrow(ValidationError);
    expect(() => exactAgreement([1.5], [1])).toThrow("Indice 0 : la note humaine (1.5) n'est pas un entier");
    expect(() => cohenKappa([1], [Number.NaN])).toThrow("Indice 0 : la note IA (NaN) n'est pas un entier");
    expect(() => confusionMatrix([1], [2], 0, 1)).toThrow(ValidationError);
  });

  it('rejects non-finite values where any number is allowed', () => {
    expect(() => standardizedMeanDifference([1, 2], [1, Number.POSITIVE_INFINITY])).toThrow(ValidationError);
    expect(() => pearson([Number.NaN, 1], [1, 2])).toThrow(
      "Indice 0 : la valeur x (NaN) n'est pas un nombre fini.",
    );
    expect(() => averageRanks([1, Number.NaN])).toThrow(ValidationError);
  });

  it('rejects a bad scale', () => {
    expect(() => agreementSummary([], [], 4, 4)).toThrow(
      'Échelle de notes invalide : min (4) et max (4) doivent être des entiers avec min < max.',
    );
    expect(() => agreementSummary([], [], 4, 0)).toThrow(ValidationError);
    expect(() => agreementSummary([], [], 0, 4.5)).toThrow(ValidationError);
    expect(() => agreementByCriterion([], 0, 101)).toThrow('Échelle de notes trop large');
    expect(agreementSummary([0, 100], [100, 0], 0, 100).qwk).toBe(-1);
  });
});
