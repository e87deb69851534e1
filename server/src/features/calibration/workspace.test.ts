/**
 * The exam team's calibration workspace through the API, on a real database with real (offline) reviews:
 * import jury scores (bad CSVs refused row by row, nothing written), run a rubric version over the set
 * through the review queue, read the agreement — checked against the reference values of fixtures.ts,
 * computed outside this code base — drill down to the dossiers, compare two versions, export, gather
 * trainers' decisions, and never see another organisation's data.
 *
 * The reference test puts the fixture's AI scores into the run's stored reports (the offline analyzer's
 * own scores are not known in advance) and imports the fixture's jury scores through the CSV endpoint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../lib/errors';
import { readEvalCase, sendJson, type TestClient, uploadDossier } from '../../testing';
import { appForTests } from '../../testing/for-tests';
import { LEVELS } from '../reviews/schemas';
import { parseCsv } from './csv';
import { AGREEMENT_HEADER, SCORES_HEADER } from './exports';
import {
  REAL30_AI,
  REAL30_BY_CRITERION,
  REAL30_CRITERIA,
  REAL30_EXTRA,
  REAL30_HUMAN,
  REAL30_OVERALL,
  summaryMismatches,
} from './fixtures';
import type { AgreementSummary } from './metrics';
import type { RunAgreement, RunSummary } from './service';

const DRAFTS = ['b1-audit-rse/weak.md', 'b1-audit-rse/partial.md', 'b1-audit-rse/strong.md'].map(
  readEvalCase,
);
/** Fixture criterion → this exam's criterion. */
const K: Record<(typeof REAL30_CRITERIA)[number], string> = { C1: 'K1', C2: 'K2', C3: 'K3' };

const t = appForTests();
let stranger: TestClient;
let setId: string;
/** Ten audit-RSE dossiers: item k of the fixture is dossier ids[⌊k/3⌋], criterion K[REAL30_CRITERIA[k % 3]]. */
const ids: string[] = [];
let otherOrgDossier: string;
let otherExamDossier: string;
let runId: string;

function importCsv(client: TestClient, set: string, body: BodyInit, type = 'text/csv') {
  return client.request(`/api/calibration/sets/${set}/scores`, {
    method: 'POST',
    body,
    headers: { 'content-type': type },
  });
}

async function errorOf(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body.error;
}

const examteam = () => t.as('examteam');

function expectSummary(actual: AgreementSummary, expected: AgreementSummary) {
  expect(summaryMismatches(actual, expected)).toEqual([]);
}

/** The jury (REAL30_HUMAN) and a second rater who happens to agree with the AI (REAL30_AI). */
function referenceCsv() {
  const lines = ['dossier_id;criterion_id;score;rater'];
  REAL30_HUMAN.forEach((score, k) => {
    lines.push(`${ids[Math.floor(k / 3)]};${K[REAL30_CRITERIA[k % 3]]};${score};jury`);
  });
  REAL30_AI.forEach((score, k) => {
    lines.push(`${ids[Math.floor(k / 3)]};${K[REAL30_CRITERIA[k % 3]]};${score};jury2`);
  });
  return `${lines.join('\r\n')}\r\n`;
}

beforeAll(async () => {
  // An exam team and a candidate of another organisation.
  stranger = await t.outsider('examteam');
  otherOrgDossier = await uploadDossier(await t.outsider('candidate'), DRAFTS[1], 'b1-audit-rse');
  for (let d = 0; d < 10; d++) {
    ids.push(
      await uploadDossier(t.as(d % 2 === 0 ? 'candidate' : 'candidate2'), DRAFTS[d % 3], 'b1-audit-rse'),
    );
  }
  otherExamDossier = await uploadDossier(
    t.app,
    readEvalCase('b1-diagnostics-strategiques/weak.md'),
    'b1-diagnostics-strategiques',
  );
  const created = await sendJson(examteam(), 'POST', '/api/calibration/sets', {
    name: 'Session <juin> 2026',
    examId: 'b1-audit-rse',
  });
  expect(created.status).toBe(201);
  setId = created.body.id;
}, 180_000);

