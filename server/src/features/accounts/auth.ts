import { randomBytes } from 'node:crypto';
import { betterAuth, getCurrentAdapter } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import type { Database } from '../../../../db/client';
import { accounts, rateLimits, sessions, users, verifications } from '../../../../db/schema';
import type { Config } from '../../lib/env';
import { type Logger, scrubMessage } from '../../lib/logger';
import type { Mailer } from '../../lib/mail';
import { membershipView, ssoPlugins } from './sso/auth-plugin';
import { sealedSsoProviders } from './sso/sealed-table';

/** The header the app sets from the socket's address (never from the client) for rate limiting. */
export const CLIENT_IP_HEADER = 'x-prejury-client-ip';

/**
 * better-auth, configured for Préjury: email + password, and OpenID Connect single sign-on per organisation (sso/), no self sign-up (admins create
 * accounts), database sessions in httpOnly SameSite=Lax cookies, rate-limited sign-in and reset
 * requests stored in the database (so limits hold across processes), no telemetry.
 * Mounted at `/api/auth/*` (sign-in: `POST /api/auth/sign-in/email`).
 */
export function createAuth(config: Config, database: Database, logger: Logger, mailer?: Mailer) {
  // The server resolves a lasting secret at start-up (runtime.ts); tools that never sign anyone in
  // (the review command) get a throwaway one.
  const secret = config.auth.secret ?? randomBytes(32).toString('base64url');
  return betterAuth({
    appName: 'Préjury',
    baseURL: config.auth.publicUrl,
    basePath: '/api/auth',
    secret,
    // Private-network identity providers the admin listed may be called by the SSO plugin (it refuses
    // loopback and private addresses otherwise); our own CSRF check keeps to the app's origins.
    trustedOrigins: [...config.auth.trustedOrigins, ...config.auth.ssoPrivateIssuers],
    database: drizzleAdapter(database.db, {
      provider: 'pg',
      // The SSO plugin resolves users, links accounts and opens the session in one transaction.
      transaction: true,
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
        // SSO settings: `oidc_config` (with the client secret) sealed at rest.
        ssoProvider: sealedSsoProviders(secret),
        membership: membershipView,
      },
    }),
    // `active` is read by the session hook below through better-auth's adapter; never set through its API.
    user: {
      additionalFields: { active: { type: 'boolean', input: false, defaultValue: true, returned: false } },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 30 * 60,
      // By e-mail when SMTP is configured; otherwise the link goes to the server's console.
      sendResetPassword: async ({ user, url }) => {
        if (mailer?.transport === 'smtp') {
          await mailer.send({
            to: user.email,
            subject: 'Préjury : réinitialiser votre mot de passe',
            text: [
              `Bonjour ${user.name},`,
              '',
              'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 30 minutes, une seule fois) :',
              url,
              '',
              "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
              '— Préjury',
            ].join('\n'),
          });
          return;
        }
        logger.warn(
          { userId: user.id, resetUrl: url },
          'password reset link (no mail server: send it to the user)',
        );
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Reset and invitation links are single-use tokens: only their SHA-256 is stored, so a copy of the
    // database does not hand out working links.
    verification: { storeIdentifier: { default: 'plain', overrides: { 'reset-password:': 'hashed' } } },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account gets no session, whatever the sign-in method (password or SSO).
          before: async (session, ctx) => {
            // Sessions are opened by better-auth's sign-in endpoints only (password, SSO), so there is an
            // endpoint context; outside one (nothing here does that), refuse rather than guess.
            if (!ctx) {
              throw new APIError('FORBIDDEN', {
                code: 'NO_SIGN_IN',
                message: 'sessions come from sign-in only',
              });
            }
            // Inside the sign-in's transaction (SSO runs it in one), read through that transaction: on the
            // embedded database a second connection would wait for it to end, which it never does.
            const adapter = await getCurrentAdapter(ctx.context.adapter);
            const user = await adapter.findOne<{ active: boolean }>({
              model: 'user',
              where: [{ field: 'id', value: session.userId }],
            });
            if (user && !user.active) {
              throw new APIError('FORBIDDEN', {
                code: 'ACCOUNT_DISABLED',
                message: 'account disabled',
              });
            }
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: config.auth.signInWindowSeconds, max: config.auth.signInMax },
        '/request-password-reset': { window: 60 * 15, max: 5 },
        '/reset-password': { window: 60 * 15, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: 'prejury',
      useSecureCookies: config.auth.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: ssoPlugins(database, logger),
    // A failed redirect flow (SSO callback with a stale state…) lands on the web app's page that explains it.
    onAPIError: { errorURL: '/connexion/sso' },
    telemetry: { enabled: false },
    logger: {
      level: 'error',
      log: (level, message) => {
        if (level === 'error') logger.error({ source: 'better-auth' }, scrubMessage(message));
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
