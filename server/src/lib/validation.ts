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
 * Turns a zod validation failure into the API's `{ error: { code: 'invalid_request', message } }` (400),
 * with a French message listing the first issues and `details.issues` for programs.
 */
export const validationHook: NonNullable<OpenAPIHonoOptions<AppEnv>['defaultHook']> = (result, c) => {
  if (result.success) return undefined;
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describeIssue(issue),
  }));
  const listed = issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => `${issue.path} : ${issue.message}`);
  const more = issues.length - listed.length;
  const message = `Requête invalide : ${listed.join(' ; ')}${more > 0 ? ` (et ${more} autre(s) erreur(s))` : ''}.`;
  return c.json(
    { error: { code: 'invalid_request', message, details: { issues: issues.slice(0, ISSUES_IN_DETAILS) } } },
    400,
  );
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
