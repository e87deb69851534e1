import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './actor';
import { validationHook } from './validation';

/** A sub-app with the shared validation hook and context variables. One per resource, mounted with `app.route`. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
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

/** `{id}` path parameter: a dossier, review… id (uuid). Malformed ids are a 400, unknown ones a 404. */
export const IdParamSchema = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** `{id}/versions/{v}` path parameters: a dossier id and a version number (1, 2, …). */
export const VersionParamSchema = IdParamSchema.extend({
  v: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'v', in: 'path' } }),
});
