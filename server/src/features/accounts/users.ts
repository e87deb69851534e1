import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  cohorts,
  cohortTrainers,
  dossiers,
  memberships,
  type Role,
  users,
  verifications,
} from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors';
import { audit } from './audit';
import { assertCohortsInOrg, assertOpenCohorts } from './organizations';
import { type AccountDeps, emailUnavailable, ORPHAN_EMBEDDINGS } from './store';

type Deps = AccountDeps;

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** A hash of `password` already computed (seeding several accounts with one password). */
  passwordHash?: string;
  organizationId: string;
  cohortId?: string | null;
  trainerCohortIds?: string[];
}

export async function createUser(deps: Deps, input: NewUser, by: Actor | null = null) {
  const { db } = deps.database;
  const { auth } = deps;
  const email = input.email.trim().toLowerCase();
  const ctx = await auth.$context;
  if (input.password.length < ctx.password.config.minPasswordLength) {
    throw new ValidationError(
      `Mot de passe trop court : ${ctx.password.config.minPasswordLength} caractères au moins.`,
    );
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  // One answer whether the address is taken here or in another organisation, and no address echoed:
  // an admin must not learn which organisations someone belongs to (the admin's own list shows theirs).
  if (existing) {
    throw emailUnavailable();
  }
  await assertCohortsInOrg(deps, input.organizationId, [
    ...(input.cohortId ? [input.cohortId] : []),
    ...(input.trainerCohortIds ?? []),
  ]);
  const hash = input.passwordHash ?? (await ctx.password.hash(input.password));
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: true },
    { method: 'admin' },
  );
  try {
    await ctx.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: hash,
    });
    await db.transaction(async (tx) => {
      await tx.insert(memberships).values({
        userId: user.id,
        organizationId: input.organizationId,
        role: input.role,
        cohortId: input.role === 'candidate' ? (input.cohortId ?? null) : null,
      });
      if (input.role === 'trainer' && input.trainerCohortIds?.length) {
        await tx
          .insert(cohortTrainers)
          .values(input.trainerCohortIds.map((cohortId) => ({ cohortId, userId: user.id })));
      }
      await audit(
        tx,
        by,
        { action: 'user.create', targetType: 'user', targetId: user.id, detail: { role: input.role } },
        input.organizationId,
      );
    });
  } catch (err) {
    await db.delete(users).where(eq(users.id, user.id));
    throw err;
  }
  return { id: user.id, email, name: input.name, role: input.role };
}

/** Removes a user and everything that is theirs, in one transaction; the audit entry stays. */
export async function deleteUser(deps: Deps, userId: string, by: Actor | null) {
  const { db } = deps.database;
  const { logger } = deps;
  const [member] = await db.select().from(memberships).where(eq(memberships.userId, userId));
  await db.transaction(async (tx) => {
    const owned = await tx.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.ownerId, userId));
    // Dossiers (and through them versions, passages, reviews, coach messages, disclosures) cascade from the user.
    const deleted = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
    if (deleted.length === 0) throw new NotFoundError('Utilisateur', userId);
    await tx.delete(verifications).where(eq(verifications.value, userId));
    await tx.execute(ORPHAN_EMBEDDINGS);
    await audit(
      tx,
      by,
      {
        action: 'user.delete',
        targetType: 'user',
        targetId: userId,
        detail: { dossiers: owned.length, self: by?.userId === userId },
      },
      member?.organizationId,
    );
  });
  logger.info({ userId }, 'account deleted');
}

