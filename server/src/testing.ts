import { readFileSync } from 'node:fs';
import { createTestDatabase, type Database } from '../../db/client';
import { createApp } from './app';
import type { Role } from './lib/actor';
import { type Config, testConfig } from './lib/env';
import { createLogger } from './lib/logger';
import { createServices, type ServiceOverrides } from './services';

/** The password of the demo accounts seeded in every test app. */
export const TEST_PASSWORD = 'mot-de-passe-de-test';

/** The demo accounts of DESIGN.md, by short name. */
export const DEMO_USERS = {
  candidate: 'candidate@demo.prejury.fr',
  candidate2: 'candidate2@demo.prejury.fr',
  trainer: 'trainer@demo.prejury.fr',
  examteam: 'examteam@demo.prejury.fr',
  admin: 'admin@demo.prejury.fr',
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

/** The session cookie (`name=value`) from a sign-in response. */
export function sessionCookie(res: Response): string {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.includes('session_token='));
  if (!cookie) throw new Error(`no session cookie in the response (status ${res.status})`);
  return cookie;
}

/**
 * A real app on a fresh migrated in-memory database with the demo organisation, for API tests.
 * `app` calls it signed in as the first candidate (through the real sign-in endpoint and session
 * cookie); `as(user)` as another demo user, `anonymous` with no session, `raw` is the Hono app itself.
 * Requested reviews run in the background of the test process (no queue); `settle()` waits for them.
 */
export async function createTestApp(
  options: {
    config?: Partial<Config>;
    overrides?: ServiceOverrides;
    /** Where the app's logs go (tests that read them); default stdout. */
    logTo?: { write(line: string): void };
    /** Another app's database: a second API process on the same data (not closed by this one). */
    sharedWith?: { database: Database };
  } = {},
) {
  const config = testConfig(options.config);
  const logger = createLogger(config, options.logTo);
  const database = options.sharedWith?.database ?? (await createTestDatabase());
  const services = createServices(config, database, logger, options.overrides);
  if (!options.sharedWith) await services.accounts.seedDemo(TEST_PASSWORD);
  const running = new Set<Promise<void>>();
  if (!options.overrides?.enqueue) {
    services.setEnqueue(async (reviewId) => {
      const job = services.reviews.run(reviewId).finally(() => running.delete(job));
      running.add(job);
    });
  }
  const app = createApp({ config, logger, database, services });
  const cookies = new Map<string, string>();
  async function signIn(email: string) {
    const res = await app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    return sessionCookie(res);
  }
  /** A client that sends the session cookie of `email` (signed in on first use) and our own Origin, as the web app does. */
  function clientFor(email: string | null) {
    return {
      async request(input: string, init: RequestInit = {}) {
        const headers = new Headers(init.headers);
        if (email) {
          let cookie = cookies.get(email);
          if (!cookie) {
            cookie = await signIn(email);
            cookies.set(email, cookie);
          }
          headers.set('cookie', cookie);
          if (!headers.has('origin')) headers.set('origin', 'http://localhost');
        }
        return app.request(input, { ...init, headers });
      },
    };
  }
  const as = (user: DemoUser | null) => clientFor(user ? DEMO_USERS[user] : null);
  let outsiders = 0;
  const otherOrgs = new Map<string, string>();
  return {
    app: as('candidate'),
    as,
    anonymous: as(null),
    raw: app,
    /**
     * A signed-in user of another organisation (a stranger to the demo one), with the given role:
     * they must see nothing of the demo organisation. Calls naming the same organisation share it.
     */
    async outsider(role: Role, organization = 'Autre organisme') {
      outsiders += 1;
      let orgId = otherOrgs.get(organization);
      if (!orgId) {
        orgId = (await services.accounts.createOrganization(organization)).id;
        otherOrgs.set(organization, orgId);
      }
      const email = `${role}-${outsiders}@autre.example`;
      await services.accounts.createUser({
        email,
        name: `Autre ${role}`,
        role,
        password: TEST_PASSWORD,
        organizationId: orgId,
      });
      return clientFor(email);
    },
    /** The user id of a demo account. */
    async userId(user: DemoUser) {
      const [row] = await database.query<{ id: string }>('select id from users where email = $1', [
        DEMO_USERS[user],
      ]);
      return row.id;
    },
    config,
    database,
    services,
    async settle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    async close() {
      while (running.size > 0) await Promise.allSettled([...running]);
      // The app listens for review changes (on PostgreSQL, one pooled connection): release it first.
      await services.progress.close();
      if (!options.sharedWith) await database.close();
    },
  };
}

