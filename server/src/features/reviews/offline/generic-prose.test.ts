/**
 * Textbook prose that looks applied (issue #16): the lesson's « nous », statistics about firms in general and
 * job titles capitalised in a CV are not facts about the candidate's company; the company's own voice,
 * figures and names still are.
 */
import { describe, expect, it } from 'vitest';
import type { DossierText } from '../grade-schema';
import { dossierNames, isApplied } from './applied';
import { depthSignals, fold } from './lexicon';

const NO_NAMES: ReadonlySet<string> = new Set();

function applied(sentence: string, names: ReadonlySet<string> = NO_NAMES, lang: 'fr' | 'en' = 'fr') {
  const folded = fold(sentence);
  return isApplied(folded, depthSignals(sentence, folded, lang).quantities, names);
}

describe('the voice of a lesson', () => {
  it('does not take the expository « nous » or « we must » for the company', () => {
    for (const sentence of [
      "Nous pouvons définir la stratégie globale comme l'ensemble des choix à long terme d'une entreprise.",
      'Dans ce dossier, nous allons voir comment bien prospecter et fidéliser ses clients.',
      'Pour analyser l’environnement, nous utilisons généralement le PESTEL.',
      'Aujourd’hui, nous parlons plutôt des 7P, car les services ajoutent les personnes et les processus.',
      'We should avoid stereotypes, because they create misunderstandings and conflicts.',
    ])
      expect(applied(sentence), sentence).toBe(false);
  });

  it('keeps the company’s own voice: its plans, its possessions, what happened', () => {
    for (const sentence of [
      "Nous allons donc former l'équipe pendant deux jours à présenter le bilan carbone d'un emballage.",
      "L'atelier est sous-utilisé, donc nous pouvons doubler les volumes sans investir.",
      'Nous devons étudier nos ventes par canal avant de recruter.',
      'Nobody had written down how we should work together.',
      'Nous avons relancé les clients perdus un par un.',
    ])
      expect(applied(sentence), sentence).toBe(true);
  });
});

describe('statistics about firms in general', () => {
  it('does not take a law of thumb or an unnamed study for the company’s data', () => {
    for (const sentence of [
      'La préparation est essentielle : selon une étude, 80 % des ventes sont conclues après le cinquième contact.',
      'La méthode ABC classe les clients, car 20 % des clients font 80 % du chiffre d’affaires selon la loi de Pareto.',
      "Selon l'INSEE, près d'une entreprise sur trois disparaît dans les trois premières années.",
      'According to a McKinsey study, companies with diverse teams are 36% more likely to outperform their competitors.',
    ])
      expect(applied(sentence, NO_NAMES, sentence.startsWith('According') ? 'en' : 'fr'), sentence).toBe(
        false,
      );
  });

  it('keeps the company’s figures, averages and named studies included', () => {
    for (const sentence of [
      'Le CA d’abonnement est calculé à 55 € HT par mois en moyenne par fontaine.',
      "Seuls 40 % des clients acceptent de payer plus cher selon une enquête de l'ADEME (2023).",
      'Selon une étude de Xerfi (2023), le marché de la menuiserie pèse 3,1 Md€.',
    ])
      expect(applied(sentence), sentence).toBe(true);
  });
});

describe('names of the dossier', () => {
  it('does not take the words of a CV’s degrees and job titles for a company', () => {
    const text = [
      'Education: Bachelor in Business, Master in Business Development (in progress).',
      'I am applying for the position of Sales Manager in your company, as a Business Development Manager.',
      'I worked two years at Kestrel Foods, where Kestrel Foods sold to 40 retailers.',
    ].join('\n');
    const dossier: DossierText = { text, pages: [{ page: 1, text }], language: 'en', words: 40 };
    const names = dossierNames(dossier);
    expect([...names]).toContain('kestrel');
    for (const word of ['business', 'development', 'manager', 'sales'])
      expect(names.has(word), word).toBe(false);
  });
});
