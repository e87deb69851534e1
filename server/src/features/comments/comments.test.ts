import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uploadForm } from '../../testing';
import { MAX_BANK_ENTRIES } from './service';

const CASE = readFileSync(
  new URL('../../../../evals/cases/b1-audit-rse/partial.md', import.meta.url),
  'utf8',
);

let t: Awaited<ReturnType<typeof createTestApp>>;
let dossierId = '';
let page: { page: number; text: string };

const send = (method: string, body: unknown) => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** An anchor on a real passage of page `page`: the words from `from` for `length` characters. */
function anchor(from: string, length: number) {
  const start = page.text.indexOf(from);
  expect(start).toBeGreaterThanOrEqual(0);
  return { page: page.page, start, end: start + length, quote: page.text.slice(start, start + length) };
}

async function commentCount() {
  const [row] = await t.database.query<{ n: number }>('select count(*)::int as n from passage_comments');
  return row.n;
}

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.as('candidate').request('/api/dossiers', {
    method: 'POST',
    body: uploadForm({ name: 'audit.md', bytes: CASE }, { examId: 'b1-audit-rse' }),
  });
  dossierId = (await res.json()).id;
  const text = await (await t.as('candidate').request(`/api/dossiers/${dossierId}/versions/1/text`)).json();
  page = text.pages.find((p: { text: string }) => p.text.length > 200);
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('comments anchored to passages', () => {
  it('lets the trainer anchor a comment the candidate then reads, edit it and delete it', async () => {
    const a = anchor(page.text.slice(40, 60), 60);
    const created = await t
      .as('trainer')
      .request(
        `/api/dossiers/${dossierId}/versions/1/comments`,
        send('POST', { ...a, body: '  Chiffrez ce point.  ' }),
      );
    expect(created.status).toBe(201);
    const comment = await created.json();
    expect(comment).toMatchObject({
      ...a,
      version: 1,
      body: 'Chiffrez ce point.',
      by: 'Florence Formatrice',
      mine: true,
    });

    const seen = await (
      await t.as('candidate').request(`/api/dossiers/${dossierId}/versions/1/comments`)
    ).json();
    expect(seen).toEqual([{ ...comment, mine: false }]);

    const edited = await t
      .as('trainer')
      .request(
        `/api/dossiers/${dossierId}/comments/${comment.id}`,
        send('PATCH', { body: 'Chiffrez et sourcez.' }),
      );
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      id: comment.id,
      body: 'Chiffrez et sourcez.',
      quote: a.quote,
    });

    // The candidate may read but not write; the service refuses anyone but the author.
    const byCandidate = await t
      .as('candidate')
      .request(`/api/dossiers/${dossierId}/comments/${comment.id}`, send('PATCH', { body: 'Non.' }));
    expect(byCandidate.status).toBe(403);
    await expect(
      t.services.comments.update(
        {
          userId: 'someone-else',
          email: 'x@example.org',
          name: 'Autre',
          role: 'trainer',
          organizationId: 'x',
          cohortId: null,
          trainerCohortIds: [],
        },
        dossierId,
        comment.id,
        'Pas le mien.',
      ),
    ).rejects.toMatchObject({ status: 403 });

    const deleted = await t
      .as('trainer')
      .request(`/api/dossiers/${dossierId}/comments/${comment.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await commentCount()).toBe(0);
    const again = await t
      .as('trainer')
      .request(`/api/dossiers/${dossierId}/comments/${comment.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it('refuses an anchor that is not the page text at its offsets, and bad bodies, writing nothing', async () => {
    const a = anchor(page.text.slice(10, 30), 30);
    const cases: [unknown, number, string][] = [
      [{ ...a, quote: `${a.quote}x`, body: 'Voir.' }, 422, 'anchor_mismatch'],
      [{ ...a, start: a.start + 1, body: 'Voir.' }, 422, 'anchor_mismatch'],
      [{ ...a, page: 999, body: 'Voir.' }, 422, 'anchor_not_found'],
      [{ ...a, end: page.text.length + 5, body: 'Voir.' }, 422, 'anchor_mismatch'],
      [{ ...a, body: '   ' }, 400, 'invalid_request'],
      [{ ...a, end: a.start, body: 'Voir.' }, 400, 'invalid_request'],
      [{ ...a, body: 'x'.repeat(2001) }, 400, 'invalid_request'],
      [{ ...a, body: 'Voir.', extra: true }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t
        .as('trainer')
        .request(`/api/dossiers/${dossierId}/versions/1/comments`, send('POST', body));
      expect({ status: res.status, code: (await res.json()).error?.code }).toEqual({ status, code });
    }
    const wrongVersion = await t
      .as('trainer')
      .request(`/api/dossiers/${dossierId}/versions/7/comments`, send('POST', { ...a, body: 'Voir.' }));
    expect(wrongVersion.status).toBe(404);
    expect(await commentCount()).toBe(0);
  });

  it('keeps a small bank per trainer: saved once, listed, removed, never seen by others', async () => {
    const trainer = t.as('trainer');
    const save = (body: string) => trainer.request('/api/trainer/comment-bank', send('POST', { body }));
    const first = await (await save('Sourcez vos chiffres (source, année).')).json();
    const twice = await (await save('Sourcez vos chiffres (source, année).')).json();
    expect(twice.id).toBe(first.id);
    await save('Reliez ce constat à une recommandation.');
    const bank = await (await trainer.request('/api/trainer/comment-bank')).json();
    expect(bank.map((e: { body: string }) => e.body).sort()).toEqual([
      'Reliez ce constat à une recommandation.',
      'Sourcez vos chiffres (source, année).',
    ]);

    const other = await t.outsider('trainer');
    expect(await (await other.request('/api/trainer/comment-bank')).json()).toEqual([]);
    const notTheirs = await other.request(`/api/trainer/comment-bank/${first.id}`, { method: 'DELETE' });
    expect(notTheirs.status).toBe(404);

    expect(
      (await trainer.request(`/api/trainer/comment-bank/${first.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(await (await trainer.request('/api/trainer/comment-bank')).json()).toHaveLength(1);
  });

  it('caps the bank', async () => {
    const trainer = t.as('trainer');
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from comment_bank');
    for (let i = n; i < MAX_BANK_ENTRIES; i++) {
      const res = await trainer.request('/api/trainer/comment-bank', send('POST', { body: `Phrase ${i}` }));
      expect(res.status).toBe(201);
    }
    const full = await trainer.request('/api/trainer/comment-bank', send('POST', { body: 'Une de trop' }));
    expect(full.status).toBe(409);
    expect((await full.json()).error.code).toBe('bank_full');
  });
});