/** The text of a gold dossier of the evals, by its path under `evals/cases/` (`b1-audit-rse/strong.md`). */
export function readEvalCase(path: string) {
  return readFileSync(new URL(`../../evals/cases/${path}`, import.meta.url), 'utf8');
}

/** Every table that holds dossier-derived data. */
export const DOSSIER_TABLES = [
  'dossiers',
  'dossier_versions',
  'passages',
  'embeddings',
  'reviews',
  'review_criteria',
  'coach_messages',
  'disclosures',
  'review_decisions',
  'review_checks',
];

/**
 * The transfers on record (`disclosures`): which provider and model received which of a dossier's versions,
 * for what, redacted or not; every dossier's when `dossierId` is omitted.
 */
export function disclosuresOf(database: Database, dossierId?: string) {
  return database.query<{ provider: string; model: string; purpose: string; redacted: boolean }>(
    `select provider, model, purpose, redacted from disclosures ${
      dossierId ? 'd join dossier_versions v on v.id = d.version_id where v.dossier_id = $1' : ''
    }`,
    dossierId ? [dossierId] : [],
  );
}

/** Row counts of every table that holds dossier-derived data: assert nothing is half-written. */
export async function tableCounts(database: Database) {
  const out: Record<string, number> = {};
  for (const t of DOSSIER_TABLES) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${t}`);
    out[t] = row.n;
  }
  return out;
}

/** A multipart upload body. */
export function uploadForm(
  file: { name: string; bytes: Uint8Array | string; type?: string },
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
  form.append(
    'file',
    new File([Uint8Array.from(bytes)], file.name, { type: file.type ?? 'application/octet-stream' }),
  );
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

/**
 * Signs a demo user in on a running server (process tests, benchmarks) and returns a `fetch` that sends
 * the session cookie and the server's own Origin, as the web app does; `.cookie` is the cookie itself.
 */
export async function signedInFetch(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  const cookie = sessionCookie(res);
  const call = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    headers.set('origin', base);
    return fetch(`${base}${path}`, { ...init, headers });
  };
  // `request` makes it a TestClient too, for the upload and review helpers above.
  return Object.assign(call, { cookie, request: call });
}

/** Anything that answers requests as the app does: a test client of `createTestApp`, or the Hono app itself. */
export type TestClient = { request(input: string, init?: RequestInit): Promise<Response> };

/** Throws with the answer's body unless it has `status`: a failed setup step says why. */
async function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status)
    throw new Error(`${what}: ${res.status} instead of ${status}: ${await res.text()}`);
}

/** Uploads `text` as a new Markdown dossier for `examId` and returns the dossier's id. */
export async function uploadDossier(client: TestClient, text: string, examId: string, name = 'dossier.md') {
  const res = await client.request('/api/dossiers', {
    method: 'POST',
    body: uploadForm({ name, bytes: text }, { examId }),
  });
  await expectStatus(res, 201, `upload of ${name}`);
  return ((await res.json()) as { id: string }).id;
}

/** Requests a review of a dossier's version and returns the review's id (it runs in the background). */
export async function requestReview(client: TestClient, dossierId: string, version = 1) {
  const res = await client.request(`/api/dossiers/${dossierId}/versions/${version}/reviews`, {
    method: 'POST',
  });
  await expectStatus(res, 202, `review of ${dossierId} v${version}`);
  return ((await res.json()) as { id: string }).id;
}

/** Uploads a gold dossier of the evals (`b1-audit-rse/weak.md`) and requests its review; returns the review's id. */
export async function reviewEvalCase(client: TestClient, path: string, examId: string) {
  const name = path.split('/').pop() ?? path;
  return requestReview(client, await uploadDossier(client, readEvalCase(path), examId, name));
}

/** Sends `body` as JSON (no body when undefined) and reads the answer: status, JSON body (null when empty). */
export async function sendJson(client: TestClient, method: string, path: string, body?: unknown) {
  const res = await client.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
