import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { signInSubject, type UsageLedger } from '../../lib/ledger';
import { createRouter, errorResponses, jsonRequest, respond, routesTagged } from '../../lib/openapi';
import { type Auth, CLIENT_IP_HEADER } from './auth';

/**
 * The better-auth endpoints the web app uses, and only those, each as one of our own routes: listed in
 * the OpenAPI document, behind the access policy and the CSRF check, its body validated by zod, then
 * forwarded to better-auth. Every other better-auth endpoint (`update-user`, `get-session`,
 * `list-sessions`, `sign-up`…) is unknown here, so the policy refuses it. better-auth's own answers are
 * rewritten to the API's `{ error: { code, message } }`, and session tokens are taken out of JSON bodies
 * (the httpOnly cookie is the only place a token lives).
 */

const PasswordSchema = z.string().min(1).max(128);
const NewPasswordSchema = z.string().min(10).max(128);
const EmailSchema = z.string().trim().email().max(320);

export const SignInSchema = z
  .object({ email: EmailSchema, password: PasswordSchema, rememberMe: z.boolean().optional() })
  .strict()
  .openapi('SignIn');
export const ChangePasswordSchema = z
  .object({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema })
  .strict()
  .openapi('ChangePassword');
export const PasswordResetRequestSchema = z
  .object({
    email: EmailSchema,
    // A path of this app only: the link must not send anyone elsewhere.
    redirectTo: z
      .string()
      .regex(/^\/[a-z0-9/-]{0,100}$/, 'chemin de l’application attendu (ex. /reinitialiser)')
      .optional(),
  })
  .strict()
  .openapi('PasswordResetRequest');
const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'jeton invalide');
export const PasswordResetSchema = z
  .object({ newPassword: NewPasswordSchema, token: TokenSchema })
  .strict()
  .openapi('PasswordReset');
const EmptySchema = z.object({}).strict();

const SignedInSchema = z
  .object({
    redirect: z.boolean().optional(),
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }).passthrough(),
  })
  .openapi('SignedIn');
const StatusSchema = z.object({ status: z.boolean() }).passthrough();

/** Failed sign-ins on one account, counted over this window, before the backoff starts. */
const BACKOFF_FREE_FAILURES = 3;
const BACKOFF_WINDOW_MS = 15 * 60_000;
const BACKOFF_MAX_SECONDS = 5 * 60;

/**
 * The wait before the next attempt on an account after `failures` recent failures: none for the first
 * few, then 1 s, 2 s, 4 s… up to 5 minutes. A growing delay, not a lockout: the owner can always get in
 * by waiting, and an attacker rotating addresses gets a handful of guesses an hour on one account.
 */
export function backoffSeconds(failures: number): number {
  if (failures < BACKOFF_FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - BACKOFF_FREE_FAILURES), BACKOFF_MAX_SECONDS);
}

/** The peer's address from the socket (loopback when the app is called in-process, as in tests). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? '127.0.0.1';
  } catch {
    return '127.0.0.1';
  }
}

const AUTH_MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'Adresse e-mail ou mot de passe incorrect.',
  INVALID_PASSWORD: 'Mot de passe actuel incorrect.',
  INVALID_TOKEN: 'Lien de réinitialisation invalide ou expiré : demandez-en un nouveau.',
  ACCOUNT_DISABLED:
    "Ce compte est désactivé : contactez l'administrateur de votre organisme pour le réactiver.",
  PASSWORD_TOO_SHORT: 'Mot de passe trop court : 10 caractères au moins.',
  PASSWORD_TOO_LONG: 'Mot de passe trop long : 128 caractères au plus.',
};

/** better-auth's answer in the API's contract: errors as `{ error: { code, message } }`, no token in JSON. */
export async function rewrite(res: Response): Promise<Response> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return res;
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status >= 400) {
    const code =
      res.status === 429 ? 'rate_limited' : typeof body?.code === 'string' ? body.code : 'auth_error';
    const message =
      res.status === 429
        ? 'Trop de tentatives depuis cette adresse : réessayez dans une minute.'
        : (AUTH_MESSAGES[code] ?? 'Requête refusée par le service de connexion.');
    const retryAfter = res.headers.get('x-retry-after');
    if (retryAfter) headers.set('retry-after', retryAfter);
    return new Response(JSON.stringify({ error: { code, message } }), { status: res.status, headers });
  }
  if (body && typeof body === 'object' && 'token' in body) delete body.token;
  return new Response(JSON.stringify(body), { status: res.status, headers });
}

/** Sends a validated request on to better-auth, with the socket's address for its rate limiter. */
async function forward(auth: Auth, c: Context<AppEnv>, body?: unknown): Promise<Response> {
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, clientAddress(c));
  headers.delete('content-length');
  const init: RequestInit = { method: c.req.method, headers };
  if (body !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(body);
  }
  return rewrite(await auth.handler(new Request(c.req.url, init)));
}

