import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  type DemoUser,
  readEvalCase,
  requestReview,
  TEST_PASSWORD,
  type TestClient,
  uploadDossier,
  uploadForm,
} from '../../testing';
import { appForTests } from '../../testing/for-tests';
import { RULES } from './policy';

/**
 * The role matrix: every resource route of the API, called as every demo role, as a stranger (the
 * admin of another organisation) and anonymously, and the status each must get. 404 means « not
 * yours » (indistinguishable from « does not exist »), 403 « yours to see, not to do », 401 « sign in ».
 * The dossier D1 belongs to `candidate` (cohort A, followed by `trainer`); D2 to `candidate2` (cohort B).
 */

const CASE = readEvalCase('b1-audit-rse/partial.md');

type Who = DemoUser | 'stranger' | 'anonymous';
const WHO: Who[] = ['anonymous', 'candidate', 'candidate2', 'trainer', 'examteam', 'admin', 'stranger'];
/** An expected status per caller, in WHO's order. `ok` is any 2xx; `null` skips the caller. */
type Row = [method: string, path: string, expected: (number | 'ok' | null)[], body?: () => BodyInit | object];

const t = appForTests();
let stranger: TestClient;
const ids = { d1: '', d2: '', r1: '', r2: '' };

/** A one-row roster with a fresh address (each caller that gets through creates its account). */
class RosterCsv {
  readonly text =
    `nom,email,role,promotion\nRoster Row,roster-${Math.random().toString(36).slice(2, 8)}@e.example,equipe examen,\n`;
}
const rosterCsv = () => new RosterCsv();

async function call(who: Who, method: string, path: string, body?: BodyInit | object) {
  const client = who === 'stranger' ? stranger : who === 'anonymous' ? t.anonymous : t.as(who);
  const init: RequestInit = { method };
  if (body instanceof RosterCsv) {
    init.body = body.text;
    init.headers = { 'content-type': 'text/csv' };
  } else if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return client.request(path, init);
}

beforeAll(async () => {
  // The admin of a second organisation: sees nothing of the first.
  stranger = await t.outsider('admin');
  ids.d1 = await uploadDossier(t.as('candidate'), CASE, 'b1-audit-rse');
  ids.d2 = await uploadDossier(t.as('candidate2'), CASE, 'b1-audit-rse');
  ids.r1 = await requestReview(t.as('candidate'), ids.d1);
  ids.r2 = await requestReview(t.as('candidate2'), ids.d2);
  await t.settle();
}, 120_000);

const DEMO_EMAIL = DEMO_USERS.examteam;
const READ = [401, 'ok', 404, 'ok', 'ok', 'ok', 404] as const;
const READ_D2 = [401, 404, 'ok', 404, 'ok', 'ok', 404] as const;
const OWNER_ONLY = [401, 'ok', 404, 403, 403, 403, 404] as const;
const TRAINER_ONLY = [401, 403, 404, 'ok', 403, 403, 404] as const;
const ANY = [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] as const;
const PUBLIC = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] as const;
const ADMIN = [401, 403, 403, 403, 403, 'ok', 'ok'] as const;

