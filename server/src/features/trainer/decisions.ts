import { eq } from 'drizzle-orm';
import { reviewChecks, reviewDecisions, reviews } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, ValidationError } from '../../lib/errors';
import { audit } from '../accounts';
import type { GapReport, ReasonCode } from '../reviews';
import type { TrainerDeps } from './deps';

/** Records a trainer's decision on one criterion (append-only: the history stays). */
export async function decide(
  deps: TrainerDeps,
  actor: Actor,
  reviewId: string,
  criterionId: string,
  input: { score: number; reason: ReasonCode; comment?: string },
) {
  const { db } = deps.database;
  const [review] = await db.select().from(reviews).where(eq(reviews.id, reviewId));
  if (!review) throw new AppError('not_found', 404, `Analyse introuvable : ${reviewId}`);
  const report = review.report as GapReport | null;
  if (review.status !== 'done' || !report) {
    throw new AppError(
      'review_not_done',
      409,
      "L'analyse n'est pas terminée : rien à valider pour l'instant.",
    );
  }
  const criterion = report.criteria.find((c) => c.id === criterionId);
  if (!criterion) throw new AppError('not_found', 404, `Critère inconnu dans cette analyse : ${criterionId}`);
  const comment = input.comment?.trim() || null;
  if (input.reason === 'agree' && input.score !== criterion.score) {
    throw new ValidationError(
      "« D'accord » garde la note de l'IA : choisissez un motif pour une autre note.",
    );
  }
  if (input.reason === 'other' && !comment)
    throw new ValidationError('Le motif « Autre » demande un commentaire.');
  const decision = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviewDecisions)
      .values({
        reviewId,
        criterionId,
        aiScore: criterion.score,
        score: input.score,
        reason: input.reason,
        comment,
        decidedBy: actor.userId,
        decidedByName: actor.name,
      })
      .returning();
    await audit(tx, actor, {
      action: 'review.decision',
      targetType: 'review',
      targetId: reviewId,
      detail: { criterionId, aiScore: criterion.score, score: input.score, reason: input.reason },
    });
    return row;
  });
  deps.onChanged?.(reviewId);
  return {
    criterionId,
    aiScore: decision.aiScore,
    score: decision.score,
    reason: decision.reason as ReasonCode,
    comment: decision.comment,
    by: decision.decidedByName,
    at: decision.createdAt.toISOString(),
  };
}

/** Marks a review as checked by a trainer, with an optional comment for the candidate. */
export async function check(deps: TrainerDeps, actor: Actor, reviewId: string, input: { comment?: string }) {
  const { db } = deps.database;
  const [review] = await db.select({ status: reviews.status }).from(reviews).where(eq(reviews.id, reviewId));
  if (!review) throw new AppError('not_found', 404, `Analyse introuvable : ${reviewId}`);
  if (review.status !== 'done') throw new AppError('review_not_done', 409, "L'analyse n'est pas terminée.");
  const comment = input.comment?.trim() || null;
  const values = {
    reviewId,
    checkedBy: actor.userId,
    checkedByName: actor.name,
    comment,
    createdAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(reviewChecks)
      .values(values)
      .onConflictDoUpdate({ target: reviewChecks.reviewId, set: values });
    await audit(tx, actor, {
      action: 'review.check',
      targetType: 'review',
      targetId: reviewId,
      detail: { comment: comment !== null },
    });
  });
  deps.onChanged?.(reviewId);
  await deps.onChecked?.(reviewId, actor.name);
  return { by: actor.name, comment, at: values.createdAt.toISOString() };
}
