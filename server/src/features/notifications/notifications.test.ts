import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../lib/testing/smtp-server';
import { createTestApp, DEMO_USERS, tableCounts, uploadForm } from '../../testing';

const weak = readFileSync(new URL('../../../../evals/cases/b1-audit-rse/weak.md', import.meta.url), 'utf8');
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let reviewId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    config: { mail: { smtpUrl: smtp.url, from: 'Préjury <no-reply@prejury.test>' } },
  });
  const upload = await t.as('candidate').request('/api/dossiers', {
    method: 'POST',
    body: uploadForm({ name: 'audit.md', bytes: weak }, { examId: 'b1-audit-rse' }),
  });
  const dossier = await upload.json();
  const requested = await t.as('candidate').request(`/api/dossiers/${dossier.id}/versions/1/reviews`, {
    method: 'POST',
  });
  reviewId = (await requested.json()).id;
  await t.settle();
}, 120_000);
afterAll(async () => {
  await t.close();
  services().mailer.close();
  await smtp.close();
});
const services = () => t.services;

describe('a finished review', () => {
  it('is mailed to its requester through SMTP, with a link and no dossier text', async () => {
    const mail = await smtp.waitFor((m) => m.to.includes(DEMO_USERS.candidate));
    expect(mail.from).toBe('no-reply@prejury.test');
    expect(mail.subject).toBe("Votre rapport d'écarts est prêt : Audit RSE, version 1");
    expect(mail.text).toContain(`http://localhost/revues/${reviewId}`);
    // The mail announces; it never carries the candidate's text.
    const firstSentence = weak.split('\n').find((line) => line.length > 60) ?? '';
    expect(mail.text).not.toContain(firstSentence.slice(0, 40));
  });

  it('shows in the requester’s notifications, unread until read, and nowhere else', async () => {
    const list = await (await t.as('candidate').request('/api/notifications')).json();
    expect(list).toEqual({
      unread: 1,
      items: [
        {
          id: expect.any(String),
          kind: 'review_ready',
          reviewId,
          title: "Votre rapport d'écarts est prêt : Audit RSE, version 1",
          read: false,
          createdAt: expect.any(String),
        },
      ],
    });
    // Another user cannot mark it read, even by naming its id.
    const other = await t
      .as('candidate2')
      .request('/api/notifications/read', json({ ids: [list.items[0].id] }));
    expect(other.status).toBe(204);
    expect((await (await t.as('candidate').request('/api/notifications')).json()).unread).toBe(1);
    expect((await (await t.as('candidate2').request('/api/notifications')).json()).items).toEqual([]);

    expect((await t.as('candidate').request('/api/notifications/read', json({}))).status).toBe(204);
    const after = await (await t.as('candidate').request('/api/notifications')).json();
    expect(after.unread).toBe(0);
    expect(after.items[0].read).toBe(true);
  });

  it('refuses malformed bodies with a 400 and writes nothing', async () => {
    const before = await tableCounts(t.database);
    const bad = await t.as('candidate').request('/api/notifications/read', json({ ids: ['not-a-uuid'] }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBeDefined();
    expect(await tableCounts(t.database)).toEqual(before);
  });
});

describe('feedback returned', () => {
  it('tells the candidate, in the app and by e-mail, when their trainer checks the review', async () => {
    const check = await t.as('trainer').request(`/api/reviews/${reviewId}/check`, json({ comment: 'Relu.' }));
    expect(check.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.subject.startsWith('Florence Formatrice a relu votre rapport'));
    expect(mail.to).toEqual([DEMO_USERS.candidate]);
    expect(mail.text).toContain(`http://localhost/revues/${reviewId}`);
    const list = await (await t.as('candidate').request('/api/notifications')).json();
    expect(list.unread).toBe(1);
    expect(list.items.map((n: { kind: string }) => n.kind)).toEqual(['feedback_returned', 'review_ready']);
    // Checking again (an updated comment) does not announce it twice.
    await t.as('trainer').request(`/api/reviews/${reviewId}/check`, json({ comment: 'Relu, deux fois.' }));
    expect((await (await t.as('candidate').request('/api/notifications')).json()).items).toHaveLength(2);
  });
});

describe('password reset', () => {
  it('sends the reset link by e-mail when SMTP is configured', async () => {
    const res = await t.raw.request('/api/auth/request-password-reset', {
      ...json({ email: DEMO_USERS.candidate2, redirectTo: '/reinitialiser' }),
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    });
    expect(res.status).toBe(200);
    const mail = await smtp.waitFor((m) => m.to.includes(DEMO_USERS.candidate2));
    expect(mail.subject).toBe('Préjury : réinitialiser votre mot de passe');
    expect(mail.text).toMatch(/http:\/\/localhost\/api\/auth\/reset-password\/[^\s?]+\?callbackURL=/);
  });
});
