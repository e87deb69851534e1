/**
 * The held-out part of the evals (issue #16): its own agreement figures (overall and per exam), four checks
 * a pre-jury must pass on cases nobody tuned on, and its gates. The tuning part keeps the suite's existing
 * figures and gates; nothing here changes them.
 *
 * The four held-out checks, per case:
 * - `heldout_weak_overall`: a weak draft's overall score stays at or below `maxWeakOverall`;
 * - `heldout_strong_overall`: a strong draft's overall score reaches `minStrongOverall` (English included);
 * - `heldout_core_notions`: a criterion whose core notions the gold finds all absent scores at most
 *   `maxScoreWithCoreNotionsAbsent`;
 * - `heldout_sentence_reuse`: in a weak draft, no sentence is cited as evidence for more than
 *   `maxCriteriaPerEvidenceSentence` criteria (one generic sentence must not back half the grid).
 */
import { z } from 'zod';
import type { AgreementSummary } from '../../server/src/features/calibration/metrics';
import type { GapReport } from '../../server/src/features/reviews/schemas';
import type { EvalCase } from './cases';
import { coreNotionsAbsent } from './core-notions';
import type { EvalMetrics } from './metrics';

export const HeldoutGatesSchema = z.strictObject({
  overall: z.strictObject({
    qwk: z.number().min(-1).max(1),
    exact: z.number().min(0).max(1),
    adjacent: z.number().min(0).max(1),
  }),
  perExam: z.strictObject({ qwk: z.number().min(-1).max(1), maxAbsSmd: z.number().min(0) }),
  maxWeakOverall: z.number().min(0).max(4),
  minStrongOverall: z.number().min(0).max(4),
  maxScoreWithCoreNotionsAbsent: z.number().int().min(0).max(4),
  maxCriteriaPerEvidenceSentence: z.number().int().min(1),
});
export type HeldoutGates = z.infer<typeof HeldoutGatesSchema>;

/** One held-out check on one case (recorded, never thrown). */
export interface HeldoutCheck {
  caseId: string;
  examId: string;
  name: 'heldout_weak_overall' | 'heldout_strong_overall' | 'heldout_core_notions' | 'heldout_sentence_reuse';
  passed: boolean;
  detail: string;
}

/** What the checks need from one reviewed held-out case. */
export interface HeldoutCaseInput {
  evalCase: Pick<EvalCase, 'id' | 'examId' | 'quality' | 'gold'>;
  report: Pick<GapReport, 'overall' | 'criteria'> | null;
}

const fmt = (n: number) => n.toFixed(2);