function rows(): Row[] {
  const { d1, d2, r1 } = ids;
  const upload = () => uploadForm({ name: 'audit.md', bytes: CASE }, { examId: 'b1-audit-rse' });
  return [
    ['GET', '/api/health', [...PUBLIC]],
    ['GET', '/api/referential', [...PUBLIC]],
    ['GET', '/api/exams', [...PUBLIC]],
    ['GET', '/api/exams/b1-audit-rse', [...PUBLIC]],
    ['GET', '/api/exams/b1-audit-rse/brief', [...PUBLIC]],
    ['GET', '/api/exams/b1-audit-rse/brief.md', [...PUBLIC]],
    ['GET', '/api/openapi.json', [...PUBLIC]],
    ['GET', '/api/me', [...PUBLIC]],
    [
      'DELETE',
      '/api/me',
      [401, 400, 400, 400, 400, 400, 400],
      () => ({ confirmEmail: 'not-me@example.org' }),
    ],
    ['GET', '/api/me/export', [...ANY]],
    // Each caller picks a name of their own (a copy of a staff member's name is refused, see security.test.ts).
    ['PATCH', '/api/me', [...ANY], () => ({ name: `Nom ${Math.random().toString(36).slice(2, 8)}` })],
    // better-auth, behind the same policy: public forms validate first (400), session routes need one (401).
    ['POST', '/api/auth/sign-in/email', [...PUBLIC], () => ({ email: DEMO_EMAIL, password: TEST_PASSWORD })],
    ['POST', '/api/auth/sign-out', [400, 400, 400, 400, 400, 400, 400], () => ({ unexpected: true })],
    ['POST', '/api/auth/revoke-sessions', [401, 400, 400, 400, 400, 400, 400], () => ({ unexpected: true })],
    [
      'POST',
      '/api/auth/change-password',
      [401, 400, 400, 400, 400, 400, 400],
      () => ({ currentPassword: 'pas-le-bon-mot-de-passe', newPassword: 'court' }),
    ],
    ['POST', '/api/auth/request-password-reset', [400, 400, 400, 400, 400, 400, 400], () => ({ email: 'x' })],
    [
      'POST',
      '/api/auth/reset-password',
      [400, 400, 400, 400, 400, 400, 400],
      () => ({ newPassword: 'un-nouveau-mot-de-passe', token: 'jeton-inconnu' }),
    ],
    [
      'GET',
      '/api/auth/reset-password/jeton-inconnu?callbackURL=/reinitialiser',
      [302, 302, 302, 302, 302, 302, 302],
    ],
    ['GET', '/api/auth/get-session', [401, 404, 404, 404, 404, 404, 404]],
    [
      'POST',
      '/api/auth/update-user',
      [401, 404, 404, 404, 404, 404, 404],
      () => ({ name: 'Florence Formatrice' }),
    ],
    // Single sign-on: the buttons are public; no provider is configured here, so starting one is a 404,
    // and a callback without the flow's state lands on the refusal page.
    ['GET', '/api/auth/sso/providers', [...PUBLIC]],
    ['POST', '/api/auth/sso/sign-in', [404, 404, 404, 404, 404, 404, 404], () => ({ providerId: 'inconnu' })],
    ['GET', '/api/auth/sso/callback/inconnu?code=x&state=y', [302, 302, 302, 302, 302, 302, 302]],
    ['GET', '/api/notifications', [...ANY]],
    ['POST', '/api/notifications/read', [401, 204, 204, 204, 204, 204, 204], () => ({})],
    ['GET', '/api/dossiers', [...ANY]],
    ['POST', '/api/dossiers', [401, 'ok', 'ok', 403, 403, 403, 403], upload],
    ['GET', `/api/dossiers/${d1}`, [...READ]],
    ['GET', `/api/dossiers/${d2}`, [...READ_D2]],
    [
      'POST',
      `/api/dossiers/${d1}/versions`,
      [...OWNER_ONLY],
      () => uploadForm({ name: 'v2.md', bytes: CASE }),
    ],
    ['GET', `/api/dossiers/${d1}/reviews`, [...READ]],
    ['GET', `/api/dossiers/${d1}/versions/1/text`, [...READ]],
    ['GET', `/api/dossiers/${d1}/versions/1/file`, [...READ]],
    ['POST', `/api/dossiers/${d1}/versions/1/reviews`, [...OWNER_ONLY]],
    ['GET', `/api/dossiers/${d1}/versions/1/comments`, [...READ]],
    // The anchor is checked after access (422: « §§ » is not the page text at 0–2), so access alone decides.
    [
      'POST',
      `/api/dossiers/${d1}/versions/1/comments`,
      [401, 403, 404, 422, 403, 403, 404],
      () => ({ page: 1, start: 0, end: 2, quote: '§§', body: 'Chiffrez ce point.' }),
    ],
    // An unknown comment: 404 once access is granted (trainer), the policy's answer otherwise.
    [
      'PATCH',
      `/api/dossiers/${d1}/comments/00000000-0000-4000-8000-000000000000`,
      [401, 403, 404, 404, 403, 403, 404],
      () => ({ body: 'Modifié.' }),
    ],
    [
      'DELETE',
      `/api/dossiers/${d1}/comments/00000000-0000-4000-8000-000000000000`,
      [401, 403, 404, 404, 403, 403, 404],
    ],
    ['GET', `/api/dossiers/${d1}/versions/1/coach`, [...READ]],
    [
      'POST',
      `/api/dossiers/${d1}/versions/1/coach`,
      [...OWNER_ONLY],
      () => ({ message: 'Comment renforcer mon plan ?' }),
    ],
    [
      'POST',
      `/api/dossiers/${d1}/versions/1/coach/stream`,
      [...OWNER_ONLY],
      () => ({ message: 'Et ma veille ?' }),
    ],
    ['GET', `/api/reviews/${r1}`, [...READ]],
    ['GET', `/api/reviews/${r1}/events`, [...READ]],
    ['GET', `/api/reviews/${r1}/report.md`, [...READ]],
    ['GET', `/api/reviews/${r1}/report.html`, [...READ]],
    ['GET', `/api/reviews/${r1}/oral`, [...READ]],
    ['GET', `/api/reviews/${r1}/decisions`, [...READ]],
    ['GET', `/api/reviews/${r1}/rubric`, [...READ]],
    // The criterion is sound, so the owner's retry is refused on the merits (409), not for access.
    ['POST', `/api/reviews/${r1}/criteria/K1/retry`, [401, 409, 404, 403, 403, 403, 404]],
    [
      'POST',
      `/api/reviews/${r1}/criteria/K1/decision`,
      [...TRAINER_ONLY],
      () => ({ score: 2, reason: 'rubric_misapplied', comment: 'Analyse peu argumentée.' }),
    ],
    ['POST', `/api/reviews/${r1}/check`, [...TRAINER_ONLY], () => ({ comment: 'Bon travail de veille.' })],
    ['GET', '/api/trainer/queue', [401, 403, 403, 'ok', 403, 403, 403]],
    ['GET', '/api/overview/dossiers', [401, 403, 403, 'ok', 'ok', 'ok', 'ok']],
    ['GET', '/api/trainer/cohort', [401, 403, 403, 'ok', 403, 403, 403]],
    ['GET', '/api/trainer/comment-bank', [401, 403, 403, 'ok', 403, 403, 403]],
    [
      'POST',
      '/api/trainer/comment-bank',
      [401, 403, 403, 'ok', 403, 403, 403],
      () => ({ body: 'Sourcez vos chiffres.' }),
    ],
    [
      'DELETE',
      '/api/trainer/comment-bank/00000000-0000-4000-8000-000000000000',
      [401, 403, 403, 404, 403, 403, 403],
    ],
    [
      'POST',
      '/api/calibration/agreement',
      [401, 403, 403, 403, 'ok', 'ok', 'ok'],
      () => ({ min: 0, max: 4, pairs: [{ criterionId: 'K1', human: 2, ai: 3 }] }),
    ],
    ['GET', '/api/admin/users', [...ADMIN]],
    ['GET', '/api/admin/cohorts', [...ADMIN]],
    ['GET', '/api/admin/audit', [...ADMIN]],
    ['POST', '/api/admin/cohorts', [...ADMIN], () => ({ name: 'Promotion C' })],
    ['POST', '/api/admin/model-check', [...ADMIN]],
    ['GET', '/api/admin/sso', [...ADMIN]],
    [
      'PUT',
      '/api/admin/sso',
      [401, 403, 403, 403, 403, 400, 400],
      () => ({
        name: 'IdP',
        issuer: 'https://idp.example.org',
        clientId: 'c',
        domain: '@x',
        allowSignUp: false,
      }),
    ],
    ['DELETE', '/api/admin/sso', [...ADMIN]],
    [
      'PATCH',
      '/api/admin/users/unknown-user',
      [401, 403, 403, 403, 403, 404, 404],
      () => ({ role: 'trainer' }),
    ],
    ['DELETE', '/api/admin/users/unknown-user', [401, 403, 403, 403, 403, 404, 404]],
    [
      'POST',
      '/api/admin/users',
      [401, 403, 403, 403, 403, 201, 201],
      () => ({
        name: 'Invitée',
        email: `invitee-${Math.random().toString(36).slice(2, 8)}@e.example`,
        role: 'examteam',
      }),
    ],
    ['POST', '/api/admin/users/unknown-user/password-link', [401, 403, 403, 403, 403, 404, 404]],
    [
      'PATCH',
      '/api/admin/users/unknown-user',
      [401, 403, 403, 403, 403, 404, 404],
      () => ({ active: false }),
    ],
    [
      'PATCH',
      '/api/admin/cohorts/00000000-0000-4000-8000-000000000000',
      [401, 403, 403, 403, 403, 404, 404],
      () => ({ archived: true }),
    ],
    ['GET', '/api/admin/audit?action=user.create&page=1&pageSize=10', [...ADMIN]],
    ['GET', '/api/admin/audit.csv', [...ADMIN]],
    ['POST', '/api/admin/roster', [401, 403, 403, 403, 403, 201, 201], () => rosterCsv()],
    // Destructive rows last: only the owner or their organisation's admin deletes a dossier
    // (`null`: not called, so the admin gets to delete D1 and the owner D2).
    ['DELETE', `/api/dossiers/${d1}`, [401, null, 404, 403, 403, 'ok', 404]],
    ['DELETE', `/api/dossiers/${d2}`, [401, 404, 'ok', 404, 404, 404, 404]],
  ];
}

