import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../lib/actor';
import { NotFoundError } from '../../../lib/errors';
import { createRouter, errorResponses, jsonRequest, respond, routesTagged } from '../../../lib/openapi';
import type { Auth } from '../auth';
import { CLIENT_IP_HEADER } from '../auth';
import { clientAddress, rewrite } from '../auth-routes';
import { requireActor } from '../policy';
import { SsoButtonsSchema, SsoSettingsInputSchema, SsoSettingsViewSchema, SsoSignInSchema } from './schemas';
import type { SsoService } from './service';

/** The web app's page that explains a refused SSO sign-in (it reads `?error=<code>`). */
export const SSO_ERROR_PATH = '/connexion/sso';

const route = routesTagged('Authentification unique (SSO)');
const adminRoute = routesTagged('Administration');

/** A request to better-auth at `path`, with the caller's cookies and the socket's address for its limiter. */
function toAuth(c: Context<AppEnv>, path: string, init: { method: string; body?: unknown }) {
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, clientAddress(c));
  headers.delete('content-length');
  const url = new URL(path, c.req.url);
  url.search = new URL(c.req.url).search;
  const request: RequestInit = { method: init.method, headers };
  if (init.body !== undefined) {
    headers.set('content-type', 'application/json');
    request.body = JSON.stringify(init.body);
    url.search = '';
  }
  return new Request(url, request);
}

/**
 * `/api/auth/sso/*`: the public side of single sign-on. The buttons of the sign-in page, the start of the
 * authorization-code flow (PKCE, state and nonce by better-auth's SSO plugin), and the provider's callback,
 * which sets the session cookie and lands on the app, or on the refusal page with a reason code.
 */
export function ssoAuthRoutes(auth: Auth, sso: SsoService) {
  return createRouter()
    .openapi(
      route.get('/providers', 'Les fournisseurs d’identité configurés (boutons « Se connecter avec … »)', {
        responses: respond.ok('Fournisseurs', SsoButtonsSchema),
      }),
      async (c) => c.json(await sso.buttons(), 200),
    )
    .openapi(
      route.post('/sign-in', 'Commencer une connexion unique : renvoie l’adresse du fournisseur d’identité', {
        ...jsonRequest(SsoSignInSchema),
        responses: respond.ok(
          'Adresse de connexion chez le fournisseur',
          z.object({ url: z.string() }),
          400,
          404,
          415,
          429,
        ),
      }),
      async (c) => {
        const { providerId, next } = c.req.valid('json');
        const known = await sso.buttons();
        if (!known.some((p) => p.providerId === providerId)) {
          throw new NotFoundError('Fournisseur d’identité', providerId);
        }
        const res = await rewrite(
          await auth.handler(
            toAuth(c, '/api/auth/sign-in/sso', {
              method: 'POST',
              body: {
                providerId,
                callbackURL: next ?? '/',
                errorCallbackURL: SSO_ERROR_PATH,
                providerType: 'oidc',
              },
            }),
          ),
        );
        if (res.status !== 200) return res as never;
        const body = (await res.json()) as { url?: string };
        const out = c.json({ url: String(body.url ?? '') }, 200);
        // better-auth's state cookie must reach the browser with the answer.
        for (const cookie of res.headers.getSetCookie()) out.headers.append('set-cookie', cookie);
        return out;
      },
    )
    .openapi(
      route.get(
        '/callback/{providerId}',
        'Retour du fournisseur d’identité (à déclarer chez lui comme adresse de redirection)',
        {
          request: {
            params: z.object({
              providerId: z
                .string()
                .regex(/^[a-z0-9-]{1,64}$/)
                .openapi({ param: { name: 'providerId', in: 'path' } }),
            }),
          },
          responses: {
            302: { description: 'Vers l’application, ou la page de refus' },
            ...errorResponses(400),
          },
        },
      ),
      async (c) => {
        const { providerId } = c.req.valid('param');
        const res = await rewrite(await auth.handler(toAuth(c, c.req.path, { method: 'GET' })));
        const location = res.headers.get('location') ?? '';
        const code = location.includes(SSO_ERROR_PATH)
          ? new URL(location, 'http://x').searchParams.get('error')
          : null;
        if (code) await sso.auditRefusal(providerId, code.slice(0, 80));
        return res as never;
      },
    );
}

/** `/api/admin/sso`: the organisation's OpenID Connect settings (admins only, by the access policy). */
export function ssoAdminRoutes(sso: SsoService) {
  return createRouter()
    .openapi(
      adminRoute.get('/', 'Connexion unique de l’établissement (sans le secret client)', {
        responses: respond.ok('Réglages', SsoSettingsViewSchema, 401, 403),
      }),
      async (c) => c.json(await sso.get(requireActor(c.get('actor'))), 200),
    )
    .openapi(
      adminRoute.put(
        '/',
        'Configurer la connexion unique (le fournisseur doit répondre à sa découverte OpenID)',
        {
          ...jsonRequest(SsoSettingsInputSchema),
          responses: respond.ok('Enregistré', SsoSettingsViewSchema, 400, 401, 403, 415, 422),
        },
      ),
      async (c) => c.json(await sso.save(requireActor(c.get('actor')), c.req.valid('json')), 200),
    )
    .openapi(
      adminRoute.delete('/', 'Retirer la connexion unique', {
        responses: respond.noContent('Retirée', 401, 403),
      }),
      async (c) => {
        await sso.remove(requireActor(c.get('actor')));
        return c.body(null, 204);
      },
    );
}
