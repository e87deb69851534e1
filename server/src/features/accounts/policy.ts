import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../../../db/client';
import type { Actor, AppEnv, Role } from '../../lib/actor';
import { AppError, ValidationError } from '../../lib/errors';
import { UUID_PATTERN } from '../../lib/openapi';
import { findVisibleDossier, findVisibleReview, type Relation } from './access';
import type { ReviewAccessCache } from './review-access-cache';

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

  // better-auth, only the endpoints the web app uses (auth-routes.ts validates and forwards them).
  {
    pattern: /^\/api\/auth\/(sign-in\/email|sign-out|request-password-reset|reset-password)$/,
    methods: ['POST'],
    public: true,
  },
  { pattern: /^\/api\/auth\/reset-password\/[^/]+$/, methods: ['GET'], public: true },
  { pattern: /^\/api\/auth\/(revoke-sessions|change-password)$/, methods: ['POST'], roles: 'any' },
  // Single sign-on (sso/routes.ts): the sign-in buttons, the start of the flow, the provider's callback.
  { pattern: /^\/api\/auth\/sso\/(providers|callback\/[^/]+)$/, methods: ['GET'], public: true },
  { pattern: /^\/api\/auth\/sso\/sign-in$/, methods: ['POST'], public: true },
  { pattern: /^\/api\/admin\/sso$/, methods: ['PUT'], roles: ['admin'] },

  // « Who am I? » answers null without a session (the web app asks it on every page).
  { pattern: /^\/api\/me$/, methods: ['GET'], public: true },
  { pattern: /^\/api\/me$/, methods: ['DELETE', 'PATCH'], roles: 'any' },
  { pattern: /^\/api\/me\/export$/, methods: ['GET'], roles: 'any' },
  { pattern: /^\/api\/notifications$/, methods: ['GET'], roles: 'any' },
  { pattern: /^\/api\/notifications\/read$/, methods: ['POST'], roles: 'any' },
  { pattern: /^\/api\/admin\/.+$/, methods: ['GET', 'POST', 'PATCH', 'DELETE'], roles: ['admin'] },
  { pattern: /^\/api\/trainer\/.+$/, methods: ['GET'], roles: ['trainer'] },
  // The staff's list of candidates' dossiers (each sees the dossiers `visibleDossiers` gives them).
  { pattern: /^\/api\/overview\/dossiers$/, methods: ['GET'], roles: ['trainer', 'examteam', 'admin'] },
  // A trainer's comment bank is their own (the service scopes every query to the caller).
  { pattern: /^\/api\/trainer\/comment-bank(\/[^/]+)?$/, methods: ['POST', 'DELETE'], roles: ['trainer'] },
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
  // Comments on passages: read by all who see the dossier, written by its candidate's trainers (the
  // service lets only a comment's author edit or delete it).
  {
    pattern: new RegExp(`^/api/dossiers/${ID}/versions/[^/]+/comments$`),
    methods: ['GET'],
    dossier: READERS,
  },
  {
    pattern: new RegExp(`^/api/dossiers/${ID}/versions/[^/]+/comments$`),
    methods: ['POST'],
    dossier: ['trainer'],
  },
  {
    pattern: new RegExp(`^/api/dossiers/${ID}/comments/[^/]+$`),
    methods: ['PATCH', 'DELETE'],
    dossier: ['trainer'],
  },
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
    pattern: new RegExp(
      `^/api/reviews/${ID}(/events|/report\\.md|/report\\.html|/oral|/decisions|/rubric)?$`,
    ),
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

function unauthenticated() {
  return new AppError('unauthenticated', 401, 'Connectez-vous pour accéder à cette ressource.');
}
function forbidden() {
  return new AppError('forbidden', 403, 'Votre rôle ne permet pas cette action.');
}

export function accessPolicy(
  database: Database,
  /** Reuses review access decisions for a few seconds (signed-in reads of a report cost no query). */
  reviewAccess?: ReviewAccessCache,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    // The first rule for this method and path; the method first, so most patterns are never run (#17).
    const rule = RULES.find((r) => r.methods.includes(method) && r.pattern.test(path));
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
    // Fail closed: an id the policy cannot check is refused here, not handed to the route (PostgreSQL
    // reads braces, upper case or missing hyphens as the same uuid, which a pattern check here did not).
    if (!UUID_PATTERN.test(id)) {
      throw new ValidationError('Requête invalide : identifiant mal formé (UUID en minuscules attendu).');
    }
    let ref: Awaited<ReturnType<typeof findVisibleDossier>>;
    if ('dossier' in rule) ref = await findVisibleDossier(database, actor, id);
    else {
      const lookUp = () => findVisibleReview(database, actor, id);
      const review = reviewAccess ? await reviewAccess.fetch(actor, id, lookUp) : await lookUp();
      c.set('reviewVersion', { id, version: review.reviewVersion });
      ref = review;
    }
    const allowed = 'dossier' in rule ? rule.dossier : rule.review;
    if (!allowed.includes(ref.relation)) throw forbidden();
    return next();
  };
}

/**
 * Requests with a session cookie must come from our own origin (CSRF); others carry no ambient credentials.
 * « Our own origin » is the configured list (the same one better-auth trusts), never the request's Host.
 *
 * Why not `hono/csrf`: it checks only bodies a form can send (`application/x-www-form-urlencoded`,
 * `multipart/form-data`, `text/plain`) and leaves JSON to the browser's CORS preflight. Swapped in, it let a
 * JSON sign-in from another origin through (`security.test.ts`, finding 12: 200 instead of 403), and it
 * would let a cookie-bearing JSON request without any Origin through too. This guard checks every
 * unsafe method, whatever the body, and answers with our JSON error.
 */
export function csrfGuard(trustedOrigins: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const sameSite = c.req.header('sec-fetch-site') === 'same-origin';
    const origin = c.req.header('origin');
    const sameOrigin = origin !== undefined && trustedOrigins.includes(origin);
    const cookie = c.req.header('cookie') ?? '';
    if (!/prejury[.-]session_token=/.test(cookie)) {
      // No session to abuse, except on sign-in and the password routes, where another site could sign
      // the browser into an account of its choosing: a browser's Origin there must be ours too.
      const authForm = c.req.path.startsWith('/api/auth/') && origin !== undefined;
      if (!authForm || sameSite || sameOrigin) return next();
    }
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
