import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
// The package's main module also loads the whole Swagger UI bundle (about 40 MB resident) to export it;
// the server only needs the folder to serve it from.
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';
import type { Database } from '../../db/client';
import {
  accessPolicy,
  adminRoutes,
  authRoutes,
  csrfGuard,
  meRoutes,
  ssoAdminRoutes,
  ssoAuthRoutes,
} from './features/accounts';
import { calibrationRoutes } from './features/calibration';
import { coachRoutes, examBriefRoutes, oralRoutes } from './features/coaching';
import { commentBankRoutes, commentRoutes, versionCommentRoutes } from './features/comments';
import { doctorRoutes, runDoctor } from './features/doctor';
import { dossierRoutes } from './features/dossiers';
import { notificationRoutes } from './features/notifications';
import { overviewRoutes } from './features/overview';
import { examRoutes, referentialRoutes } from './features/referential';
import { dossierReviewRoutes, reviewRoutes, versionReviewRoutes } from './features/reviews';
import { reviewDecisionRoutes, trainerRoutes } from './features/trainer';
import type { AppEnv } from './lib/actor';
import type { Config } from './lib/env';
import { AppError, errorBody, PayloadTooLargeError } from './lib/errors';
import type { Logger } from './lib/logger';
import { rejectUnsafeJson, rejectUnsafeUrl, validationHook } from './lib/validation';
import type { Services } from './services';

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Database;
  services: Services;
}

const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));
const swaggerRoot = getAbsoluteFSPath();

