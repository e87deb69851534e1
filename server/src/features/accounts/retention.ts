import { and, eq, sql } from 'drizzle-orm';
import { coachMessages, dossiers, dossierVersions, reviews } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { NotFoundError } from '../../lib/errors';
import { audit } from './audit';
import { type AccountDeps, ORPHAN_EMBEDDINGS } from './store';

type Deps = AccountDeps;

/** Deletes one dossier and what derives from it (owner or admin); audited. */
export async function deleteDossier(deps: Deps, actor: Actor, dossierId: string) {
  const { db } = deps.database;
  const gone = await db.transaction(async (tx) => {
    const reviewIds = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .innerJoin(dossierVersions, eq(dossierVersions.id, reviews.versionId))
      .where(eq(dossierVersions.dossierId, dossierId));
    const deleted = await tx
      .delete(dossiers)
      .where(eq(dossiers.id, dossierId))
      .returning({ id: dossiers.id, examId: dossiers.examId, ownerId: dossiers.ownerId });
    if (deleted.length === 0) throw new NotFoundError('Dossier', dossierId);
    await tx.execute(ORPHAN_EMBEDDINGS);
    await audit(tx, actor, {
      action: 'dossier.delete',
      targetType: 'dossier',
      targetId: dossierId,
      detail: { examId: deleted[0].examId, ownerId: deleted[0].ownerId },
    });
    return reviewIds.map((r) => r.id);
  });
  // Its reviews' cached access goes now, here and (through the bus) in the other API processes.
  for (const id of gone) deps.onReviewChanged?.(id);
}

/**
 * Retention: deletes drafts (versions other than each dossier's latest) older than `days`, with
 * their passages, reviews and coach messages, then unused embeddings. Returns how many went.
 */
export async function purgeOldDrafts(deps: Deps, days: number): Promise<number> {
  const { db } = deps.database;
  const { logger } = deps;
  const removed = await db.transaction(async (tx) => {
    const gone = await tx.execute(sql`
      delete from ${dossierVersions} v
      where v.created_at < now() - make_interval(days => ${days})
        and v.version < (select max(v2.version) from ${dossierVersions} v2 where v2.dossier_id = v.dossier_id)
      returning v.id, v.dossier_id, v.version`);
    // Both drivers (node-postgres and PGlite) return `{ rows }`.
    const { rows } = gone as unknown as { rows: { dossier_id: string; version: number }[] };
    for (const r of rows) {
      await tx
        .delete(coachMessages)
        .where(and(eq(coachMessages.dossierId, r.dossier_id), eq(coachMessages.version, r.version)));
    }
    await tx.execute(ORPHAN_EMBEDDINGS);
    if (rows.length > 0) {
      await audit(tx, null, {
        action: 'dossier.purge',
        targetType: 'dossier_version',
        detail: { count: rows.length, days },
      });
    }
    return rows.length;
  });
  if (removed > 0) logger.info({ removed, days }, 'retention: old drafts purged');
  return removed;
}
