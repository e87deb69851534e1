import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../lib/testing/smtp-server';
import { createTestApp, DEMO_USERS, sessionCookie, TEST_PASSWORD, tableCounts } from '../../testing';
import { AUDIT_ACTIONS } from './audit';

/**
 * The admin console's server side: invitations and reset links (single-use, expiring, hashed at rest),
 * deactivation, promotions, roster import (all or nothing), and the audit log's names, filters, pages
 * and CSV. Real database (PGlite), real better-auth, a real SMTP server where mail matters.
 */

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const signIn = (app: TestApp, email: string, password: string) =>
  app.raw.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ email, password }),
  });
const resetWith = (app: TestApp, token: string, newPassword: string) =>
  app.raw.request('/api/auth/reset-password', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ token, newPassword }),
  });
const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string;

async function cohortIds(app: TestApp) {
  const cohorts = (await (await app.as('admin').request('/api/admin/cohorts')).json()) as {
    id: string;
    name: string;
  }[];
  return Object.fromEntries(cohorts.map((c) => [c.name, c.id])) as Record<string, string>;
}

describe('invitations by link (no SMTP: the link is shown once)', () => {
  it('creates the account without a password; the link sets one, once; the token is stored hashed', async () => {
    t = await createTestApp();
    const { 'Promotion A': a } = await cohortIds(t);
    const res = await t.as('admin').request(
      '/api/admin/users',
      json('POST', {
        name: 'Nina Nouvelle',
        email: ' Nina@Ecole.example ',
        role: 'trainer',
        trainerCohortIds: [a],
      }),
    );
    expect(res.status).toBe(201);
    const issued = await res.json();
    expect(issued).toMatchObject({ email: 'nina@ecole.example', name: 'Nina Nouvelle', mailed: false });
    expect(issued.link).toMatch(/^http:\/\/localhost(:\d+)?\/bienvenue\?token=[A-Za-z0-9_-]{40,}$/);
    const token = tokenOf(issued.link);
    // Hashed at rest: the token itself appears nowhere in the verifications table.
    const rows = await t.database.query<{ identifier: string; value: string }>(
      'select identifier, value from verifications where value = $1',
      [issued.userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].identifier).not.toContain(token);

    const users = await (await t.as('admin').request('/api/admin/users')).json();
    expect(users.find((u: { id: string }) => u.id === issued.userId)).toMatchObject({
      role: 'trainer',
      trainerCohortIds: [a],
      pending: true,
      active: true,
    });
    // No password yet: nothing signs in.
    expect((await signIn(t, 'nina@ecole.example', 'nimporte-quoi-123')).status).toBe(401);
    expect((await resetWith(t, token, 'mon-mot-de-passe-a-moi')).status).toBe(200);
    expect((await signIn(t, 'nina@ecole.example', 'mon-mot-de-passe-a-moi')).status).toBe(200);
    // Single use.
    expect((await resetWith(t, token, 'un-autre-mot-de-passe')).status).toBe(400);
    const after = await (await t.as('admin').request('/api/admin/users')).json();
    expect(after.find((u: { id: string }) => u.id === issued.userId).pending).toBe(false);
  });

  it('refuses an address already taken, an unknown or archived promotion, and a typed password', async () => {
    t = await createTestApp();
    const { 'Promotion B': b } = await cohortIds(t);
    const app = t;
    const invite = (body: object) => app.as('admin').request('/api/admin/users', json('POST', body));
    const taken = await invite({ name: 'X', email: DEMO_USERS.candidate, role: 'candidate' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe('email_unavailable');
    const withPassword = await invite({
      name: 'X',
      email: 'x@e.example',
      role: 'candidate',
      password: 'abcdefghijkl',
    });
    expect(withPassword.status).toBe(400);
    expect(
      (await t.as('admin').request(`/api/admin/cohorts/${b}`, json('PATCH', { archived: true }))).status,
    ).toBe(204);
    const archived = await invite({ name: 'X', email: 'x@e.example', role: 'candidate', cohortId: b });
    expect(archived.status).toBe(400);
    expect((await archived.json()).error.message).toContain('archivée');
    const [{ n }] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from users where email = 'x@e.example'",
    );
    expect(n).toBe(0);
  });

  it('expires: an invitation past its date does not set a password', async () => {
    t = await createTestApp();
    const issued = await (
      await t
        .as('admin')
        .request('/api/admin/users', json('POST', { name: 'Léo', email: 'leo@e.example', role: 'examteam' }))
    ).json();
    await t.database.query(
      "update verifications set expires_at = now() - interval '1 minute' where value = $1",
      [issued.userId],
    );
    const res = await resetWith(t, tokenOf(issued.link), 'mon-mot-de-passe-a-moi');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_TOKEN');
  });
});

describe('admin-triggered password reset and invitations by e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('mails the link (never shown to the admin); using it replaces the password and ends every session', async () => {
    t = await createTestApp({
      config: { mail: { smtpUrl: smtp.url, from: 'Préjury <no-reply@prejury.test>' } },
    });
    const id = await t.userId('candidate');
    expect((await t.app.request('/api/dossiers')).status).toBe(200);
    const res = await t.as('admin').request(`/api/admin/users/${id}/password-link`, { method: 'POST' });
    expect(res.status).toBe(201);
    const issued = await res.json();
    expect(issued).toMatchObject({ kind: 'reset', mailed: true, link: null });
    const mail = await smtp.waitFor((m) => m.to.includes(DEMO_USERS.candidate));
    expect(mail.subject).toBe('Préjury : choisissez un nouveau mot de passe');
    const link = /http\S+reinitialiser\?token=\S+/.exec(mail.text)?.[0] as string;
    // The old password works until the link is used.
    expect((await signIn(t, DEMO_USERS.candidate, TEST_PASSWORD)).status).toBe(200);
    expect((await resetWith(t, tokenOf(link), 'nouveau-mot-de-passe-1')).status).toBe(200);
    expect((await signIn(t, DEMO_USERS.candidate, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(t, DEMO_USERS.candidate, 'nouveau-mot-de-passe-1')).status).toBe(200);
    expect((await t.app.request('/api/dossiers')).status).toBe(401);

    const invited = await (
      await t
        .as('admin')
        .request(
          '/api/admin/users',
          json('POST', { name: 'Inès', email: 'ines@e.example', role: 'examteam' }),
        )
    ).json();
    expect(invited).toMatchObject({ mailed: true, link: null });
    const welcome = await smtp.waitFor((m) => m.to.includes('ines@e.example'));
    expect(welcome.subject).toBe('Préjury : votre compte vous attend');
    expect(welcome.text).toMatch(/\/bienvenue\?token=/);
  });
});

