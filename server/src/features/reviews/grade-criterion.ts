/**
 * One criterion graded and stored: the grader's answer, its quotes checked against the dossier (a quote
 * that is not there is dropped and caps the score), keyword stuffing, and a second opinion from the offline
 * analyzer when a model graded. A failure marks that criterion failed and retriable; the rest stands.
 */
import { and, eq, sql } from 'drizzle-orm';
import { reviewCriteria } from '../../../../db/schema';
import { LlmError } from '../../lib/llm/errors';
import type { Criterion } from '../referential';
import type { ReviewContext } from './context';
import type { GradeInput, GradeOutput } from './grader';
import { detectKeywordStuffing } from './offline/stuffing';
import { type CriterionResult, type Flag, LEVELS } from './schemas';
import { capUnverified, verifyEvidence } from './verify-quotes';

/** Score gap between the model and the offline analyzer above which a human should look. */
const LOW_CONFIDENCE_GAP = 2;

export function failedResult(criterion: Criterion, weight: number, message: string): CriterionResult {
  return {
    id: criterion.id,
    text: criterion.text,
    competencies: criterion.competencies,
    status: 'failed',
    score: 0,
    level: 'absent',
    rationale: "L'évaluation de ce critère a échoué ; elle peut être relancée sans refaire les autres.",
    evidence: [],
    missing: [],
    recommendations: [],
    flags: [{ code: 'criterion_failed', message: `Évaluation échouée : ${message}` }],
    weight,
  };
}

/** What the grader is given, plus the review it belongs to and how its passages were retrieved. */
export interface CriterionJob extends Omit<GradeInput, 'signal'> {
  reviewId: string;
  retrieval: NonNullable<CriterionResult['provenance']>['retrieval'];
}

/** What the checks need that does not depend on the grader's answer. */
interface AnswerFreeChecks {
  stuffing: ReturnType<typeof detectKeywordStuffing>;
  /** The offline analyzer's score, when a model grades (its second opinion). */
  secondScore: number | null;
}

/**
 * Keyword stuffing and the offline second opinion depend on the passages only, so they run while the model
 * call is in flight rather than after its answer: a review's calls all answer at about the same time, and
 * this work (≈ 19 ms a criterion) then queued on the event loop after the last answer (#17,
 * review_wall_over_call). It starts on the next turn of the event loop, once this call is on its way.
 */
async function answerFreeChecks(ctx: ReviewContext, job: CriterionJob, input: GradeInput) {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const stuffing = detectKeywordStuffing(job.passages, { language: job.exam.modalities.language });
  const secondScore = ctx.grader.offline ? null : (await ctx.offlineGrader.grade(input)).grade.score;
  return { stuffing, secondScore } satisfies AnswerFreeChecks;
}

/** The grader's answer checked: verified quotes, capped score and the flags that explain the cap. */
function checkedGrade(job: CriterionJob, out: GradeOutput, checks: AnswerFreeChecks) {
  const { verified, dropped } = verifyEvidence(out.grade.evidence, job.dossier);
  const flags: Flag[] = dropped.map((d) => ({
    code: 'unverified_quote' as const,
    message: "Citation introuvable dans le dossier : écartée de l'évaluation.",
    detail: d.quote.slice(0, 200),
  }));
  let score = capUnverified(out.grade.score, verified.length);
  if (verified.length === 0 && out.grade.score > score) {
    flags.push({ code: 'no_evidence', message: 'Aucune citation vérifiée : la note est plafonnée à 1.' });
  }
  const { stuffing, secondScore } = checks;
  if (
    stuffing.length > 0 &&
    verified.some((e) => stuffing.some((s) => s.excerpt.includes(e.quote.slice(0, 40))))
  ) {
    flags.push({
      code: 'keyword_stuffing',
      message: 'Liste de mots-clés sans analyse : non comptée comme analyse.',
    });
    score = Math.min(score, 1);
  }
  if (secondScore !== null && Math.abs(secondScore - score) >= LOW_CONFIDENCE_GAP) {
    flags.push({
      code: 'low_confidence',
      message: `Écart entre le modèle (${score}) et l'analyse hors ligne (${secondScore}) : à vérifier.`,
    });
  }
  return { verified, flags, score };
}

export async function gradeCriterion(ctx: ReviewContext, job: CriterionJob) {
  const { reviewId, criterion } = job;
  const weight = job.rubric.criteria.find((c) => c.id === criterion.id)?.weight ?? 1;
  const thisCriterion = and(
    eq(reviewCriteria.reviewId, reviewId),
    eq(reviewCriteria.criterionId, criterion.id),
  );
  await ctx.db
    .update(reviewCriteria)
    .set({ status: 'running', attempts: sql`${reviewCriteria.attempts} + 1`, updatedAt: new Date() })
    .where(thisCriterion);
  ctx.moved(reviewId);
  try {
    const { exam, rubric, passages, dossier, fenceId } = job;
    const input: GradeInput = { exam, rubric, criterion, passages, dossier, fenceId };
    const answer = ctx.grader.grade(input);
    const checks = answerFreeChecks(ctx, job, input);
    // Settled whatever the call does: a failed call must not leave this rejection unhandled.
    checks.catch(() => {});
    const out = await answer;
    const { verified, flags, score } = checkedGrade(job, out, await checks);
    const result: CriterionResult = {
      id: criterion.id,
      text: criterion.text,
      competencies: criterion.competencies,
      status: 'done',
      score,
      level: LEVELS[score],
      rationale: out.grade.rationale,
      evidence: verified,
      missing: out.grade.missing,
      recommendations: out.grade.recommendations,
      flags,
      weight,
      provenance: {
        retrieval: job.retrieval,
        ...(out.structuredOutput ? { structuredOutput: out.structuredOutput } : {}),
        ...(out.repaired === undefined ? {} : { repaired: out.repaired }),
      },
    };
    await ctx.db
      .update(reviewCriteria)
      .set({
        status: 'done',
        result,
        error: null,
        promptTokens: out.usage.promptTokens,
        completionTokens: out.usage.completionTokens,
        durationMs: out.durationMs,
        updatedAt: new Date(),
      })
      .where(thisCriterion);
    ctx.moved(reviewId);
    return { usage: out.usage, calls: out.calls, usageReported: out.usageReported ?? true };
  } catch (err) {
    const message =
      err instanceof LlmError ? `${err.kind}${err.retryable ? ' (temporaire)' : ''}` : 'erreur inattendue';
    ctx.logger.warn({ reviewId, criterionId: criterion.id, err }, 'criterion grading failed');
    await ctx.db
      .update(reviewCriteria)
      .set({
        status: 'failed',
        result: failedResult(criterion, weight, message),
        error: message,
        updatedAt: new Date(),
      })
      .where(thisCriterion);
    ctx.moved(reviewId);
    return {
      usage: { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 },
      calls: 1,
      usageReported: true,
    };
  }
}
