import { and, eq } from 'drizzle-orm';
import { cohorts, memberships, sessions, users } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError } from '../../lib/errors';
import type { AdminDeps } from './admin-links';
import { audit } from './audit';

type Deps = Pick<AdminDeps, 'database'>;

/**
 * Deactivates (every session revoked at once, sign-in refused) or reactivates an account. The caller
 * forgets cached sessions afterwards (app.ts does for every admin write).
 */
export async function setActive(deps: Deps, by: Actor, userId: string, active: boolean) {
  const { db } = deps.database;
  if (userId === by.userId && !active) {
    throw new AppError(
      'conflict',
      409,
      'Vous ne pouvez pas désactiver votre propre compte : demandez à un autre administrateur.',
    );
  }
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, by.organizationId)));
  if (!member) throw new NotFoundError('Utilisateur', userId);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ active, deactivatedAt: active ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId));
    const revoked = active
      ? []
      : await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
    await audit(tx, by, {
      action: active ? 'user.reactivate' : 'user.deactivate',
      targetType: 'user',
      targetId: userId,
      detail: active ? {} : { sessionsRevoked: revoked.length },
    });
  });
}

/** Renames or (un)archives a promotion; archived ones leave the pickers, their data stays. */
export async function updateCohort(
  deps: Deps,
  by: Actor,
  cohortId: string,
  change: { name?: string; archived?: boolean },
) {
  const { db } = deps.database;
  const [cohort] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.organizationId, by.organizationId)));
  if (!cohort) throw new NotFoundError('Promotion', cohortId);
  const set: { name?: string; archivedAt?: Date | null } = {};
  if (change.name !== undefined) set.name = change.name;
  if (change.archived !== undefined)
    set.archivedAt = change.archived ? (cohort.archivedAt ?? new Date()) : null;
  if (Object.keys(set).length === 0) return;
  await db.transaction(async (tx) => {
    await tx.update(cohorts).set(set).where(eq(cohorts.id, cohortId));
    await audit(tx, by, {
      action: change.archived === true ? 'cohort.archive' : 'cohort.update',
      targetType: 'cohort',
      targetId: cohortId,
      detail: {
        ...(change.name !== undefined ? { from: cohort.name, to: change.name } : {}),
        ...(change.archived !== undefined ? { archived: change.archived } : {}),
      },
    });
  });
}

export async function createCohort(deps: Deps, by: Actor, name: string) {
  const { db } = deps.database;
  return db.transaction(async (tx) => {
    const [cohort] = await tx.insert(cohorts).values({ organizationId: by.organizationId, name }).returning();
    await audit(tx, by, {
      action: 'cohort.create',
      targetType: 'cohort',
      targetId: cohort.id,
      detail: { name },
    });
    return cohort;
  });
}
