/**
 * Jury scores belong to the dossier version the jury read (DESIGN.md): a CSV `version` column or, without
 * it, the latest version at import time. A run reviews exactly those versions, even after a new draft.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uploadForm } from '../../testing';
import type { GapReport } from '../reviews/schemas';
import type { RunAgreement } from './service';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const cases = new URL('../../../../evals/cases/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, cases), 'utf8');
const CRITERIA = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];

let t: TestApp;
let dossierId: string;
let setId: string;

async function json(res: Response) {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function importCsv(csv: string) {
  return t.as('examteam').request(`/api/calibration/sets/${setId}/scores`, {
    method: 'POST',
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const created = await t.app.request('/api/dossiers', {
    method: 'POST',
    body: uploadForm(
      { name: 'audit-rse-weak.md', bytes: read('b1-audit-rse/weak.md') },
      { examId: 'b1-audit-rse' },
    ),
  });
  expect(created.status).toBe(201);
  dossierId = ((await created.json()) as { id: string }).id;
  const set = await json(
    await t.as('examteam').request('/api/calibration/sets', {
      method: 'POST',
      body: JSON.stringify({ name: 'Session pinning', examId: 'b1-audit-rse' }),
      headers: { 'content-type': 'application/json' },
    }),
  );
  expect(set.status).toBe(201);
  setId = set.body.id;
});

afterAll(async () => {
  await t?.close();
});

describe('jury scores pinned to a dossier version', () => {
  it('compares scores for version 1 with version 1’s review after a version 2 exists', async () => {
    // No version column: pinned to the latest version now, version 1.
    const jury = CRITERIA.map((c) => `${dossierId},${c},1,jury`).join('\n');
    expect((await importCsv(`dossier_id,criterion_id,score,rater\n${jury}\n`)).status).toBe(200);

    const v2 = await t.app.request(`/api/dossiers/${dossierId}/versions`, {
      method: 'POST',
      body: uploadForm({ name: 'audit-rse-strong.md', bytes: read('b1-audit-rse/strong.md') }),
    });
    expect(v2.status).toBe(201);

    // A version that does not exist is refused, with the versions there are.
    const bad = await json(
      await importCsv(`dossier_id,version,criterion_id,score,rater\n${dossierId},3,K1,2,jury2\n`),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([
      { line: 2, message: `version « 3 » inconnue pour le dossier ${dossierId} (versions : 1, 2).` },
    ]);
    // A second jury read version 2, and says so.
    const jury2 = CRITERIA.map((c) => `${dossierId},2,${c},3,jury2`).join('\n');
    expect((await importCsv(`dossier_id,version,criterion_id,score,rater\n${jury2}\n`)).status).toBe(200);

    const set = await json(await t.as('examteam').request(`/api/calibration/sets/${setId}`));
    expect(
      set.body.dossiers.map(
        (d: { version: number; title: string; latestVersion: number; scores: number }) => [
          d.version,
          d.title,
          d.latestVersion,
          d.scores,
        ],
      ),
    ).toEqual([
      [1, 'audit-rse-weak.md', 2, 7],
      [2, 'audit-rse-strong.md', 2, 7],
    ]);

    const run = await json(
      await t.as('examteam').request(`/api/calibration/sets/${setId}/runs`, {
        method: 'POST',
        body: JSON.stringify({ rubricVersion: 'v1' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(run.status).toBe(202);
    expect(run.body.progress.total).toBe(2);
    await t.settle();

    const reviews = await t.database.query<{ version: number; report: GapReport }>(
      `select rr.version, r.report from calibration_run_reviews rr join reviews r on r.id = rr.review_id
       where rr.run_id = $1 order by rr.version`,
      [run.body.id],
    );
    expect(reviews.map((r) => r.version)).toEqual([1, 2]);
    const aiOf = (version: number) =>
      Object.fromEntries(
        (reviews.find((r) => r.version === version)?.report.criteria ?? [])
          .filter((c) => c.status === 'done')
          .map((c) => [c.id, c.score]),
      );
    const v1 = aiOf(1);
    const v2Scores = aiOf(2);
    // The weak and strong drafts must be graded apart, or this test could not tell the versions apart.
    expect(v1).not.toEqual(v2Scores);

    for (const [rater, version] of [
      ['jury', 1],
      ['jury2', 2],
    ] as const) {
      const agreement = await json(
        await t.as('examteam').request(`/api/calibration/runs/${run.body.id}/agreement?rater=${rater}`),
      );
      const expected = aiOf(version);
      const ai = Object.values(expected);
      expect((agreement.body as RunAgreement).overall.aiMean).toBeCloseTo(
        ai.reduce((a, b) => a + b, 0) / ai.length,
        10,
      );
      const items = await json(
        await t.as('examteam').request(`/api/calibration/runs/${run.body.id}/items?rater=${rater}`),
      );
      expect(items.status).toBe(200);
      for (const item of items.body as {
        version: number;
        title: string;
        criterionId: string;
        ai: number;
      }[]) {
        expect([item.version, item.title, item.ai]).toEqual([
          version,
          version === 1 ? 'audit-rse-weak.md' : 'audit-rse-strong.md',
          expected[item.criterionId],
        ]);
      }
    }
    // Scores of different versions are different texts: no human–human pairs between them.
    const agreement = await json(
      await t.as('examteam').request(`/api/calibration/runs/${run.body.id}/agreement`),
    );
    expect(agreement.body.humanHuman).toBeNull();
  });

  it('pins scores by the SHA-256 of the file the jury read, and refuses a hash no version has', async () => {
    const weak = read('b1-audit-rse/weak.md');
    const strong = read('b1-audit-rse/strong.md');
    const sha = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
    const created = await t.app.request('/api/dossiers', {
      method: 'POST',
      body: uploadForm({ name: 'hash-v1.md', bytes: weak }, { examId: 'b1-audit-rse' }),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const v2 = await t.app.request(`/api/dossiers/${id}/versions`, {
      method: 'POST',
      body: uploadForm({ name: 'hash-v2.md', bytes: strong }),
    });
    expect(v2.status).toBe(201);
    const set = await json(
      await t.as('examteam').request('/api/calibration/sets', {
        method: 'POST',
        body: JSON.stringify({ name: 'Session par empreinte', examId: 'b1-audit-rse' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    const importInto = (csv: string) =>
      t.as('examteam').request(`/api/calibration/sets/${set.body.id}/scores`, {
        method: 'POST',
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });

    const unknownHash = sha('un autre fichier');
    const bad = await json(
      await importInto(
        [
          'dossier_id;sha256;criterion_id;score;rater',
          `${id};${unknownHash};K1;2;jury`,
          `${id};pas-une-empreinte;K2;2;jury`,
          `${id};${sha(weak)};K3;2;jury`,
        ].join('\n'),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual({
      total: 2,
      errors: [
        {
          line: 2,
          message: `empreinte SHA-256 « ${unknownHash.slice(0, 12)}… » : aucune version du dossier ${id} n'a ce fichier (versions : 1, 2).`,
        },
        {
          line: 3,
          message: 'empreinte SHA-256 invalide « pas-une-empreinte » : 64 caractères hexadécimaux attendus.',
        },
      ],
    });
    // Nothing of the refused file was written.
    expect(
      (await json(await t.as('examteam').request(`/api/calibration/sets/${set.body.id}`))).body.scores,
    ).toBe(0);

    // A version and a hash that disagree are refused too.
    const conflict = await json(
      await importInto(`dossier_id,version,sha256,criterion_id,score\n${id},2,${sha(weak)},K1,2\n`),
    );
    expect(conflict.body.error.details.errors).toEqual([
      {
        line: 2,
        message: `version 2 et empreinte SHA-256 en désaccord : ce fichier est la version 1 du dossier ${id}.`,
      },
    ]);

    // The hash of version 1's file pins to version 1 though version 2 is the latest; upper case is fine.
    const rows = CRITERIA.map((c, i) => `${id},${i % 2 ? sha(weak).toUpperCase() : sha(weak)},${c},2,jury`);
    const ok = await json(
      await importInto(`dossier_id,sha256,criterion_id,score,rater\n${rows.join('\n')}\n`),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(7);
    const byHash = await json(
      await importInto(`dossier_id,sha256,criterion_id,score,rater\n${id},${sha(strong)},K1,3,jury2\n`),
    );
    expect(byHash.status).toBe(200);
    const detail = await json(await t.as('examteam').request(`/api/calibration/sets/${set.body.id}`));
    expect(
      detail.body.dossiers.map((d: { version: number; title: string; scores: number }) => [
        d.version,
        d.title,
        d.scores,
      ]),
    ).toEqual([
      [1, 'hash-v1.md', 7],
      [2, 'hash-v2.md', 1],
    ]);
  });
});
