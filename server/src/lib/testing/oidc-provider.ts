import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the in-test identity provider knows: their login at its sign-in page is their `sub`. */
export interface TestIdentity {
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestOidcProvider {
  /** The issuer (`http://127.0.0.1:<port>`), also its origin. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider for tests: `oidc-provider` (a certified implementation) on a loopback
 * port, with one confidential client, PKCE required, and its development sign-in and consent pages (any
 * password; the login typed is the account). Nothing about it is stubbed.
 */
export async function startOidcProvider(options: {
  redirectUris: string[];
  identities: Record<string, TestIdentity>;
  /** Listen on this port (0: any free one). */
  port?: number;
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'prejury-test';
  const clientSecret = 'secret-de-test-du-fournisseur-oidc-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    // Without a refresh token request (offline_access), oidc-provider needs no consent for it.
    async findAccount(_ctx, sub) {
      const who = options.identities[sub];
      if (!who) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: who.email, email_verified: who.emailVerified, name: who.name };
        },
      };
    },
    // Claims in the ID token too, so the relying party needs no userinfo call to know the address.
    conformIdTokenClaims: false,
  });
  // oidc-provider logs its development-mode warnings once; tests do not need them.
  provider.on('server_error', () => {});
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
