import { boolean, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './accounts';
import { createdAt, parentUuid, updatedAt } from './columns';

/** Single sign-on providers of an organisation. */
/**
 * An organisation's OpenID Connect single sign-on (better-auth's SSO plugin reads and writes this table as
 * its `ssoProvider` model). `oidc_config` is the plugin's JSON (issuer, client id, client secret, PKCE,
 * discovery URL): the API never returns the secret. `domain` is the only e-mail domain accepted;
 * `allow_sign_up` lets unknown users of that domain be created as candidates.
 */
export const ssoProviders = pgTable(
  'sso_providers',
  {
    id: text().primaryKey(),
    providerId: text('provider_id').notNull().unique(),
    issuer: text().notNull(),
    oidcConfig: text('oidc_config'),
    samlConfig: text('saml_config'),
    /** The admin who configured it (no foreign key: the configuration outlives its author). */
    userId: text('user_id'),
    organizationId: parentUuid('organization_id', () => organizations.id),
    domain: text().notNull(),
    /** The name on the sign-in button (« Se connecter avec … »). */
    displayName: text('display_name').notNull(),
    allowSignUp: boolean('allow_sign_up').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sso_providers_org_uq').on(t.organizationId)],
);