const DOCS_HTML = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Préjury — API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });`;

type Api = OpenAPIHono<AppEnv>;

/** Request ids, the request log line and security headers (CSP: nothing inline but styles). */
function installRequestBasics(app: Api, logger: Logger) {
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Recharts and React set style attributes; no inline <style> or script is served.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
}

/** The one error handler: `AppError`s and Hono's own 4xx as `{ error: { code, message } }`, the rest a bare 500. */
function installErrorHandler(app: Api, logger: Logger) {
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err), err.status);
    // Errors from Hono itself (e.g. malformed JSON body) carry a status we can trust.
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return c.json(
        { error: { code: 'invalid_request', message: err.message || 'Requête invalide' } },
        status as 400,
      );
    }
    logger.error({ reqId: c.get('requestId'), err }, 'unhandled error');
    return c.json({ error: { code: 'internal_error', message: 'Erreur interne du serveur.' } }, 500);
  });
}

/** Edge checks on every `/api` request: safe URL and JSON, body size, the session, CSRF and the access policy. */
function installApiGuards(app: Api, deps: AppDeps) {
  const { accounts } = deps.services;
  // JSON bodies are small; uploads (dossiers) have their own limit on their routes.
  const jsonLimit = bodyLimit({
    maxSize: 256 * 1024,
    onError: () => {
      throw new PayloadTooLargeError('Corps de requête trop volumineux (256 Ko au plus).');
    },
  });
  app.use('/api/*', rejectUnsafeUrl);
  app.use('/api/*', async (c, next) => {
    // A GET or HEAD has no body to limit or check (the request object gives none, whatever the headers
    // say), and asking for it builds a full Fetch Request: the largest cost of a signed-in read (#17).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // Jury score and roster CSVs have their own, larger limits on their routes.
    const upload =
      c.req.method === 'POST' &&
      /^\/api\/(dossiers(\/[^/]+\/versions)?|calibration\/sets\/[^/]+\/scores|admin\/roster)$/.test(
        c.req.path,
      );
    return upload
      ? next()
      : jsonLimit(c, async () => {
          await rejectUnsafeJson(c, next);
        });
  });

  // Sign-out, revoke-all, password change or reset: no cached session of this process outlives them.
  // (A sign-in only adds a session: the cache keeps serving everyone else's.)
  app.use('/api/auth/*', async (c, next) => {
    await next();
    if (c.req.method === 'POST' && !c.req.path.startsWith('/api/auth/sign-in/')) accounts.forgetSessions();
  });

  app.use('/api/*', async (c, next) => {
    c.set('actor', await accounts.actorFromHeaders(c.req.raw.headers));
    await next();
    // Account changes (deactivation, roles, cohorts, erasure) end or change sessions: forget them here.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && /^\/api\/(admin|me)(\/|$)/.test(c.req.path)) {
      accounts.forgetSessions();
    }
  });
  app.use('/api/*', csrfGuard(deps.config.auth.trustedOrigins));
  app.use('/api/*', accessPolicy(deps.database, accounts.reviewAccess));
  // A review changed in any process (decision, check, retry, progress): forget who may read which version.
  void deps.services.progress.subscribeAll((reviewId) => accounts.reviewAccess.invalidate(reviewId));
}

/** The OpenAPI document and Swagger UI at `/api/docs`, the JSON 404 for unknown API routes, then the web app. */
function installDocsAndWebApp(app: Api) {
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Préjury API',
      version: '0.1.0',
      description:
        'Pré-évaluation formative des dossiers écrits de la certification RNCP « Manager du développement commercial ». Le jury décide.',
    },
  });
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: swaggerRoot, rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }),
  );

  app.all('/api/*', (c) =>
    c.json({ error: { code: 'not_found', message: `Route inconnue : ${c.req.method} ${c.req.path}` } }, 404),
  );

  // The built web app, with the SPA fallback to index.html for client-side routes.
  app.use('/*', serveStatic({ root: webRoot }));
  app.get('/*', (c) => {
    const index = `${webRoot}/index.html`;
    if (!existsSync(index)) {
      return c.text("L'application web n'est pas construite : lancez `npm run build`.", 503);
    }
    return c.html(readFileSync(index, 'utf8'));
  });
}

/**
 * Builds the Hono app. Never listens (server/src/index.ts does): tests call `app.request()`.
 * The return value's type is `AppType`, which the web app uses with `hc<AppType>()`.
 *
 * One sub-app per resource, each mounted once at its own prefix; a resource's sub-resources that another
 * feature serves (a version's comments, reviews and coach; a review's decisions and oral) are mounted on it
 * at their own nested prefix.
 */
export function createApp(deps: AppDeps) {
  const { logger, services, config } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  installRequestBasics(app, logger);
  installErrorHandler(app, logger);
  installApiGuards(app, deps);

  const api = app
    .get('/api/health', (c) =>
      c.json({ status: 'ok' as const, database: deps.database.kind, provider: config.provider }, 200),
    )
    .route('/api/auth', authRoutes(services.auth, services.ledger))
    .route('/api/auth/sso', ssoAuthRoutes(services.auth, services.sso))
    .route('/api/referential', referentialRoutes())
    .route('/api/exams', examRoutes().route('/:id', examBriefRoutes(services.coaching)))
    .route('/api/me', meRoutes(services.accounts, deps.database))
    .route(
      '/api/admin',
      adminRoutes(services.accounts, services.admin, deps.database)
        .route('/sso', ssoAdminRoutes(services.sso))
        .route(
          '/model-check',
          doctorRoutes(() => runDoctor({ config, chat: services.chat, embedder: services.embedder })),
        ),
    )
    .route('/api/calibration', calibrationRoutes(services.calibration, services.rubrics))
    .route(
      '/api/dossiers',
      dossierRoutes(services.dossiers, services.accounts, config.maxUploadBytes)
        .route('/:id/comments', commentRoutes(services.comments))
        .route('/:id/reviews', dossierReviewRoutes(services.reviews))
        .route('/:id/versions/:v/comments', versionCommentRoutes(services.comments))
        .route(
          '/:id/versions/:v/reviews',
          versionReviewRoutes(services.reviews, { perHourLimit: config.reviewsPerHour }),
        )
        .route(
          '/:id/versions/:v/coach',
          coachRoutes(services.coaching, { logger, perHourLimit: config.coachPerHour }),
        ),
    )
    .route(
      '/api/reviews',
      reviewRoutes(services.reviews, {
        annotate: (id, report) => services.trainer.annotate(id, report),
        progress: services.progress,
      })
        .route('/:id', reviewDecisionRoutes(services.trainer))
        .route('/:id/oral', oralRoutes(services.coaching)),
    )
    .route(
      '/api/trainer',
      trainerRoutes(services.trainer).route('/comment-bank', commentBankRoutes(services.comments)),
    )
    .route('/api/overview', overviewRoutes(services.overview))
    .route('/api/notifications', notificationRoutes(services.notifications));

  installDocsAndWebApp(app);
  return api;
}

export type AppType = ReturnType<typeof createApp>;
