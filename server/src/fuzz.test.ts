import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUser, DOSSIER_TABLES, uploadForm } from './testing';

/**
 * Fuzzing every route: each operation of the OpenAPI document, and the routes outside it (the docs,
 * better-auth's closed endpoints), called as every demo role, a stranger and anonymously, with random
 * and hostile path parameters, query strings and bodies — NUL characters, lone surrogates, overlong
 * strings, huge numbers, wrong types, other spellings of real ids. Whatever comes in: no 5xx, a JSON
 * `{ error: { code, message } }` on every 4xx, and no row written by a refused request.
 * Fixed seed and bounded runs, so it is reproducible and runs in `npm test`.
 */

const SEED = 1818;
const RUNS_PER_ROUTE = 6;

const CASE = readFileSync(new URL('../../evals/cases/b1-audit-rse/partial.md', import.meta.url), 'utf8');

// One app for the whole file, built before the routes are listed (one test per route).
const t = await createTestApp();
const stranger = await t.outsider('admin');
const up = await t.as('candidate').request('/api/dossiers', {
  method: 'POST',
  body: uploadForm({ name: 'audit.md', bytes: CASE }, { examId: 'b1-audit-rse' }),
});
const dossierId = ((await up.json()) as { id: string }).id;
const requested = await t
  .as('candidate')
  .request(`/api/dossiers/${dossierId}/versions/1/reviews`, { method: 'POST' });
const reviewId = ((await requested.json()) as { id: string }).id;
await t.settle();
const doc = (await (await t.anonymous.request('/api/openapi.json')).json()) as OpenApiDoc;
// Every client signs in now (lazily, it would create a session inside a measured request).
for (const who of ['candidate', 'candidate2', 'trainer', 'examteam', 'admin'] as const) {
  await t.as(who).request('/api/me');
}
await stranger.request('/api/me');

afterAll(async () => {
  await t.close();
});

interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
}

type Who = DemoUser | 'stranger' | 'anonymous';
const WHO: Who[] = ['anonymous', 'candidate', 'candidate2', 'trainer', 'examteam', 'admin', 'stranger'];

function client(who: Who) {
  return who === 'stranger' ? stranger : who === 'anonymous' ? t.anonymous : t.as(who);
}

/** Tables a refused request must leave alone (the usage ledger and better-auth's rate-limit counters
 * are excluded: a failed sign-in is counted there by design). */
const TABLES = [
  'organizations',
  'users',
  'sessions',
  'accounts',
  'verifications',
  'cohorts',
  'memberships',
  'cohort_trainers',
  'audit_log',
  ...DOSSIER_TABLES,
  'rubric_versions',
  'calibration_sets',
  'calibration_scores',
  'calibration_runs',
  'calibration_run_reviews',
];

async function counts() {
  const [row] = await t.database.query<Record<string, number>>(
    `select ${TABLES.map((name) => `(select count(*)::int from ${name}) as ${name}`).join(', ')}`,
  );
  return row;
}

const UUID = '3f2c1d6e-8b4a-4c1f-9e2d-7a6b5c4d3e2f';
/** Hostile text, raw (to be percent-encoded in URLs) except where noted. */
const HOSTILE = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x'.repeat(5000),
  '2147483648',
  '99999999999999999999',
  '1e309',
  '-1',
  '0',
  '1.5',
  'null',
  '{}',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  'b1-audit-rse',
  'K1',
  UUID,
  UUID.toUpperCase(),
];
const idSpellings = (id: string) => [id, id.toUpperCase(), id.replaceAll('-', ''), `{${id}}`, ` ${id}`];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE, ...idSpellings(dossierId), ...idSpellings(reviewId)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);

/** Percent-encoded text, or raw invalid UTF-8 for text that is not valid Unicode (encodeURIComponent throws). */
function encodeOrInvalid(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

/** A URL component: percent-encoded, or (for text that is not valid Unicode) raw invalid UTF-8 bytes. */
const urlComponent = fc.oneof(
  { weight: 8, arbitrary: hostileText.map(encodeOrInvalid) },
  { weight: 1, arbitrary: fc.constantFrom('%ED%A0%80', '%FF', '%', '%0', '%2e%2e', '%00') },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.constantFrom(2 ** 31, 2 ** 53 + 1, 1e308, -1e308, -0, 0.5),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }),
);

function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''];
}

/** A body for the operation: its own keys with hostile values, random JSON, or not JSON at all. */
interface FuzzBody {
  body?: BodyInit;
  type?: string;
}

