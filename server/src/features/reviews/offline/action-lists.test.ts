/**
 * A plan of actions written as a short list (action-lists.ts), on drafts written for these tests: the concise
 * strong dossier lists its measured steps under « Ce que je recommande » or « Si un indicateur passe au rouge »
 * and never writes « plan d'actions ».
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Criterion, Exam } from '../../referential/types';
import type { DossierText, GradingPassage } from '../grade-schema';
import { listItemStarts, planItems } from './action-lists';
import { analyzeCriterionDetailed } from './analyzer';
import { splitSentences } from './sentences';

function criterionOf(examId: string, part: string): { exam: Exam; criterion: Criterion } {
  const exam = getExam(examId) as Exam;
  const criterion = exam.criteria.find((c) => c.text.includes(part));
  if (!criterion) throw new Error(part);
  return { exam, criterion };
}

/** One section of a draft, graded for one criterion. */
function grade(
  target: { exam: Exam; criterion: Criterion },
  section: string,
  items: string[],
  language = 'fr',
) {
  const text = items.map((item) => `- ${item}`).join('\n');
  const passages: GradingPassage[] = [
    { id: 'p0', ordinal: 0, page: 1, pageEnd: 1, section, annex: false, text, relevance: 1 },
  ];
  const dossier: DossierText = { text, pages: [{ page: 1, text }], language, words: 120 };
  return analyzeCriterionDetailed({ ...target, passages, dossier });
}

const CORRECTIVE = criterionOf('b6-entrepreneuriat', "plan d'actions correctives");

const STEPS = [
  'Commandes sous 60 par mois deux mois de suite : nous relançons les 40 traiteurs de la liste et offrons la livraison.',
  'Panier moyen sous 35 € : nous ajoutons un menu à 42 € avec boisson dès le mois suivant.',
  'Retards de livraison au-delà de 45 minutes : un deuxième livreur à mi-temps, budget 900 € par mois.',
  'Avis clients sous 4,2 sur 5 : appel de chaque client mécontent sous 48 h.',
];
const STEPS_TEXT = STEPS.map((s) => `- ${s}`).join('\n');

describe('a listed plan of measured steps is a plan of actions (action-lists.ts)', () => {
  it('reads the list markers that open each item', () => {
    const text = `Notre suivi est mensuel.\n${STEPS_TEXT}`;
    expect(listItemStarts(splitSentences(text), text).filter(Boolean)).toHaveLength(4);
  });

  it('addresses the corrective-plan criterion under a conditional heading', () => {
    const { grade: g, signals } = grade(CORRECTIVE, 'Si un indicateur passe au rouge', STEPS);
    expect(signals.notionsFound).toContain('plan_action');
    expect(signals.developedSentences).toBeGreaterThanOrEqual(4);
    expect(g.score).toBeGreaterThanOrEqual(2);
  });

  it('does not under a heading that neither recommends nor sets a condition', () => {
    expect(grade(CORRECTIVE, 'Notre quartier', STEPS).signals.notionsFound).not.toContain('plan_action');
  });

  it('does not for a list of wishes without figures or dates', () => {
    const wishes = [
      'Améliorer la communication avec les clients du quartier.',
      'Développer les ventes auprès des entreprises voisines.',
      'Motiver l’équipe pour offrir un meilleur service.',
    ];
    const { grade: g, signals } = grade(CORRECTIVE, 'Ce que je recommande', wishes);
    expect(signals.notionsFound).not.toContain('plan_action');
    expect(g.score).toBeLessThanOrEqual(1);
  });

  it('needs three items, at least half of them measured', () => {
    const sentences = splitSentences(STEPS_TEXT);
    expect(planItems(sentences, STEPS_TEXT, true, () => true).size).toBe(4);
    expect(planItems(sentences, STEPS_TEXT, false, () => true).size).toBe(0);
    expect(planItems(sentences, STEPS_TEXT, true, (i) => i === 0).size).toBe(0);
    const two = STEPS_TEXT.split('\n').slice(0, 2).join('\n');
    expect(planItems(splitSentences(two), two, true, () => true).size).toBe(0);
  });

  it('reads an English plan under a recommending heading', () => {
    const advice = criterionOf('b5-pilotage-performance', 'préconisations');
    const steps = [
      'Cap discounts at 12 % without approval, which saves about 0.8 point of margin, or 260 k€ a year.',
      'Move two reps to clinics from September 2025, after the regional fair brought 14 leads.',
      'Bring the quote conversion rate back to 35 % with the configurator by March 2026.',
    ];
    expect(grade(advice, 'What I recommend', steps, 'en').signals.notionsFound).toContain('plan_action');
  });
});
