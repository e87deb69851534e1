import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uploadForm } from '../../testing';
import { appForTests } from '../../testing/for-tests';

const t = appForTests();

describe('coaching, mounted in the app on the migrated database', () => {
  it('serves an exam brief with an outline, methods and pitfalls', async () => {
    const res = await t.app.request('/api/exams/b4-negociation-complexe/brief');
    expect(res.status).toBe(200);
    const brief = await res.json();
    expect(brief.outline.length).toBeGreaterThan(0);
    expect(brief.methods.map((m: { name: string }) => m.name).join(' ')).toMatch(/SONCAS/);
    expect(brief.pitfalls.length).toBeGreaterThan(0);
  });

  it('answers offline from the candidate draft, stores the conversation, and deletes it with the dossier', async () => {
    const text = readFileSync(
      new URL('../../../../evals/cases/b1-audit-rse/strong.md', import.meta.url),
      'utf8',
    );
    const dossier = await (
      await t.app.request('/api/dossiers', {
        method: 'POST',
        body: uploadForm({ name: 'rse.md', bytes: text }, { examId: 'b1-audit-rse' }),
      })
    ).json();
    const res = await t.app.request(`/api/dossiers/${dossier.id}/versions/1/coach`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Comment renforcer mes indicateurs RSE ?' }),
    });
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.mode).toBe('offline');
    expect(answer.citations.some((c: { page?: number }) => typeof c.page === 'number')).toBe(true);
    expect(answer.citations.some((c: { criterionId?: string }) => typeof c.criterionId === 'string')).toBe(
      true,
    );
    const [stored] = await t.database.query<{ n: number }>('select count(*)::int as n from coach_messages');
    expect(stored.n).toBe(2);
    await t.app.request(`/api/dossiers/${dossier.id}`, { method: 'DELETE' });
    const [left] = await t.database.query<{ n: number }>('select count(*)::int as n from coach_messages');
    expect(left.n).toBe(0);
  });
});