describe('deactivation', () => {
  it('revokes every session at once, refuses sign-in with a clear message, and reactivation restores it', async () => {
    t = await createTestApp();
    const id = await t.userId('trainer');
    const first = sessionCookie(await signIn(t, DEMO_USERS.trainer, TEST_PASSWORD));
    const second = sessionCookie(await signIn(t, DEMO_USERS.trainer, TEST_PASSWORD));
    const app = t;
    const queue = (cookie: string) => app.raw.request('/api/trainer/queue', { headers: { cookie } });
    expect((await queue(first)).status).toBe(200);
    const res = await t.as('admin').request(`/api/admin/users/${id}`, json('PATCH', { active: false }));
    expect(res.status).toBe(204);
    expect((await queue(first)).status).toBe(401);
    expect((await queue(second)).status).toBe(401);
    const [{ n }] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from sessions where user_id = $1',
      [id],
    );
    expect(n).toBe(0);
    const refused = await signIn(t, DEMO_USERS.trainer, TEST_PASSWORD);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: {
        code: 'ACCOUNT_DISABLED',
        message: "Ce compte est désactivé : contactez l'administrateur de votre organisme pour le réactiver.",
      },
    });
    // A wrong password still gets the usual answer: the state is not told to whoever guesses.
    expect((await signIn(t, DEMO_USERS.trainer, 'pas-le-bon-mot-de-passe')).status).toBe(401);
    const users = await (await t.as('admin').request('/api/admin/users')).json();
    expect(users.find((u: { id: string }) => u.id === id)).toMatchObject({ active: false });
    expect(users.find((u: { id: string }) => u.id === id).deactivatedAt).toEqual(expect.any(String));

    expect(
      (await t.as('admin').request(`/api/admin/users/${id}`, json('PATCH', { active: true }))).status,
    ).toBe(204);
    expect((await signIn(t, DEMO_USERS.trainer, TEST_PASSWORD)).status).toBe(200);
    const actions = (
      await (await t.as('admin').request(`/api/admin/audit?actor=${await t.userId('admin')}`)).json()
    ).entries.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 2)).toEqual(['user.reactivate', 'user.deactivate']);
  });

  it('keeps a deactivated user out of another API process within the cache delay', async () => {
    t = await createTestApp();
    let now = 1_000_000;
    const other = await createTestApp({ sharedWith: t, overrides: { clock: { now: () => now } } });
    const cookie = sessionCookie(await signIn(t, DEMO_USERS.candidate, TEST_PASSWORD));
    const get = (app: TestApp) => app.raw.request('/api/dossiers', { headers: { cookie } });
    expect((await get(other)).status).toBe(200);
    const id = await t.userId('candidate');
    expect(
      (await t.as('admin').request(`/api/admin/users/${id}`, json('PATCH', { active: false }))).status,
    ).toBe(204);
    expect((await get(t)).status).toBe(401);
    now += 5_100;
    expect((await get(other)).status).toBe(401);
    await other.close();
  });

  it('refuses to deactivate oneself, and answers 404 for someone of another organisation', async () => {
    t = await createTestApp();
    const self = await t.userId('admin');
    const res = await t.as('admin').request(`/api/admin/users/${self}`, json('PATCH', { active: false }));
    expect(res.status).toBe(409);
    const stranger = await t.outsider('admin');
    const id = await t.userId('candidate');
    expect((await stranger.request(`/api/admin/users/${id}`, json('PATCH', { active: false }))).status).toBe(
      404,
    );
    expect((await stranger.request(`/api/admin/users/${id}/password-link`, { method: 'POST' })).status).toBe(
      404,
    );
  });
});

