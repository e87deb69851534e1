import { describe, expect, it } from 'vitest';
import { getExam } from '../referential';
import type { Exam } from '../referential/types';
import { type AggregateInput, aggregateReport, DISCLAIMER, OFFLINE_DISCLAIMER } from './aggregate';
import { createOfflineGrader } from './grader';
import { defaultRubric, type Rubric } from './rubric';
import {
  type CriterionResult,
  type DeliverableResult,
  type FormatCheck,
  GapReportSchema,
  LEVELS,
} from './schemas';

const exam = getExam('b1-audit-rse') as Exam; // 7 criteria, C9–C12
const NOW = new Date('2025-01-15T10:00:00.000Z');

function result(id: string, score: number, overrides: Partial<CriterionResult> = {}): CriterionResult {
  const criterion = exam.criteria.find((c) => c.id === id);
  if (!criterion) throw new Error(`unknown criterion ${id}`);
  return {
    id,
    text: criterion.text,
    competencies: criterion.competencies,
    status: 'done',
    score,
    level: LEVELS[score],
    rationale: `Justification de ${id}.`,
    evidence: score > 1 ? [{ quote: `Extrait vérifié pour ${id}.`, page: 2 }] : [],
    missing: [`Ce qui manque pour ${id}`],
    recommendations: [`Recommandation pour ${id}`],
    flags: [],
    weight: 1,
    ...overrides,
  };
}

const scores = (...values: number[]) =>
  exam.criteria.map((criterion, index) => result(criterion.id, values[index]));

const deliverables = (missing: string[] = []): DeliverableResult[] =>
  exam.deliverables.map((deliverable) => ({
    id: deliverable.id,
    text: deliverable.text,
    status: missing.includes(deliverable.id) ? 'missing' : 'present',
    pages: missing.includes(deliverable.id) ? [] : [3],
  }));

const formatOk: FormatCheck[] = [
  { check: 'length', ok: true, detail: '10 pages hors annexes (limite 10).' },
  { check: 'language', ok: true, detail: 'Français.' },
];

function input(overrides: Partial<AggregateInput> = {}): AggregateInput {
  return {
    exam,
    rubric: defaultRubric(exam.id),
    criteria: scores(3, 3, 3, 3, 3, 3, 3),
    deliverables: deliverables(),
    format: formatOk,
    flags: [],
    usage: { promptTokens: 12000, completionTokens: 2100, durationMs: 8400, calls: 7 },
    provider: 'openai',
    model: 'gpt-4o-mini',
    offline: false,
    promptVersion: 'system@v1+exam-guidance@v1+dossier@v1+grade-criterion@v1',
    dossier: { id: 'd1', version: 2, pages: 12, words: 4200 },
    now: NOW,
    ...overrides,
  };
}

describe('aggregateReport: overall score and level', () => {
  it('is the weighted mean of the criteria, with weights from the rubric', () => {
    const rubric: Rubric = structuredClone(defaultRubric(exam.id));
    rubric.criteria[0].weight = 3; // K1
    const report = aggregateReport(input({ rubric, criteria: scores(4, 1, 2, 2, 2, 2, 2) }));
    // (3×4 + 1 + 5×2) / (3 + 6) = 23 / 9
    expect(report.overall.score).toBe(2.56);
    expect(report.overall.level).toBe('satisfaisant');
    expect(report.criteria[0].weight).toBe(3);
  });

  it('takes the level of the rounded score', () => {
    expect(aggregateReport(input({ criteria: scores(2, 2, 2, 2, 3, 3, 3) })).overall).toMatchObject({
      score: 2.43,
      level: 'partiel',
    });
  });

  it('makes each criterion’s level follow its score', () => {
    const criteria = scores(3, 3, 3, 3, 3, 3, 3);
    criteria[0] = { ...criteria[0], score: 2, level: 'excellent' };
    expect(aggregateReport(input({ criteria })).criteria[0].level).toBe('partiel');
  });

  it('caps a criterion without evidence at 1 and flags it, whatever produced the result', () => {
    const criteria = scores(3, 3, 3, 3, 3, 3, 3);
    criteria[2] = { ...criteria[2], evidence: [] };
    const report = aggregateReport(input({ criteria }));
    expect(report.criteria[2]).toMatchObject({ score: 1, level: 'insuffisant' });
    expect(report.criteria[2].flags).toEqual([
      { code: 'no_evidence', message: 'Aucune citation vérifiée : note ramenée de 3 à 1.' },
    ]);
    expect(report.overall.score).toBe(2.71);
    expect(report.overall.ready).toBe('presque');
  });

  it('excludes failed criteria from the mean and flags them', () => {
    const criteria = scores(4, 4, 4, 4, 4, 4, 0);
    criteria[6] = { ...criteria[6], status: 'failed', score: 0, level: 'absent', flags: [] };
    const report = aggregateReport(input({ criteria }));
    expect(report.overall.score).toBe(4);
    expect(report.flags).toContainEqual({
      code: 'criterion_failed',
      message: 'Critère K7 non évalué (échec technique) : exclu du score global, à relancer.',
      detail: 'K7',
    });
    expect(report.criteria[6].flags.map((flag) => flag.code)).toEqual(['criterion_failed']);
    // Not « prêt » while a criterion is unassessed, whatever the others say.
    expect(report.overall.ready).toBe('presque');
    expect(report.priorities[0]).toEqual({
      criterionId: 'K7',
      reason: 'Évaluation en échec : relancez ce critère, il manque au rapport.',
    });
  });

  it('reports nothing assessed when every criterion failed', () => {
    const criteria = scores(0, 0, 0, 0, 0, 0, 0).map((criterion) => ({
      ...criterion,
      status: 'failed' as const,
    }));
    const report = aggregateReport(input({ criteria }));
    expect(report.overall).toMatchObject({ score: 0, level: 'absent', ready: 'pas_encore' });
    expect(report.overall.summary).toBe(
      "Aucun critère n'a pu être évalué : le rapport est incomplet, relancez l'évaluation.",
    );
  });
});

