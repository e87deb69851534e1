import { LRUCache } from 'lru-cache';
import type { Actor } from '../../lib/actor';
import type { DossierRef } from './access';

/** What the access policy learns about a review for one caller (see `findVisibleReview`). */
export type ReviewAccess = DossierRef & { reviewVersion: string | null };

interface Entry {
  access: ReviewAccess;
  expires: number;
}

/**
 * The access decision and the version fingerprint of a review per caller, reused for at most `ttlMs`
 * (the session cache's delay, ≤ 5 s), so a signed-in read of a finished review costs no query.
 *
 * Kept fresh by invalidation, not by waiting: whatever changes a review (a trainer's decision or check, a
 * retry, a worker's progress) calls `invalidate(reviewId)` in the process that made it and announces it on
 * the progress bus, which invalidates it in every other API process. What changes who may see a review
 * (membership, roles, erasure) clears this process's entries with the sessions (`clear()`), and reaches
 * other processes when their entries lapse, within the same stated delay as a sign-out.
 *
 * A refusal is never cached: access granted elsewhere shows at once.
 */
export function createReviewAccessCache(options: { ttlMs: number; clock?: { now(): number } }) {
  const clock = options.clock ?? performance;
  const byReview = new LRUCache<string, Map<string, Entry>>({ max: 20_000 });
  // Bumped by each invalidation: a lookup that started before one must not store what it read.
  const generations = new LRUCache<string, number>({ max: 100_000 });
  let epoch = 0;

  const callerKey = (actor: Actor) => `${actor.userId}|${actor.role}|${actor.organizationId}`;
  const tokenOf = (reviewId: string) => `${epoch}:${generations.get(reviewId) ?? 0}`;

  return {
    /** The cached access of `actor` to `reviewId`, else `lookUp()` (stored unless invalidated meanwhile). */
    async fetch(actor: Actor, reviewId: string, lookUp: () => Promise<ReviewAccess>): Promise<ReviewAccess> {
      const key = callerKey(actor);
      const hit = byReview.get(reviewId)?.get(key);
      if (hit && hit.expires > clock.now()) return hit.access;
      const token = tokenOf(reviewId);
      const access = await lookUp();
      if (options.ttlMs > 0 && tokenOf(reviewId) === token) {
        let entries = byReview.get(reviewId);
        if (!entries) {
          entries = new Map();
          byReview.set(reviewId, entries);
        }
        entries.set(key, { access, expires: clock.now() + options.ttlMs });
      }
      return access;
    },
    /** The review changed (decision, check, retry, progress): every caller's entry is looked up again. */
    invalidate(reviewId: string) {
      byReview.delete(reviewId);
      generations.set(reviewId, (generations.get(reviewId) ?? 0) + 1);
    },
    /** Who may see what may have changed (sign-out, roles, cohorts, erasure): forget everything. */
    clear() {
      epoch++;
      byReview.clear();
    },
  };
}

export type ReviewAccessCache = ReturnType<typeof createReviewAccessCache>;
