import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError, errorBody } from '../../lib/errors';
import { validationHook } from '../../lib/validation';
import { coachRoutes, examBriefRoutes, oralRoutes } from './routes';
import type { CoachingService } from './service';

/** The coaching routes alone, mounted where the app mounts them, with the app's error contract. */
export function coachTestApp(service: CoachingService) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err), err.status);
    return c.json({ error: { code: 'internal_error', message: err.message } }, 500);
  });
  app
    .route('/api/exams/:id', examBriefRoutes(service))
    .route('/api/dossiers/:id/versions/:v/coach', coachRoutes(service))
    .route('/api/reviews/:id/oral', oralRoutes(service));
  return app;
}