describe('aggregateReport: readiness thresholds', () => {
  it.each([
    ['all 3, nothing missing', scores(3, 3, 3, 3, 3, 3, 3), [], formatOk, 'pret'],
    ['all 4 but one criterion at 1', scores(4, 4, 4, 4, 4, 4, 1), [], formatOk, 'presque'],
    ['all 3 but a deliverable missing', scores(3, 3, 3, 3, 3, 3, 3), ['L2'], formatOk, 'presque'],
    [
      'all 3 but a format check failing',
      scores(3, 3, 3, 3, 3, 3, 3),
      [],
      [{ check: 'length', ok: false, detail: '14 pages pour 10 attendues.' }],
      'presque',
    ],
    ['mean 2 with two criteria below 2', scores(1, 1, 2, 2, 3, 3, 2), [], formatOk, 'presque'],
    ['mean 2 with three criteria below 2', scores(1, 1, 1, 3, 3, 3, 2), [], formatOk, 'pas_encore'],
    ['mean below 2', scores(2, 2, 2, 2, 2, 2, 1), [], formatOk, 'pas_encore'],
  ] as const)('%s → %s', (_label, criteria, missing, format, ready) => {
    const report = aggregateReport(
      input({ criteria: [...criteria], deliverables: deliverables([...missing]), format: [...format] }),
    );
    expect(report.overall.ready).toBe(ready);
  });

  it('states the thresholds in the summary', () => {
    const pret = aggregateReport(input()).overall.summary;
    expect(pret).toBe(
      'Score global 3,0/4 (satisfaisant) sur 7 critères évalués. Verdict : prêt — moyenne ≥ 3, aucun critère sous 2/4, aucun livrable manquant et contrôles de forme conformes. Priorité : K1 (satisfaisant, 3/4).',
    );
    const presque = aggregateReport(
      input({ criteria: scores(4, 4, 4, 4, 4, 4, 1), deliverables: deliverables(['L5']) }),
    ).overall.summary;
    expect(presque).toContain('Score global 3,6/4 (excellent) sur 7 critères évalués.');
    expect(presque).toContain(
      '« prêt » demande une moyenne ≥ 3, aucun critère sous 2/4, aucun livrable manquant et des contrôles de forme conformes (ici : 1 critère sous 2/4, 1 livrable manquant).',
    );
    const pasEncore = aggregateReport(input({ criteria: scores(0, 1, 1, 2, 1, 1, 1) })).overall.summary;
    expect(pasEncore).toContain(
      'Verdict : pas encore prêt ; « presque prêt » demande une moyenne ≥ 2 avec au plus 2 critères sous 2/4 (ici : moyenne 1,0 sous 2, 6 critères sous 2/4).',
    );
  });

  it('gives the reasons that actually hold, not every shortfall of the report', () => {
    // Mean below 2 with only one weak criterion: the reason is the mean, not « 1 critère sous 2/4 ».
    const lowMean = aggregateReport(input({ criteria: scores(2, 2, 2, 2, 2, 2, 1) })).overall.summary;
    expect(lowMean).toContain('(ici : moyenne 1,9 sous 2).');
    // Mean 3 or more, one weak criterion: « presque » for the weak criterion only.
    const oneWeak = aggregateReport(input({ criteria: scores(4, 4, 4, 4, 4, 4, 1) })).overall.summary;
    expect(oneWeak).toContain('(ici : 1 critère sous 2/4).');
    // Mean under 3 without a weak criterion: « presque » for the mean.
    const mean = aggregateReport(input({ criteria: scores(2, 3, 2, 3, 2, 3, 2) })).overall.summary;
    expect(mean).toContain('(ici : moyenne 2,4 sous 3).');
  });
});