export async function listUsers(deps: Deps, organizationId: string) {
  const { db } = deps.database;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      cohortId: memberships.cohortId,
      createdAt: users.createdAt,
      active: users.active,
      deactivatedAt: users.deactivatedAt,
      pending: sql<boolean>`not exists (select 1 from accounts a where a.user_id = ${users.id})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.email));
  const trainerLinks = await db
    .select({ userId: cohortTrainers.userId, cohortId: cohortTrainers.cohortId })
    .from(cohortTrainers)
    .innerJoin(cohorts, eq(cohorts.id, cohortTrainers.cohortId))
    .where(eq(cohorts.organizationId, organizationId));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    deactivatedAt: r.deactivatedAt?.toISOString() ?? null,
    trainerCohortIds: trainerLinks.filter((l) => l.userId === r.id).map((l) => l.cohortId),
  }));
}

/** An admin changes a user's role or cohorts (audited). Admins cannot change their own role. */
export async function updateUser(
  deps: Deps,
  by: Actor,
  userId: string,
  change: { role?: Role; cohortId?: string | null; trainerCohortIds?: string[] },
) {
  const { db } = deps.database;
  const [member] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, by.organizationId)));
  if (!member) throw new NotFoundError('Utilisateur', userId);
  if (userId === by.userId && change.role && change.role !== member.role) {
    throw new AppError(
      'conflict',
      409,
      'Vous ne pouvez pas changer votre propre rôle : demandez à un autre administrateur.',
    );
  }
  const role = change.role ?? member.role;
  // A candidate who becomes a trainer follows the promotion they were in, unless told otherwise:
  // the cohort is not silently dropped (the admin's confirmation says so).
  if (
    member.role === 'candidate' &&
    role === 'trainer' &&
    change.trainerCohortIds === undefined &&
    member.cohortId
  ) {
    change = { ...change, trainerCohortIds: [member.cohortId] };
  }
  await assertOpenCohorts(deps, by.organizationId, [
    ...(change.cohortId ? [change.cohortId] : []),
    ...(change.trainerCohortIds ?? []),
  ]);
  await db.transaction(async (tx) => {
    await tx
      .update(memberships)
      .set({
        role,
        cohortId:
          role === 'candidate' ? (change.cohortId === undefined ? member.cohortId : change.cohortId) : null,
      })
      .where(eq(memberships.userId, userId));
    if (role !== 'trainer' || change.trainerCohortIds) {
      await tx.delete(cohortTrainers).where(eq(cohortTrainers.userId, userId));
    }
    if (role === 'trainer' && change.trainerCohortIds?.length) {
      await tx
        .insert(cohortTrainers)
        .values(change.trainerCohortIds.map((cohortId) => ({ cohortId, userId })));
    }
    await audit(tx, by, {
      action: 'user.role_change',
      targetType: 'user',
      targetId: userId,
      detail: {
        from: member.role,
        to: role,
        cohortId: change.cohortId,
        trainerCohortIds: change.trainerCohortIds,
      },
    });
  });
}

/**
 * Changes one's own display name. Besides the shared name rules (schemas.ts), a name may not copy the
 * name of a staff member (trainer, exam team, admin) of one's organisation, compared without case,
 * accents or extra spaces: a candidate must not pass for their trainer in the queue or the exports.
 */
export async function updateProfile(deps: Deps, actor: Actor, change: { name: string }) {
  const { db } = deps.database;
  const wanted = foldName(change.name);
  const staff = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.organizationId, actor.organizationId),
        inArray(memberships.role, ['trainer', 'examteam', 'admin']),
      ),
    );
  if (staff.some((s) => s.id !== actor.userId && foldName(s.name) === wanted)) {
    throw new AppError(
      'name_unavailable',
      409,
      "Ce nom est celui d'un membre de l'équipe pédagogique de votre organisme : choisissez-en un autre.",
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ name: change.name, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await audit(tx, actor, { action: 'user.profile_change', targetType: 'user', targetId: actor.userId });
  });
}

/** The user ids of an organisation (admins deleting accounts stay inside their organisation). */
export async function memberOf(deps: Deps, organizationId: string, userId: string) {
  const { db } = deps.database;
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
  return m ?? null;
}

/** A name as people read it: case, accents, compatibility forms and runs of spaces do not count. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}
