import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../../../db/client';
import type { Actor } from '../../../lib/actor';
import { AppError, UnprocessableError } from '../../../lib/errors';
import { audit } from '../audit';
import type { SsoSettingsInput, SsoSettingsView } from './schemas';
import type { sealedSsoProviders } from './sealed-table';

/** How long the admin API waits for the provider's discovery document before refusing the settings. */
const DISCOVERY_TIMEOUT_MS = 5_000;

/** The provider id of an organisation: stable, so the redirect URI given to the IdP never changes. */
export function providerIdOf(organizationId: string): string {
  return `ecole-${organizationId.slice(0, 8)}`;
}

/** Where the identity provider sends the browser back (to register at the IdP). */
export function redirectUriOf(publicUrl: string, organizationId: string): string {
  return `${publicUrl}/api/auth/sso/callback/${providerIdOf(organizationId)}`;
}

interface StoredOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  pkce: true;
  discoveryEndpoint: string;
  scopes: string[];
}

/** What the settings functions share. */
export interface SsoContext {
  database: Database;
  publicUrl: string;
  privateIssuers: string[];
  /** The sealed `sso_providers` table (see sealed-table.ts). */
  ssoProviders: ReturnType<typeof sealedSsoProviders>;
}

export async function row(ctx: SsoContext, organizationId: string) {
  const [r] = await ctx.database.db
    .select()
    .from(ctx.ssoProviders)
    .where(eq(ctx.ssoProviders.organizationId, organizationId));
  return r;
}

export function view(
  ctx: SsoContext,
  organizationId: string,
  r: Awaited<ReturnType<typeof row>>,
): SsoSettingsView {
  const redirectUri = redirectUriOf(ctx.publicUrl, organizationId);
  if (!r) return { configured: false, redirectUri, provider: null };
  const config = JSON.parse(r.oidcConfig ?? '{}') as Partial<StoredOidcConfig>;
  return {
    configured: true,
    redirectUri,
    provider: {
      providerId: r.providerId,
      name: r.displayName,
      issuer: r.issuer,
      clientId: config.clientId ?? '',
      hasClientSecret: Boolean(config.clientSecret),
      domain: r.domain,
      allowSignUp: r.allowSignUp,
      updatedAt: r.updatedAt.toISOString(),
    },
  };
}

/** The issuer must publish an OpenID configuration naming itself, reachable from this server. */
async function checkDiscovery(issuer: string) {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const fail = (why: string) =>
    new UnprocessableError(
      'sso_discovery_failed',
      `Fournisseur d'identité injoignable ou invalide (${why}) : vérifiez l'adresse de l'émetteur (${url}).`,
    );
  let doc: { issuer?: unknown; authorization_endpoint?: unknown; token_endpoint?: unknown };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), redirect: 'manual' });
    if (!res.ok) throw fail(`réponse ${res.status}`);
    doc = (await res.json()) as typeof doc;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fail('pas de réponse JSON');
  }
  if (doc.issuer !== issuer) throw fail(`l'émetteur annoncé est « ${String(doc.issuer)} »`);
  if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') {
    throw fail('points de terminaison manquants');
  }
}

/** Creates or replaces the organisation's provider; a missing secret keeps the stored one. */
export async function saveSettings(
  ctx: SsoContext,
  actor: Actor,
  input: SsoSettingsInput,
): Promise<SsoSettingsView> {
  const { database, ssoProviders } = ctx;
  const issuerUrl = new URL(input.issuer);
  if (issuerUrl.protocol !== 'https:' && !ctx.privateIssuers.includes(issuerUrl.origin)) {
    throw new UnprocessableError(
      'sso_issuer_not_https',
      "L'émetteur doit être en https (un fournisseur du réseau interne se déclare dans PREJURY_SSO_PRIVATE_ISSUERS).",
    );
  }
  const existing = await row(ctx, actor.organizationId);
  const previous = existing ? (JSON.parse(existing.oidcConfig ?? '{}') as Partial<StoredOidcConfig>) : {};
  const clientSecret = input.clientSecret ?? previous.clientSecret;
  if (!clientSecret) {
    throw new UnprocessableError(
      'sso_secret_required',
      'Secret client requis pour une première configuration.',
    );
  }
  await checkDiscovery(input.issuer);
  const oidcConfig: StoredOidcConfig = {
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret,
    pkce: true,
    discoveryEndpoint: `${input.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    scopes: ['openid', 'email', 'profile'],
  };
  const values = {
    issuer: input.issuer,
    oidcConfig: JSON.stringify(oidcConfig),
    userId: actor.userId,
    domain: input.domain,
    displayName: input.name,
    allowSignUp: input.allowSignUp,
    updatedAt: new Date(),
  };
  await database.db.transaction(async (tx) => {
    if (existing) {
      await tx.update(ssoProviders).set(values).where(eq(ssoProviders.id, existing.id));
    } else {
      await tx.insert(ssoProviders).values({
        id: randomUUID(),
        providerId: providerIdOf(actor.organizationId),
        organizationId: actor.organizationId,
        ...values,
      });
    }
    await audit(tx, actor, {
      action: 'sso.configure',
      targetType: 'sso_provider',
      targetId: providerIdOf(actor.organizationId),
      detail: {
        issuer: input.issuer,
        domain: input.domain,
        allowSignUp: input.allowSignUp,
        secretChanged: input.clientSecret !== undefined,
      },
    });
  });
  return view(ctx, actor.organizationId, await row(ctx, actor.organizationId));
}
