import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import {
  cohorts,
  cohortTrainers,
  memberships,
  type Role,
  sessions,
  users,
  verifications,
} from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { Mailer } from '../../lib/mail';
import { audit } from './audit';
import { fold, parseRoster, type RosterLineError } from './roster';
import { emailUnavailable } from './service';

/** How long an invitation link works, and an admin-triggered reset link. */
export const INVITATION_DAYS = 7;
export const ADMIN_RESET_HOURS = 24;

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/** What the admin gets back for a link: it went by e-mail, or here it is, once. */
export interface IssuedLink {
  userId: string;
  email: string;
  name: string;
  mailed: boolean;
  /** The link itself, only when it could not go by e-mail (no SMTP): shown once, never stored. */
  link: string | null;
  expiresAt: string;
}

export interface Invitee {
  email: string;
  name: string;
  role: Role;
  cohortId?: string | null;
  trainerCohortIds?: string[];
}

/**
 * A school's admin console: invitations and reset links (better-auth's reset-password tokens, stored
 * hashed), roster import, deactivation, promotions. The user sets their own password through the link,
 * so no admin ever types or passes on a password.
 */
export function createAdminService(deps: {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
  logger: Logger;
  /** The account service's rule for assigning promotions (known here, not archived). */
  assertOpenCohorts: (organizationId: string, ids: string[]) => Promise<void>;
}) {
  const { database, mailer, publicUrl, logger, assertOpenCohorts } = deps;
  const { db } = database;

  /**
   * A single-use token in better-auth's reset-password form. Only its SHA-256 (base64url, the
   * `storeIdentifier: 'hashed'` rule of auth.ts) is stored; the user's earlier links stop working.
   */
  async function newToken(tx: Tx, userId: string, expiresAt: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const identifier = createHash('sha256').update(`reset-password:${token}`).digest('base64url');
    await tx.delete(verifications).where(eq(verifications.value, userId));
    await tx.insert(verifications).values({
      id: randomBytes(16).toString('base64url'),
      identifier,
      value: userId,
      expiresAt,
    });
    return token;
  }

  function linkFor(kind: 'invite' | 'reset', token: string) {
    return `${publicUrl}/${kind === 'invite' ? 'bienvenue' : 'reinitialiser'}?token=${token}`;
  }

  /** Sends the link by e-mail when SMTP is configured; otherwise hands it back to show once. */
  async function deliver(
    kind: 'invite' | 'reset',
    user: { id: string; email: string; name: string },
    token: string,
    expiresAt: Date,
  ): Promise<IssuedLink> {
    const link = linkFor(kind, token);
    const base = { userId: user.id, email: user.email, name: user.name, expiresAt: expiresAt.toISOString() };
    if (mailer.transport !== 'smtp') return { ...base, mailed: false, link };
    await mailer.send(
      kind === 'invite'
        ? {
            to: user.email,
            subject: 'Préjury : votre compte vous attend',
            text: [
              `Bonjour ${user.name},`,
              '',
              `Un compte Préjury a été créé pour vous. Pour choisir votre mot de passe, ouvrez ce lien (valable ${INVITATION_DAYS} jours, une seule fois) :`,
              link,
              '',
              '— Préjury',
            ].join('\n'),
          }
        : {
            to: user.email,
            subject: 'Préjury : choisissez un nouveau mot de passe',
            text: [
              `Bonjour ${user.name},`,
              '',
              `L'administrateur de votre organisme a demandé la réinitialisation de votre mot de passe. Ouvrez ce lien (valable ${ADMIN_RESET_HOURS} heures, une seule fois) :`,
              link,
              '',
              '— Préjury',
            ].join('\n'),
          },
    );
    return { ...base, mailed: true, link: null };
  }

  async function emailsTaken(emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
    return new Set(rows.map((r) => r.email));
  }

  /** Inserts the account (no password yet), its membership and its invitation token. */
  async function insertInvitee(tx: Tx, by: Actor, input: Invitee, expiresAt: Date) {
    const id = randomBytes(16).toString('base64url');
    const email = input.email.trim().toLowerCase();
    await tx.insert(users).values({ id, email, name: input.name, emailVerified: true });
    await tx.insert(memberships).values({
      userId: id,
      organizationId: by.organizationId,
      role: input.role,
      cohortId: input.role === 'candidate' ? (input.cohortId ?? null) : null,
    });
    if (input.role === 'trainer' && input.trainerCohortIds?.length) {
      await tx
        .insert(cohortTrainers)
        .values([...new Set(input.trainerCohortIds)].map((cohortId) => ({ cohortId, userId: id })));
    }
    const token = await newToken(tx, id, expiresAt);
    await audit(tx, by, {
      action: 'user.invite',
      targetType: 'user',
      targetId: id,
      detail: { role: input.role },
    });
    return { user: { id, email, name: input.name }, token };
  }

  return {
    /** Creates an account without a password and sends (or returns) the link to choose one. */
    async invite(by: Actor, input: Invitee): Promise<IssuedLink> {
      const email = input.email.trim().toLowerCase();
      if ((await emailsTaken([email])).size > 0) throw emailUnavailable();
      await assertOpenCohorts(by.organizationId, [
        ...(input.role === 'candidate' && input.cohortId ? [input.cohortId] : []),
        ...(input.role === 'trainer' ? (input.trainerCohortIds ?? []) : []),
      ]);
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const { user, token } = await db
        .transaction((tx) => insertInvitee(tx, by, { ...input, email }, expiresAt))
        .catch((err: unknown) => {
          // Two admins inviting the same address at once: the unique index decides.
          if (/unique|duplicate/i.test(String((err as Error)?.message ?? ''))) throw emailUnavailable();
          throw err;
        });
      return deliver('invite', user, token, expiresAt);
    },

    /**
     * A new link for someone: an invitation again while they have never set a password, else a reset
     * link (their current password keeps working until the link is used; using it ends every session).
     */
    async sendPasswordLink(by: Actor, userId: string): Promise<IssuedLink & { kind: 'invite' | 'reset' }> {
      const [row] = await database.query<{ id: string; email: string; name: string; has_password: boolean }>(
        `select u.id, u.email, u.name,
           exists(select 1 from accounts a where a.user_id = u.id and a.provider_id = 'credential') as has_password
         from users u join memberships m on m.user_id = u.id
         where u.id = $1 and m.organization_id = $2`,
        [userId, by.organizationId],
      );
      if (!row) throw new NotFoundError('Utilisateur', userId);
      const kind = row.has_password ? 'reset' : 'invite';
      const expiresAt = new Date(
        Date.now() + (kind === 'invite' ? INVITATION_DAYS * 86_400_000 : ADMIN_RESET_HOURS * 3_600_000),
      );
      const token = await db.transaction(async (tx) => {
        const t = await newToken(tx, row.id, expiresAt);
        await audit(tx, by, {
          action: kind === 'invite' ? 'user.invite' : 'user.password_reset',
          targetType: 'user',
          targetId: row.id,
          detail: { resent: kind === 'invite' },
        });
        return t;
      });
      return { ...(await deliver(kind, row, token, expiresAt)), kind };
    },

    /**
     * Deactivates (every session revoked at once, sign-in refused) or reactivates an account. The caller
     * forgets cached sessions afterwards (app.ts does for every admin write).
     */
    async setActive(by: Actor, userId: string, active: boolean) {
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
    },

    /** Renames or (un)archives a promotion; archived ones leave the pickers, their data stays. */
    async updateCohort(by: Actor, cohortId: string, change: { name?: string; archived?: boolean }) {
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
    },

    async createCohort(by: Actor, name: string) {
      return db.transaction(async (tx) => {
        const [cohort] = await tx
          .insert(cohorts)
          .values({ organizationId: by.organizationId, name })
          .returning();
        await audit(tx, by, {
          action: 'cohort.create',
          targetType: 'cohort',
          targetId: cohort.id,
          detail: { name },
        });
        return cohort;
      });
    },

    /**
     * Imports a roster: every row checked first (format, duplicates, addresses already taken, promotions
     * by name), then every account created with its invitation in one transaction, or nothing at all.
     */
    async importRoster(by: Actor, bytes: Uint8Array) {
      const { rows, errors } = parseRoster(bytes);
      const open = await db
        .select({ id: cohorts.id, name: cohorts.name })
        .from(cohorts)
        .where(and(eq(cohorts.organizationId, by.organizationId), isNull(cohorts.archivedAt)));
      const byName = new Map(open.map((c) => [fold(c.name), c.id]));
      const taken = await emailsTaken(rows.map((r) => r.email));
      const rowErrors: RosterLineError[] = [...errors];
      for (const r of rows) {
        const problems: string[] = [];
        if (taken.has(r.email)) problems.push(`un compte existe déjà avec l'adresse ${r.email}`);
        if (r.cohort && (r.role === 'candidate' || r.role === 'trainer') && !byName.has(fold(r.cohort)))
          problems.push(`promotion inconnue ou archivée : « ${r.cohort} » (créez-la d'abord)`);
        if (problems.length > 0) rowErrors.push({ line: r.line, message: `${problems.join(' ; ')}.` });
      }
      if (rowErrors.length > 0) {
        rowErrors.sort((a, b) => a.line - b.line);
        const listed = rowErrors
          .slice(0, 3)
          .map((e) => `ligne ${e.line} : ${e.message}`)
          .join(' ; ');
        throw new AppError(
          'invalid_csv',
          400,
          `Import refusé, aucun compte n'a été créé : ${rowErrors.length} erreur(s). ${listed}${rowErrors.length > 3 ? ' ; …' : ''}`,
          { details: { errors: rowErrors.slice(0, 200), total: rowErrors.length } },
        );
      }
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const created = await db.transaction(async (tx) => {
        const out = [];
        for (const r of rows) {
          const cohortId = r.cohort ? (byName.get(fold(r.cohort)) ?? null) : null;
          out.push(
            await insertInvitee(
              tx,
              by,
              {
                email: r.email,
                name: r.name,
                role: r.role,
                cohortId: r.role === 'candidate' ? cohortId : null,
                trainerCohortIds: r.role === 'trainer' && cohortId ? [cohortId] : [],
              },
              expiresAt,
            ),
          );
        }
        await audit(tx, by, {
          action: 'user.import',
          targetType: 'organization',
          targetId: by.organizationId,
          detail: { count: rows.length },
        });
        return out;
      });
      const invitations: IssuedLink[] = [];
      for (const c of created) invitations.push(await deliver('invite', c.user, c.token, expiresAt));
      logger.info({ count: created.length }, 'roster imported');
      return { created: created.length, invitations };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