describe('roles and promotions', () => {
  it('a candidate who becomes a trainer follows their promotion instead of losing it', async () => {
    t = await createTestApp();
    const { 'Promotion A': a } = await cohortIds(t);
    const id = await t.userId('candidate');
    expect(
      (await t.as('admin').request(`/api/admin/users/${id}`, json('PATCH', { role: 'trainer' }))).status,
    ).toBe(204);
    const users = await (await t.as('admin').request('/api/admin/users')).json();
    expect(users.find((u: { id: string }) => u.id === id)).toMatchObject({
      role: 'trainer',
      cohortId: null,
      trainerCohortIds: [a],
    });
  });

  it('creates, renames and archives a promotion; the data stays and the audit names it', async () => {
    t = await createTestApp();
    const created = await t.as('admin').request('/api/admin/cohorts', json('POST', { name: 'Promo 2027' }));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(
      (await t.as('admin').request(`/api/admin/cohorts/${id}`, json('PATCH', { name: 'Promo 2027 — Lyon' })))
        .status,
    ).toBe(204);
    expect(
      (await t.as('admin').request(`/api/admin/cohorts/${id}`, json('PATCH', { archived: true }))).status,
    ).toBe(204);
    const cohorts = await (await t.as('admin').request('/api/admin/cohorts')).json();
    expect(cohorts.find((c: { id: string }) => c.id === id)).toMatchObject({
      name: 'Promo 2027 — Lyon',
      archivedAt: expect.any(String),
    });
    expect((await t.as('admin').request(`/api/admin/cohorts/${id}`, json('PATCH', {}))).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await t.as('admin').request(`/api/admin/cohorts/${unknown}`, json('PATCH', { name: 'x' }))).status,
    ).toBe(404);
    const audit = await (await t.as('admin').request('/api/admin/audit?action=cohort.update')).json();
    expect(audit.entries[0]).toMatchObject({
      targetType: 'cohort',
      targetLabel: 'Promo 2027 — Lyon',
      actorName: 'Alix Admin',
    });
  });
});

