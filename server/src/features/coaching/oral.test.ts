import { describe, expect, it } from 'vitest';
import { getExam } from '../referential';
import type { Exam } from '../referential/types';
import { type CriterionResult, type GapReport, LEVELS } from '../reviews/schemas';
import { buildOralPrep } from './oral';

function report(exam: Exam, scores: Record<string, number | 'failed'>, offline = false): GapReport {
  const criteria: CriterionResult[] = exam.criteria.map((c) => {
    const score = scores[c.id] ?? 3;
    const failed = score === 'failed';
    return {
      id: c.id,
      text: c.text,
      competencies: c.competencies,
      status: failed ? 'failed' : 'done',
      score: failed ? 0 : score,
      level: LEVELS[failed ? 0 : score],
      rationale: '',
      evidence: failed ? [] : [{ quote: `Passage cité pour ${c.id} dans le dossier.`, page: 2 }],
      missing: failed ? [] : [`Manque repéré sur ${c.id}`],
      recommendations: [],
      flags: [],
      weight: 1,
    };
  });
  return {
    exam: { id: exam.id, case: exam.case, bloc: exam.bloc },
    provider: offline ? 'offline' : 'openai',
    model: 'm',
    rubricVersion: 'v1',
    promptVersion: 'p',
    offline,
    overall: { score: 2, level: 'partiel', ready: 'pas_encore', summary: '' },
    criteria,
    competencies: [],
    priorities: [],
    deliverables: [],
    format: [],
    flags: [],
    usage: { promptTokens: 0, completionTokens: 0, durationMs: 0 },
    disclaimer: '',
    generatedAt: new Date(0).toISOString(),
  };
}

describe('oral preparation', () => {
  const negotiation = getExam('b4-negociation-complexe') as Exam;

  it('asks about the weakest criteria first, failed ones last, with method questions and the gaps', () => {
    const oral = buildOralPrep(
      'r1',
      negotiation,
      report(negotiation, { K5: 0, K3: 1, K10: 1, K1: 'failed' }),
    );
    // 60 minutes: up to one question per five minutes, bounded by the criteria.
    expect(oral.questions).toHaveLength(10);
    expect(oral.questions.slice(0, 3).map((q) => q.criterionId)).toEqual(['K5', 'K3', 'K10']);
    expect(oral.questions.at(-1)).toMatchObject({ criterionId: 'K1', score: null, level: null });
    const closing = oral.questions[0];
    expect(closing.question).toMatch(/signer/);
    expect(closing.strongAnswer).toEqual(
      expect.arrayContaining([
        "Ce qui manquait à l'écrit : Manque repéré sur K5",
        'Appuyez-vous sur votre page 2 : « Passage cité pour K5 dans le dossier. »',
      ]),
    );
    expect(new Set(oral.questions.map((q) => q.question)).size).toBe(oral.questions.length);
    expect(oral.practice).toEqual({
      minutes: 60,
      perCandidate: false,
      assumed: false,
      suggestedSplit: [
        { part: 'Introduction : contexte et problématique', minutes: 6 },
        { part: 'Vos analyses clés, appuyées sur deux ou trois chiffres', minutes: 18 },
        { part: 'Préconisations et conclusion', minutes: 6 },
        { part: 'Questions du jury (entraînez-vous avec les questions ci-dessous)', minutes: 30 },
      ],
    });
  });

  it('practises the intercultural oral in English', () => {
    const exam = getExam('b6-management-interculturel') as Exam;
    const oral = buildOralPrep('r2', exam, report(exam, { K1: 1 }, true));
    expect(oral.language).toBe('en');
    expect(oral.questions[0]).toMatchObject({ criterionId: 'K1' });
    expect(oral.questions[0].question).toMatch(/culturelle/);
    expect(oral.notes.join(' ')).toMatch(/en anglais/);
    expect(oral.notes.join(' ')).toMatch(/hors ligne/);
  });
});
