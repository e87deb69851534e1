import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../lib/env';
import { stubChatModel, stubEmbedder } from '../../lib/llm/testing/stub-clients';
import { type StubServer, startStubServer } from '../../lib/llm/testing/stub-server';
import {
  createTestApp,
  DEMO_USERS,
  disclosuresOf,
  sessionCookie,
  TEST_PASSWORD,
  tableCounts,
  uploadForm,
} from '../../testing';
import { quotingResponder } from '../reviews/test-helpers';

const CASE = readFileSync(
  new URL('../../../../evals/cases/b1-audit-rse/partial.md', import.meta.url),
  'utf8',
);
type TestApp = Awaited<ReturnType<typeof createTestApp>>;

let t: TestApp | undefined;
let stub: StubServer | undefined;
afterEach(async () => {
  await t?.close();
  await stub?.close();
  t = undefined;
  stub = undefined;
});

async function uploadAndReview(app: TestApp, user: 'candidate' | 'candidate2' = 'candidate', text = CASE) {
  const res = await app.as(user).request('/api/dossiers', {
    method: 'POST',
    body: uploadForm({ name: 'audit.md', bytes: text }, { examId: 'b1-audit-rse' }),
  });
  expect(res.status).toBe(201);
  const dossier = await res.json();
  const requested = await (
    await app.as(user).request(`/api/dossiers/${dossier.id}/versions/1/reviews`, { method: 'POST' })
  ).json();
  await app.settle();
  return { dossierId: dossier.id as string, reviewId: requested.id as string };
}

function signInBody(email: string, password: string) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ email, password }),
  };
}

/** Rows per table that reference a user or their data, for the erasure test. */
async function rowsOf(app: TestApp, userId: string) {
  const q = async (sql: string) => (await app.database.query<{ n: number }>(sql, [userId]))[0].n;
  return {
    users: await q('select count(*)::int as n from users where id = $1'),
    sessions: await q('select count(*)::int as n from sessions where user_id = $1'),
    accounts: await q('select count(*)::int as n from accounts where user_id = $1'),
    memberships: await q('select count(*)::int as n from memberships where user_id = $1'),
    dossiers: await q('select count(*)::int as n from dossiers where owner_id = $1'),
    reviews: await q('select count(*)::int as n from reviews where requested_by = $1'),
  };
}

