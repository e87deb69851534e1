/**
 * Rubric versions through the API: v1 built in, new versions edited from another, validated against the
 * exam, audited, diffed, activated, frozen once used — and the review engine grading with the active one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readEvalCase, sendJson, type TestClient, uploadDossier } from '../../testing';
import { appForTests } from '../../testing/for-tests';
import type { Rubric } from '../reviews/rubric';

const STRONG = readEvalCase('b1-audit-rse/strong.md');
const BASE = '/api/calibration/rubrics/b1-audit-rse';

const t = appForTests();
let stranger: TestClient;
let dossierId: string;

const examteam = () => t.as('examteam');

async function v1(): Promise<Rubric> {
  const res = await sendJson(examteam(), 'GET', `${BASE}/v1`);
  expect(res.status).toBe(200);
  return res.body.rubric;
}

beforeAll(async () => {
  stranger = await t.outsider('examteam');
  dossierId = await uploadDossier(t.app, STRONG, 'b1-audit-rse', 'audit.md');
});

describe('rubric versions', () => {
  it('lists the built-in v1, active and frozen, and serves it whole', async () => {
    const list = await sendJson(examteam(), 'GET', BASE);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        id: null,
        examId: 'b1-audit-rse',
        version: 'v1',
        builtin: true,
        active: true,
        used: true,
        firstUsedAt: null,
        basedOn: null,
        note: null,
        createdBy: null,
        createdAt: null,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const rubric = await v1();
    expect(rubric.criteria.map((c) => c.id)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7']);
    expect(rubric.criteria.every((c) => c.weight === 1 && c.anchors.length === 0)).toBe(true);
  });

  it('creates v2 from v1 (wording, weight, a descriptor, anchors), audited, and diffs it', async () => {
    const rubric = await v1();
    const criteria = structuredClone(rubric.criteria);
    criteria[0].weight = 3;
    criteria[0].descriptors[2] = 'Objectifs formulés mais non SMART, rattachés en partie aux critères ESG.';
    criteria[0].anchors = [
      { score: 1, excerpt: 'Nous voulons être plus responsables.' },
      { score: 3, excerpt: 'Réduire de 20 % les émissions de CO₂ des livraisons d’ici 2027.' },
    ];
    criteria[1].text =
      'Les obligations réglementaires applicables sont identifiées et reprises dans le plan.';
    // Sent out of order: stored in the exam's order.
    const res = await sendJson(examteam(), 'POST', BASE, {
      basedOn: 'v1',
      note: 'Pondérer les objectifs, ancrer les niveaux 1 et 3.',
      criteria: [...criteria].reverse(),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      examId: 'b1-audit-rse',
      version: 'v2',
      builtin: false,
      active: false,
      used: false,
      basedOn: 'v1',
      note: 'Pondérer les objectifs, ancrer les niveaux 1 et 3.',
      createdBy: 'Étienne Équipe-examen',
    });
    expect(res.body.rubric.version).toBe('v2');
    expect(res.body.rubric.criteria).toEqual(criteria);

    const [entry] = await t.database.query<{ action: string; target_id: string; detail: unknown }>(
      `select action, target_id, detail from audit_log where action = 'rubric.change'`,
    );
    expect(entry).toEqual({
      action: 'rubric.change',
      target_id: res.body.id,
      detail: {
        change: 'create',
        examId: 'b1-audit-rse',
        version: 'v2',
        basedOn: 'v1',
        criteria: ['K1', 'K2'],
      },
    });

    const diff = await sendJson(examteam(), 'GET', `${BASE}/diff?from=v1&to=v2`);
    expect(diff.status).toBe(200);
    expect(diff.body.identical).toBe(false);
    expect(diff.body.criteria.map((c: { id: string }) => c.id)).toEqual(['K1', 'K2']);
    expect(diff.body.criteria[0].changes.map((c: { field: string }) => c.field)).toEqual([
      'weight',
      'descriptor',
      'anchor',
      'anchor',
    ]);
    expect(diff.body.criteria[1].changes).toEqual([
      { field: 'text', before: rubric.criteria[1].text, after: criteria[1].text },
    ]);

    const list = await sendJson(examteam(), 'GET', BASE);
    expect(list.body.map((v: { version: string }) => v.version)).toEqual(['v1', 'v2']);
  });

  it('refuses what cannot be a version: unchanged, incomplete, unknown criterion, taken label, bad input', async () => {
    const rubric = await v1();
    const unchanged = await sendJson(examteam(), 'POST', BASE, { basedOn: 'v1', criteria: rubric.criteria });
    expect(unchanged).toEqual({
      status: 422,
      body: {
        error: {
          code: 'rubric_unchanged',
          message: 'Aucune modification par rapport à v1 : rien à enregistrer.',
        },
      },
    });

    const missing = await sendJson(examteam(), 'POST', BASE, { criteria: rubric.criteria.slice(0, 6) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('Grille invalide : critère absent de la grille : K7.');

    const unknown = structuredClone(rubric.criteria);
    unknown[6].id = 'K9';
    const res = await sendJson(examteam(), 'POST', BASE, { criteria: unknown });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "Grille invalide : critère absent de la grille : K7 ; critère inconnu de l'épreuve : K9.",
    );

    const changed = structuredClone(rubric.criteria);
    changed[3].weight = 2;
    const taken = await sendJson(examteam(), 'POST', BASE, { version: 'v2', criteria: changed });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('version_exists');

    const badWeight = structuredClone(rubric.criteria);
    badWeight[0].weight = -1;
    const invalid = await sendJson(examteam(), 'POST', BASE, { criteria: badWeight });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_request');

    const badAnchor = structuredClone(rubric.criteria);
    badAnchor[0].anchors = [{ score: 5, excerpt: 'x' }];
    expect((await sendJson(examteam(), 'POST', BASE, { criteria: badAnchor })).status).toBe(400);

    const badLabel = await sendJson(examteam(), 'POST', BASE, { version: 'deux', criteria: changed });
    expect(badLabel.status).toBe(400);

    const noExam = await sendJson(examteam(), 'POST', '/api/calibration/rubrics/b9-inconnue', {
      criteria: changed,
    });
    expect(noExam.status).toBe(404);
    expect(noExam.body.error.message).toBe('Épreuve introuvable : b9-inconnue');

    const notJson = await examteam().request(BASE, { method: 'POST', body: 'criteria=1' });
    expect(notJson.status).toBe(415);

    const unknownBase = await sendJson(examteam(), 'POST', BASE, { basedOn: 'v7', criteria: changed });
    expect(unknownBase.status).toBe(404);

    const v1Edit = await sendJson(examteam(), 'PUT', `${BASE}/v1`, { criteria: changed });
    expect(v1Edit.status).toBe(409);
    expect(v1Edit.body.error.code).toBe('rubric_immutable');

    // Nothing of the above was stored.
    const list = await sendJson(examteam(), 'GET', BASE);
    expect(list.body.map((v: { version: string }) => v.version)).toEqual(['v1', 'v2']);
  });

  it('edits an unused version, grades candidates with the active one, then freezes it', async () => {
    const v2 = (await sendJson(examteam(), 'GET', `${BASE}/v2`)).body;
    const criteria = structuredClone(v2.rubric.criteria);
    criteria[2].weight = 2;
    const edited = await sendJson(examteam(), 'PUT', `${BASE}/v2`, { note: 'K3 compte double.', criteria });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 'v2', used: false, note: 'K3 compte double.' });
    expect(edited.body.rubric.criteria[2].weight).toBe(2);

    const activated = await sendJson(examteam(), 'POST', `${BASE}/v2/activate`);
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ version: 'v2', active: true, used: false });
    const list = (await sendJson(examteam(), 'GET', BASE)).body as { version: string; active: boolean }[];
    expect(list.map((v) => [v.version, v.active])).toEqual([
      ['v1', false],
      ['v2', true],
    ]);

    // The candidate's review is graded with v2: its version, weights and the review row say so.
    const requested = await sendJson(t.app, 'POST', `/api/dossiers/${dossierId}/versions/1/reviews`);
    expect(requested.status).toBe(202);
    await t.settle();
    const review = await sendJson(t.app, 'GET', `/api/reviews/${requested.body.id}`);
    expect(review.body.status).toBe('done');
    expect(review.body.report.rubricVersion).toBe('v2');
    const weights = Object.fromEntries(
      review.body.report.criteria.map((c: { id: string; weight: number }) => [c.id, c.weight]),
    );
    expect(weights).toMatchObject({ K1: 3, K2: 1, K3: 2 });
    const [row] = await t.database.query<{ rubric_version_id: string }>(
      'select rubric_version_id from reviews where id = $1',
      [requested.body.id],
    );
    expect(row.rubric_version_id).toBe(v2.id);
    // Candidates and trainers read the levels of the version their review was graded with.
    const read = await sendJson(t.app, 'GET', `/api/reviews/${requested.body.id}/rubric`);
    expect(read.status).toBe(200);
    expect(read.body.version).toBe('v2');
    expect(read.body.criteria[0]).toEqual({
      id: 'K1',
      descriptors: v2.rubric.criteria[0].descriptors,
      anchors: [
        { score: 1, excerpt: 'Nous voulons être plus responsables.' },
        { score: 3, excerpt: 'Réduire de 20 % les émissions de CO₂ des livraisons d’ici 2027.' },
      ],
    });
    expect(read.body.criteria[0].descriptors[2]).toBe(
      'Objectifs formulés mais non SMART, rattachés en partie aux critères ESG.',
    );
    expect(read.body.scale.map((s: { level: string }) => s.level)).toEqual([
      'absent',
      'insuffisant',
      'partiel',
      'satisfaisant',
      'excellent',
    ]);

    const frozen = (await sendJson(examteam(), 'GET', `${BASE}/v2`)).body;
    expect(frozen.used).toBe(true);
    expect(frozen.firstUsedAt).toMatch(/^\d{4}-/);
    const refused = await sendJson(examteam(), 'PUT', `${BASE}/v2`, { criteria });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'rubric_used',
      message:
        'La version v2 a déjà servi à des analyses : elle ne peut plus changer. Créez une nouvelle version.',
    });

    // Back to v1: the next review is a new one, graded with the default rubric.
    expect((await sendJson(examteam(), 'POST', `${BASE}/v1/activate`)).status).toBe(200);
    const again = await sendJson(t.app, 'POST', `/api/dossiers/${dossierId}/versions/1/reviews`);
    expect(again.body.reused).toBe(false);
    await t.settle();
    const second = await sendJson(t.app, 'GET', `/api/reviews/${again.body.id}`);
    expect(second.body.report.rubricVersion).toBe('v1');
    const defaults = await sendJson(t.app, 'GET', `/api/reviews/${again.body.id}/rubric`);
    expect(defaults.body.version).toBe('v1');
    expect(defaults.body.criteria[0].descriptors[2]).not.toBe(read.body.criteria[0].descriptors[2]);
    expect(defaults.body.criteria[0].anchors).toEqual([]);

    const changes = await t.database.query<{ detail: { change: string; version: string } }>(
      `select detail from audit_log where action = 'rubric.change' order by created_at`,
    );
    expect(changes.map((c) => `${c.detail.change} ${c.detail.version}`)).toEqual([
      'create v2',
      'update v2',
      'activate v2',
      'activate v1',
    ]);
  });

  it("keeps each organisation's versions to itself, and the routes to the exam team and admins", async () => {
    const theirs = await sendJson(stranger, 'GET', BASE);
    expect(theirs.body.map((v: { version: string }) => v.version)).toEqual(['v1']);
    expect((await sendJson(stranger, 'GET', `${BASE}/v2`)).status).toBe(404);
    expect((await sendJson(stranger, 'POST', `${BASE}/v2/activate`)).status).toBe(404);
    expect((await sendJson(t.as('admin'), 'GET', `${BASE}/v2`)).status).toBe(200);
    for (const who of ['candidate', 'trainer'] as const) {
      expect((await sendJson(t.as(who), 'GET', BASE)).status).toBe(403);
    }
    expect((await sendJson(t.anonymous, 'GET', BASE)).status).toBe(401);
  });
});