function roster(rows: string[]) {
  return ['nom;email;role;promotion', ...rows].join('\r\n');
}
const postCsv = (app: TestApp, text: string) =>
  app.as('admin').request('/api/admin/roster', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: text,
  });

describe('roster import', () => {
  it('creates every account with its invitation, or none with row errors in French', async () => {
    t = await createTestApp();
    const good = Array.from(
      { length: 19 },
      (_, i) => `Candidat ${i + 1};c${i + 1}@ecole.example;candidat;Promotion A`,
    );
    const before = await tableCounts(t.database);
    const [{ users: usersBefore }] = await t.database.query<{ users: number }>(
      'select count(*)::int as users from users',
    );
    const bad = await postCsv(
      t,
      roster([...good.slice(0, 7), 'Sans Adresse;;candidat;Promotion A', ...good.slice(7)]),
    );
    expect(bad.status).toBe(400);
    const error = (await bad.json()).error;
    expect(error.code).toBe('invalid_csv');
    expect(error.details).toEqual({ errors: [{ line: 9, message: 'adresse e-mail manquante.' }], total: 1 });
    expect(error.message).toContain("aucun compte n'a été créé");
    const [{ users: usersAfter }] = await t.database.query<{ users: number }>(
      'select count(*)::int as users from users',
    );
    expect(usersAfter).toBe(usersBefore);
    expect(await tableCounts(t.database)).toEqual(before);

    const mixed = await postCsv(
      t,
      roster([
        'Un;un@e.example;formatrice;Promotion Z',
        `Deux;${DEMO_USERS.candidate2};candidat;Promotion B`,
        'Trois;trois@e.example;stagiaire;Promotion A',
        'Quatre;un@e.example;candidat;',
      ]),
    );
    expect((await mixed.json()).error.details.errors).toEqual([
      { line: 2, message: "promotion inconnue ou archivée : « Promotion Z » (créez-la d'abord)." },
      { line: 3, message: `un compte existe déjà avec l'adresse ${DEMO_USERS.candidate2}.` },
      { line: 4, message: 'rôle inconnu : « stagiaire » (candidat, formateur, équipe examen ou admin).' },
      { line: 5, message: 'adresse déjà présente ligne 2 ; promotion manquante pour un candidat.' },
    ]);

    const ok = await postCsv(
      t,
      roster([...good, 'Fanny Formatrice;fanny@ecole.example;Formatrice;promotion b']),
    );
    expect(ok.status).toBe(201);
    const result = await ok.json();
    expect(result.created).toBe(20);
    expect(result.invitations).toHaveLength(20);
    const { 'Promotion A': a, 'Promotion B': b } = await cohortIds(t);
    const users = await (await t.as('admin').request('/api/admin/users')).json();
    expect(users.find((u: { email: string }) => u.email === 'c3@ecole.example')).toMatchObject({
      role: 'candidate',
      cohortId: a,
      pending: true,
    });
    expect(users.find((u: { email: string }) => u.email === 'fanny@ecole.example')).toMatchObject({
      role: 'trainer',
      trainerCohortIds: [b],
    });
    const fanny = result.invitations.find((i: { email: string }) => i.email === 'fanny@ecole.example');
    expect((await resetWith(t, tokenOf(fanny.link), 'le-mot-de-fanny')).status).toBe(200);
    expect((await signIn(t, 'fanny@ecole.example', 'le-mot-de-fanny')).status).toBe(200);
  });

  it('refuses what is not a roster CSV with a 4xx', async () => {
    t = await createTestApp();
    const noHeader = await postCsv(t, 'a,b\n1,2\n');
    expect(noHeader.status).toBe(400);
    expect((await noHeader.json()).error.details.errors[0].message).toContain('colonne(s) manquante(s)');
    const binary = await postCsv(t, 'nom,email\u0000');
    expect(binary.status).toBe(400);
    const unclosed = await postCsv(t, 'nom,email,role,promotion\n"Anne,a@e.example,candidat,Promotion A\n');
    expect(unclosed.status).toBe(400);
    const wrongType = await t.as('admin').request('/api/admin/roster', json('POST', { csv: 'x' }));
    expect(wrongType.status).toBe(415);
  });
});