/** Sentences of a quote, normalised for comparison; `[…]` joins separate pieces of one quote. */
export function quoteSentences(quote: string): string[] {
  return quote
    .split(/\[…\]|\[\.\.\.\]|(?<=[.!?…])\s+/u)
    .map((s) =>
      s
        .normalize('NFC')
        .toLowerCase()
        .replace(/[«»"“”]/g, '')
        .replace(/\s+/g, ' ')
        .replace(/[\s.!?…;:,]+$/u, '')
        .trim(),
    )
    .filter((s) => s.split(' ').length >= 3);
}

/** Each evidence sentence with the criteria that cite it, most-cited first. */
export function sentenceReuse(
  report: Pick<GapReport, 'criteria'>,
): { sentence: string; criteria: string[] }[] {
  const bySentence = new Map<string, Set<string>>();
  for (const criterion of report.criteria) {
    for (const evidence of criterion.evidence ?? []) {
      for (const sentence of quoteSentences(evidence.quote)) {
        const set = bySentence.get(sentence) ?? new Set<string>();
        set.add(criterion.id);
        bySentence.set(sentence, set);
      }
    }
  }
  return [...bySentence]
    .map(([sentence, ids]) => ({ sentence, criteria: [...ids].sort() }))
    .sort((a, b) => b.criteria.length - a.criteria.length || (a.sentence < b.sentence ? -1 : 1));
}

/** The held-out checks of one case. A case without a report fails the checks that apply to it. */
export function checkHeldoutCase(input: HeldoutCaseInput, gates: HeldoutGates): HeldoutCheck[] {
  const { evalCase, report } = input;
  const out: HeldoutCheck[] = [];
  const push = (name: HeldoutCheck['name'], passed: boolean, detail: string) =>
    out.push({ caseId: evalCase.id, examId: evalCase.examId, name, passed, detail });
  const overall = report?.overall.score ?? null;

  if (evalCase.quality === 'weak') {
    push(
      'heldout_weak_overall',
      overall !== null && overall <= gates.maxWeakOverall,
      overall === null ? 'no report' : `overall ${fmt(overall)} (weak: at most ${gates.maxWeakOverall})`,
    );
  }
  if (evalCase.quality === 'strong') {
    push(
      'heldout_strong_overall',
      overall !== null && overall >= gates.minStrongOverall,
      overall === null ? 'no report' : `overall ${fmt(overall)} (strong: at least ${gates.minStrongOverall})`,
    );
  }

  const absent = Object.entries(evalCase.gold.criteria).filter(([, g]) => coreNotionsAbsent(g));
  if (absent.length > 0) {
    const scores = new Map(
      (report?.criteria ?? []).filter((c) => c.status === 'done').map((c) => [c.id, c.score]),
    );
    const over = absent.filter(
      ([id]) => (scores.get(id) ?? Number.POSITIVE_INFINITY) > gates.maxScoreWithCoreNotionsAbsent,
    );
    push(
      'heldout_core_notions',
      report !== null && over.length === 0,
      report === null
        ? 'no report'
        : over.length === 0
          ? `${absent.length} criteria without their core notions, all at most ${gates.maxScoreWithCoreNotionsAbsent}`
          : `core notions absent but scored above ${gates.maxScoreWithCoreNotionsAbsent}: ${over.map(([id]) => `${id}=${scores.get(id) ?? 'not graded'}`).join(', ')}`,
    );
  }

  if (evalCase.quality === 'weak') {
    const reused = report
      ? sentenceReuse(report).filter((s) => s.criteria.length > gates.maxCriteriaPerEvidenceSentence)
      : [];
    push(
      'heldout_sentence_reuse',
      report !== null && reused.length === 0,
      report === null
        ? 'no report'
        : reused.length === 0
          ? `no sentence cited for more than ${gates.maxCriteriaPerEvidenceSentence} criteria`
          : reused
              .slice(0, 3)
              .map(
                (s) =>
                  `« ${s.sentence.slice(0, 80)}${s.sentence.length > 80 ? '…' : ''} » for ${s.criteria.join(', ')}`,
              )
              .join('; '),
    );
  }
  return out;
}

/** The held-out part's metrics and checks, and what its gates make of them. */
export interface HeldoutResult {
  metrics: EvalMetrics;
  checks: HeldoutCheck[];
  /** Gate failures, one line each (empty when the gates pass or when no gates are configured). */
  failures: string[];
}

const fmt3 = (n: number | null) => (n === null ? 'n/a' : n.toFixed(3));

/** Applies the held-out gates to the held-out metrics and checks. An undefined metric fails its gate. */
export function heldoutGateFailures(
  gates: HeldoutGates,
  metrics: EvalMetrics,
  checks: HeldoutCheck[],
): string[] {
  const failures: string[] = [];
  const min = (scope: string, name: string, value: number | null, threshold: number) => {
    if (value === null || value < threshold)
      failures.push(`held-out ${scope} ${name} ${fmt3(value)} < ${threshold}`);
  };
  const o: AgreementSummary = metrics.overall;
  min('overall', 'QWK', o.qwk, gates.overall.qwk);
  min('overall', 'exact', o.exact, gates.overall.exact);
  min('overall', 'adjacent', o.adjacent, gates.overall.adjacent);
  for (const exam of metrics.exams) {
    min(exam.id, 'QWK', exam.agreement.qwk, gates.perExam.qwk);
    const smd = exam.agreement.smd;
    if (smd === null || Math.abs(smd) > gates.perExam.maxAbsSmd) {
      failures.push(
        `held-out ${exam.id} |SMD| ${fmt3(smd === null ? null : Math.abs(smd))} > ${gates.perExam.maxAbsSmd}`,
      );
    }
  }
  for (const c of checks)
    if (!c.passed) failures.push(`held-out check failed: ${c.caseId} ${c.name}: ${c.detail}`);
  return failures;
}