describe('calibration sets: importing jury scores', () => {
  it('lists the exam dossiers the team can score, and a template to fill', async () => {
    const list = await sendJson(examteam(), 'GET', '/api/calibration/dossiers?examId=b1-audit-rse');
    expect(list.status).toBe(200);
    expect(list.body.map((d: { id: string }) => d.id).sort()).toEqual([...ids].sort());
    const template = await examteam().request(`/api/calibration/sets/${setId}/template.csv`);
    expect(template.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const records = parseCsv(await template.text()).records;
    expect(records[0].cells).toEqual([
      'dossier_id',
      'candidat',
      'titre',
      'version',
      'criterion_id',
      'score',
      'rater',
    ]);
    expect(records).toHaveLength(1 + 10 * 7);
    // Pre-filled with the latest version, which the jury corrects if it read another draft.
    expect(new Set(records.slice(1).map((r) => r.cells[3]))).toEqual(new Set(['1']));
  });

  it('refuses a CSV with bad rows, listing each line and why, and writes nothing', async () => {
    const unknownDossier = '0b5e7f7e-1c1a-4c55-9d55-2a1f4a0d9e11';
    const csv = [
      'dossier_id,criterion_id,score,rater',
      `${ids[0]},K1,3,jury`,
      `${ids[0]},K9,2,jury`,
      `${ids[1]},K1,5,jury`,
      `${ids[1]},K2,"2,5",jury`,
      `${otherOrgDossier},K1,2,jury`,
      `${otherExamDossier},K1,2,jury`,
      'pas-un-id,K1,2,jury',
      `${ids[0]},k1,1,jury`,
      `${ids[2]},K1`,
      `${ids[2]},K1,,jury`,
      `${ids[2]},K2,3,<script>`,
      `${unknownDossier},K3,2,`,
    ].join('\n');
    const error = await errorOf(await importCsv(examteam(), setId, csv), 400, 'invalid_csv');
    expect(error.message).toBe(
      "Import refusé, rien n'a été enregistré : 11 erreur(s). ligne 3 : critère inconnu pour l'épreuve « Audit RSE » : « K9 » (attendus : K1, K2, K3, K4, K5, K6, K7). ; ligne 4 : note invalide « 5 » : entier de 0 à 4 attendu. ; ligne 5 : note invalide « 2,5 » : entier de 0 à 4 attendu. ; …",
    );
    expect(error.details).toEqual({
      total: 11,
      errors: [
        {
          line: 3,
          message:
            "critère inconnu pour l'épreuve « Audit RSE » : « K9 » (attendus : K1, K2, K3, K4, K5, K6, K7).",
        },
        { line: 4, message: 'note invalide « 5 » : entier de 0 à 4 attendu.' },
        { line: 5, message: 'note invalide « 2,5 » : entier de 0 à 4 attendu.' },
        { line: 6, message: `dossier inconnu dans votre organisme : ${otherOrgDossier}.` },
        {
          line: 7,
          message: `le dossier ${otherExamDossier} relève de l'épreuve « Diagnostics stratégiques », pas de « Audit RSE ».`,
        },
        { line: 8, message: 'identifiant de dossier invalide « pas-un-id ».' },
        { line: 9, message: 'doublon de la ligne 2 (même dossier, critère et correcteur).' },
        { line: 10, message: '4 colonnes attendues, 2 trouvée(s).' },
        { line: 11, message: 'note manquante.' },
        {
          line: 12,
          message: 'correcteur invalide « <script> » : 1 à 40 lettres, chiffres, espaces, points, tirets.',
        },
        // Another organisation's dossier and a dossier that does not exist look the same.
        { line: 13, message: `dossier inconnu dans votre organisme : ${unknownDossier}.` },
      ],
    });
    const [{ n }] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from calibration_scores',
    );
    expect(n).toBe(0);
  });

  it('refuses wrong columns, empty files, binary files, other media types and huge files', async () => {
    const columns = await errorOf(
      await importCsv(examteam(), setId, `dossier;critere;points\n${ids[0]};K1;3`),
      400,
      'invalid_csv',
    );
    expect(columns.details).toEqual({
      total: 2,
      errors: [
        {
          line: 1,
          message:
            'colonne inconnue « points » (colonnes attendues : dossier_id, criterion_id, score et, au choix, version et rater).',
        },
        {
          line: 1,
          message: 'colonne manquante : score (en-tête attendu : dossier_id,criterion_id,score,rater).',
        },
      ],
    });
    const empty = await errorOf(await importCsv(examteam(), setId, '\r\n\r\n'), 400, 'invalid_csv');
    expect(empty.details).toEqual({ total: 1, errors: [{ line: 1, message: 'le fichier est vide.' }] });
    const headerOnly = await errorOf(
      await importCsv(examteam(), setId, 'dossier_id,criterion_id,score\n'),
      400,
      'invalid_csv',
    );
    expect(headerOnly.message).toContain("aucune ligne de notes après l'en-tête.");
    const quote = await errorOf(
      await importCsv(examteam(), setId, `dossier_id,criterion_id,score\n${ids[0]},"K1,3\n`),
      400,
      'invalid_csv',
    );
    expect(quote.details).toEqual({
      total: 1,
      errors: [{ line: 2, message: 'guillemet ouvert et jamais refermé : fin du fichier atteinte.' }],
    });
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);
    const binary = await errorOf(await importCsv(examteam(), setId, xlsx), 400, 'invalid_csv');
    expect(binary.message).toBe(
      "Le fichier n'est pas un CSV (texte) : exportez la feuille au format CSV, séparateur virgule ou point-virgule.",
    );
    await errorOf(
      await importCsv(examteam(), setId, '{"rows":[]}', 'application/json'),
      415,
      'unsupported_media_type',
    );
    const line = `${ids[0]},K1,3,jury\n`;
    const huge = `dossier_id,criterion_id,score,rater\n${line.repeat(Math.ceil((2 * 1024 * 1024) / line.length) + 1)}`;
    const tooBig = await errorOf(await importCsv(examteam(), setId, huge), 413, 'payload_too_large');
    expect(tooBig.message).toBe('Fichier trop volumineux : 2 Mo au plus. Découpez-le en plusieurs imports.');
    const [{ n }] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from calibration_scores',
    );
    expect(n).toBe(0);
  });

  it("imports the jury's scores (semicolons, two raters), audits it, and updates on re-import", async () => {
    const res = await importCsv(examteam(), setId, referenceCsv());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      imported: 60,
      created: 60,
      updated: 0,
      dossiers: 10,
      raters: ['jury', 'jury2'],
    });
    const again = await importCsv(
      examteam(),
      setId,
      `dossier_id,criterion_id,score,rater\n${ids[0]},${K[REAL30_CRITERIA[0]]},${REAL30_HUMAN[0]},jury\n`,
    );
    expect(await again.json()).toEqual({
      imported: 1,
      created: 0,
      updated: 1,
      dossiers: 1,
      raters: ['jury'],
    });

    const audits = await t.database.query<{ target_id: string; detail: Record<string, unknown> }>(
      `select target_id, detail from audit_log where action = 'calibration.import' order by created_at`,
    );
    expect(audits).toEqual([
      {
        target_id: setId,
        detail: { source: 'csv', rows: 60, updated: 0, dossiers: 10, raters: ['jury', 'jury2'] },
      },
      { target_id: setId, detail: { source: 'csv', rows: 1, updated: 1, dossiers: 1, raters: ['jury'] } },
    ]);
    const set = await sendJson(examteam(), 'GET', `/api/calibration/sets/${setId}`);
    expect(set.body).toMatchObject({
      name: 'Session <juin> 2026',
      examId: 'b1-audit-rse',
      scores: 60,
      raters: [
        { rater: 'jury', source: 'csv', scores: 30 },
        { rater: 'jury2', source: 'csv', scores: 30 },
      ],
      runs: [],
    });
    expect(set.body.dossiers).toHaveLength(10);
    expect(
      set.body.dossiers.every(
        (d: { scores: number; latestVersion: number }) => d.scores === 6 && d.latestVersion === 1,
      ),
    ).toBe(true);
  });
});