describe('audit log', () => {
  it('filters by actor, action and day, pages on the server, and exports CSV with names', async () => {
    t = await createTestApp();
    const admin = await t.userId('admin');
    for (let i = 0; i < 7; i++) {
      await t.as('admin').request('/api/admin/cohorts', json('POST', { name: `Promo ${i}` }));
    }
    const page1 = await (
      await t.as('admin').request('/api/admin/audit?action=cohort.create&pageSize=5')
    ).json();
    expect(page1).toMatchObject({ total: 7, page: 1, pageSize: 5 });
    expect(page1.entries).toHaveLength(5);
    expect(page1.entries[0]).toMatchObject({
      actorName: 'Alix Admin',
      targetLabel: 'Promo 6',
      action: 'cohort.create',
    });
    const page2 = await (
      await t.as('admin').request('/api/admin/audit?action=cohort.create&pageSize=5&page=2')
    ).json();
    expect(page2.entries.map((e: { targetLabel: string }) => e.targetLabel)).toEqual(['Promo 1', 'Promo 0']);

    const byActor = await (await t.as('admin').request(`/api/admin/audit?actor=${admin}`)).json();
    expect(byActor.total).toBe(7);
    // The seed's accounts were created by the application itself.
    const system = await (
      await t.as('admin').request('/api/admin/audit?actor=system&action=user.create')
    ).json();
    expect(system.total).toBe(5);
    expect(system.entries.map((e: { targetLabel: string }) => e.targetLabel).sort()).toContain(
      'Camille Candidat',
    );

    const today = new Date().toISOString().slice(0, 10);
    const inDay = await (await t.as('admin').request(`/api/admin/audit?from=${today}&to=${today}`)).json();
    expect(inDay.total).toBe(12);
    const earlier = await (await t.as('admin').request('/api/admin/audit?to=2020-01-01')).json();
    expect(earlier.total).toBe(0);
    expect((await t.as('admin').request('/api/admin/audit?from=2026-02-30x')).status).toBe(400);
    expect((await t.as('admin').request('/api/admin/audit?from=2026-03-02&to=2026-03-01')).status).toBe(400);
    expect((await t.as('admin').request('/api/admin/audit?action=nope')).status).toBe(400);

    const csv = await t.as('admin').request('/api/admin/audit.csv?action=cohort.create');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('date,auteur,auteur_email,auteur_id,action,objet_type,objet_id,objet,detail');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain(',Alix Admin,admin@demo.prejury.fr,');
    expect(lines[1]).toContain(',Promo 6,');
  });

  it('serves the actions its filter accepts with each page, each with a label in both languages', async () => {
    t = await createTestApp();
    const page = await (await t.as('admin').request('/api/admin/audit?pageSize=200')).json();
    expect(page.actions).toEqual([...AUDIT_ACTIONS]);
    expect(new Set(page.actions).size).toBe(page.actions.length);
    for (const entry of page.entries) expect(page.actions).toContain(entry.action);
    for (const action of page.actions) {
      const filtered = await t.as('admin').request(`/api/admin/audit?action=${action}&pageSize=1`);
      expect(filtered.status, action).toBe(200);
    }
    // The web app shows each action by its label; a new action without one would show its code.
    for (const lang of ['fr', 'en']) {
      const catalogue = JSON.parse(
        readFileSync(new URL(`../../../../web/src/i18n/${lang}.json`, import.meta.url), 'utf8'),
      );
      for (const action of page.actions)
        expect(catalogue.admin.actions[action], `${lang} ${action}`).toBeTruthy();
    }
  });
});