describe('role matrix', () => {
  it('lists only the dossiers each caller may see', async () => {
    const seen: Record<string, string[]> = {};
    for (const who of WHO.filter((w) => w !== 'anonymous')) {
      const res = await call(who, 'GET', '/api/dossiers');
      seen[who] = ((await res.json()) as { id: string }[]).map((d) => d.id).sort();
    }
    const both = [ids.d1, ids.d2].sort();
    expect(seen).toEqual({
      candidate: [ids.d1],
      candidate2: [ids.d2],
      trainer: [ids.d1],
      examteam: both,
      admin: both,
      stranger: [],
    });
  });

  it('gives every role exactly its scope on every resource route', async () => {
    const failures: string[] = [];
    for (const [method, path, expected, body] of rows()) {
      for (const [i, who] of WHO.entries()) {
        if (expected[i] === null) continue;
        const res = await call(who, method, path, body?.());
        const text = await res.text();
        const want = expected[i];
        const ok = want === 'ok' ? res.status >= 200 && res.status < 300 : res.status === want;
        if (!ok) failures.push(`${method} ${path} as ${who}: ${res.status}, expected ${want}`);
        if (res.status >= 400 && res.status !== 302) {
          const body = JSON.parse(text);
          if (!body?.error?.code) failures.push(`${method} ${path} as ${who}: error body without code`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('covers every rule of the access policy', () => {
    const covered = RULES.map((rule) =>
      rows().some(([method, path]) => rule.methods.includes(method) && rule.pattern.test(path.split('?')[0])),
    );
    const missing = RULES.filter((_, i) => !covered[i]).map((r) => `${r.methods.join('|')} ${r.pattern}`);
    expect(missing).toEqual([]);
  });
});