describe('runs and agreement', () => {
  it('runs v1 over the set through the review queue and reports progress', async () => {
    const started = await sendJson(examteam(), 'POST', `/api/calibration/sets/${setId}/runs`, {
      rubricVersion: 'v1',
    });
    expect(started.status).toBe(202);
    const run = started.body as RunSummary;
    expect(run).toMatchObject({ setId, examId: 'b1-audit-rse', rubricVersion: 'v1', rubricVersionId: null });
    expect(run.provider).toBe('offline');
    expect(run.progress.total).toBe(10);
    runId = run.id;
    await t.settle();
    const done = await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}`);
    expect(done.body.status).toBe('done');
    expect(done.body.progress).toEqual({ total: 10, queued: 0, running: 0, done: 10, failed: 0 });

    // The fixture's AI scores in place of the offline analyzer's, for criteria K1–K3.
    const items = await t.database.query<{ dossier_id: string; review_id: string }>(
      'select dossier_id, review_id from calibration_run_reviews where run_id = $1',
      [runId],
    );
    expect(items).toHaveLength(10);
    for (const item of items) {
      const d = ids.indexOf(item.dossier_id);
      const want = new Map<string, number>();
      for (let k = 3 * d; k < 3 * d + 3; k++) want.set(K[REAL30_CRITERIA[k % 3]], REAL30_AI[k]);
      const [row] = await t.database.query<{ report: { criteria: { id: string; score: number }[] } }>(
        'select report from reviews where id = $1',
        [item.review_id],
      );
      const report = row.report;
      report.criteria = report.criteria.map((c) => {
        const score = want.get(c.id);
        return score === undefined ? c : { ...c, status: 'done', score, level: LEVELS[score] };
      });
      await t.database.query('update reviews set report = $1::jsonb where id = $2', [
        JSON.stringify(report),
        item.review_id,
      ]);
    }
  });

  it('gives the reference metrics per criterion and overall, the confusion matrix, and human–human agreement', async () => {
    const res = await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}/agreement`);
    expect(res.status).toBe(200);
    const result = res.body as RunAgreement;
    expect(result.rater).toBe('jury');
    expect(result.raters).toEqual(['jury', 'jury2']);
    expect(result.scale).toEqual({ min: 0, max: 4 });
    expectSummary(result.overall, REAL30_OVERALL);
    expect(result.overall.qwk).toBeCloseTo(0.7052740434332989, 9);
    expect(result.confusion).toEqual(REAL30_EXTRA.confusion);
    expect(result.criteria.map((c) => c.id)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7']);
    expectSummary(result.criteria[0].metrics, REAL30_BY_CRITERION.C1);
    expectSummary(result.criteria[1].metrics, REAL30_BY_CRITERION.C2);
    expectSummary(result.criteria[2].metrics, REAL30_BY_CRITERION.C3);
    expect(result.criteria[3].metrics.n).toBe(0);
    expect(result.criteria[3].metrics.qwk).toBeNull();
    expect(result.criteria[3].humanHuman).toBeNull();
    // Each criterion's matrix adds up to its pairs, and the three add up to the overall one.
    const sum = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);
    expect(result.criteria.map((c) => sum(c.confusion))).toEqual([10, 10, 10, 0, 0, 0, 0]);
    // jury2 gave the fixture's AI scores: jury vs jury2 is the same reference, second rater in the AI's place.
    expect(result.humanHuman?.raters).toEqual(['jury', 'jury2']);
    expectSummary(result.humanHuman?.overall as AgreementSummary, REAL30_OVERALL);
    expectSummary(result.criteria[1].humanHuman as AgreementSummary, REAL30_BY_CRITERION.C2);
    expect(result.coverage).toEqual({
      dossiers: 10,
      reviewed: 10,
      pending: 0,
      failed: 0,
      humanScores: 30,
      withoutAi: 0,
    });

    // Same module as POST /api/calibration/agreement (and the evals).
    const pairs = REAL30_HUMAN.map((human, k) => ({
      criterionId: K[REAL30_CRITERIA[k % 3]],
      human,
      ai: REAL30_AI[k],
    }));
    const direct = await sendJson(examteam(), 'POST', '/api/calibration/agreement', {
      min: 0,
      max: 4,
      pairs,
    });
    expectSummary(result.overall, direct.body.overall);
    expectSummary(result.criteria[0].metrics, direct.body.criteria.K1);

    // Against jury2 (who agrees with the AI everywhere): perfect agreement.
    const second = (await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}/agreement?rater=jury2`))
      .body;
    expect(second.rater).toBe('jury2');
    expect(second.overall).toMatchObject({ n: 30, exact: 1, mae: 0, bias: 0, qwk: 1 });
    const unknown = await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}/agreement?rater=jury9`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'Correcteur inconnu dans ce jeu : jury9 (présents : jury, jury2).',
    );
  });

  it('drills down from a cell of the matrix to the dossiers and the evidence the AI kept', async () => {
    const expected = REAL30_HUMAN.flatMap((human, k) =>
      K[REAL30_CRITERIA[k % 3]] === 'K2' && human === 1 && REAL30_AI[k] === 2 ? [ids[Math.floor(k / 3)]] : [],
    );
    expect(expected.length).toBeGreaterThan(0);
    const res = await sendJson(
      examteam(),
      'GET',
      `/api/calibration/runs/${runId}/items?criterionId=K2&human=1&ai=2`,
    );
    expect(res.status).toBe(200);
    expect(res.body.map((i: { dossierId: string }) => i.dossierId).sort()).toEqual([...expected].sort());
    const item = res.body[0];
    expect(item).toMatchObject({ criterionId: 'K2', human: 1, ai: 2, rater: 'jury', version: 1 });
    expect(item.candidate).toMatch(/Candidat$/);
    expect(item.reviewId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Array.isArray(item.evidence)).toBe(true);
    expect(typeof item.rationale).toBe('string');
    // The review behind it opens for the exam team (same organisation).
    expect((await sendJson(examteam(), 'GET', `/api/reviews/${item.reviewId}`)).status).toBe(200);

    const all = await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}/items`);
    expect(all.body).toHaveLength(30);
    // Largest disagreements first within a criterion.
    const k1 = all.body.filter((i: { criterionId: string }) => i.criterionId === 'K1');
    const gaps = k1.map((i: { human: number; ai: number }) => Math.abs(i.ai - i.human));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect((await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}/items?human=7`)).status).toBe(
      400,
    );
  });

  it('compares two rubric versions on the set: both run, side by side, what changed per criterion', async () => {
    const v1 = (await sendJson(examteam(), 'GET', '/api/calibration/rubrics/b1-audit-rse/v1')).body.rubric;
    const criteria = structuredClone(v1.criteria);
    criteria[0].weight = 2;
    criteria[0].text = 'Les objectifs RSE sont SMART et reposent sur des critères ESG illustrés.';
    expect(
      (await sendJson(examteam(), 'POST', '/api/calibration/rubrics/b1-audit-rse', { criteria })).status,
    ).toBe(201);

    const same = await sendJson(examteam(), 'POST', `/api/calibration/sets/${setId}/compare`, {
      a: 'v2',
      b: 'v2',
    });
    expect(same.status).toBe(400);
    const started = await sendJson(examteam(), 'POST', `/api/calibration/sets/${setId}/compare`, {
      a: 'v1',
      b: 'v2',
    });
    expect(started.status).toBe(202);
    expect(started.body.a.rubricVersion).toBe('v1');
    expect(started.body.b.rubricVersion).toBe('v2');
    await t.settle();

    const res = await sendJson(
      examteam(),
      'GET',
      `/api/calibration/compare?a=${started.body.a.id}&b=${started.body.b.id}`,
    );
    expect(res.status).toBe(200);
    const comparison = res.body;
    // v1's reviews are the ones already paid for (same dossier, rubric, prompt and model): reused.
    expectSummary(comparison.a.overall, REAL30_OVERALL);
    expect(comparison.b.run.status).toBe('done');
    expect(comparison.b.run.progress.done).toBe(10);
    expect(comparison.differs).toEqual({ rubric: true, prompt: false, provider: false, model: false });
    expect(comparison.rubricDiff.criteria).toEqual([
      {
        id: 'K1',
        changes: [
          { field: 'text', before: v1.criteria[0].text, after: criteria[0].text },
          { field: 'weight', before: 1, after: 2 },
        ],
      },
    ]);
    const k1 = comparison.criteria[0];
    expect(k1.id).toBe('K1');
    expect(k1.rubricChanges).toHaveLength(2);
    expect(comparison.criteria[1].rubricChanges).toEqual([]);
    expect(k1.aiScores.compared).toBe(10);
    const qwkA = k1.a.qwk as number;
    const qwkB = k1.b.qwk;
    expect(k1.delta.qwk).toBe(qwkB === null ? null : qwkB - qwkA);
    // B's side is exactly B's own agreement.
    const own = (await sendJson(examteam(), 'GET', `/api/calibration/runs/${started.body.b.id}/agreement`))
      .body;
    expect(comparison.b.overall).toEqual(own.overall);
    expect(comparison.b.criteria[0].metrics).toEqual(k1.b);
    // The overall score and the verdicts, read straight from both runs' reviews.
    const overallOf = async (run: string) =>
      new Map(
        (
          await t.database.query<{ dossier_id: string; overall: { score: number; ready: string } }>(
            `select rr.dossier_id, r.report->'overall' as overall from calibration_run_reviews rr
             join reviews r on r.id = rr.review_id where rr.run_id = $1`,
            [run],
          )
        ).map((r) => [r.dossier_id, r.overall]),
      );
    const before = await overallOf(started.body.a.id);
    const after = await overallOf(started.body.b.id);
    const changed = [...before].filter(([id, o]) => after.get(id)?.ready !== o.ready).length;
    const delta = [...before].reduce((sum, [id, o]) => sum + ((after.get(id)?.score ?? 0) - o.score), 0) / 10;
    expect(comparison.overall).toMatchObject({ compared: 10, verdictChanged: changed });
    expect(comparison.overall.meanDelta).toBeCloseTo(delta, 10);
    // K1 now weighs double: the overall scores move although no criterion score can.
    expect(comparison.overall.up + comparison.overall.down).toBeGreaterThan(0);
    // v2 served reviews: it is frozen now.
    const v2 = (await sendJson(examteam(), 'GET', '/api/calibration/rubrics/b1-audit-rse/v2')).body;
    expect(v2.used).toBe(true);
  });

  it('exports the scores and the agreement as CSV, and a printable report', async () => {
    const scores = await examteam().request(`/api/calibration/runs/${runId}/scores.csv`);
    expect(scores.status).toBe(200);
    expect(scores.headers.get('content-disposition')).toBe(
      'attachment; filename="calibration-b1-audit-rse-v1-scores.csv"',
    );
    const records = parseCsv(await scores.text()).records.map((r) => r.cells);
    expect(records[0]).toEqual(SCORES_HEADER);
    expect(records).toHaveLength(61);
    const row = records.find((r) => r[0] === ids[0] && r[4] === K[REAL30_CRITERIA[0]] && r[5] === 'jury');
    expect(row?.slice(2, 4)).toEqual(['1', 'dossier.md']);
    expect(row?.slice(6, 9)).toEqual([String(REAL30_HUMAN[0]), String(REAL30_AI[0]), 'v1']);

    const agreement = await examteam().request(`/api/calibration/runs/${runId}/agreement.csv`);
    const table = parseCsv(await agreement.text()).records.map((r) => r.cells);
    expect(table[0]).toEqual(AGREEMENT_HEADER);
    const global = table.find((r) => r[0] === 'ia_vs_jury' && r[1] === 'global') as string[];
    expect(Number(global[2])).toBe(30);
    expect(Number(global[3])).toBeCloseTo(REAL30_OVERALL.qwk as number, 9);
    expect(Number(global[12])).toBeLessThan(Number(global[3]));
    expect(Number(global[13])).toBeGreaterThan(Number(global[3]));
    expect(global.slice(16)).toEqual(['20', 'oui']);
    expect(Number(global[9])).toBeCloseTo(REAL30_OVERALL.bias as number, 9);
    const k4 = table.find((r) => r[0] === 'ia_vs_jury' && r[1] === 'K4') as string[];
    expect(k4.slice(2, 4)).toEqual(['0', '']);
    expect(table.some((r) => r[0] === 'jury2_vs_jury' && r[1] === 'global')).toBe(true);

    const runs = (await sendJson(examteam(), 'GET', `/api/calibration/sets/${setId}`)).body
      .runs as RunSummary[];
    const v2Run = runs.find((r) => r.rubricVersion === 'v2') as RunSummary;
    const html = await examteam().request(`/api/calibration/runs/${runId}/report.html?against=${v2Run.id}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('<title>Rapport de calibration — Audit RSE</title>');
    expect(page).toContain('Jeu « Session &lt;juin&gt; 2026 »');
    expect(page).not.toContain('<juin>');
    expect(page).toContain('Comparaison : v1 (A) et v2 (B)');
    expect(page).toContain('Matrices de confusion');
    expect(page).toContain('0,71');
    expect(page).not.toMatch(/<script/i);
  });

  it("adds trainers' decisions as a rater of their own", async () => {
    const items = await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}/items?criterionId=K1`);
    // A dossier of the first candidate (cohort A, followed by the trainer).
    const mine = items.body.find((i: { dossierId: string }) => ids.indexOf(i.dossierId) % 2 === 0);
    const decided = await sendJson(
      t.as('trainer'),
      'POST',
      `/api/reviews/${mine.reviewId}/criteria/K1/decision`,
      {
        score: mine.ai === 4 ? 3 : mine.ai + 1,
        reason: 'evidence_missed',
        comment: 'Objectifs chiffrés en annexe.',
      },
    );
    expect(decided.status).toBe(201);
    const gathered = await sendJson(examteam(), 'POST', `/api/calibration/sets/${setId}/trainer-scores`);
    expect(gathered.status).toBe(200);
    expect(gathered.body).toEqual({ imported: 1, dossiers: 1, rater: 'formateur' });
    const set = (await sendJson(examteam(), 'GET', `/api/calibration/sets/${setId}`)).body;
    expect(set.raters).toEqual([
      { rater: 'jury', source: 'csv', scores: 30 },
      { rater: 'jury2', source: 'csv', scores: 30 },
      { rater: 'formateur', source: 'trainer', scores: 1 },
    ]);
    const agreement = (
      await sendJson(examteam(), 'GET', `/api/calibration/runs/${runId}/agreement?rater=formateur`)
    ).body as RunAgreement;
    expect(agreement.overall.n).toBe(1);
    expect(agreement.overall.mae).toBe(1);
  });
});

