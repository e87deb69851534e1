import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../lib/errors';
import { createTestApp, uploadForm } from '../../testing';
import { getExam } from '../referential';

const casesDir = new URL('../../../../evals/cases/', import.meta.url);

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('reviews.get (one query: review, version, criteria statuses)', () => {
  let t: TestApp;
  let dossierId: string;
  beforeAll(async () => {
    // Reviews are run by hand below, so that a queued one can be read before it runs.
    t = await createTestApp({ overrides: { enqueue: async () => {} } });
    const created = await t.app.request('/api/dossiers', {
      method: 'POST',
      body: uploadForm(
        { name: 'audit.md', bytes: readFileSync(new URL('b1-audit-rse/strong.md', casesDir), 'utf8') },
        { examId: 'b1-audit-rse' },
      ),
    });
    expect(created.status).toBe(201);
    dossierId = ((await created.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a queued review, then the same review done, criteria in the exam order', async () => {
    const exam = getExam('b1-audit-rse');
    const ids = exam?.criteria.map((c) => c.id) ?? [];
    const { id } = await t.services.reviews.request(dossierId, 1);
    const [row] = await t.database.query<{ created_at: Date }>(
      'select created_at from reviews where id = $1',
      [id],
    );
    const queued = await t.services.reviews.get(id);
    expect(queued).toEqual({
      id,
      dossierId,
      version: 1,
      examId: 'b1-audit-rse',
      status: 'queued',
      provider: 'offline',
      model: 'offline-analyzer@v1',
      createdAt: new Date(row.created_at).toISOString(),
      finishedAt: null,
      progress: {
        status: 'queued',
        total: ids.length,
        done: 0,
        failed: 0,
        criteria: ids.map((criterionId) => ({ id: criterionId, status: 'pending' })),
      },
      report: undefined,
      error: undefined,
    });

    await t.services.reviews.run(id);
    const done = await t.services.reviews.get(id);
    expect(done).toMatchObject({ id, dossierId, version: 1, status: 'done', error: undefined });
    expect(done.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(done.progress).toEqual({
      status: 'done',
      total: ids.length,
      done: ids.length,
      failed: 0,
      criteria: ids.map((criterionId) => ({ id: criterionId, status: 'done' })),
    });
    expect(done.progress).toEqual(await t.services.reviews.progress(id));
    expect(done.report?.criteria.map((c) => c.id)).toEqual(ids);
  });

  it('throws NotFoundError for an unknown review', async () => {
    await expect(t.services.reviews.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
