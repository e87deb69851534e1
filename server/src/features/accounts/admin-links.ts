import { createHash, randomBytes } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { verifications } from '../../../../db/schema';
import type { Logger } from '../../lib/logger';
import type { Mailer } from '../../lib/mail';
import type { IssuedLinkSchema, NewUserSchema } from './schemas';

/** How long an invitation link works, and an admin-triggered reset link. */
export const INVITATION_DAYS = 7;
export const ADMIN_RESET_HOURS = 24;

export type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/** What the admin gets back for a link: it went by e-mail, or here it is, once (no SMTP). */
export type IssuedLink = z.infer<typeof IssuedLinkSchema>;

/** Someone to invite: the account is created without a password. */
export type Invitee = z.infer<typeof NewUserSchema>;

/** What the admin console's modules share. */
export interface AdminDeps {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
  logger: Logger;
  /** The account service's rule for assigning promotions (known here, not archived). */
  assertOpenCohorts: (organizationId: string, ids: string[]) => Promise<void>;
}

type Deps = AdminDeps;

/**
 * A single-use token in better-auth's reset-password form. Only its SHA-256 (base64url, the
 * `storeIdentifier: 'hashed'` rule of auth.ts) is stored; the user's earlier links stop working.
 */
export async function newToken(tx: Tx, userId: string, expiresAt: Date): Promise<string> {
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

function linkFor(publicUrl: string, kind: 'invite' | 'reset', token: string) {
  return `${publicUrl}/${kind === 'invite' ? 'bienvenue' : 'reinitialiser'}?token=${token}`;
}

/** Sends the link by e-mail when SMTP is configured; otherwise hands it back to show once. */
export async function deliver(
  deps: Deps,
  kind: 'invite' | 'reset',
  user: { id: string; email: string; name: string },
  token: string,
  expiresAt: Date,
): Promise<IssuedLink> {
  const link = linkFor(deps.publicUrl, kind, token);
  const base = { userId: user.id, email: user.email, name: user.name, expiresAt: expiresAt.toISOString() };
  if (deps.mailer.transport !== 'smtp') return { ...base, mailed: false, link };
  await deps.mailer.send(
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
