import { beforeAll, describe, expect, it } from 'vitest';
import { readEvalCase, requestReview, tableCounts, uploadDossier } from '../../testing';
import { appForTests } from '../../testing/for-tests';
import { queueSignals } from './service';

const t = appForTests();
const ids: Record<string, { dossierId: string; reviewId: string }> = {};

async function seed(user: 'candidate' | 'candidate2', name: string, text: string) {
  const dossierId = await uploadDossier(t.as(user), text, 'b1-audit-rse', `${name}.md`);
  ids[name] = { dossierId, reviewId: await requestReview(t.as(user), dossierId) };
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  await seed('candidate', 'strong', readEvalCase('b1-audit-rse/strong.md'));
  await seed('candidate', 'injected', readEvalCase('adversarial/injection-visible.md'));
  await seed('candidate2', 'other-cohort', readEvalCase('b1-audit-rse/weak.md'));
  await t.settle();
}, 120_000);

describe('GET /api/trainer/queue', () => {
  it('lists the reviews of the cohorts the trainer follows, injected instructions first', async () => {
    const res = await t.as('trainer').request('/api/trainer/queue');
    expect(res.status).toBe(200);
    const queue = await res.json();
    expect(queue.map((q: { reviewId: string }) => q.reviewId)).toEqual([
      ids.injected.reviewId,
      ids.strong.reviewId,
    ]);
    expect(queue[0]).toMatchObject({
      candidate: 'Camille Candidat',
      examId: 'b1-audit-rse',
      cohort: { name: 'Promotion A' },
      status: 'done',
      checked: false,
      decisions: 0,
    });
    expect(queue[0].flags[0]).toBe('prompt_injection');
    expect(queue[0].priority).toBeGreaterThan(queue[1].priority);
  });

  it('filters by flag, exam and candidate', async () => {
    const byFlag = await (await t.as('trainer').request('/api/trainer/queue?flag=prompt_injection')).json();
    expect(byFlag.map((q: { reviewId: string }) => q.reviewId)).toEqual([ids.injected.reviewId]);
    const byExam = await (
      await t.as('trainer').request('/api/trainer/queue?examId=b4-negociation-complexe')
    ).json();
    expect(byExam).toEqual([]);
    const badFlag = await t.as('trainer').request('/api/trainer/queue?flag=nope');
    expect(badFlag.status).toBe(400);
  });
});

describe('queueSignals', () => {
  it('weighs a review that failed above one with only low confidence', () => {
    expect(queueSignals('failed', null)).toEqual({ flags: ['review_failed'], priority: 60 });
  });
});

