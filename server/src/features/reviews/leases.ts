/**
 * Workers' leases on reviews: a worker holds a review while it makes progress; a lease that lapses (a
 * crash, a restart) lets another worker take the review over and resume it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { reviews } from '../../../../db/schema';
import type { ReviewContext } from './context';

export type ReviewRow = typeof reviews.$inferSelect;

/** Takes (or renews) this worker's lease on a review; undefined when another live worker holds it. */
export async function claim(
  ctx: ReviewContext,
  reviewId: string,
  workerId: string,
): Promise<ReviewRow | undefined> {
  const [row] = await ctx.db
    .update(reviews)
    .set({
      status: 'running',
      leaseOwner: workerId,
      leaseUntil: new Date(Date.now() + ctx.leaseMs),
      startedAt: sql`coalesce(${reviews.startedAt}, now())`,
    })
    .where(
      and(
        eq(reviews.id, reviewId),
        inArray(reviews.status, ['queued', 'running']),
        sql`(${reviews.leaseOwner} is null or ${reviews.leaseUntil} < now() or ${reviews.leaseOwner} = ${workerId})`,
      ),
    )
    .returning();
  if (row) ctx.moved(reviewId);
  return row;
}

/** Reviews left unfinished (crash, restart): the ones whose lease has lapsed, to requeue. */
export async function unfinished(ctx: ReviewContext): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: reviews.id })
    .from(reviews)
    .where(
      and(
        inArray(reviews.status, ['queued', 'running']),
        sql`(${reviews.leaseOwner} is null or ${reviews.leaseUntil} < now())`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Drops every lease: only for embedded mode, where one process owns the database. */
export async function releaseAllLeases(ctx: ReviewContext) {
  await ctx.db
    .update(reviews)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(inArray(reviews.status, ['queued', 'running']));
}
