import { OpenAPIHono, z } from '@hono/zod-openapi';
import { validationHook } from './validation';

/** A sub-app with the shared validation hook. One per resource, mounted with `app.route`. */
export function createRouter() {
  return new OpenAPIHono({ defaultHook: validationHook });
}

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

/** JSON error response entries for createRoute's `responses`. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429)[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: 'Erreur', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }
  >;
}
