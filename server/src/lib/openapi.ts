import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { AppEnv } from './actor';
import { isSafeText, requireJsonBody, SAFE_TEXT_MESSAGE, validationHook } from './validation';

/** A sub-app with the shared validation hook and context variables. One per resource, mounted with `app.route`. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

/** The statuses a route may answer with the `Error` body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

const errorEntry = { description: 'Erreur', content: { 'application/json': { schema: ErrorSchema } } };

/**
 * JSON error response entries for createRoute's `responses`: `...errorResponses(400, 404)`. Typed as a
 * `number` index on purpose: the typed client (`hc<AppType>`) then types `res.json()` by the route's
 * success responses only, which the web app relies on (it checks `res.ok` at run time, not by type).
 */
export function errorResponses(...statuses: ErrorStatus[]): Record<number, typeof errorEntry> {
  return Object.fromEntries(statuses.map((s) => [s, errorEntry]));
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** What a route says besides its method, path, tags and summary: request, responses, middleware… */
type RouteOptions = Omit<RouteConfig, 'method' | 'path' | 'tags' | 'summary'>;

function routeOf<M extends Method>(method: M, tags: string[]) {
  return <P extends string, R extends RouteOptions>(path: P, summary: string, options: R) =>
    createRoute({ method, path, tags, summary, ...options });
}

/**
 * createRoute for the routes of one OpenAPI tag, by method: `const route = routesTagged('Dossiers')`, then
 * `route.get('/{id}', 'Un dossier', { request, responses })`. The route keeps its literal method, path,
 * request and responses types, which the handler and the typed client read.
 */
export function routesTagged(...tags: string[]) {
  return {
    get: routeOf('get', tags),
    post: routeOf('post', tags),
    put: routeOf('put', tags),
    patch: routeOf('patch', tags),
    delete: routeOf('delete', tags),
  };
}

/**
 * A canonical UUID: lowercase, hyphenated, nothing around it. PostgreSQL also accepts braces, upper case
 * and missing hyphens; accepting only one spelling keeps every id check (policy, routes, SQL) in agreement.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id in a path, query or body: a canonical lowercase UUID (see `UUID_PATTERN`). */
export const UuidSchema = z
  .string()
  .regex(UUID_PATTERN, 'identifiant invalide (UUID en minuscules attendu)')
  .openapi({ format: 'uuid' });

/** The largest dossier version number accepted anywhere (far above any real dossier, far below int4). */
export const MAX_VERSION = 1_000_000;

/** A version number in a path: digits only, 1 to `MAX_VERSION` (no `1e3`, `0x10`, ` 2` or `2.0`). */
export const VersionNumberSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,6}$/, `numéro de version attendu (1 à ${MAX_VERSION})`)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_VERSION));

/** `{id}` path parameter: a dossier, review… id (uuid). Malformed ids are a 400, unknown ones a 404. */
export const IdParamSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

/** `{id}/versions/{v}` path parameters: a dossier id and a version number (1, 2, …). */
export const VersionParamSchema = IdParamSchema.extend({
  v: VersionNumberSchema.openapi({ param: { name: 'v', in: 'path' }, type: 'integer' }),
});

/** `{id}/criteria/{criterionId}` path parameters: a review id and one of its rubric's criterion ids. */
export const CriterionParamSchema = IdParamSchema.extend({
  criterionId: z
    .string()
    .min(1)
    .max(20)
    .openapi({ param: { name: 'criterionId', in: 'path' } }),
});

/** Free text of at most `max` characters with no NUL and no lone surrogate (multipart fields, names…). */
export function safeText(max: number) {
  return z.string().max(max).refine(isSafeText, SAFE_TEXT_MESSAGE);
}

/** A JSON response entry: `{ description, content: { 'application/json': { schema } } }`. */
function jsonResponse<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * A route's `responses`: its one success answer, or the `Error` body with one of `errors`. Each keeps its
 * literal status and schema, which the handler's `c.json(…, status)` and the typed client check.
 */
export const respond = {
  /** 200 with `schema` as JSON. */
  ok: <S extends z.ZodType>(description: string, schema: S, ...errors: ErrorStatus[]) => ({
    200: jsonResponse(description, schema),
    ...errorResponses(...errors),
  }),
  /** 201 with what was created (`schema`, JSON). */
  created: <S extends z.ZodType>(description: string, schema: S, ...errors: ErrorStatus[]) => ({
    201: jsonResponse(description, schema),
    ...errorResponses(...errors),
  }),
  /** 202 with what was queued (`schema`, JSON). */
  accepted: <S extends z.ZodType>(description: string, schema: S, ...errors: ErrorStatus[]) => ({
    202: jsonResponse(description, schema),
    ...errorResponses(...errors),
  }),
  /** 204 without a body. */
  noContent: (description: string, ...errors: ErrorStatus[]) => ({
    204: { description },
    ...errorResponses(...errors),
  }),
  /** 200 with text of `mediaType` (CSV, Markdown, HTML…). */
  text: <M extends string>(description: string, mediaType: M, ...errors: ErrorStatus[]) => ({
    200: {
      description,
      content: { [mediaType]: { schema: z.string() } } as { [K in M]: { schema: z.ZodString } },
    },
    ...errorResponses(...errors),
  }),
};

/** A required JSON request body for createRoute's `request.body`. */
function jsonBody<S extends z.ZodType>(schema: S) {
  return { content: { 'application/json': { schema } }, required: true as const };
}

/** The path parameters and query a route reads besides its body. */
type RequestParts = { params?: z.ZodType; query?: z.ZodType };

/**
 * A route that takes a JSON body, to spread into its options: `...jsonRequest(Body, { params })`. The body
 * is required and validated by `Body`, and anything not sent as JSON is refused with a 415 first.
 */
export function jsonRequest<B extends z.ZodType, Rq extends RequestParts = Record<never, never>>(
  body: B,
  request?: Rq,
) {
  return {
    middleware: [requireJsonBody] as [typeof requireJsonBody],
    request: { ...(request as Rq), body: jsonBody(body) },
  };
}