describe('sign-in and sessions', () => {
  it('signs in with the demo password, sets an httpOnly SameSite cookie, and refuses a wrong password', async () => {
    t = await createTestApp();
    const ok = await t.raw.request('/api/auth/sign-in/email', signInBody(DEMO_USERS.trainer, TEST_PASSWORD));
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.getSetCookie().find((c) => c.includes('session_token=')) ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await t.raw.request('/api/me', { headers: { cookie: sessionCookie(ok) } });
    expect(await me.json()).toMatchObject({
      email: DEMO_USERS.trainer,
      role: 'trainer',
      trainerCohorts: [{ name: 'Promotion A' }],
    });

    const bad = await t.raw.request(
      '/api/auth/sign-in/email',
      signInBody(DEMO_USERS.trainer, 'mauvais-mot-de-passe'),
    );
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    // Self sign-up is closed: accounts are created by admins.
    const signUp = await t.raw.request('/api/auth/sign-up/email', {
      ...signInBody('intrus@example.org', 'un-mot-de-passe-long'),
      body: JSON.stringify({ email: 'intrus@example.org', password: 'un-mot-de-passe-long', name: 'Intrus' }),
    });
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    const [{ n }] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from users where email = 'intrus@example.org'",
    );
    expect(n).toBe(0);
  });

  it('rate-limits sign-in attempts per address', async () => {
    t = await createTestApp({
      config: { auth: { ...(await import('../../lib/env')).testConfig().auth, signInMax: 3 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.raw.request(
        '/api/auth/sign-in/email',
        signInBody(DEMO_USERS.candidate, 'mauvais-mot-de-passe'),
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // The right password is refused too while the window lasts: guessing gains nothing.
    const res = await t.raw.request(
      '/api/auth/sign-in/email',
      signInBody(DEMO_USERS.candidate, TEST_PASSWORD),
    );
    expect(res.status).toBe(429);
  });

  it('signs out of every session at once', async () => {
    t = await createTestApp();
    const a = sessionCookie(
      await t.raw.request('/api/auth/sign-in/email', signInBody(DEMO_USERS.candidate, TEST_PASSWORD)),
    );
    const b = sessionCookie(
      await t.raw.request('/api/auth/sign-in/email', signInBody(DEMO_USERS.candidate, TEST_PASSWORD)),
    );
    const revoke = await t.raw.request('/api/auth/revoke-sessions', {
      method: 'POST',
      headers: { cookie: a, origin: 'http://localhost', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(revoke.status).toBe(200);
    for (const cookie of [a, b]) {
      const res = await t.raw.request('/api/dossiers', { headers: { cookie } });
      expect(res.status).toBe(401);
    }
  });

  it('resets a password with the link logged to the console, closing the other sessions', async () => {
    const lines: string[] = [];
    t = await createTestApp({ config: { logLevel: 'info' }, logTo: { write: (line) => lines.push(line) } });
    const old = sessionCookie(
      await t.raw.request('/api/auth/sign-in/email', signInBody(DEMO_USERS.candidate2, TEST_PASSWORD)),
    );
    const req = await t.raw.request('/api/auth/request-password-reset', {
      ...signInBody(DEMO_USERS.candidate2, ''),
      body: JSON.stringify({ email: DEMO_USERS.candidate2, redirectTo: '/reinitialiser' }),
    });
    expect(req.status).toBe(200);
    const logged = lines.join('');
    const url = /"resetUrl":"([^"]+)"/.exec(logged)?.[1];
    expect(url).toBeDefined();
    const token = /reset-password\/([^?]+)/.exec(url ?? '')?.[1] ?? '';
    const reset = await t.raw.request('/api/auth/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ newPassword: 'un-nouveau-mot-de-passe', token }),
    });
    expect(reset.status).toBe(200);
    expect((await t.raw.request('/api/dossiers', { headers: { cookie: old } })).status).toBe(401);
    expect(
      (await t.raw.request('/api/auth/sign-in/email', signInBody(DEMO_USERS.candidate2, TEST_PASSWORD)))
        .status,
    ).toBe(401);
    expect(
      (
        await t.raw.request(
          '/api/auth/sign-in/email',
          signInBody(DEMO_USERS.candidate2, 'un-nouveau-mot-de-passe'),
        )
      ).status,
    ).toBe(200);
    // The token is single-use.
    const again = await t.raw.request('/api/auth/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ newPassword: 'encore-un-autre-mot', token }),
    });
    expect(again.status).toBe(400);
  });
});

describe('the session cache of an API process', () => {
  it('ends a session at once in the process that signed it out, and within 5 s in another', async () => {
    t = await createTestApp();
    let now = 1_000_000;
    const other = await createTestApp({ sharedWith: t, overrides: { clock: { now: () => now } } });
    const cookie = sessionCookie(
      await t.raw.request('/api/auth/sign-in/email', signInBody(DEMO_USERS.candidate, TEST_PASSWORD)),
    );
    const get = (app: TestApp) => app.raw.request('/api/dossiers', { headers: { cookie } });
    expect((await get(other)).status).toBe(200); // the other process has looked the session up
    const out = await t.raw.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await get(t)).status).toBe(401);
    // The other process reuses its lookup for at most the stated 5 s, then asks the database again.
    now += 4_900;
    expect((await get(other)).status).toBe(200);
    now += 200;
    expect((await get(other)).status).toBe(401);
    await other.close();
  });

  it("applies an admin's change to an account at once in that process", async () => {
    t = await createTestApp();
    expect((await t.app.request('/api/dossiers')).status).toBe(200); // cached
    const id = await t.userId('candidate');
    const res = await t.as('admin').request(`/api/admin/users/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await t.app.request('/api/dossiers')).status).toBe(401);
  });

  it('states a delay of at most 5 s, and 0 turns the cache off', () => {
    expect(loadConfig({}).sessionCacheMs).toBe(5_000);
    expect(loadConfig({ PREJURY_SESSION_CACHE_MS: '0' }).sessionCacheMs).toBe(0);
    expect(() => loadConfig({ PREJURY_SESSION_CACHE_MS: '5001' })).toThrow(ConfigError);
  });
});

describe('CSRF and body limits', () => {
  it('refuses a cookie-authenticated unsafe request from another origin, and one without any origin', async () => {
    t = await createTestApp();
    const cookie = sessionCookie(
      await t.raw.request('/api/auth/sign-in/email', signInBody(DEMO_USERS.candidate, TEST_PASSWORD)),
    );
    const form = () => uploadForm({ name: 'a.md', bytes: CASE }, { examId: 'b1-audit-rse' });
    const before = await tableCounts(t.database);
    const evil = await t.raw.request('/api/dossiers', {
      method: 'POST',
      body: form(),
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe('csrf_rejected');
    const crossSite = await t.raw.request('/api/dossiers', {
      method: 'POST',
      body: form(),
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const bare = await t.raw.request('/api/dossiers', { method: 'POST', body: form(), headers: { cookie } });
    expect(bare.status).toBe(403);
    expect(await tableCounts(t.database)).toEqual(before);
    const same = await t.raw.request('/api/dossiers', {
      method: 'POST',
      body: form(),
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(same.status).toBe(201);
  });

  it('caps JSON bodies at 256 KB with a 413', async () => {
    t = await createTestApp();
    const res = await t.app.request('/api/calibration/agreement', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ min: 0, max: 4, pairs: [], padding: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });
});

describe('reviews cost money', () => {
  it('limits new reviews per user per hour, and still serves reused ones', async () => {
    t = await createTestApp({ config: { reviewsPerHour: 2 } });
    const ids: string[] = [];
    for (const text of [
      CASE,
      `${CASE}\n\nUne version légèrement différente.`,
      `${CASE}\n\nEncore une autre.`,
    ]) {
      const res = await t.app.request('/api/dossiers', {
        method: 'POST',
        body: uploadForm({ name: 'a.md', bytes: text }, { examId: 'b1-audit-rse' }),
      });
      ids.push((await res.json()).id);
    }
    const first = await t.app.request(`/api/dossiers/${ids[0]}/versions/1/reviews`, { method: 'POST' });
    const second = await t.app.request(`/api/dossiers/${ids[1]}/versions/1/reviews`, { method: 'POST' });
    expect([first.status, second.status]).toEqual([202, 202]);
    const third = await t.app.request(`/api/dossiers/${ids[2]}/versions/1/reviews`, { method: 'POST' });
    expect(third.status).toBe(429);
    expect((await third.json()).error.code).toBe('rate_limited');
    // Asking again for an identical review reuses it: no cost, no limit.
    const reused = await t.app.request(`/api/dossiers/${ids[0]}/versions/1/reviews`, { method: 'POST' });
    expect(reused.status).toBe(202);
    // Another user has their own allowance.
    const other = await t.as('candidate2').request('/api/dossiers', {
      method: 'POST',
      body: uploadForm({ name: 'a.md', bytes: CASE }, { examId: 'b1-audit-rse' }),
    });
    const otherId = (await other.json()).id;
    expect(
      (await t.as('candidate2').request(`/api/dossiers/${otherId}/versions/1/reviews`, { method: 'POST' }))
        .status,
    ).toBe(202);
    await t.settle();
  });
});

describe('personal data', () => {
  it('exports everything of the candidate as a ZIP: data and original files, nobody else’s', async () => {
    t = await createTestApp();
    const mine = await uploadAndReview(t);
    await uploadAndReview(t, 'candidate2');
    await t.app.request(`/api/dossiers/${mine.dossierId}/versions/1/coach`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Comment renforcer ma veille réglementaire ?' }),
    });
    await t.as('trainer').request(`/api/reviews/${mine.reviewId}/criteria/K1/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: 1, reason: 'evidence_overrated', comment: 'Peu argumenté.' }),
    });
    const res = await t.app.request('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const data = JSON.parse(strFromU8(files['donnees.json']));
    expect(data.user.email).toBe(DEMO_USERS.candidate);
    expect(data.dossiers).toHaveLength(1);
    const [dossier] = data.dossiers;
    expect(dossier.id).toBe(mine.dossierId);
    expect(dossier.versions[0].text).toContain('RSE');
    expect(strFromU8(files[dossier.versions[0].file])).toBe(CASE);
    expect(dossier.reviews[0].report.criteria.length).toBeGreaterThan(0);
    expect(dossier.reviews[0].decisions).toEqual([
      expect.objectContaining({ criterionId: 'K1', score: 1, by: 'Florence Formatrice' }),
    ]);
    expect(dossier.coachMessages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(data.sessions.length).toBeGreaterThan(0);
    // The export is itself audited.
    const audit = await (await t.as('admin').request('/api/admin/audit')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toContain('data.export');
  });

  it('deletes an account and leaves no trace of its data in any table', async () => {
    t = await createTestApp();
    const userId = await t.userId('candidate');
    const { reviewId } = await uploadAndReview(t);
    await t.app.request(
      `/api/dossiers/${(await (await t.app.request('/api/dossiers')).json())[0].id}/versions/1/coach`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Que manque-t-il ?' }),
      },
    );
    await t.as('trainer').request(`/api/reviews/${reviewId}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'Vu.' }),
    });
    const others = await uploadAndReview(t, 'candidate2', `${CASE}\n\nVersion de Dominique.`);
    const before = await tableCounts(t.database);
    expect(before.passages).toBeGreaterThan(0);

    const wrong = await t.app.request('/api/me', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirmEmail: 'quelquun@example.org' }),
    });
    expect(wrong.status).toBe(400);
    const del = await t.app.request('/api/me', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirmEmail: DEMO_USERS.candidate }),
    });
    expect(del.status).toBe(204);
    expect(await rowsOf(t, userId)).toEqual({
      users: 0,
      sessions: 0,
      accounts: 0,
      memberships: 0,
      dossiers: 0,
      reviews: 0,
    });
    // Only candidate2's dossier remains: every derived table holds exactly what one uploaded-and-reviewed dossier holds.
    const after = await tableCounts(t.database);
    const [{ passages }] = await t.database.query<{ passages: number }>(
      'select count(*)::int as passages from passages p join dossier_versions v on v.id = p.version_id join dossiers d on d.id = v.dossier_id where d.id = $1',
      [others.dossierId],
    );
    expect(after).toMatchObject({
      dossiers: 1,
      dossier_versions: 1,
      passages,
      reviews: 1,
      coach_messages: 0,
      review_checks: 0,
    });
    const [{ orphans }] = await t.database.query<{ orphans: number }>(
      'select count(*)::int as orphans from embeddings e where not exists (select 1 from passages p where p.content_hash = e.content_hash)',
    );
    expect(orphans).toBe(0);
    // The session cookie is dead, and the deletion is in the audit log.
    expect((await t.app.request('/api/dossiers')).status).toBe(401);
    const audit = (await (await t.as('admin').request('/api/admin/audit')).json()).entries;
    expect(audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'user.delete', targetId: userId })]),
    );
  });

  it('purges drafts older than the retention period, keeping each dossier’s latest version', async () => {
    t = await createTestApp();
    const res = await t.app.request('/api/dossiers', {
      method: 'POST',
      body: uploadForm({ name: 'a.md', bytes: CASE }, { examId: 'b1-audit-rse' }),
    });
    const { id } = await res.json();
    await t.app.request(`/api/dossiers/${id}/versions`, {
      method: 'POST',
      body: uploadForm({ name: 'b.md', bytes: `${CASE}\n\nDeuxième version.` }),
    });
    await t.app.request(`/api/dossiers/${id}/versions/1/reviews`, { method: 'POST' });
    await t.settle();
    expect(await t.services.accounts.purgeOldDrafts(30)).toBe(0);
    await t.database.query(`update dossier_versions set created_at = now() - interval '40 days'`);
    expect(await t.services.accounts.purgeOldDrafts(30)).toBe(1);
    const dossier = await (await t.app.request(`/api/dossiers/${id}`)).json();
    expect(dossier.versions.map((v: { version: number }) => v.version)).toEqual([2]);
    expect(await tableCounts(t.database)).toMatchObject({ dossier_versions: 1, reviews: 0 });
    const [{ orphans }] = await t.database.query<{ orphans: number }>(
      'select count(*)::int as orphans from embeddings e where not exists (select 1 from passages p where p.content_hash = e.content_hash)',
    );
    expect(orphans).toBe(0);
  });

  it('redacts e-mails and phone numbers before a model, and records which provider received which version', async () => {
    stub = await startStubServer({ responder: quotingResponder(() => 3) });
    const chat = stubChatModel(stub);
    t = await createTestApp({ overrides: { chat } });
    const text = `${CASE}\n\nContact : camille.martin@transports-meunier.fr, 06 12 34 56 78.`;
    const { dossierId } = await uploadAndReview(t, 'candidate', text);
    const prompts = stub.requests.filter((r) => r.endpoint === 'chat').map((r) => JSON.stringify(r.body));
    expect(prompts.length).toBeGreaterThan(0);
    for (const p of prompts) {
      expect(p).not.toContain('camille.martin@transports-meunier.fr');
      expect(p).not.toContain('06 12 34 56 78');
    }
    expect(await disclosuresOf(t.database, dossierId)).toEqual([
      { provider: 'openai', model: 'stub-grader', purpose: 'review', redacted: true },
    ]);
  });
});

describe('remote embeddings', () => {
  it('redact passages sent to the embedding model and record the transfer', async () => {
    stub = await startStubServer();
    const embedder = stubEmbedder(stub);
    t = await createTestApp({ overrides: { embedder } });
    const text = `${CASE}\n\nContact : camille.martin@transports-meunier.fr, 06 12 34 56 78.`;
    const res = await t.app.request('/api/dossiers', {
      method: 'POST',
      body: uploadForm({ name: 'a.md', bytes: text }, { examId: 'b1-audit-rse' }),
    });
    expect(res.status).toBe(201);
    const sent = JSON.stringify(stub.requests.filter((r) => r.endpoint === 'embeddings').map((r) => r.body));
    expect(sent).toContain('Transports Guérin');
    expect(sent).not.toContain('camille.martin@transports-meunier.fr');
    expect(sent).not.toContain('06 12 34 56 78');
    expect(await disclosuresOf(t.database)).toEqual([
      { provider: 'openai', model: 'text-embedding-3-small', purpose: 'embedding', redacted: true },
    ]);
  });
});

describe('logs', () => {
  it('never carry a password, a session token or dossier text', async () => {
    const lines: string[] = [];
    t = await createTestApp({ config: { logLevel: 'trace' }, logTo: { write: (line) => lines.push(line) } });
    const signIn = await t.raw.request(
      '/api/auth/sign-in/email',
      signInBody(DEMO_USERS.candidate, TEST_PASSWORD),
    );
    const cookie = sessionCookie(signIn);
    const up = await t.raw.request('/api/dossiers', {
      method: 'POST',
      body: uploadForm({ name: 'a.md', bytes: CASE }, { examId: 'b1-audit-rse' }),
      headers: { cookie, origin: 'http://localhost' },
    });
    const { id } = await up.json();
    await t.raw.request(`/api/dossiers/${id}/versions/1/reviews`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
    });
    await t.settle();
    const logs = lines.join('');
    expect(logs).toContain('"msg":"request"');
    expect(logs).not.toContain(TEST_PASSWORD);
    expect(logs).not.toContain(decodeURIComponent(cookie.split('=')[1]).split('.')[0]);
    expect(logs).not.toContain('Transports Guérin');
  });
});
