import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/client';
import { createTestApp, tableCounts, uploadForm } from './testing';

/**
 * The findings of the security round (issue #18), one test each: every one failed before its fix.
 * The fuzz test (`fuzz.test.ts`) sweeps the same classes of input over every route.
 */

const CASE = readFileSync(new URL('../../evals/cases/b1-audit-rse/partial.md', import.meta.url), 'utf8');
type TestApp = Awaited<ReturnType<typeof createTestApp>>;

let t: TestApp | undefined;
// Migrating the template database is the slow part of a first test app: done once, in the hook.
beforeAll(async () => {
  await (await createTestDatabase()).close();
});
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function upload(app: TestApp, user: 'candidate' | 'candidate2' = 'candidate') {
  const res = await app.as(user).request('/api/dossiers', {
    method: 'POST',
    body: uploadForm({ name: 'audit.md', bytes: CASE }, { examId: 'b1-audit-rse' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

async function review(app: TestApp, dossierId: string, user: 'candidate' | 'candidate2' = 'candidate') {
  const res = await app.as(user).request(`/api/dossiers/${dossierId}/versions/1/reviews`, { method: 'POST' });
  expect(res.status).toBe(202);
  await app.settle();
  return (await res.json()).id as string;
}

function postJson(body: unknown) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

async function expectJsonError(res: Response, status: number) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
  return body.error as { code: string; message: string };
}

describe('finding 1: other spellings of an id never reach another user’s data', () => {
  it('refuses non-canonical spellings of a review id on every review route, the progress stream included', async () => {
    // The review stays queued (nothing runs it): only its id matters here.
    t = await createTestApp({ overrides: { enqueue: async () => {} } });
    const dossierId = await upload(t);
    const requested = await t.app.request(`/api/dossiers/${dossierId}/versions/1/reviews`, {
      method: 'POST',
    });
    const reviewId = (await requested.json()).id as string;
    const spellings = [
      reviewId.replaceAll('-', ''),
      `%7B${reviewId}%7D`,
      reviewId.toUpperCase(),
      `${reviewId.slice(0, 8)}${reviewId.slice(8).replaceAll('-', '')}`,
    ];
    const calls = [
      ...spellings.map((spelling) => `${spelling}/events`),
      ...['', '/report.md', '/oral', '/decisions'].map((suffix) => `${spellings[0]}${suffix}`),
    ];
    for (const path of calls) {
      // candidate2 must not read it, and the owner gets the same 400: one spelling only.
      for (const who of ['candidate2', 'candidate'] as const) {
        const res = await t.as(who).request(`/api/reviews/${path}`);
        const error = await expectJsonError(res, 400);
        expect(error.code).toBe('invalid_request');
      }
    }
    // The canonical id still works for its owner and is a 404 for someone else.
    expect((await t.as('candidate').request(`/api/reviews/${reviewId}`)).status).toBe(200);
    await expectJsonError(await t.as('candidate2').request(`/api/reviews/${reviewId}/events`), 404);
  });

  it('refuses a non-canonical dossier id before looking at it', async () => {
    t = await createTestApp();
    const id = await upload(t);
    for (const who of ['candidate', 'candidate2'] as const) {
      await expectJsonError(await t.as(who).request(`/api/dossiers/${id.toUpperCase()}`), 400);
      await expectJsonError(await t.as(who).request(`/api/dossiers/${id.replaceAll('-', '')}/reviews`), 400);
    }
  });
});

describe('findings 4 and 5: NUL, invalid Unicode and huge numbers are a 400 at the edge, never a 500', () => {
  it('answers 400 to a NUL or a lone surrogate in a JSON body, writing nothing', async () => {
    t = await createTestApp();
    const id = await upload(t);
    const before = await tableCounts(t.database);
    for (const message of ['a\u0000b', 'a\ud800b', '\udc00']) {
      const res = await t.app.request(`/api/dossiers/${id}/versions/1/coach`, postJson({ message }));
      await expectJsonError(res, 400);
    }
    // Escaped in the JSON text, as a hostile client sends it.
    const raw = await t.app.request(
      `/api/dossiers/${id}/versions/1/coach`,
      postJson('{"message":"Comment \\u0000 faire ?"}'),
    );
    await expectJsonError(raw, 400);
    const key = await t.app.request(
      `/api/dossiers/${id}/versions/1/coach`,
      postJson('{"message":"ok","\\u0000":1}'),
    );
    await expectJsonError(key, 400);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('answers 400 to a NUL in a query string, a path or a multipart field', async () => {
    t = await createTestApp();
    await expectJsonError(await t.as('trainer').request('/api/trainer/queue?examId=%00'), 400);
    await expectJsonError(await t.as('trainer').request('/api/trainer/queue?examId=%ED%A0%80'), 400);
    await expectJsonError(await t.app.request('/api/exams/b1%00'), 400);
    await expectJsonError(await t.app.request('/api/reviews/notauuid/events'), 400);
    const before = await tableCounts(t.database);
    const res = await t.app.request('/api/dossiers', {
      method: 'POST',
      body: uploadForm({ name: 'audit.md', bytes: CASE }, { examId: 'b1-audit-rse', title: 'a\u0000b' }),
    });
    await expectJsonError(res, 400);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('bounds version numbers: 2147483648 and friends are a 400', async () => {
    t = await createTestApp();
    const id = await upload(t);
    for (const v of [
      '2147483648',
      '1000001',
      '99999999999999999999',
      '1e3',
      '0x10',
      '01',
      '0',
      '-1',
      '1.0',
    ]) {
      await expectJsonError(await t.app.request(`/api/dossiers/${id}/versions/${v}/text`), 400);
      await expectJsonError(
        await t.app.request(`/api/dossiers/${id}/versions/${v}/reviews`, { method: 'POST' }),
        400,
      );
    }
    // An unknown but well-formed version is a 404.
    await expectJsonError(await t.app.request(`/api/dossiers/${id}/versions/1000000/text`), 404);
  });
});

function signIn(app: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  return app.raw.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

describe('findings 2 and 8: hourly limits come from a ledger that deleting dossiers does not rewind', () => {
  it('keeps counting reviews after the reviewed dossiers are deleted', async () => {
    t = await createTestApp({ config: { reviewsPerHour: 2 } });
    const ids = [await upload(t), await upload(t)];
    for (const id of ids) await review(t, id);
    for (const id of ids)
      expect((await t.app.request(`/api/dossiers/${id}`, { method: 'DELETE' })).status).toBe(204);
    const again = await upload(t);
    const res = await t.app.request(`/api/dossiers/${again}/versions/1/reviews`, { method: 'POST' });
    expect((await expectJsonError(res, 429)).code).toBe('rate_limited');
    const [{ n }] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from usage_events where kind = 'review'",
    );
    expect(n).toBe(2);
  });

  it('limits coach questions per user and hour (PREJURY_COACH_PER_HOUR), the streamed ones included', async () => {
    const app = await createTestApp({ config: { coachPerHour: 3 } });
    t = app;
    const id = await upload(t);
    const ask = (path: string) =>
      app.app.request(
        `/api/dossiers/${id}/versions/1/${path}`,
        postJson({ message: 'Comment renforcer mon plan ?' }),
      );
    expect((await ask('coach')).status).toBe(200);
    expect((await ask('coach/stream')).status).toBe(200);
    expect((await ask('coach')).status).toBe(200);
    const before = await tableCounts(t.database);
    expect((await expectJsonError(await ask('coach'), 429)).code).toBe('rate_limited');
    const stream = await (await ask('coach/stream')).text();
    expect(stream).toContain('event: error');
    expect(stream).toContain('rate_limited');
    expect(await tableCounts(t.database)).toEqual(before);
    // Deleting the dossier gives nothing back.
    await t.app.request(`/api/dossiers/${id}`, { method: 'DELETE' });
    const other = await upload(t);
    const res = await t.app.request(
      `/api/dossiers/${other}/versions/1/coach`,
      postJson({ message: 'Et ma veille ?' }),
    );
    await expectJsonError(res, 429);
    // Another user has their own allowance.
    const theirs = await upload(t, 'candidate2');
    const ok = await t
      .as('candidate2')
      .request(`/api/dossiers/${theirs}/versions/1/coach`, postJson({ message: 'Et ma veille ?' }));
    expect(ok.status).toBe(200);
  });
});

describe('finding 3: only the better-auth endpoints the app uses are open, and names follow our rules', () => {
  it('closes update-user, get-session, list-sessions and the rest of better-auth', async () => {
    t = await createTestApp();
    for (const path of [
      'update-user',
      'get-session',
      'list-sessions',
      'sign-up/email',
      'delete-user',
      'change-email',
      'sso/register',
    ]) {
      for (const method of ['GET', 'POST']) {
        const res = await t.app.request(
          `/api/auth/${path}`,
          method === 'POST' ? postJson({ name: 'Florence Formatrice' }) : {},
        );
        expect(res.status, `${method} ${path}`).toBe(404);
        await expectJsonError(res, 404);
      }
    }
    const [{ name }] = await t.database.query<{ name: string }>('select name from users where email = $1', [
      'candidate@demo.prejury.fr',
    ]);
    expect(name).not.toBe('Florence Formatrice');
    // And they are not in the OpenAPI document, where the open ones are.
    const doc = await (await t.anonymous.request('/api/openapi.json')).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/auth/'));
    expect(paths.sort()).toEqual([
      '/api/auth/change-password',
      '/api/auth/request-password-reset',
      '/api/auth/reset-password',
      '/api/auth/reset-password/{token}',
      '/api/auth/revoke-sessions',
      '/api/auth/sign-in/email',
      '/api/auth/sign-out',
      // Single sign-on (#21): our own validated routes in front of the SSO plugin, whose endpoints stay closed.
      '/api/auth/sso/callback/{providerId}',
      '/api/auth/sso/providers',
      '/api/auth/sso/sign-in',
    ]);
  });

  it('changes one’s name through PATCH /api/me, with the admin API’s rules and no copy of a staff member’s name', async () => {
    const app = await createTestApp();
    t = app;
    const patch = (who: 'candidate' | 'trainer', body: unknown) =>
      app.as(who).request('/api/me', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const [{ name: trainerName }] = await t.database.query<{ name: string }>(
      'select name from users where email = $1',
      ['trainer@demo.prejury.fr'],
    );
    for (const name of [
      '',
      '   ',
      'x'.repeat(121),
      'x'.repeat(200_000).slice(0, 200_000),
      'a\u0000b',
      'a\u202eb',
      'a\nb',
    ]) {
      const res = await patch('candidate', { name });
      expect([400, 413], JSON.stringify(name.slice(0, 10))).toContain(res.status);
      await res.json();
    }
    for (const name of [trainerName, trainerName.toUpperCase(), ` ${trainerName.normalize('NFD')}  `]) {
      expect((await expectJsonError(await patch('candidate', { name }), 409)).code).toBe('name_unavailable');
    }
    expect((await patch('candidate', { name: '  Camille   Martin ' })).status).toBe(204);
    const me = await (await t.as('candidate').request('/api/me')).json();
    expect(me.name).toBe('Camille   Martin');
    // The admin API shares the rules.
    const created = await t.as('admin').request(
      '/api/admin/users',
      postJson({
        email: 'nouveau@demo.prejury.fr',
        name: 'a\u0000b',
        role: 'candidate',
      }),
    );
    await expectJsonError(created, 400);
    const long = await t.as('admin').request(
      '/api/admin/users',
      postJson({
        email: 'nouveau@demo.prejury.fr',
        name: 'x'.repeat(121),
        role: 'candidate',
      }),
    );
    await expectJsonError(long, 400);
  });
});

describe('finding 7: per-account sign-in backoff beside the per-address limit', () => {
  it('slows guesses on one account from rotating addresses, without locking the account out', async () => {
    t = await createTestApp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await signIn(t, 'candidate@demo.prejury.fr', 'mauvais-mot-de-passe', {
        'x-forwarded-for': `10.0.0.${i}`,
      });
      statuses.push(res.status);
      await res.json();
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const refused = await signIn(t, 'candidate@demo.prejury.fr', 'mot-de-passe-de-test');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('sign_in_backoff');
    // Another account behind the same address is not affected.
    expect((await signIn(t, 'trainer@demo.prejury.fr', 'mot-de-passe-de-test')).status).toBe(200);
    // An address that does not exist gets the same treatment: the backoff reveals no account.
    const ghost: number[] = [];
    for (let i = 0; i < 4; i++)
      ghost.push((await signIn(t, 'personne@demo.prejury.fr', 'mauvais-mot-de-passe')).status);
    expect(ghost).toEqual([401, 401, 401, 429]);
    // The delay ends: once it has passed, the right password works and clears the count.
    await t.database.query(
      "update usage_events set at = at - interval '2 minutes' where kind = 'sign_in_failure'",
    );
    expect((await signIn(t, 'candidate@demo.prejury.fr', 'mot-de-passe-de-test')).status).toBe(200);
    expect((await signIn(t, 'candidate@demo.prejury.fr', 'mauvais-mot-de-passe')).status).toBe(401);
  });
});

describe('findings 9 and 10: tokens stay in cookies, and a new password closes the other sessions', () => {
  it('keeps the session token out of the sign-in JSON', async () => {
    t = await createTestApp();
    const res = await signIn(t, 'candidate@demo.prejury.fr', 'mot-de-passe-de-test');
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token=')) ?? '';
    const token = decodeURIComponent(cookie.split(';')[0].split('=')[1]).split('.')[0];
    const body = await res.json();
    expect(body).not.toHaveProperty('token');
    expect(JSON.stringify(body)).not.toContain(token);
    expect(body.user).toMatchObject({ email: 'candidate@demo.prejury.fr' });
  });

  it('revokes every other session on change-password', async () => {
    t = await createTestApp();
    const cookieOf = (res: Response) =>
      res.headers
        .getSetCookie()
        .find((c) => c.includes('session_token='))
        ?.split(';')[0] ?? '';
    const other = cookieOf(await signIn(t, 'candidate2@demo.prejury.fr', 'mot-de-passe-de-test'));
    const mine = cookieOf(await signIn(t, 'candidate2@demo.prejury.fr', 'mot-de-passe-de-test'));
    const res = await t.raw.request('/api/auth/change-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', cookie: mine },
      body: JSON.stringify({
        currentPassword: 'mot-de-passe-de-test',
        newPassword: 'un-nouveau-mot-de-passe',
      }),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).not.toMatch(/token/);
    expect((await t.raw.request('/api/dossiers', { headers: { cookie: other } })).status).toBe(401);
    // The caller keeps a session (a fresh cookie).
    const fresh = cookieOf(res);
    expect((await t.raw.request('/api/dossiers', { headers: { cookie: fresh } })).status).toBe(200);
  });
});

describe('finding 11: creating a user reveals nothing about other organisations', () => {
  it('answers the same for an address taken here and one taken in another organisation', async () => {
    const app = await createTestApp();
    t = app;
    await t.outsider('candidate'); // candidate-1@autre.example, in another organisation
    const create = (email: string) =>
      app.as('admin').request('/api/admin/users', postJson({ email, name: 'Quelqu’un', role: 'candidate' }));
    const elsewhere = await expectJsonError(await create('candidate-1@autre.example'), 409);
    const here = await expectJsonError(await create('candidate2@demo.prejury.fr'), 409);
    expect(elsewhere).toEqual(here);
    expect(elsewhere.message).not.toContain('autre.example');
  });
});

describe('finding 12: the loopback spellings of the configured port all sign in when no public URL is set', () => {
  it('trusts localhost, 127.0.0.1 and [::1] on the port, in better-auth and in the CSRF check', async () => {
    const { loadConfig } = await import('./lib/env');
    const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '8787' });
    t = await createTestApp({
      config: { auth: { ...base.auth, secret: 'test-secret-test-secret-test-secret-0000', signInMax: 1000 } },
    });
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']) {
      const res = await signIn(t, 'candidate@demo.prejury.fr', 'mot-de-passe-de-test', { origin });
      expect(res.status, origin).toBe(200);
      const cookie =
        res.headers
          .getSetCookie()
          .find((c) => c.includes('session_token='))
          ?.split(';')[0] ?? '';
      const up = await t.raw.request('/api/dossiers', {
        method: 'POST',
        headers: { cookie, origin },
        body: uploadForm({ name: 'a.md', bytes: CASE }, { examId: 'b1-audit-rse' }),
      });
      expect(up.status, origin).toBe(201);
    }
    for (const origin of ['http://127.0.0.1:9999', 'http://evil.example', 'http://localhost']) {
      const res = await signIn(t, 'candidate@demo.prejury.fr', 'mot-de-passe-de-test', { origin });
      expect(res.status, origin).toBe(403);
    }
  });

  it('trusts exactly PREJURY_PUBLIC_URL when it is set', async () => {
    const { loadConfig } = await import('./lib/env');
    const config = loadConfig({ PREJURY_PUBLIC_URL: 'https://prejury.example.fr/', PORT: '8787' });
    expect(config.auth.trustedOrigins).toEqual(['https://prejury.example.fr']);
  });
});
