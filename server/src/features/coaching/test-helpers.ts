import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../../../db/client';
import { AppError, errorBody } from '../../lib/errors';
import { validationHook } from '../../lib/validation';
import { coachingRoutes } from './routes';
import type { CoachingService } from './service';

/**
 * The `coach_messages` table, as its migration creates it. Idempotent, so tests keep passing once the
 * migration is applied to the shared schema. Test-only: production gets the table from `db/migrations/`.
 */
export const COACH_MESSAGES_DDL = [
  `CREATE TABLE IF NOT EXISTS "coach_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL REFERENCES "public"."dossiers"("id") ON DELETE cascade,
	"version" integer NOT NULL,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mode" text,
	"refused" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
)`,
  `CREATE INDEX IF NOT EXISTS "coach_messages_dossier_version_idx" ON "coach_messages" USING btree ("dossier_id","version","created_at")`,
];

/** Creates the coach's table on a test database (before its migration exists in `db/migrations/`). */
export async function createCoachTable(database: Database): Promise<void> {
  for (const statement of COACH_MESSAGES_DDL) await database.query(statement);
}

/** The coaching routes alone, mounted at `/api` with the app's error contract. */
export function coachTestApp(service: CoachingService) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err), err.status);
    return c.json({ error: { code: 'internal_error', message: err.message } }, 500);
  });
  app.route('/api', coachingRoutes(service));
  return app;
}