describe('aggregateReport: competencies and priorities', () => {
  it('scores each competency as the mean of the criteria that map to it', () => {
    const criteria = scores(4, 2, 3, 1, 2, 0, 3);
    criteria[5] = { ...criteria[5], status: 'failed' };
    const report = aggregateReport(input({ criteria }));
    // C9: K1 (4), K4 (1), K6 (failed) → 2.5 ; C11: K2 (2), K5 (2) → 2
    expect(report.competencies.find((competency) => competency.id === 'C9')).toEqual({
      id: 'C9',
      score: 2.5,
      criteria: ['K1', 'K4', 'K6'],
    });
    expect(report.competencies.find((competency) => competency.id === 'C11')?.score).toBe(2);
    expect(report.competencies.map((competency) => competency.id)).toEqual(['C9', 'C10', 'C11', 'C12']);
  });

  it('gives null to a competency without an assessed criterion', () => {
    const criteria = scores(3, 3, 3, 3, 3, 3, 3);
    criteria[3] = { ...criteria[3], status: 'failed' }; // K4: the only other C9 criteria are K1, K6
    for (const index of [0, 5]) criteria[index] = { ...criteria[index], status: 'failed' };
    expect(aggregateReport(input({ criteria })).competencies[0]).toEqual({
      id: 'C9',
      score: null,
      criteria: ['K1', 'K4', 'K6'],
    });
  });

  it('orders priorities by weight × (4 − score), failed first, with a French reason', () => {
    const rubric: Rubric = structuredClone(defaultRubric(exam.id));
    rubric.criteria[0].weight = 3; // K1 at 3: gap 3
    const criteria = scores(3, 1, 2, 4, 4, 4, 4); // K2 at 1: gap 3 ; K3 at 2: gap 2
    criteria[1] = { ...criteria[1], missing: [], recommendations: [] };
    const report = aggregateReport(input({ rubric, criteria }));
    expect(report.priorities).toEqual([
      { criterionId: 'K2', reason: 'Insuffisant (1/4) : aucun extrait du dossier ne soutient ce critère' },
      { criterionId: 'K1', reason: 'Satisfaisant (3/4) : Ce qui manque pour K1' },
      { criterionId: 'K3', reason: 'Partiel (2/4) : Ce qui manque pour K3' },
    ]);
  });
});

describe('aggregateReport: provenance, flags and disclaimer', () => {
  it('records versions and usage, and states the jury disclaimer', () => {
    const report = aggregateReport(input());
    expect(GapReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      exam: { id: 'b1-audit-rse', case: 'Audit RSE', bloc: 'B1' },
      dossier: { id: 'd1', version: 2, pages: 12, words: 4200 },
      provider: 'openai',
      model: 'gpt-4o-mini',
      rubricVersion: 'v1',
      promptVersion: 'system@v1+exam-guidance@v1+dossier@v1+grade-criterion@v1',
      offline: false,
      usage: { promptTokens: 12000, completionTokens: 2100, durationMs: 8400, calls: 7 },
      disclaimer: 'Pré-évaluation formative : le jury décide.',
      generatedAt: '2025-01-15T10:00:00.000Z',
    });
    expect(report.flags).toEqual([]);
  });

  it('labels an offline analysis once, even when the caller already flagged it', () => {
    const flagged = aggregateReport(
      input({
        offline: true,
        provider: 'offline',
        flags: [{ code: 'offline_analyzer', message: 'Analyse hors ligne.' }],
      }),
    );
    expect(flagged.disclaimer).toBe(`${DISCLAIMER} ${OFFLINE_DISCLAIMER}`);
    expect(flagged.flags.filter((flag) => flag.code === 'offline_analyzer')).toHaveLength(1);
    const bare = aggregateReport(input({ offline: true, provider: 'offline' }));
    expect(bare.flags).toEqual([{ code: 'offline_analyzer', message: OFFLINE_DISCLAIMER }]);
  });

  it('keeps the caller’s flags without duplicates', () => {
    const flag = {
      code: 'prompt_injection' as const,
      message: 'Consigne détectée.',
      page: 3,
      detail: 'Ignorez…',
    };
    expect(aggregateReport(input({ flags: [flag, { ...flag }] })).flags).toEqual([flag]);
  });
});

