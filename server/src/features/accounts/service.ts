import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../../../db/client';
import {
  calibrationScores,
  coachMessages,
  cohorts,
  cohortTrainers,
  disclosures,
  dossiers,
  dossierVersions,
  embeddings,
  memberships,
  organizations,
  passages,
  type Role,
  reviewChecks,
  reviewDecisions,
  reviews,
  sessions,
  users,
  verifications,
} from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { audit } from './audit';
import type { Auth } from './auth';
import { createReviewAccessCache } from './review-access-cache';

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

/**
 * One answer whether an address is taken here or in another organisation, and no address echoed: an
 * admin must not learn which organisations someone belongs to (the admin's own list shows theirs).
 */
export function emailUnavailable() {
  return new AppError(
    'email_unavailable',
    409,
    'Cette adresse e-mail ne peut pas être utilisée pour un nouveau compte. Vérifiez la liste des comptes ou utilisez une autre adresse.',
  );
}

/** Deletes embeddings no passage points at any more (they are shared between identical passages). */
const ORPHAN_EMBEDDINGS = sql`delete from ${embeddings} e where not exists (select 1 from ${passages} p where p.content_hash = e.content_hash)`;

/** Accounts: who is calling, user management, personal-data export and erasure, retention. */
/** The session cookie's value (better-auth's signed token), the key of the session cache. */
const SESSION_TOKEN = /(?:^|;\s*)((?:__Secure-)?prejury[.-]session_token)=([^;]+)/;

