import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoUser, readEvalCase, requestReview, uploadDossier, uploadForm } from '../../testing';
import { appForTests } from '../../testing/for-tests';

const CASE = readEvalCase('b1-audit-rse/partial.md');

interface Item {
  dossierId: string;
  examId: string;
  candidate: { name: string; email: string };
  cohort: { id: string; name: string } | null;
  versions: number;
  latestVersion: number;
  latestReview: {
    id: string;
    version: number;
    status: string;
    score: number | null;
    ready: string | null;
  } | null;
}
interface Page {
  total: number;
  page: number;
  pageSize: number;
  items: Item[];
  cohorts: { id: string; name: string }[];
}

const t = appForTests();
const ids = { audit: '', strategy: '', other: '', review: '' };

const upload = (who: DemoUser, examId: string) => uploadDossier(t.as(who), CASE, examId, `${examId}.md`);

async function list(who: DemoUser, query = ''): Promise<Page> {
  const res = await t.as(who).request(`/api/overview/dossiers${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

beforeAll(async () => {
  ids.audit = await upload('candidate', 'b1-audit-rse');
  // A second version of the same dossier.
  const v2 = await t.as('candidate').request(`/api/dossiers/${ids.audit}/versions`, {
    method: 'POST',
    body: uploadForm({ name: 'v2.md', bytes: `${CASE}\n\nAjout.` }),
  });
  expect(v2.status).toBe(201);
  ids.strategy = await upload('candidate', 'b2-strategie-commerciale');
  ids.other = await upload('candidate2', 'b1-audit-rse');
  ids.review = await requestReview(t.as('candidate'), ids.audit, 2);
  await t.settle();
}, 120_000);

describe('the staff’s list of dossiers', () => {
  it('shows the candidate, cohort, versions and latest review of every dossier of the organisation', async () => {
    const page = await list('examteam');
    expect(page.total).toBe(3);
    const audit = page.items.find((i) => i.dossierId === ids.audit);
    const review = await (await t.as('examteam').request(`/api/reviews/${ids.review}`)).json();
    expect(audit).toMatchObject({
      examId: 'b1-audit-rse',
      candidate: { name: 'Camille Candidat', email: 'candidate@demo.prejury.fr' },
      cohort: { name: 'Promotion A' },
      versions: 2,
      latestVersion: 2,
      latestReview: {
        id: ids.review,
        version: 2,
        status: 'done',
        score: review.report.overall.score,
        ready: review.report.overall.ready,
      },
    });
    const other = page.items.find((i) => i.dossierId === ids.other);
    expect(other).toMatchObject({ cohort: { name: 'Promotion B' }, versions: 1, latestReview: null });
    expect(page.cohorts.map((c) => c.name)).toEqual(['Promotion A', 'Promotion B']);
    // The admin sees the same organisation.
    expect((await list('admin')).total).toBe(3);
  });

  it('filters by exam, cohort, review state and candidate, in the database', async () => {
    const { cohorts } = await list('examteam');
    const cohortB = cohorts.find((c) => c.name === 'Promotion B')?.id;
    const idsOf = async (q: string) => (await list('examteam', q)).items.map((i) => i.dossierId).sort();
    expect(await idsOf('?examId=b1-audit-rse')).toEqual([ids.audit, ids.other].sort());
    expect(await idsOf(`?cohortId=${cohortB}`)).toEqual([ids.other]);
    expect(await idsOf('?status=done')).toEqual([ids.audit]);
    expect(await idsOf('?status=none')).toEqual([ids.strategy, ids.other].sort());
    expect(await idsOf('?status=failed')).toEqual([]);
    expect(await idsOf('?q=dominique')).toEqual([ids.other]);
    expect(await idsOf('?q=CANDIDATE%40demo')).toEqual([ids.audit, ids.strategy].sort());
    // A `%` typed in the search is a character, not a wildcard.
    expect(await idsOf('?q=%25')).toEqual([]);
    expect(await idsOf('?examId=b1-audit-rse&q=camille&status=done')).toEqual([ids.audit]);
  });

  it('pages on the server, newest upload first, without losing or repeating a dossier', async () => {
    const first = await list('examteam', '?pageSize=2&page=1');
    const second = await list('examteam', '?pageSize=2&page=2');
    const past = await list('examteam', '?pageSize=2&page=3');
    expect([first.items.length, second.items.length, past.items.length]).toEqual([2, 1, 0]);
    expect([first.total, second.total, past.total]).toEqual([3, 3, 3]);
    const all = [...first.items, ...second.items].map((i) => i.dossierId);
    expect(new Set(all).size).toBe(3);
    expect(all.sort()).toEqual([ids.audit, ids.strategy, ids.other].sort());
    // The latest upload (candidate2's dossier) comes first.
    expect(first.items[0]?.dossierId).toBe(ids.other);
  });

  it('gives each role its own scope, and refuses bad queries with a 400', async () => {
    const trainer = await list('trainer');
    expect(trainer.items.map((i) => i.dossierId).sort()).toEqual([ids.audit, ids.strategy].sort());
    expect(trainer.cohorts.map((c) => c.name)).toEqual(['Promotion A']);
    const stranger = await t.outsider('examteam');
    const strangers = await (await stranger.request('/api/overview/dossiers')).json();
    expect(strangers).toMatchObject({ total: 0, items: [] });
    expect((await t.as('candidate').request('/api/overview/dossiers')).status).toBe(403);
    for (const bad of [
      '?pageSize=1000',
      '?page=0',
      '?cohortId=x',
      '?status=ready',
      '?examId=B1%20x',
      '?sort=name',
    ]) {
      const res = await t.as('examteam').request(`/api/overview/dossiers${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.code).toBeTruthy();
    }
  });
});