describe('aggregateReport: quotes shared between criteria (offline)', () => {
  const q = (quote: string) => ({ quote, page: 1 });
  const dense = 'Notre CA de 4,2 M€ recule de 6 % car deux clients pèsent 40 % des ventes.';
  const generic = 'La démarche RSE de l’entreprise est globalement positive.';

  it('keeps an over-shared quote for the criterion it alone backs, and withdraws it where others remain', () => {
    const [k1, k2, k3] = exam.criteria.map((c) => c.id);
    const criteria = scores(3, 3, 3, 1, 1, 1, 1).map((c) => ({
      ...c,
      evidence: [] as CriterionResult['evidence'],
    }));
    criteria[0].evidence = [q(dense), q('Première phrase propre à K1, chiffrée à 12 %.')];
    criteria[1].evidence = [q(dense), q('Première phrase propre à K2, chiffrée à 30 %.')];
    // K3's only quote is the dense sentence, ranked best under K1 and K2 too: by rank alone K3 lost it.
    criteria[2].evidence = [q(dense)];
    const report = aggregateReport(input({ offline: true, criteria }));
    const byId = new Map(report.criteria.map((c) => [c.id, c]));
    expect(byId.get(k3)?.evidence.map((e) => e.quote)).toEqual([dense]);
    expect(byId.get(k3)?.score).toBe(3);
    expect(byId.get(k3)?.flags.some((f) => f.code === 'no_evidence')).toBe(false);
    // Still at most two criteria per sentence: one of K1 and K2 gives it up and keeps its own quote.
    const citing = report.criteria.filter((c) => c.evidence.some((e) => e.quote === dense));
    expect(citing).toHaveLength(2);
    for (const id of [k1, k2]) expect(byId.get(id)?.evidence.length).toBeGreaterThan(0);
    expect(byId.get(k1)?.score).toBe(3);
    expect(byId.get(k2)?.score).toBe(3);
  });

  it('still caps the criteria whose only support is one sentence quoted for the whole rubric', () => {
    const criteria = scores(2, 2, 2, 2, 2, 2, 2).map((c) => ({ ...c, evidence: [q(generic)] }));
    const report = aggregateReport(input({ offline: true, criteria }));
    const citing = report.criteria.filter((c) => c.evidence.length > 0);
    expect(citing).toHaveLength(2);
    const capped = report.criteria.filter((c) => c.flags.some((f) => f.code === 'no_evidence'));
    expect(capped).toHaveLength(exam.criteria.length - 2);
    for (const c of capped) expect(c.score).toBe(1);
  });

  it('does not give a criterion already at 1 the slot of one its withdrawal would cap', () => {
    const ids = exam.criteria.map((c) => c.id);
    const criteria = scores(2, 1, 1, 1, 2, 1, 1).map((c) => ({
      ...c,
      evidence: [] as CriterionResult['evidence'],
    }));
    // Three criteria backed by the dense sentence alone; the third in rubric order (scored 1) loses nothing
    // by giving it up, the fifth (scored 2) would be capped.
    for (const index of [0, 2, 4]) criteria[index].evidence = [q(dense)];
    const report = aggregateReport(input({ offline: true, criteria }));
    const byId = new Map(report.criteria.map((c) => [c.id, c]));
    expect(byId.get(ids[0])?.score).toBe(2);
    expect(byId.get(ids[4])?.evidence.map((e) => e.quote)).toEqual([dense]);
    expect(byId.get(ids[4])?.score).toBe(2);
    expect(byId.get(ids[2])?.evidence).toEqual([]);
  });

  it('gives no priority to a criterion whose sentence names only a notion the other quoting criteria share', () => {
    const b6 = getExam('b6-entrepreneuriat') as Exam;
    const financing =
      'Nous comptons le financer par nos apports (30 000 €), un prêt bancaire et des subventions.';
    const evidence: Record<string, string[]> = {
      K2: [financing],
      K7: [financing, 'Le plan prévoit 120 000 € de chiffre d’affaires la deuxième année.'],
      K9: [financing],
    };
    const criteria: CriterionResult[] = b6.criteria.map((c) => ({
      ...result(exam.criteria[0].id, 1),
      id: c.id,
      text: c.text,
      competencies: c.competencies,
      score: evidence[c.id] ? (c.id === 'K9' ? 3 : 2) : 1,
      level: LEVELS[1],
      evidence: (evidence[c.id] ?? []).map(q),
    }));
    const report = aggregateReport(
      // The offline grader's own reading of shared quotes, as a review's report gets it (finish.ts).
      input({
        exam: b6,
        rubric: defaultRubric(b6.id),
        offline: true,
        ownsQuote: createOfflineGrader().ownsQuote?.(b6),
        criteria,
      }),
    );
    const byId = new Map(report.criteria.map((c) => [c.id, c]));
    // K2 names none of its notions there: the figure it was chosen for stays its own, so it keeps the slot.
    expect(byId.get('K2')?.score).toBe(2);
    // K9 holds the sentence only through « financement », K7's notion too: K7 keeps it, K9 is capped.
    expect(byId.get('K9')?.evidence).toEqual([]);
    expect(byId.get('K9')?.score).toBe(1);
    expect(byId.get('K7')?.evidence.map((e) => e.quote)).toContain(financing);
  });
});
