import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { boolean, customType, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const PREFIX = 'enc:v1:';

/** AES-256-GCM with a key derived from the app's auth secret: `enc:v1:` + base64(iv ‖ tag ‖ ciphertext). */
export function sealer(secret: string) {
  const key = createHash('sha256').update(`prejury/sso/oidc-config/${secret}`).digest();
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    /** A value written before sealing existed reads as it is. */
    open(stored: string): string {
      if (!stored.startsWith(PREFIX)) return stored;
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The `sso_providers` table (db/schema/sso.ts) as the SSO plugin and our settings service read and write it:
 * the same columns, but `oidc_config` (which holds the client secret) is sealed on the way to the database
 * and opened on the way back, so the secret is never stored in clear. Declared here, not in db/schema/:
 * the key comes from the running app's secret (`PREJURY_AUTH_SECRET`, or the data folder's); if it changes,
 * the admin enters the client secret again. Keep the columns in step with `ssoProviders` in db/schema/sso.ts.
 */
export function sealedSsoProviders(secret: string) {
  const { seal, open } = sealer(secret);
  const sealedText = customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => seal(value),
    fromDriver: (value) => open(value),
  });
  return pgTable('sso_providers', {
    id: text().primaryKey(),
    providerId: text('provider_id').notNull().unique(),
    issuer: text().notNull(),
    oidcConfig: sealedText('oidc_config'),
    samlConfig: text('saml_config'),
    userId: text('user_id'),
    organizationId: uuid('organization_id').notNull(),
    domain: text().notNull(),
    displayName: text('display_name').notNull(),
    allowSignUp: boolean('allow_sign_up').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  });
}
export type SealedSsoProviders = ReturnType<typeof sealedSsoProviders>;
