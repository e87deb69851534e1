/**
 * AI-vs-gold agreement for the evals, computed with THE metrics module of the calibration feature
 * (`server/src/features/calibration/metrics.ts`): a QWK in a CI report and a QWK on the exam team's screen are
 * the same number. This file only builds the pairs and groups them; it implements no metric.
 */
import {
  type AgreementSummary,
  agreementByCriterion,
  agreementSummary,
  type ScorePair,
  spearman,
} from '../../server/src/features/calibration/metrics';
import { getExam } from '../../server/src/features/referential/index';
import { defaultRubric } from '../../server/src/features/reviews/rubric';
import type { DeliverableStatus, Gold, Quality, SecondGold } from './cases';

/** What the metrics need from one reviewed case. */
export interface CaseScores {
  caseId: string;
  examId: string;
  quality: Quality;
  gold: Gold;
  r2: SecondGold | null;
  /** A third rater (`.gold-r3.json`), reported beside the two others. */
  r3?: SecondGold | null;
  /** Graded criteria only (a failed criterion is a check failure, not a 0 in the metrics); null: no report. */
  ai: Record<string, number> | null;
  /** The report's overall score (weighted mean, 0–4). */
  aiOverall: number | null;
  aiDeliverables: Record<string, DeliverableStatus> | null;
}

export interface ExamMetrics {
  id: string;
  cases: number;
  agreement: AgreementSummary;
  /** Spearman of AI overall vs gold weighted mean over this exam's cases. */
  spearman: number | null;
  /** Per criterion, in the exam's order. */
  criteria: { id: string; agreement: AgreementSummary }[];
  deliverables: DeliverableAgreement;
}

/** Deliverable status on the scale missing (0) < partial (1) < present (2). */
export interface DeliverableAgreement {
  n: number;
  exact: number | null;
  qwk: number | null;
}

export interface HumanHuman {
  /** Cases with a second rater. */
  cases: string[];
  /** The gold rater as "human", the second rater (`.gold-r2.json`) in the AI's seat: same formulas. */
  agreement: AgreementSummary;
  /** The AI against the same cases' gold, for a like-for-like comparison. */
  aiOnSameCases: AgreementSummary;
  /** The same two comparisons exam by exam (exams with a second rater only). */
  exams: { id: string; cases: number; agreement: AgreementSummary; aiOnSameCases: AgreementSummary }[];
  /** Criteria the two raters score two or more points apart: what an assessment team would adjudicate. */
  wideDisagreements: { caseId: string; criterionId: string; gold: number; r2: number }[];
  /** A third rater against the gold and against the second rater, on the cases all three scored. */
  third: { cases: string[]; withGold: AgreementSummary; withSecond: AgreementSummary } | null;
}

export interface EvalMetrics {
  overall: AgreementSummary & { spearman: number | null; cases: number };
  exams: ExamMetrics[];
  byQuality: { quality: Quality; cases: number; agreement: AgreementSummary }[];
  deliverables: DeliverableAgreement;
  humanHuman: HumanHuman | null;
  /** Per case: gold weighted mean and AI overall, for the tables. */
  overallScores: { caseId: string; gold: number; ai: number | null }[];
}

const STATUS_SCALE: Record<DeliverableStatus, number> = { missing: 0, partial: 1, present: 2 };

/** The rubric's weighted mean of the gold scores: the number the report's `overall.score` stands beside. */
export function goldOverall(examId: string, gold: Pick<Gold, 'criteria'>): number {
  const weights = new Map(defaultRubric(examId).criteria.map((c) => [c.id, c.weight]));
  let sum = 0;
  let total = 0;
  for (const [id, { score }] of Object.entries(gold.criteria)) {
    const w = weights.get(id) ?? 1;
    sum += w * score;
    total += w;
  }
  return total === 0 ? 0 : sum / total;
}

/** (gold, AI) pairs of the criteria the AI graded. */
export function scorePairs(c: CaseScores): ScorePair[] {
  if (!c.ai) return [];
  const ai = c.ai;
  return Object.entries(c.gold.criteria)
    .filter(([id]) => ai[id] !== undefined)
    .map(([criterionId, g]) => ({ criterionId, human: g.score, ai: ai[criterionId] }));
}

function deliverableAgreement(cases: CaseScores[]): DeliverableAgreement {
  const human: number[] = [];
  const ai: number[] = [];
  for (const c of cases) {
    if (!c.aiDeliverables) continue;
    for (const [id, g] of Object.entries(c.gold.deliverables)) {
      const status = c.aiDeliverables[id];
      if (status === undefined) continue;
      human.push(STATUS_SCALE[g.status]);
      ai.push(STATUS_SCALE[status]);
    }
  }
  const summary = agreementSummary(human, ai, 0, 2);
  return { n: summary.n, exact: summary.exact, qwk: summary.qwk };
}