describe('POST /api/reviews/:id/criteria/:criterionId/decision', () => {
  it('records an override beside the AI score, which is never overwritten, and shows it to the candidate', async () => {
    const { reviewId } = ids.injected;
    const before = await (await t.app.request(`/api/reviews/${reviewId}`)).json();
    const k1 = before.report.criteria.find((c: { id: string }) => c.id === 'K1');
    const newScore = k1.score === 0 ? 1 : k1.score - 1;
    const res = await t.as('trainer').request(
      `/api/reviews/${reviewId}/criteria/K1/decision`,
      json({
        score: newScore,
        reason: 'evidence_overrated',
        comment: 'Le tableau ESG décrit sans analyser.',
      }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      criterionId: 'K1',
      aiScore: k1.score,
      score: newScore,
      by: 'Florence Formatrice',
    });

    const after = await (await t.app.request(`/api/reviews/${reviewId}`)).json();
    const annotated = after.report.criteria.find((c: { id: string }) => c.id === 'K1');
    expect(annotated.score).toBe(k1.score);
    expect(annotated.decision).toMatchObject({
      score: newScore,
      reason: 'evidence_overrated',
      by: 'Florence Formatrice',
    });
    // The AI's headline is untouched; the adjusted one sits beside it, K1 at the trainer's score.
    expect(after.report.overall).toEqual(before.report.overall);
    const weighted = (after.report.criteria as { id: string; score: number; weight: number }[]).map((c) => ({
      weight: c.weight,
      score: c.id === 'K1' ? newScore : c.score,
    }));
    const expected =
      weighted.reduce((sum, c) => sum + c.weight * c.score, 0) /
      weighted.reduce((sum, c) => sum + c.weight, 0);
    expect(after.report.overallAfterTrainer).toMatchObject({ decided: 1, total: 7 });
    expect(after.report.overallAfterTrainer.score).toBeCloseTo(expected, 2);
    expect(Math.sign(after.report.overallAfterTrainer.score - before.report.overall.score)).toBe(
      Math.sign(newScore - k1.score),
    );
    expect(before.report.overallAfterTrainer).toBeUndefined();
    const stored = await t.database.query<{
      report: { criteria: { id: string; score: number; decision?: unknown }[] };
    }>('select report from reviews where id = $1', [reviewId]);
    expect(stored[0].report.criteria.find((c) => c.id === 'K1')).toMatchObject({ score: k1.score });
    expect(stored[0].report.criteria.find((c) => c.id === 'K1')?.decision).toBeUndefined();
    const md = await (await t.app.request(`/api/reviews/${reviewId}/report.md`)).text();
    expect(md).toContain('Vérifié par votre formateur');
    expect(md).toContain('Preuves surévaluées');

    // A later decision supersedes the earlier one on the report; both stay in the history.
    await t
      .as('trainer')
      .request(`/api/reviews/${reviewId}/criteria/K1/decision`, json({ score: k1.score, reason: 'agree' }));
    const latest = await (await t.app.request(`/api/reviews/${reviewId}/decisions`)).json();
    expect(latest.decisions).toEqual([
      expect.objectContaining({ criterionId: 'K1', score: k1.score, reason: 'agree' }),
    ]);
    expect((await tableCounts(t.database)).review_decisions).toBe(2);
    // The audit log has both, with scores and reasons.
    const audit = await (await t.as('admin').request('/api/admin/audit?action=review.decision')).json();
    expect(audit.total).toBe(2);
    // Named, not raw ids: the review's exam, candidate and version, with a link to it.
    expect(audit.entries[0]).toMatchObject({ targetHref: `/revues/${reviewId}` });
    expect(audit.entries[0].targetLabel).toMatch(/^b1-audit-rse · .+ · v1$/);
  });

  it('refuses bad decisions with clear 4xx errors and writes nothing', async () => {
    const { reviewId } = ids.strong;
    const k2 = (await (await t.app.request(`/api/reviews/${reviewId}`)).json()).report.criteria.find(
      (c: { id: string }) => c.id === 'K2',
    );
    const before = (await tableCounts(t.database)).review_decisions;
    const cases: [unknown, number, string?][] = [
      [{ score: (k2.score + 1) % 5, reason: 'agree' }, 400, 'invalid_request'],
      [{ score: 2, reason: 'other' }, 400, 'invalid_request'],
      [{ score: 5, reason: 'rubric_misapplied' }, 400],
      [{ score: 2, reason: 'because' }, 400],
      [{ score: 2.5, reason: 'rubric_misapplied' }, 400],
      [{ score: 2, reason: 'rubric_misapplied', extra: true }, 400],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.as('trainer').request(`/api/reviews/${reviewId}/criteria/K2/decision`, json(body));
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect((await res.json()).error.code).toBe(code);
    }
    const unknown = await t
      .as('trainer')
      .request(`/api/reviews/${reviewId}/criteria/K99/decision`, json({ score: 2, reason: 'agree' }));
    expect(unknown.status).toBe(404);
    const notJson = await t.as('trainer').request(`/api/reviews/${reviewId}/criteria/K2/decision`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'score=2',
    });
    expect(notJson.status).toBe(415);
    expect((await tableCounts(t.database)).review_decisions).toBe(before);
  });

  it('marks a review checked with a comment the candidate reads, and it sinks in the queue', async () => {
    const { reviewId } = ids.injected;
    const res = await t
      .as('trainer')
      .request(`/api/reviews/${reviewId}/check`, json({ comment: 'Retirez la consigne au correcteur.' }));
    expect(res.status).toBe(201);
    const review = await (await t.app.request(`/api/reviews/${reviewId}`)).json();
    expect(review.report.check).toMatchObject({
      by: 'Florence Formatrice',
      comment: 'Retirez la consigne au correcteur.',
    });
    const queue = await (await t.as('trainer').request('/api/trainer/queue')).json();
    expect(queue.at(-1)).toMatchObject({ reviewId, checked: true });
    const unchecked = await (await t.as('trainer').request('/api/trainer/queue?include=unchecked')).json();
    expect(unchecked.map((q: { reviewId: string }) => q.reviewId)).toEqual([ids.strong.reviewId]);
  });
});

describe('cohort view and calibration', () => {
  it('gives per competency the distribution of final scores across the trainer’s cohort', async () => {
    const res = await t.as('trainer').request('/api/trainer/cohort?examId=b1-audit-rse');
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.cohorts).toEqual([expect.objectContaining({ name: 'Promotion A' })]);
    expect(view.reviews).toBe(2);
    expect(view.competencies.length).toBeGreaterThan(0);
    for (const c of view.competencies) {
      expect(c.counts).toHaveLength(5);
      expect(c.counts.reduce((a: number, b: number) => a + b, 0)).toBe(c.n);
      expect(c.n).toBe(2);
    }
  });

  it('counts trainers’ decisions as human scores for calibration, latest per criterion', async () => {
    const orgId = (await (await t.as('trainer').request('/api/me')).json()).organization.id;
    const scores = await t.services.trainer.humanScores(orgId, 'b1-audit-rse');
    expect(scores).toEqual([
      expect.objectContaining({
        review_id: ids.injected.reviewId,
        criterion_id: 'K1',
        human: expect.any(Number),
      }),
    ]);
    expect(scores[0].human).toBe(scores[0].ai);
  });

  it('gives averages that agree with the histogram, even when a dossier sits between two levels', async () => {
    // C11 is assessed by K2 and K5: scores 1 and 2 put this dossier at 1.5 on C11.
    for (const [criterionId, score] of [
      ['K2', 1],
      ['K5', 2],
    ] as const) {
      const res = await t
        .as('trainer')
        .request(
          `/api/reviews/${ids.strong.reviewId}/criteria/${criterionId}/decision`,
          json({ score, reason: 'other', comment: 'Lecture du formateur.' }),
        );
      expect(res.status).toBe(201);
    }
    const view = await (await t.as('trainer').request('/api/trainer/cohort?examId=b1-audit-rse')).json();
    for (const c of view.competencies as { id: string; counts: number[]; mean: number; n: number }[]) {
      const fromBars = c.counts.reduce((sum, count, score) => sum + count * score, 0) / c.n;
      expect(c.mean, c.id).toBeCloseTo(fromBars, 2);
    }
  });
});
