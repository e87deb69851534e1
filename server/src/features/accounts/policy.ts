import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../../../db/client';
import type { Actor, AppEnv, Role } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { findVisibleDossier, findVisibleReview, type Relation } from './access';

/**
 * The access policy of the whole API, in one table. Every `/api` request goes through it after the
 * session is read: public routes pass, anything else needs a signed-in caller (401). Routes about a
 * dossier or a review check that the caller can see it (404 otherwise, as if it did not exist) and
 * that their relation to it allows the method (403). A route missing from the table is refused:
 * new routes are closed until a rule opens them (the role-matrix test lists every route).
 */

type Rule =
  | { pattern: RegExp; methods: string[]; public: true }
  | { pattern: RegExp; methods: string[]; roles: Role[] | 'any' }
  | { pattern: RegExp; methods: string[]; dossier: Relation[] }
  | { pattern: RegExp; methods: string[]; review: Relation[] };

const READERS: Relation[] = ['owner', 'trainer', 'examteam', 'admin'];
const ID = '([^/]+)';

export const RULES: Rule[] = [
  { pattern: /^\/api\/health$/, methods: ['GET'], public: true },
  { pattern: /^\/api\/(openapi\.json|docs(\/.*)?)$/, methods: ['GET'], public: true },
  // The referential and the exam briefs are public reference material, not anyone's data.
  { pattern: /^\/api\/referential$/, methods: ['GET'], public: true },
  { pattern: /^\/api\/exams(\/[^/]+(\/brief(\.md)?)?)?$/, methods: ['GET'], public: true },

  // « Who am I? » answers null without a session (the web app asks it on every page).
  { pattern: /^\/api\/me$/, methods: ['GET'], public: true },
  { pattern: /^\/api\/me$/, methods: ['DELETE'], roles: 'any' },
  { pattern: /^\/api\/me\/export$/, methods: ['GET'], roles: 'any' },
  { pattern: /^\/api\/notifications$/, methods: ['GET'], roles: 'any' },
  { pattern: /^\/api\/notifications\/read$/, methods: ['POST'], roles: 'any' },
  { pattern: /^\/api\/admin\/.+$/, methods: ['GET', 'POST', 'PATCH', 'DELETE'], roles: ['admin'] },
  { pattern: /^\/api\/trainer\/.+$/, methods: ['GET'], roles: ['trainer'] },
  {
    pattern: /^\/api\/calibration\/.+$/,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    roles: ['examteam', 'admin'],
  },

  { pattern: /^\/api\/dossiers$/, methods: ['GET'], roles: 'any' },
  { pattern: /^\/api\/dossiers$/, methods: ['POST'], roles: ['candidate'] },
  { pattern: new RegExp(`^/api/dossiers/${ID}$`), methods: ['GET'], dossier: READERS },
  { pattern: new RegExp(`^/api/dossiers/${ID}$`), methods: ['DELETE'], dossier: ['owner', 'admin'] },
  { pattern: new RegExp(`^/api/dossiers/${ID}/versions$`), methods: ['POST'], dossier: ['owner'] },
  { pattern: new RegExp(`^/api/dossiers/${ID}/reviews$`), methods: ['GET'], dossier: READERS },
  { pattern: new RegExp(`^/api/dossiers/${ID}/versions/[^/]+/text$`), methods: ['GET'], dossier: READERS },
  { pattern: new RegExp(`^/api/dossiers/${ID}/versions/[^/]+/file$`), methods: ['GET'], dossier: READERS },
  {
    pattern: new RegExp(`^/api/dossiers/${ID}/versions/[^/]+/reviews$`),
    methods: ['POST'],
    dossier: ['owner'],
  },
  { pattern: new RegExp(`^/api/dossiers/${ID}/versions/[^/]+/coach$`), methods: ['GET'], dossier: READERS },
  {
    pattern: new RegExp(`^/api/dossiers/${ID}/versions/[^/]+/coach(/stream)?$`),
    methods: ['POST'],
    dossier: ['owner'],
  },

  {
    pattern: new RegExp(`^/api/reviews/${ID}(/events|/report\\.md|/report\\.html|/oral|/decisions)?$`),
    methods: ['GET'],
    review: READERS,
  },
  { pattern: new RegExp(`^/api/reviews/${ID}/criteria/[^/]+/retry$`), methods: ['POST'], review: ['owner'] },
  {
    pattern: new RegExp(`^/api/reviews/${ID}/criteria/[^/]+/decision$`),
    methods: ['POST'],
    review: ['trainer'],
  },
  { pattern: new RegExp(`^/api/reviews/${ID}/check$`), methods: ['POST'], review: ['trainer'] },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unauthenticated() {
  return new AppError('unauthenticated', 401, 'Connectez-vous pour accéder à cette ressource.');
}
function forbidden() {
  return new AppError('forbidden', 403, 'Votre rôle ne permet pas cette action.');
}

export function accessPolicy(database: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/auth/')) return next(); // better-auth guards its own endpoints
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const matching = RULES.filter((r) => r.pattern.test(path));
    const rule = matching.find((r) => r.methods.includes(method));
    if (rule && 'public' in rule) return next();
    const actor = c.get('actor');
    if (!actor) throw unauthenticated();
    if (!rule) {
      // Unknown route, or a method no rule opens: the same answer as for an unknown route.
      throw new AppError('not_found', 404, `Route inconnue : ${c.req.method} ${path}`);
    }
    if ('roles' in rule) {
      if (rule.roles !== 'any' && !rule.roles.includes(actor.role)) throw forbidden();
      return next();
    }
    const id = rule.pattern.exec(path)?.[1] ?? '';
    if (!UUID.test(id)) return next(); // the route answers 400 for a malformed id
    const ref =
      'dossier' in rule
        ? await findVisibleDossier(database, actor, id)
        : await findVisibleReview(database, actor, id);
    const allowed = 'dossier' in rule ? rule.dossier : rule.review;
    if (!allowed.includes(ref.relation)) throw forbidden();
    return next();
  };
}

/** Requests with a session cookie must come from our own origin (CSRF); others carry no ambient credentials. */
export function csrfGuard(trustedOrigins: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || c.req.path.startsWith('/api/auth/'))
      return next();
    const cookie = c.req.header('cookie') ?? '';
    if (!/prejury[.-]session_token=/.test(cookie)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    const sameSite = site === 'same-origin';
    const sameOrigin = origin !== undefined && (origin === own || trustedOrigins.includes(origin));
    if (!sameSite && !sameOrigin) {
      throw new AppError(
        'csrf_rejected',
        403,
        "Requête refusée : elle ne vient pas de l'application Préjury (protection CSRF).",
      );
    }
    return next();
  };
}

/** The signed-in caller, for handlers behind a rule that requires one. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}