function overallSpearman(cases: CaseScores[]): number | null {
  const scored = cases.filter((c) => c.aiOverall !== null);
  if (scored.length < 2) return null;
  return spearman(
    scored.map((c) => goldOverall(c.examId, c.gold)),
    scored.map((c) => c.aiOverall as number),
  );
}

const pairsOf = (cases: CaseScores[]) => cases.flatMap(scorePairs);
const summaryOf = (pairs: ScorePair[]) =>
  agreementSummary(
    pairs.map((p) => p.human),
    pairs.map((p) => p.ai),
  );

type Rater = { criteria: Record<string, { score: number }> };

/** One rater in the "human" seat, another in the AI's, criterion by criterion (second rater by default). */
function raterPairs(
  rated: CaseScores[],
  first: (c: CaseScores) => Rater = (c) => c.gold,
  second: (c: CaseScores) => Rater | null | undefined = (c) => c.r2,
): (ScorePair & { caseId: string })[] {
  return rated.flatMap((c) =>
    Object.entries(first(c).criteria)
      .filter(([id]) => second(c)?.criteria[id] !== undefined)
      .map(([criterionId, g]) => ({
        caseId: c.caseId,
        criterionId,
        human: g.score,
        ai: second(c)?.criteria[criterionId].score as number,
      })),
  );
}

function thirdRater(rated: CaseScores[]): HumanHuman['third'] {
  const all = rated.filter((c) => c.r3);
  if (all.length === 0) return null;
  return {
    cases: all.map((c) => c.caseId),
    withGold: summaryOf(
      raterPairs(
        all,
        (c) => c.gold,
        (c) => c.r3,
      ),
    ),
    withSecond: summaryOf(
      raterPairs(
        all,
        (c) => c.r2 as Rater,
        (c) => c.r3,
      ),
    ),
  };
}

function humanHuman(cases: CaseScores[]): HumanHuman | null {
  const rated = cases.filter((c) => c.r2 !== null);
  if (rated.length === 0) return null;
  const pairs = raterPairs(rated);
  const examIds = [...new Set(rated.map((c) => c.examId))].sort();
  return {
    cases: rated.map((c) => c.caseId),
    agreement: summaryOf(pairs),
    aiOnSameCases: summaryOf(pairsOf(rated)),
    exams: examIds.map((id) => {
      const examCases = rated.filter((c) => c.examId === id);
      return {
        id,
        cases: examCases.length,
        agreement: summaryOf(raterPairs(examCases)),
        aiOnSameCases: summaryOf(pairsOf(examCases)),
      };
    }),
    wideDisagreements: pairs
      .filter((p) => Math.abs(p.human - p.ai) >= 2)
      .map((p) => ({ caseId: p.caseId, criterionId: p.criterionId, gold: p.human, r2: p.ai })),
    third: thirdRater(rated),
  };
}

/** Every agreement number of a run: overall, per exam (and per criterion), per quality, deliverables, R1–R2. */
export function evalMetrics(cases: CaseScores[]): EvalMetrics {
  const examIds = [...new Set(cases.map((c) => c.examId))].sort();
  const exams = examIds.map((id): ExamMetrics => {
    const examCases = cases.filter((c) => c.examId === id);
    const pairs = pairsOf(examCases);
    const byCriterion = agreementByCriterion(pairs);
    const order = getExam(id)?.criteria.map((c) => c.id) ?? Object.keys(byCriterion.criteria).sort();
    return {
      id,
      cases: examCases.length,
      agreement: byCriterion.overall,
      spearman: overallSpearman(examCases),
      criteria: order
        .filter((cid) => byCriterion.criteria[cid] !== undefined)
        .map((cid) => ({ id: cid, agreement: byCriterion.criteria[cid] })),
      deliverables: deliverableAgreement(examCases),
    };
  });
  const qualities = (['strong', 'partial', 'weak', 'adversarial'] as const).filter((q) =>
    cases.some((c) => c.quality === q),
  );
  return {
    overall: { ...summaryOf(pairsOf(cases)), spearman: overallSpearman(cases), cases: cases.length },
    exams,
    byQuality: qualities.map((quality) => {
      const group = cases.filter((c) => c.quality === quality);
      return { quality, cases: group.length, agreement: summaryOf(pairsOf(group)) };
    }),
    deliverables: deliverableAgreement(cases),
    humanHuman: humanHuman(cases),
    overallScores: cases.map((c) => ({
      caseId: c.caseId,
      gold: goldOverall(c.examId, c.gold),
      ai: c.aiOverall,
    })),
  };
}
