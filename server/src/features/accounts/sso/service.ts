import { eq } from 'drizzle-orm';
import type { Database } from '../../../../../db/client';
import type { Actor } from '../../../lib/actor';
import { bind } from '../../../lib/bind';
import { audit } from '../audit';
import type { SsoSettingsView } from './schemas';
import { sealedSsoProviders } from './sealed-table';
import { row, type SsoContext, saveSettings, view } from './settings';

export { providerIdOf, redirectUriOf } from './settings';

/**
 * Single sign-on settings, one OpenID Connect provider per organisation. The settings are written here
 * (never through the SSO plugin's own endpoints, which stay closed) in the row the plugin reads at sign-in.
 * The client secret is write-only: no answer of this service carries it, and it is sealed at rest.
 */
export function createSsoService(deps: {
  database: Database;
  publicUrl: string;
  privateIssuers: string[];
  /** The app's auth secret, from which the key sealing `oidc_config` is derived (as better-auth's). */
  secret: string;
}) {
  const { database } = deps;
  const ssoProviders = sealedSsoProviders(deps.secret);
  const ctx: SsoContext = {
    database,
    publicUrl: deps.publicUrl,
    privateIssuers: deps.privateIssuers,
    ssoProviders,
  };

  return {
    async get(actor: Actor): Promise<SsoSettingsView> {
      return view(ctx, actor.organizationId, await row(ctx, actor.organizationId));
    },

    /** Creates or replaces the organisation's provider; a missing secret keeps the stored one. */
    save: bind(ctx, saveSettings),

    async remove(actor: Actor): Promise<void> {
      await database.db.transaction(async (tx) => {
        const removed = await tx
          .delete(ssoProviders)
          .where(eq(ssoProviders.organizationId, actor.organizationId))
          .returning({ providerId: ssoProviders.providerId });
        if (removed.length === 0) return;
        await audit(tx, actor, {
          action: 'sso.remove',
          targetType: 'sso_provider',
          targetId: removed[0]?.providerId ?? null,
        });
      });
    },

    /** The sign-in buttons: every configured provider's id and name (public). */
    async buttons(): Promise<{ providerId: string; name: string }[]> {
      return database.db
        .select({ providerId: ssoProviders.providerId, name: ssoProviders.displayName })
        .from(ssoProviders)
        .orderBy(ssoProviders.displayName);
    },

    /** Records a refused SSO sign-in in the provider's organisation's audit log. */
    async auditRefusal(providerId: string, code: string) {
      const [r] = await database.db
        .select({ organizationId: ssoProviders.organizationId })
        .from(ssoProviders)
        .where(eq(ssoProviders.providerId, providerId));
      if (!r) return;
      await audit(
        database.db,
        null,
        { action: 'user.sso_refused', targetType: 'sso_provider', targetId: providerId, detail: { code } },
        r.organizationId,
      );
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
