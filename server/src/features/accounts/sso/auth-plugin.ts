import { type SSOOptions, type SSOUserResolution, sso } from '@better-auth/sso';
import type { BetterAuthPlugin } from 'better-auth';
import { pgTable, text } from 'drizzle-orm/pg-core';
import type { Database } from '../../../../../db/client';
import { memberships } from '../../../../../db/schema';
import type { Actor } from '../../../lib/actor';
import type { Logger } from '../../../lib/logger';
import { audit } from '../audit';

/**
 * Why an SSO sign-in was refused: the code better-auth puts in the error redirect (`?error=…`), which the
 * web app's refusal page turns into French. Kept short and stable: the web app and the audit log read them.
 */
export const SSO_REFUSALS = {
  sso_email_unverified: "Le fournisseur d'identité ne certifie pas cette adresse e-mail.",
  sso_domain_refused: "Cette adresse e-mail n'appartient pas au domaine autorisé par l'établissement.",
  sso_unknown_user:
    "Aucun compte Préjury n'existe pour cette adresse, et l'établissement n'en crée pas automatiquement.",
  sso_other_organization: 'Cette adresse est rattachée à un autre établissement.',
  sso_not_configured: "La connexion unique n'est pas configurée pour cet établissement.",
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;

/**
 * Our memberships table seen by better-auth's adapter, read-only, so the user resolver can check a user's
 * organisation inside the transaction the SSO plugin runs it in (a query beside that transaction would
 * wait on it with the embedded database, which has one connection).
 */
const membershipModel = {
  // (the adapter wants an `id` on every model: `membershipView` maps it to the user id, the primary key)
  id: 'prejury-membership-model',
  schema: {
    membership: {
      fields: {
        userId: { type: 'string', required: true },
        organizationId: { type: 'string', required: true },
        role: { type: 'string', required: true },
      },
    },
  },
} satisfies BetterAuthPlugin;

/**
 * The `memberships` table as better-auth's adapter reads it: its required `id` is the user id (the primary
 * key). Declared here, not in db/schema/, so drizzle-kit never sees a second table of that name.
 */
export const membershipView = pgTable('memberships', {
  id: text('user_id').primaryKey(),
  userId: text('user_id').notNull(),
  organizationId: text('organization_id').notNull(),
  role: text().notNull(),
});

interface ProviderRow {
  providerId: string;
  organizationId: string;
  domain: string;
  allowSignUp: boolean;
}

const reject = (code: SsoRefusal): SSOUserResolution => ({
  action: 'reject',
  code,
  message: SSO_REFUSALS[code],
});

/** The address's domain, lower-cased; '' when it has none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/**
 * Decides who an SSO identity is, on every sign-in: only an address the provider certifies
 * (`email_verified` in the verified ID token), only in the organisation's domain; an existing account is
 * matched by that address if it belongs to the provider's organisation; an unknown address gets a new
 * candidate account only if the organisation allows it.
 */
const resolveUser: NonNullable<SSOOptions['resolveUser']> = async (input, { database }) => {
  if (input.protocol !== 'oidc') return reject('sso_not_configured');
  const provider = await database.findOne<ProviderRow>({
    model: 'ssoProvider',
    where: [{ field: 'providerId', value: input.providerId }],
  });
  if (!provider) return reject('sso_not_configured');
  const claims = input.verifiedIdTokenClaims;
  const email = input.providerUser.email.trim().toLowerCase();
  if (claims.email_verified !== true && input.providerClaims.email_verified !== true) {
    return reject('sso_email_unverified');
  }
  if (emailDomain(email) !== provider.domain.toLowerCase()) return reject('sso_domain_refused');
  const user = await database.findOne<{ id: string }>({
    model: 'user',
    where: [{ field: 'email', value: email }],
  });
  if (user) {
    const membership = await database.findOne<{ organizationId: string }>({
      model: 'membership',
      where: [{ field: 'userId', value: user.id }],
    });
    if (membership?.organizationId !== provider.organizationId) return reject('sso_other_organization');
    return { action: 'link', userId: user.id, profile: 'preserve' };
  }
  return provider.allowSignUp ? { action: 'continue' } : reject('sso_unknown_user');
};

/** The actor an audit entry names for a user who signs in through SSO (no session exists yet). */
function ssoActor(user: { id: string; email: string; name: string }, organizationId: string): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: 'candidate',
    organizationId,
    cohortId: null,
    trainerCohortIds: [],
  };
}

/**
 * better-auth's SSO plugin configured for Préjury (providers are organisations' rows in `sso_providers`),
 * and the read-only membership model its user resolver needs.
 */
export function ssoPlugins(database: Database, logger: Logger) {
  return [
    membershipModel,
    sso({
      schema: {
        ssoProvider: {
          additionalFields: {
            displayName: { type: 'string', required: true },
            allowSignUp: { type: 'boolean', required: false, defaultValue: false },
          },
        },
      },
      // Providers are configured by our admin API, never through the plugin's own endpoints.
      providersLimit: 0,
      organizationProvisioning: { disabled: true },
      resolveUser,
      provisionUserOnEveryLogin: true,
      // After every successful SSO sign-in: a new account gets its candidate membership, and the sign-in
      // is audited. Runs after the plugin's transaction, so our own queries are safe here.
      provisionUser: async ({ user, provider }) => {
        const organizationId = provider.organizationId;
        if (!organizationId) return;
        const created = await database.db
          .insert(memberships)
          .values({ userId: user.id, organizationId, role: 'candidate' })
          .onConflictDoNothing()
          .returning({ userId: memberships.userId });
        const actor = ssoActor(user, organizationId);
        if (created.length > 0) {
          await audit(database.db, actor, {
            action: 'user.create',
            targetType: 'user',
            targetId: user.id,
            detail: { role: 'candidate', via: 'sso', providerId: provider.providerId },
          });
        }
        await audit(database.db, actor, {
          action: 'user.sso_sign_in',
          targetType: 'user',
          targetId: user.id,
          detail: { providerId: provider.providerId },
        });
        logger.info({ userId: user.id, providerId: provider.providerId }, 'sso sign-in');
      },
    }),
  ];
}
