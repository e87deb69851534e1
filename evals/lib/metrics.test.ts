import { describe, expect, it } from 'vitest';
import { agreementSummary, spearman } from '../../server/src/features/calibration/metrics';
import type { Gold } from './cases';
import { type CaseScores, evalMetrics, goldOverall, scorePairs } from './metrics';

function gold(scores: number[], statuses: ('present' | 'partial' | 'missing')[] = []): Gold {
  return {
    rubricVersion: 'v1',
    rater: 'R1',
    criteria: Object.fromEntries(scores.map((s, i) => [`K${i + 1}`, { score: s, reason: 'r' }])),
    deliverables: Object.fromEntries(statuses.map((s, i) => [`L${i + 1}`, { status: s, reason: 'r' }])),
  };
}

function scores(
  caseId: string,
  quality: CaseScores['quality'],
  goldScores: number[],
  ai: number[] | null,
  overrides: Partial<CaseScores> = {},
): CaseScores {
  return {
    caseId,
    examId: 'b2-challenge-commercial',
    quality,
    gold: gold(goldScores),
    r2: null,
    ai: ai ? Object.fromEntries(ai.map((s, i) => [`K${i + 1}`, s])) : null,
    aiOverall: ai ? ai.reduce((a, b) => a + b, 0) / ai.length : null,
    aiDeliverables: null,
    ...overrides,
  };
}

describe('goldOverall', () => {
  it('is the rubric-weighted mean of the gold scores (v1: equal weights)', () => {
    expect(goldOverall('b2-challenge-commercial', gold([4, 3, 2, 1, 0, 2]))).toBe(2);
  });
});

describe('evalMetrics', () => {
  const cases = [
    scores('x/strong', 'strong', [4, 3, 3, 4, 3, 3], [3, 3, 3, 4, 2, 3]),
    scores('x/partial', 'partial', [2, 2, 1, 2, 2, 1], [2, 1, 1, 2, 3, 1]),
    scores('x/weak', 'weak', [1, 0, 1, 0, 1, 1], [1, 1, 0, 0, 1, 1]),
  ];

  it('uses the metrics module on the (gold, AI) pairs, overall and per exam', () => {
    const m = evalMetrics(cases);
    const pairs = cases.flatMap(scorePairs);
    const expected = agreementSummary(
      pairs.map((p) => p.human),
      pairs.map((p) => p.ai),
    );
    expect(m.overall).toEqual({
      ...expected,
      spearman: spearman(
        cases.map((c) => goldOverall(c.examId, c.gold)),
        cases.map((c) => c.aiOverall as number),
      ),
      cases: 3,
    });
    expect(m.exams).toHaveLength(1);
    expect(m.exams[0].agreement).toEqual(expected);
    expect(m.exams[0].criteria.map((c) => c.id)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
    expect(m.byQuality.map((q) => [q.quality, q.agreement.n])).toEqual([
      ['strong', 6],
      ['partial', 6],
      ['weak', 6],
    ]);
    expect(m.humanHuman).toBeNull();
  });

  it('leaves out criteria the AI did not grade and cases without a report', () => {
    const partial = scores('x/a', 'partial', [2, 2, 2, 2, 2, 2], null, {
      ai: { K1: 2, K2: 3 },
      aiOverall: 2.5,
    });
    const none = scores('x/b', 'weak', [1, 1, 1, 1, 1, 1], null);
    const m = evalMetrics([partial, none]);
    expect(m.overall.n).toBe(2);
    expect(m.overall.cases).toBe(2);
    expect(m.overall.spearman).toBeNull();
  });

  it('scores deliverables on missing < partial < present, and compares the two raters', () => {
    const withR2 = scores('x/strong', 'strong', [4, 3, 3, 4, 3, 3], [3, 3, 3, 4, 2, 3], {
      gold: gold([4, 3, 3, 4, 3, 3], ['present', 'partial', 'missing']),
      r2: { rubricVersion: 'v1', rater: 'R2', criteria: gold([3, 3, 3, 4, 3, 2]).criteria },
      aiDeliverables: { L1: 'present', L2: 'missing', L3: 'missing' },
    });
    const m = evalMetrics([withR2, cases[2]]);
    expect(m.deliverables).toEqual({ ...m.deliverables, n: 3, exact: 2 / 3 });
    expect(m.humanHuman?.cases).toEqual(['x/strong']);
    expect(m.humanHuman?.agreement).toEqual(agreementSummary([4, 3, 3, 4, 3, 3], [3, 3, 3, 4, 3, 2]));
    expect(m.humanHuman?.aiOnSameCases).toEqual(agreementSummary([4, 3, 3, 4, 3, 3], [3, 3, 3, 4, 2, 3]));
  });
});

describe('human–human agreement per exam', () => {
  it('compares the raters exam by exam and lists criteria two or more points apart', () => {
    const a = scores('x/strong', 'strong', [4, 3, 3, 4, 3, 3], null, {
      r2: { rubricVersion: 'v1', rater: 'X1', criteria: gold([4, 3, 1, 4, 3, 3]).criteria },
    });
    const other = { ...a, caseId: 'y/weak', examId: 'b1-audit-rse', quality: 'weak' as const };
    const m = evalMetrics([a, other]);
    expect(m.humanHuman?.exams.map((x) => [x.id, x.cases, x.agreement.n])).toEqual(
      [...new Set([a.examId, other.examId])].sort().map((id) => [id, 1, 6]),
    );
    expect(m.humanHuman?.wideDisagreements).toEqual([
      { caseId: 'x/strong', criterionId: 'K3', gold: 3, r2: 1 },
      { caseId: 'y/weak', criterionId: 'K3', gold: 3, r2: 1 },
    ]);
  });
});

describe('a third rater', () => {
  it('is compared with the gold and with the second rater on the cases it scored', () => {
    const three = scores('x/strong', 'strong', [4, 3, 3, 4, 3, 3], null, {
      r2: { rubricVersion: 'v1', rater: 'R2', criteria: gold([3, 3, 3, 4, 3, 2]).criteria },
      r3: { rubricVersion: 'v1', rater: 'X1', criteria: gold([4, 2, 3, 4, 3, 3]).criteria },
    });
    const two = scores('x/partial', 'partial', [2, 2, 2, 2, 2, 2], null, {
      r2: { rubricVersion: 'v1', rater: 'R2', criteria: gold([2, 2, 2, 2, 2, 2]).criteria },
    });
    const third = evalMetrics([three, two]).humanHuman?.third;
    expect(third?.cases).toEqual(['x/strong']);
    expect(third?.withGold).toEqual(agreementSummary([4, 3, 3, 4, 3, 3], [4, 2, 3, 4, 3, 3]));
    expect(third?.withSecond).toEqual(agreementSummary([3, 3, 3, 4, 3, 2], [4, 2, 3, 4, 3, 3]));
    expect(evalMetrics([two]).humanHuman?.third).toBeNull();
  });
});