describe('errors and scope', () => {
  it('refuses a run on an empty set, an unknown version, and comparing runs of two sets', async () => {
    const empty = await sendJson(examteam(), 'POST', '/api/calibration/sets', {
      name: 'Vide',
      examId: 'b1-audit-rse',
    });
    const refused = await sendJson(examteam(), 'POST', `/api/calibration/sets/${empty.body.id}/runs`, {
      rubricVersion: 'v1',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('empty_set');
    const unknown = await sendJson(examteam(), 'POST', `/api/calibration/sets/${setId}/runs`, {
      rubricVersion: 'v9',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Version de grille introuvable : b1-audit-rse v9');

    await importCsv(examteam(), empty.body.id, `dossier_id,criterion_id,score\n${ids[0]},K1,2\n`);
    const other = await sendJson(examteam(), 'POST', `/api/calibration/sets/${empty.body.id}/runs`, {
      rubricVersion: 'v1',
    });
    expect(other.status).toBe(202);
    await t.settle();
    const mixed = await sendJson(examteam(), 'GET', `/api/calibration/compare?a=${runId}&b=${other.body.id}`);
    expect(mixed.status).toBe(422);
    expect(mixed.body.error.code).toBe('not_comparable');

    expect(
      (await sendJson(examteam(), 'POST', '/api/calibration/sets', { name: 'X', examId: 'b9-inconnue' }))
        .status,
    ).toBe(422);
    expect(
      (await sendJson(examteam(), 'POST', '/api/calibration/sets', { name: '', examId: 'b1-audit-rse' }))
        .status,
    ).toBe(400);
    expect((await sendJson(examteam(), 'DELETE', `/api/calibration/sets/${empty.body.id}`)).status).toBe(204);
    expect((await sendJson(examteam(), 'GET', `/api/calibration/sets/${empty.body.id}`)).status).toBe(404);
    expect((await sendJson(examteam(), 'GET', '/api/calibration/sets/pas-un-id')).status).toBe(400);
  });

  it("never shows another organisation's sets, runs or scores, and is closed to other roles", async () => {
    expect((await sendJson(stranger, 'GET', '/api/calibration/sets')).body).toEqual([]);
    const paths = [
      `/api/calibration/sets/${setId}`,
      `/api/calibration/sets/${setId}/template.csv`,
      `/api/calibration/runs/${runId}`,
      `/api/calibration/runs/${runId}/agreement`,
      `/api/calibration/runs/${runId}/items`,
      `/api/calibration/runs/${runId}/scores.csv`,
      `/api/calibration/runs/${runId}/agreement.csv`,
      `/api/calibration/runs/${runId}/report.html`,
      `/api/calibration/compare?a=${runId}&b=${runId}`,
    ];
    for (const path of paths) {
      const res = await sendJson(stranger, 'GET', path);
      expect([path, res.status]).toEqual([path, 404]);
    }
    await errorOf(await importCsv(stranger, setId, referenceCsv()), 404, 'not_found');
    expect(
      (await sendJson(stranger, 'POST', `/api/calibration/sets/${setId}/runs`, { rubricVersion: 'v1' }))
        .status,
    ).toBe(404);
    expect((await sendJson(stranger, 'POST', `/api/calibration/sets/${setId}/trainer-scores`)).status).toBe(
      404,
    );
    expect((await sendJson(stranger, 'DELETE', `/api/calibration/sets/${setId}`)).status).toBe(404);
    expect((await sendJson(stranger, 'GET', '/api/calibration/dossiers?examId=b1-audit-rse')).body).toEqual([
      expect.objectContaining({ id: otherOrgDossier }),
    ]);
    // Their own set cannot take our dossiers either.
    const theirs = await sendJson(stranger, 'POST', '/api/calibration/sets', {
      name: 'Leur jeu',
      examId: 'b1-audit-rse',
    });
    const error = await errorOf(
      await importCsv(stranger, theirs.body.id, `dossier_id,criterion_id,score\n${ids[0]},K1,2\n`),
      400,
      'invalid_csv',
    );
    expect(error.details).toEqual({
      total: 1,
      errors: [{ line: 2, message: `dossier inconnu dans votre organisme : ${ids[0]}.` }],
    });

    expect((await sendJson(t.as('admin'), 'GET', `/api/calibration/runs/${runId}/agreement`)).status).toBe(
      200,
    );
    for (const who of ['candidate', 'trainer'] as const) {
      expect((await sendJson(t.as(who), 'GET', `/api/calibration/sets/${setId}`)).status).toBe(403);
      expect((await importCsv(t.as(who), setId, referenceCsv())).status).toBe(403);
    }
    expect((await sendJson(t.anonymous, 'GET', `/api/calibration/runs/${runId}/agreement`)).status).toBe(401);
  });
});
