import type { OpenAPIHonoOptions, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './actor';
import { UnsupportedMediaError, ValidationError } from './errors';

/** At most this many zod issues are spelled out in the message (all of them would flood the UI). */
const ISSUES_IN_MESSAGE = 5;
/** At most this many issues are returned in `details.issues`. */
const ISSUES_IN_DETAILS = 20;

const TYPE_LABELS: Record<string, string> = {
  array: 'tableau',
  boolean: 'booléen',
  int: 'entier',
  number: 'nombre',
  object: 'objet',
  string: 'chaîne de caractères',
};

type Bound = { origin: string; inclusive?: boolean };

function sizeUnit(origin: string, count: number | bigint): string | undefined {
  const plural = Number(count) > 1 ? 's' : '';
  if (origin === 'array' || origin === 'set') return `élément${plural}`;
  if (origin === 'string') return `caractère${plural}`;
  return undefined;
}

function describeMinimum(issue: Bound & { minimum: number | bigint }): string {
  const strict = issue.inclusive === false;
  const unit = sizeUnit(issue.origin, issue.minimum);
  if (unit) return `${strict ? 'plus de' : 'au moins'} ${issue.minimum} ${unit} attendu(s)`;
  return `valeur ${strict ? '>' : '≥'} ${issue.minimum} attendue`;
}

function describeMaximum(issue: Bound & { maximum: number | bigint }): string {
  const strict = issue.inclusive === false;
  const unit = sizeUnit(issue.origin, issue.maximum);
  if (unit) return `${strict ? 'moins de' : 'au plus'} ${issue.maximum} ${unit} attendu(s)`;
  return `valeur ${strict ? '<' : '≤'} ${issue.maximum} attendue`;
}

/** French for one zod issue. Our own refinements already carry a French message. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${TYPE_LABELS[issue.expected] ?? issue.expected} attendu`;
    case 'too_small':
      return describeMinimum(issue);
    case 'too_big':
      return describeMaximum(issue);
    case 'unrecognized_keys':
      return `clé(s) non reconnue(s) : ${issue.keys.join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return 'valeur invalide';
  }
}

/** `pairs[3].human`, or `corps` for the body itself. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'corps' : out;
}

/**
 * A zod validation failure as the API's `invalid_request` error (400): a French message listing the first
 * issues, and `details.issues` for programs. For input a handler validates itself (a streamed form).
 */
export function invalidRequest(error: z.ZodError): ValidationError {
  const issues = error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describeIssue(issue),
  }));
  const listed = issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => `${issue.path} : ${issue.message}`);
  const more = issues.length - listed.length;
  const message = `Requête invalide : ${listed.join(' ; ')}${more > 0 ? ` (et ${more} autre(s) erreur(s))` : ''}.`;
  return new ValidationError(message, { issues: issues.slice(0, ISSUES_IN_DETAILS) });
}

/** Turns a zod validation failure into the API's `{ error: { code: 'invalid_request', message } }` (400). */
export const validationHook: NonNullable<OpenAPIHonoOptions<AppEnv>['defaultHook']> = (result, c) => {
  if (result.success) return undefined;
  const { code, message, details } = invalidRequest(result.error);
  return c.json({ error: { code, message, details } }, 400);
};

/**
 * The zod-openapi validator answers a non-JSON content type or a malformed JSON body with a plain-text
 * `HTTPException`; checking first lets the app's `onError` answer with the JSON error contract instead.
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
    throw new UnsupportedMediaError(
      'Le corps de la requête doit être du JSON (Content-Type: application/json).',
    );
  }
  try {
    // The text is cached by Hono, so the validator does not read the stream a second time.
    JSON.parse(await c.req.text());
  } catch {
    throw new ValidationError("Le corps de la requête n'est pas un JSON valide.");
  }
  await next();
};

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text that PostgreSQL, the logs and the exports can hold as is: no NUL (PostgreSQL refuses it in text
 * and the failed query used to reach the log) and no lone surrogate (not valid Unicode, so not UTF-8).
 */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** NUL, the other C0 and C1 controls and DEL: never meaningful in a path or a query string. */
const CONTROL = /\p{Cc}/u;

function unsafeInput(where: string): ValidationError {
  return new ValidationError(
    `Requête invalide : caractère nul, caractère de contrôle ou texte Unicode invalide dans ${where}.`,
  );
}

/** Every component of a path or query string decodes to valid UTF-8 without control characters. */
function assertSafeComponents(components: string[], where: string) {
  for (const component of components) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(component.replaceAll('+', ' '));
    } catch {
      throw unsafeInput(where); // malformed percent-encoding, or bytes that are not UTF-8
    }
    if (CONTROL.test(decoded) || !isSafeText(decoded)) throw unsafeInput(where);
  }
}

/** Every string of a parsed JSON value, keys included, is safe text. */
function jsonIsSafe(value: unknown): boolean {
  if (typeof value === 'string') return isSafeText(value);
  if (Array.isArray(value)) return value.every(jsonIsSafe);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([k, v]) => isSafeText(k) && jsonIsSafe(v));
  }
  return true;
}

/**
 * The edge check on every `/api` request, before the session, the policy or a route sees it: path
 * segments and query strings are refused (400) when they hold a NUL, a control character or bytes
 * that are not UTF-8. Routes then validate their own parameters with zod.
 */
export const rejectUnsafeUrl: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  assertSafeComponents(url.pathname.split('/'), 'le chemin');
  assertSafeComponents(
    url.search
      .slice(1)
      .split('&')
      .flatMap((pair) => pair.split('=')),
    'les paramètres de la requête',
  );
  await next();
};

/**
 * The edge check on JSON bodies (after the size limit): a NUL or a lone surrogate in any string or key
 * is a 400. A body that is not JSON is left to the route (415 or 400 there).
 */
export const rejectUnsafeJson: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!['GET', 'HEAD'].includes(c.req.method) && /^application\/([\w.-]+\+)?json$/.test(mediaType)) {
    // Hono caches the text: validators and handlers read the same body again.
    const text = await c.req.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (!jsonIsSafe(value)) throw unsafeInput('le corps JSON');
  }
  await next();
};

/** The message of the `safeText` refinement (lib/openapi.ts). */
export const SAFE_TEXT_MESSAGE = 'caractère nul ou texte Unicode invalide';