function bodyFor(op: Operation, path: string): fc.Arbitrary<FuzzBody> {
  const content = op.requestBody?.content ?? {};
  if (content['multipart/form-data']) {
    return fc
      .record({
        examId: fc.option(hostileText),
        title: fc.option(hostileText),
        name: fc.option(hostileText),
        file: fc.option(fc.string({ unit: 'binary', maxLength: 200 })),
      })
      .map((f) => {
        const form = new FormData();
        if (f.examId !== null) form.append('examId', f.examId);
        if (f.title !== null) form.append('title', f.title);
        if (f.file !== null)
          form.append('file', new File([f.file], f.name ?? 'a.md', { type: 'text/markdown' }));
        return { body: form } as FuzzBody;
      });
  }
  if (content['text/csv']) {
    return hostileText.map((s) => ({ body: `dossier_id,criterion_id,score\n${s},K1,2\n`, type: 'text/csv' }));
  }
  const keys = Object.keys(resolve(content['application/json']?.schema)?.properties ?? {});
  // Sessions must survive the fuzz: never send sign-out and revoke-sessions the empty body they accept.
  const mustNotBeEmpty = /\/api\/auth\/(sign-out|revoke-sessions)$/.test(path);
  const shaped = fc
    .tuple(...keys.map(() => fc.option(hostileValue)), fc.option(hostileValue))
    .map((values) => {
      const object: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        if (values[i] !== null) object[key] = values[i];
      });
      if (values[keys.length] !== null || mustNotBeEmpty) object.extra = values[keys.length];
      return object;
    });
  return fc.oneof(
    shaped.map((o) => ({ body: JSON.stringify(o), type: 'application/json' })),
    fc.jsonValue().map((v) => ({
      body: JSON.stringify(mustNotBeEmpty && (v === null || typeof v !== 'object') ? [v] : v),
      type: 'application/json',
    })),
    fc.constantFrom(
      { body: '{"message":"a\\u0000b"}', type: 'application/json' },
      { body: '{"name":"\\ud800"}', type: 'application/json' },
      { body: '{"a":', type: 'application/json' },
      { body: 'message=a', type: 'application/x-www-form-urlencoded' },
      { body: '[1e999]', type: 'application/json' },
    ),
    ...(mustNotBeEmpty ? [] : [fc.constant<FuzzBody>({})]),
  );
}

interface Route {
  method: string;
  path: string;
  op: Operation;
}

const routes: Route[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);
/** Routes outside the document: the docs themselves, and better-auth endpoints that must stay closed. */
const outside: Route[] = [
  { method: 'GET', path: '/api/docs', op: {} },
  { method: 'GET', path: '/api/docs/init.js', op: {} },
  ...['update-user', 'get-session', 'list-sessions', 'sign-up/email', 'delete-user', 'change-email'].flatMap(
    (p) =>
      ['GET', 'POST'].map((method) => ({
        method,
        path: `/api/auth/${p}`,
        op: jsonBodyOp(['name', 'email']),
      })),
  ),
  { method: 'PUT', path: '/api/dossiers/{id}', op: { parameters: [{ name: 'id', in: 'path' }] } },
  { method: 'GET', path: '/api/nowhere/{id}', op: { parameters: [{ name: 'id', in: 'path' }] } },
];

function jsonBodyOp(keys: string[]): Operation {
  const properties = Object.fromEntries(keys.map((k) => [k, {}]));
  return { requestBody: { content: { 'application/json': { schema: { properties } } } } };
}

function requestFor(route: Route) {
  const pathParams = (route.op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryNames = (route.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const realIds = fc.constantFrom(dossierId, reviewId, '1', 'b1-audit-rse', 'K1');
  return fc.record({
    who: fc.constantFrom(...WHO),
    params: fc.tuple(...pathParams.map(() => fc.oneof(urlComponent, realIds))),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryNames, 'x'), urlComponent), urlComponent), {
      maxLength: 3,
    }),
    body: ['GET', 'HEAD'].includes(route.method) ? fc.constant<FuzzBody>({}) : bodyFor(route.op, route.path),
  });
}

describe('fuzzing every route', () => {
  it('lists the routes of the OpenAPI document (the fuzz covers each)', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.some((r) => r.path === '/api/reviews/{id}/events')).toBe(true);
    expect(routes.some((r) => r.path === '/api/auth/sign-in/email')).toBe(true);
  });

  it.each([...routes, ...outside].map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: no 5xx, JSON errors, nothing written on a refusal',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async ({ who, params, query, body }) => {
          let i = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => String(params[i++]));
          const search = query.map(([k, v]) => `${k}=${v}`).join('&');
          const url = search ? `${path}?${search}` : path;
          const headers: Record<string, string> = body.type ? { 'content-type': body.type } : {};
          const before = await counts();
          const res = await client(who).request(url, { method: route.method, headers, body: body.body });
          const text = await res.text();
          const where = `${route.method} ${url.slice(0, 200)} as ${who} → ${res.status}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get('content-type') ?? '', where).toContain('application/json');
            const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
            expect(typeof error?.code, where).toBe('string');
            expect(typeof error?.message, where).toBe('string');
            expect(await counts(), where).toEqual(before);
          } else {
            await t.settle(); // a successful request may start a review: let it finish before the next
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    },
  );
});
