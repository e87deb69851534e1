import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { cohorts, cohortTrainers, memberships, users } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { CsvImportError, NotFoundError } from '../../lib/errors';
import {
  ADMIN_RESET_HOURS,
  type AdminDeps,
  deliver,
  INVITATION_DAYS,
  type Invitee,
  type IssuedLink,
  newToken,
  type Tx,
} from './admin-links';
import { audit } from './audit';
import { fold, parseRoster, type RosterLineError } from './roster';
import { emailUnavailable } from './store';

type Deps = AdminDeps;

export async function emailsTaken(deps: Deps, emails: string[]): Promise<Set<string>> {
  const { db } = deps.database;
  if (emails.length === 0) return new Set();
  const rows = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  return new Set(rows.map((r) => r.email));
}

/** Inserts the account (no password yet), its membership and its invitation token. */
export async function insertInvitee(tx: Tx, by: Actor, input: Invitee, expiresAt: Date) {
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

/** Creates an account without a password and sends (or returns) the link to choose one. */
export async function invite(deps: Deps, by: Actor, input: Invitee): Promise<IssuedLink> {
  const { db } = deps.database;
  const { assertOpenCohorts } = deps;
  const email = input.email.trim().toLowerCase();
  if ((await emailsTaken(deps, [email])).size > 0) throw emailUnavailable();
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
  return deliver(deps, 'invite', user, token, expiresAt);
}

/**
 * A new link for someone: an invitation again while they have never set a password, else a reset
 * link (their current password keeps working until the link is used; using it ends every session).
 */
export async function sendPasswordLink(
  deps: Deps,
  by: Actor,
  userId: string,
): Promise<IssuedLink & { kind: 'invite' | 'reset' }> {
  const { db } = deps.database;
  const { database } = deps;
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
  return { ...(await deliver(deps, kind, row, token, expiresAt)), kind };
}

/**
 * Imports a roster: every row checked first (format, duplicates, addresses already taken, promotions
 * by name), then every account created with its invitation in one transaction, or nothing at all.
 */
export async function importRoster(deps: Deps, by: Actor, bytes: Uint8Array) {
  const { db } = deps.database;
  const { logger } = deps;
  const { rows, errors } = parseRoster(bytes);
  const open = await db
    .select({ id: cohorts.id, name: cohorts.name })
    .from(cohorts)
    .where(and(eq(cohorts.organizationId, by.organizationId), isNull(cohorts.archivedAt)));
  const byName = new Map(open.map((c) => [fold(c.name), c.id]));
  const taken = await emailsTaken(
    deps,
    rows.map((r) => r.email),
  );
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
    throw new CsvImportError(rowErrors, "aucun compte n'a été créé");
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
  for (const c of created) invitations.push(await deliver(deps, 'invite', c.user, c.token, expiresAt));
  logger.info({ count: created.length }, 'roster imported');
  return { created: created.length, invitations };
}