export function createAccountService(deps: {
  database: Database;
  auth: Auth;
  logger: Logger;
  /** How long a looked-up session is reused (ms, ≤ 5 s; 0 disables). */
  sessionCacheMs?: number;
  /** The session cache's clock (tests move it by hand); default `performance`. */
  clock?: { now(): number };
  /** Called for each review deleted with its dossier (cached access must go). */
  onReviewChanged?: (reviewId: string) => void;
}) {
  const { database, auth, logger } = deps;
  const { db } = database;
  const cacheMs = deps.sessionCacheMs ?? 0;
  // Signed-in reads skip the session and membership queries for up to `cacheMs`: the cost of most
  // requests otherwise. Concurrent requests with one cookie share one lookup (fetchMethod).
  const sessionCache =
    cacheMs > 0
      ? new LRUCache<string, { actor: Actor | null }, Headers>({
          max: 50_000,
          ttl: cacheMs,
          ...(deps.clock ? { perf: deps.clock, ttlResolution: 0 } : {}),
          fetchMethod: async (_token, _stale, { context }) => ({ actor: await lookUp(context) }),
        })
      : null;

  const reviewAccess = createReviewAccessCache({
    ttlMs: cacheMs,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });

  async function lookUp(headers: Headers): Promise<Actor | null> {
    const session = await auth.api.getSession({ headers });
    if (!session) return null;
    return actorForUser(session.user);
  }

  async function actorForUser(user: { id: string; email: string; name: string }): Promise<Actor | null> {
    // One round trip: the membership and, for trainers, the cohorts they follow.
    const [member] = await database.query<{
      role: Role;
      organization_id: string;
      cohort_id: string | null;
      trainer_cohorts: string[] | null;
    }>(
      `select m.role, m.organization_id, m.cohort_id,
         array(select ct.cohort_id::text from cohort_trainers ct where ct.user_id = m.user_id) as trainer_cohorts
       from memberships m join users u on u.id = m.user_id
       where m.user_id = $1 and u.active`,
      [user.id],
    );
    if (!member) return null;
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: member.role,
      organizationId: member.organization_id,
      cohortId: member.cohort_id,
      trainerCohortIds: member.role === 'trainer' ? (member.trainer_cohorts ?? []) : [],
    };
  }

  async function assertCohortsInOrg(organizationId: string, ids: string[]) {
    if (ids.length === 0) return;
    const found = await db
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(and(eq(cohorts.organizationId, organizationId), inArray(cohorts.id, ids)));
    if (found.length !== new Set(ids).size)
      throw new ValidationError('Promotion inconnue dans cette organisation.');
  }

  /** New assignments only go to open promotions (archived ones are kept for the record). */
  async function assertOpenCohorts(organizationId: string, ids: string[]) {
    await assertCohortsInOrg(organizationId, ids);
    if (ids.length === 0) return;
    const archived = await db
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(and(inArray(cohorts.id, ids), isNotNull(cohorts.archivedAt)));
    if (archived.length > 0)
      throw new ValidationError(
        'Cette promotion est archivée : désarchivez-la avant d’y affecter quelqu’un.',
      );
  }

  async function createUser(input: NewUser, by: Actor | null = null) {
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
    await assertCohortsInOrg(input.organizationId, [
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
  async function deleteUser(userId: string, by: Actor | null) {
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

  /** Everything Préjury holds about a user, as a ZIP: `donnees.json` and the original files. */
  async function exportData(actor: Actor): Promise<Uint8Array> {
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!user) throw new NotFoundError('Utilisateur', actor.userId);
    const [org] = await db.select().from(organizations).where(eq(organizations.id, actor.organizationId));
    const [cohort] = actor.cohortId
      ? await db.select().from(cohorts).where(eq(cohorts.id, actor.cohortId))
      : [];
    const files: Record<string, Uint8Array> = {};
    const ownDossiers = await db
      .select()
      .from(dossiers)
      .where(eq(dossiers.ownerId, actor.userId))
      .orderBy(asc(dossiers.createdAt));
    const dossierData = [];
    for (const d of ownDossiers) {
      const versions = await db
        .select()
        .from(dossierVersions)
        .where(eq(dossierVersions.dossierId, d.id))
        .orderBy(asc(dossierVersions.version));
      const versionIds = versions.map((v) => v.id);
      const reviewRows = versionIds.length
        ? await db
            .select()
            .from(reviews)
            .where(inArray(reviews.versionId, versionIds))
            .orderBy(asc(reviews.createdAt))
        : [];
      const reviewIds = reviewRows.map((r) => r.id);
      const decisions = reviewIds.length
        ? await db.select().from(reviewDecisions).where(inArray(reviewDecisions.reviewId, reviewIds))
        : [];
      const checks = reviewIds.length
        ? await db.select().from(reviewChecks).where(inArray(reviewChecks.reviewId, reviewIds))
        : [];
      const transfers = versionIds.length
        ? await db.select().from(disclosures).where(inArray(disclosures.versionId, versionIds))
        : [];
      const juryScores = await db
        .select({
          criterionId: calibrationScores.criterionId,
          rater: calibrationScores.rater,
          score: calibrationScores.score,
          source: calibrationScores.source,
        })
        .from(calibrationScores)
        .where(eq(calibrationScores.dossierId, d.id));
      const messages = await db
        .select()
        .from(coachMessages)
        .where(eq(coachMessages.dossierId, d.id))
        .orderBy(asc(coachMessages.createdAt));
      dossierData.push({
        id: d.id,
        examId: d.examId,
        title: d.title,
        createdAt: d.createdAt.toISOString(),
        versions: versions.map((v) => {
          const path = `fichiers/${d.id}/v${v.version}-${v.fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`;
          files[path] = new Uint8Array(v.file);
          const { file: _file, id: _id, dossierId: _d, ...rest } = v;
          return { ...rest, createdAt: v.createdAt.toISOString(), file: path };
        }),
        reviews: reviewRows.map((r) => ({
          id: r.id,
          version: versions.find((v) => v.id === r.versionId)?.version,
          status: r.status,
          provider: r.provider,
          model: r.model,
          rubricVersion: r.rubricVersion,
          promptVersion: r.promptVersion,
          report: r.report,
          createdAt: r.createdAt.toISOString(),
          decisions: decisions
            .filter((x) => x.reviewId === r.id)
            .map((x) => ({
              criterionId: x.criterionId,
              aiScore: x.aiScore,
              score: x.score,
              reason: x.reason,
              comment: x.comment,
              by: x.decidedByName,
              at: x.createdAt.toISOString(),
            })),
          check:
            checks
              .filter((x) => x.reviewId === r.id)
              .map((x) => ({ by: x.checkedByName, comment: x.comment, at: x.createdAt.toISOString() }))[0] ??
            null,
        })),
        /** Scores given by the jury (imported by the exam team) or by trainers for calibration. */
        humanScores: juryScores,
        coachMessages: messages.map((m) => ({
          version: m.version,
          role: m.role,
          content: m.content,
          citations: m.citations,
          at: m.createdAt.toISOString(),
        })),
        transfers: transfers.map((t) => ({
          version: versions.find((v) => v.id === t.versionId)?.version,
          provider: t.provider,
          model: t.model,
          purpose: t.purpose,
          redacted: t.redacted,
          at: t.createdAt.toISOString(),
        })),
      });
    }
    const sessionRows = await db.select().from(sessions).where(eq(sessions.userId, actor.userId));
    const data = {
      exportedAt: new Date().toISOString(),
      notice:
        'Export de vos données Préjury (RGPD, art. 15 et 20). Préjury est une pré-évaluation formative : le jury décide.',
      user: { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt.toISOString() },
      membership: { role: actor.role, organization: org?.name ?? null, cohort: cohort?.name ?? null },
      sessions: sessionRows.map((s) => ({
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        ipAddress: s.ipAddress,
        userAgent: s.userAgent,
      })),
      dossiers: dossierData,
    };
    await audit(db, actor, {
      action: 'data.export',
      targetType: 'user',
      targetId: actor.userId,
      detail: { dossiers: ownDossiers.length },
    });
    return zipSync({ 'donnees.json': strToU8(JSON.stringify(data, null, 2)), ...files });
  }

  return {
    /** The caller behind a request's session cookie, or null. */
    async actorFromHeaders(headers: Headers): Promise<Actor | null> {
      // No session cookie, no lookup: anonymous calls to public routes cost nothing here.
      const token = SESSION_TOKEN.exec(headers.get('cookie') ?? '');
      if (!token) return null;
      if (!sessionCache) return lookUp(headers);
      const hit = await sessionCache.fetch(`${token[1]}=${token[2]}`, { context: headers });
      return hit?.actor ?? null;
    },
    /**
     * Forget every cached session of this process: called after anything that can end a session or
     * change what a user may do (sign-out, revoke-all, password reset, deactivation, role changes), so
     * it takes effect here at once; other processes see it when their entries lapse (≤ 5 s).
     */
    forgetSessions() {
      sessionCache?.clear();
      reviewAccess.clear();
    },
    /** Review access decisions reused like sessions (see `createReviewAccessCache`). */
    reviewAccess,
    createUser,
    deleteUser,
    exportData,
    assertOpenCohorts,

    async createOrganization(name: string) {
      const [org] = await db.insert(organizations).values({ name }).returning();
      return org;
    },
    async createCohort(organizationId: string, name: string) {
      const [cohort] = await db.insert(cohorts).values({ organizationId, name }).returning();
      return cohort;
    },
    async listCohorts(organizationId: string) {
      const rows = await db
        .select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt })
        .from(cohorts)
        .where(eq(cohorts.organizationId, organizationId))
        .orderBy(asc(cohorts.name));
      return rows.map((r) => ({ ...r, archivedAt: r.archivedAt?.toISOString() ?? null }));
    },

    async listUsers(organizationId: string) {
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
    },

    /** An admin changes a user's role or cohorts (audited). Admins cannot change their own role. */
    async updateUser(
      by: Actor,
      userId: string,
      change: { role?: Role; cohortId?: string | null; trainerCohortIds?: string[] },
    ) {
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
      await assertOpenCohorts(by.organizationId, [
        ...(change.cohortId ? [change.cohortId] : []),
        ...(change.trainerCohortIds ?? []),
      ]);
      await db.transaction(async (tx) => {
        await tx
          .update(memberships)
          .set({
            role,
            cohortId:
              role === 'candidate'
                ? change.cohortId === undefined
                  ? member.cohortId
                  : change.cohortId
                : null,
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
    },

    /**
     * Changes one's own display name. Besides the shared name rules (schemas.ts), a name may not copy the
     * name of a staff member (trainer, exam team, admin) of one's organisation, compared without case,
     * accents or extra spaces: a candidate must not pass for their trainer in the queue or the exports.
     */
    async updateProfile(actor: Actor, change: { name: string }) {
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
    },

    /** The user ids of an organisation (admins deleting accounts stay inside their organisation). */
    async memberOf(organizationId: string, userId: string) {
      const [m] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
      return m ?? null;
    },

    /** Deletes one dossier and what derives from it (owner or admin); audited. */
    async deleteDossier(actor: Actor, dossierId: string) {
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
    },

    /**
     * Retention: deletes drafts (versions other than each dossier's latest) older than `days`, with
     * their passages, reviews and coach messages, then unused embeddings. Returns how many went.
     */
    async purgeOldDrafts(days: number): Promise<number> {
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
    },

    /**
     * Seeds the demo organisation on an empty database: two cohorts and the five accounts of
     * DESIGN.md. Returns the password when one was generated (to print once), else null.
     */
    async seedDemo(
      password: string | undefined,
    ): Promise<{ seeded: boolean; generatedPassword: string | null }> {
      const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from users');
      if (n > 0) return { seeded: false, generatedPassword: null };
      const generated = password ? null : randomBytes(12).toString('base64url');
      const pw = password ?? (generated as string);
      const org = await this.createOrganization('Organisme de démonstration');
      const a = await this.createCohort(org.id, 'Promotion A');
      const b = await this.createCohort(org.id, 'Promotion B');
      const demo: Omit<NewUser, 'password' | 'organizationId'>[] = [
        { email: 'candidate@demo.prejury.fr', name: 'Camille Candidat', role: 'candidate', cohortId: a.id },
        {
          email: 'candidate2@demo.prejury.fr',
          name: 'Dominique Candidat',
          role: 'candidate',
          cohortId: b.id,
        },
        {
          email: 'trainer@demo.prejury.fr',
          name: 'Florence Formatrice',
          role: 'trainer',
          trainerCohortIds: [a.id],
        },
        { email: 'examteam@demo.prejury.fr', name: 'Étienne Équipe-examen', role: 'examteam' },
        { email: 'admin@demo.prejury.fr', name: 'Alix Admin', role: 'admin' },
      ];
      const passwordHash = await (await auth.$context).password.hash(pw);
      for (const u of demo) await createUser({ ...u, password: pw, passwordHash, organizationId: org.id });
      return { seeded: true, generatedPassword: generated };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;

/** A name as people read it: case, accents, compatibility forms and runs of spaces do not count. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}
