import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import type { Database } from '../../db/client';
import { authRoutes } from './features/accounts/auth-routes';
import { accessPolicy, csrfGuard } from './features/accounts/policy';
import { adminRoutes, meRoutes } from './features/accounts/routes';
import { ssoAdminRoutes, ssoAuthRoutes } from './features/accounts/sso';
import { calibrationRoutes, calibrationWorkspaceRoutes } from './features/calibration/routes';
import { coachingRoutes } from './features/coaching/routes';
import { commentBankRoutes, passageCommentRoutes } from './features/comments/index';
import { doctorRoutes } from './features/doctor/routes';
import { runDoctor } from './features/doctor/service';
import { dossierRoutes } from './features/dossiers/routes';
import { notificationRoutes } from './features/notifications/routes';
import { overviewRoutes } from './features/overview';
import { examRoutes, referentialRoutes } from './features/referential/routes';
import { reviewRoutes } from './features/reviews/routes';
import { decisionRoutes, trainerRoutes } from './features/trainer/routes';
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

/**
 * Builds the Hono app. Never listens (server/src/index.ts does): tests call `app.request()`.
 * The return value's type is `AppType`, which the web app uses with `hc<AppType>()`.
 */
export function createApp(deps: AppDeps) {
  const { logger } = deps;
  const { auth, accounts } = deps.services;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

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

  // JSON bodies are small; uploads (dossiers) have their own limit on their routes.
  const jsonLimit = bodyLimit({
    maxSize: 256 * 1024,
    onError: () => {
      throw new PayloadTooLargeError('Corps de requête trop volumineux (256 Ko au plus).');
    },
  });
  app.use('/api/*', rejectUnsafeUrl);
  app.use('/api/*', async (c, next) => {
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

  const api = app
    .get('/api/health', (c) =>
      c.json({ status: 'ok' as const, database: deps.database.kind, provider: deps.config.provider }, 200),
    )
    .route('/api/auth', authRoutes(auth, deps.services.ledger))
    .route('/api/auth', ssoAuthRoutes(auth, deps.services.sso))
    .route('/api/referential', referentialRoutes())
    .route('/api/exams', examRoutes())
    .route('/api/me', meRoutes(accounts, deps.database))
    .route('/api/admin', adminRoutes(accounts, deps.services.admin, deps.database))
    .route('/api/admin', ssoAdminRoutes(deps.services.sso))
    .route(
      '/api/admin',
      doctorRoutes(() =>
        runDoctor({ config: deps.config, chat: deps.services.chat, embedder: deps.services.embedder }),
      ),
    )
    .route('/api/calibration', calibrationRoutes())
    .route('/api/calibration', calibrationWorkspaceRoutes(deps.services.calibration, deps.services.rubrics))
    .route('/api/dossiers', dossierRoutes(deps.services.dossiers, accounts, deps.config.maxUploadBytes))
    .route('/api/dossiers', passageCommentRoutes(deps.services.comments))
    .route('/api/trainer', trainerRoutes(deps.services.trainer))
    .route('/api/overview', overviewRoutes(deps.services.overview))
    .route('/api/trainer', commentBankRoutes(deps.services.comments))
    .route('/api/notifications', notificationRoutes(deps.services.notifications))
    .route(
      '/api',
      reviewRoutes(deps.services.reviews, {
        perHourLimit: deps.config.reviewsPerHour,
        annotate: (id, report) => deps.services.trainer.annotate(id, report),
        progress: deps.services.progress,
      }),
    )
    .route('/api', decisionRoutes(deps.services.trainer))
    .route(
      '/api',
      coachingRoutes(deps.services.coaching, { logger, perHourLimit: deps.config.coachPerHour }),
    );

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

  return api;
}

export type AppType = ReturnType<typeof createApp>;
