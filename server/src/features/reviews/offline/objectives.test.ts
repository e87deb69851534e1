import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import type { DossierText, GradingPassage } from '../grade-schema';
import { analyzeCriterionDetailed } from './analyzer';
import { fold } from './lexicon';
import { isDatedObjective } from './objectives';

describe('isDatedObjective: an aim and its deadline (branch grader-strong-3)', () => {
  it.each([
    ["Notre objectif est de signer 15 nouveaux garages d'ici fin 2025.", true],
    ['Le but est de passer à 40 % de ventes en ligne en 2026.', true],
    ['We aim for 12 new stores by 2026.', true],
    ['Our target is 300 subscribers within two years.', true],
    // An aim without a date is a wish; a dated fact without an aim is a fact.
    ['Notre objectif est de mieux connaître nos clients.', false],
    ['Nous avons signé 15 garages en 2024.', false],
  ])('%s → %s', (text, expected) => {
    expect(isDatedObjective(fold(text))).toBe(expected);
  });
});

describe('a quantified, dated objective under a heading about the criterion is developed', () => {
  const exam = getExam('b3-prospection') as Exam;
  const social = exam.criteria.find((c) => c.text.includes('social-selling'));
  if (!social) throw new Error('no social-selling criterion');
  const grade = (paragraph: string) => {
    const passages: GradingPassage[] = [
      {
        id: 'p0',
        ordinal: 0,
        page: 1,
        pageEnd: 1,
        section: 'Ce que je recommande à la direction sur LinkedIn',
        annex: false,
        text: paragraph,
        relevance: 1,
      },
    ];
    const dossier: DossierText = {
      text: paragraph,
      pages: [{ page: 1, text: paragraph }],
      language: 'fr',
      words: 80,
    };
    return analyzeCriterionDetailed({ exam, criterion: social, passages, dossier }).signals;
  };
  const base =
    'Nos clients installateurs suivent surtout LinkedIn, où leurs fournisseurs publient leurs chantiers. ';

  it('counts « objectif : 20 demandes de devis par trimestre d’ici fin 2025 » as developed', () => {
    const dated = grade(
      `${base}Notre objectif est d'obtenir 20 demandes de devis par trimestre via LinkedIn d'ici fin 2025.`,
    );
    const undated = grade(
      `${base}Nous avons obtenu 20 demandes de devis par trimestre via LinkedIn l'an dernier.`,
    );
    expect(dated.developedSentences).toBe(undated.developedSentences + 1);
  });
});
