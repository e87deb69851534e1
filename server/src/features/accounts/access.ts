import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { dossiers, dossierVersions, reviews } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { NotFoundError } from '../../lib/errors';

/**
 * Who may see a dossier (and everything derived from it: versions, text, reviews, coach messages):
 * - candidate: their own dossiers;
 * - trainer: dossiers of candidates in the cohorts they follow;
 * - exam team and admin: dossiers of candidates of their organisation.
 * Dossiers without an owner (made from the command line) are visible to nobody through the API.
 * The same condition filters lists and guards single resources, so the two cannot disagree.
 */
export function visibleDossiers(actor: Actor): SQL {
  switch (actor.role) {
    case 'candidate':
      return sql`${dossiers.ownerId} = ${actor.userId}`;
    case 'trainer':
      return sql`${dossiers.ownerId} in (select m.user_id from memberships m
        join cohort_trainers ct on ct.cohort_id = m.cohort_id
        where ct.user_id = ${actor.userId} and m.role = 'candidate')`;
    case 'examteam':
    case 'admin':
      return sql`${dossiers.ownerId} in (select m.user_id from memberships m
        where m.organization_id = ${actor.organizationId})`;
  }
}

/** How the caller relates to a dossier they can see. */
export type Relation = 'owner' | 'trainer' | 'examteam' | 'admin';

export interface DossierRef {
  id: string;
  ownerId: string;
  relation: Relation;
}

function relationOf(actor: Actor, ownerId: string): Relation {
  if (ownerId === actor.userId) return 'owner';
  return actor.role === 'candidate' ? 'owner' : actor.role;
}

/** The dossier if the caller may see it; otherwise a 404, exactly as for a dossier that does not exist. */
export async function findVisibleDossier(
  database: Database,
  actor: Actor,
  dossierId: string,
): Promise<DossierRef> {
  const [row] = await database.db
    .select({ id: dossiers.id, ownerId: dossiers.ownerId })
    .from(dossiers)
    .where(sql`${dossiers.id} = ${dossierId} and ${visibleDossiers(actor)}`);
  if (!row?.ownerId) throw new NotFoundError('Dossier', dossierId);
  return { id: row.id, ownerId: row.ownerId, relation: relationOf(actor, row.ownerId) };
}

/**
 * The dossier a review belongs to, if the caller may see it (one query); otherwise a 404 for the review.
 * Also gives the review's version: for a finished review, a fingerprint of what its JSON depends on
 * (finish time, trainers' decisions, the check), null while it runs, so finished reports can be served
 * with an ETag and from memory without another query.
 */
export async function findVisibleReview(
  database: Database,
  actor: Actor,
  reviewId: string,
): Promise<DossierRef & { reviewVersion: string | null }> {
  const [row] = await database.db
    .select({
      id: dossiers.id,
      ownerId: dossiers.ownerId,
      reviewVersion: sql<string | null>`case when ${reviews.status} = 'done' then
        ${reviews.finishedAt}::text
        || '|' || (select count(*) || ':' || coalesce(max(d.created_at)::text, '')
                   from review_decisions d where d.review_id = ${reviews.id})
        || '|' || coalesce((select k.created_at::text || k.checked_by_name || coalesce(k.comment, '')
                   from review_checks k where k.review_id = ${reviews.id}), '')
      end`,
    })
    .from(reviews)
    .innerJoin(dossierVersions, eq(dossierVersions.id, reviews.versionId))
    .innerJoin(dossiers, eq(dossiers.id, dossierVersions.dossierId))
    .where(sql`${reviews.id} = ${reviewId} and ${visibleDossiers(actor)}`);
  if (!row?.ownerId) throw new NotFoundError('Analyse', reviewId);
  return {
    id: row.id,
    ownerId: row.ownerId,
    relation: relationOf(actor, row.ownerId),
    reviewVersion: row.reviewVersion,
  };
}
