/**
 * A plan of actions written as a short list (action-lists.ts), on drafts written for these tests: the concise
 * strong dossier lists its measured steps under « Ce que je recommande » or « Si un indicateur passe au rouge »
 * and never writes « plan d'actions ».
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import type { DossierText, GradingPassage } from '../grade-schema';
import { listItemStarts, planItems } from './action-lists';
import { analyzeCriterionDetailed } from './analyzer';
import { splitSentences } from './sentences';

function draft(section: string, text: string, language = 'fr') {
  const passages: GradingPassage[] = [
    { id: 'p0', ordinal: 0, page: 1, pageEnd: 1, section, annex: false, text, relevance: 1 },
  ];
  const dossier: DossierText = { text, pages: [{ page: 1, text }], language, words: 120 };
  return { passages, dossier };
}

const CREATION = getExam('b6-entrepreneuriat') as Exam;
const corrective = CREATION.criteria.find((c) => c.text.includes("plan d'actions correctives"));
if (!corrective) throw new Error('no corrective-plan criterion');

const STEPS = [
  '- Commandes sous 60 par mois deux mois de suite : nous relançons les 40 traiteurs de la liste et offrons la livraison.',
  '- Panier moyen sous 35 € : nous ajoutons un menu à 42 € avec boisson dès le mois suivant.',
  '- Retards de livraison au-delà de 45 minutes : un deuxième livreur à mi-temps, budget 900 € par mois.',
  '- Avis clients sous 4,2 sur 5 : appel de chaque client mécontent sous 48 h.',
].join('\n');

describe('a listed plan of measured steps is a plan of actions (action-lists.ts)', () => {
  it('reads the list markers that open each item', () => {
    const text = `Notre suivi est mensuel.\n${STEPS}`;
    expect(listItemStarts(splitSentences(text), text).filter(Boolean)).toHaveLength(4);
  });

  it('addresses the corrective-plan criterion under a conditional heading', () => {
    const { passages, dossier } = draft('Si un indicateur passe au rouge', STEPS);
    const { grade, signals } = analyzeCriterionDetailed({
      exam: CREATION,
      criterion: corrective,
      passages,
      dossier,
    });
    expect(signals.notionsFound).toContain('plan_action');
    expect(signals.developedSentences).toBeGreaterThanOrEqual(4);
    expect(grade.score).toBeGreaterThanOrEqual(2);
  });

  it('does not under a heading that neither recommends nor sets a condition', () => {
    const { passages, dossier } = draft('Notre quartier', STEPS);
    const { signals } = analyzeCriterionDetailed({
      exam: CREATION,
      criterion: corrective,
      passages,
      dossier,
    });
    expect(signals.notionsFound).not.toContain('plan_action');
  });

  it('does not for a list of wishes without figures or dates', () => {
    const wishes = [
      '- Améliorer la communication avec les clients du quartier.',
      '- Développer les ventes auprès des entreprises voisines.',
      '- Motiver l’équipe pour offrir un meilleur service.',
    ].join('\n');
    const { passages, dossier } = draft('Ce que je recommande', wishes);
    const { grade, signals } = analyzeCriterionDetailed({
      exam: CREATION,
      criterion: corrective,
      passages,
      dossier,
    });
    expect(signals.notionsFound).not.toContain('plan_action');
    expect(grade.score).toBeLessThanOrEqual(1);
  });

  it('needs three items, at least half of them measured', () => {
    const text = STEPS;
    const sentences = splitSentences(text);
    expect(planItems(sentences, text, true, () => true).size).toBe(4);
    expect(planItems(sentences, text, false, () => true).size).toBe(0);
    expect(planItems(sentences, text, true, (i) => i === 0).size).toBe(0);
    const two = STEPS.split('\n').slice(0, 2).join('\n');
    expect(planItems(splitSentences(two), two, true, () => true).size).toBe(0);
  });

  it('reads an English plan under a recommending heading', () => {
    const exam = getExam('b5-pilotage-performance') as Exam;
    const advice = exam.criteria.find((c) => c.text.includes('préconisations'));
    if (!advice) throw new Error('no recommendations criterion');
    const steps = [
      '- Cap discounts at 12 % without approval, which saves about 0.8 point of margin, or 260 k€ a year.',
      '- Move two reps to clinics from September 2025, after the regional fair brought 14 leads.',
      '- Bring the quote conversion rate back to 35 % with the configurator by March 2026.',
    ].join('\n');
    const { passages, dossier } = draft('What I recommend', steps, 'en');
    const { signals } = analyzeCriterionDetailed({ exam, criterion: advice, passages, dossier });
    expect(signals.notionsFound).toContain('plan_action');
  });
});