const optionalEmpty = { content: { 'application/json': { schema: EmptySchema } }, required: false };
const route = routesTagged('Authentification');

/** `/api/auth`: sign-in, sign-out, sessions and passwords (better-auth behind our validation). */
export function authRoutes(auth: Auth, ledger: UsageLedger) {
  return createRouter()
    .openapi(
      route.post(
        '/sign-in/email',
        'Se connecter (cookie de session httpOnly ; aucun jeton dans la réponse)',
        {
          description:
            'Limité par adresse (PREJURY_SIGNIN_MAX_PER_MINUTE) et, par compte, un délai croissant après trois échecs (429 avec Retry-After).',
          ...jsonRequest(SignInSchema),
          responses: respond.ok('Connecté', SignedInSchema, 400, 401, 403, 415, 429),
        },
      ),
      async (c) => {
        const body = c.req.valid('json');
        const subject = signInSubject(body.email);
        // Failures before the owner's last success do not count: they got in since.
        const success = await ledger.countSince(
          'sign_in_success',
          subject,
          new Date(Date.now() - BACKOFF_WINDOW_MS),
        );
        const failures = await ledger.countSince(
          'sign_in_failure',
          subject,
          success.last ?? new Date(Date.now() - BACKOFF_WINDOW_MS),
        );
        const recent = failures.n;
        const wait = backoffSeconds(recent);
        const readyAt = (failures.last?.getTime() ?? 0) + wait * 1000;
        if (wait > 0 && Date.now() < readyAt) {
          const seconds = Math.ceil((readyAt - Date.now()) / 1000);
          c.header('retry-after', String(seconds));
          // The same answer whether or not the account exists: the backoff is keyed on the address typed.
          throw new AppError(
            'sign_in_backoff',
            429,
            `Trop d'essais infructueux pour ce compte : réessayez dans ${seconds} s.`,
          );
        }
        const res = await forward(auth, c, body);
        if (res.status === 401) await ledger.record('sign_in_failure', subject);
        else if (res.status === 200) await ledger.record('sign_in_success', subject);
        return res as never;
      },
    )
    .openapi(
      route.post('/sign-out', 'Se déconnecter (cette session)', {
        request: { body: optionalEmpty },
        responses: respond.ok('Déconnecté', StatusSchema, 400, 403),
      }),
      async (c) => (await forward(auth, c, {})) as never,
    )
    .openapi(
      route.post('/revoke-sessions', 'Se déconnecter partout (toutes ses sessions)', {
        request: { body: optionalEmpty },
        responses: respond.ok('Sessions fermées', StatusSchema, 400, 401, 403),
      }),
      async (c) => (await forward(auth, c, {})) as never,
    )
    .openapi(
      route.post('/change-password', 'Changer son mot de passe (ferme toutes ses autres sessions)', {
        ...jsonRequest(ChangePasswordSchema),
        responses: respond.ok('Modifié', z.object({}).passthrough(), 400, 401, 403, 415),
      }),
      // Whoever knew the old password must not stay signed in elsewhere.
      async (c) => (await forward(auth, c, { ...c.req.valid('json'), revokeOtherSessions: true })) as never,
    )
    .openapi(
      route.post(
        '/request-password-reset',
        'Demander un lien de réinitialisation (même réponse que le compte existe ou non)',
        {
          ...jsonRequest(PasswordResetRequestSchema),
          responses: respond.ok('Demande reçue', StatusSchema, 400, 415, 429),
        },
      ),
      async (c) => (await forward(auth, c, c.req.valid('json'))) as never,
    )
    .openapi(
      route.post(
        '/reset-password',
        'Choisir un nouveau mot de passe avec le jeton du lien (ferme toutes les sessions)',
        {
          ...jsonRequest(PasswordResetSchema),
          responses: respond.ok('Modifié', StatusSchema, 400, 415, 429),
        },
      ),
      async (c) => (await forward(auth, c, c.req.valid('json'))) as never,
    )
    .openapi(
      route.get(
        '/reset-password/{token}',
        "Lien de réinitialisation : redirige vers la page de l'application avec le jeton",
        {
          request: {
            params: z.object({ token: TokenSchema.openapi({ param: { name: 'token', in: 'path' } }) }),
            query: z.object({
              callbackURL: z
                .string()
                .regex(/^\/[a-z0-9/-]{0,100}$/, 'chemin de l’application attendu')
                .optional(),
            }),
          },
          responses: { 302: { description: 'Redirection' }, ...errorResponses(400) },
        },
      ),
      async (c) => (await forward(auth, c)) as never,
    );
}
