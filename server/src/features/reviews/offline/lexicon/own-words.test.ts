/**
 * A criterion's core notions named in the candidate's own words (issue #16, branch grader-notion-19): strong
 * drafts head their sections « Comment ça s'est conclu », « Les outils qui nous ont servi », « Nos forces, nos
 * faiblesses », « Pourquoi nous plutôt qu'un autre », and their criteria were held at 1 by the notion ceiling
 * (scoring.ts `notionCeiling`) because the notion was « absent ». Each paraphrase below is one the criterion's
 * official wording supports (a verb of the notion, its noun with a possessive, the question the criterion asks);
 * the negatives are what must not be read as the notion.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../../referential';
import type { Criterion, Exam } from '../../../referential/types';
import type { DossierText, GradingPassage } from '../../grade-schema';
import { analyzeCriterionDetailed } from '../analyzer';
import { type ConceptId, findConcepts, fold } from './index';

function names(text: string, concept: ConceptId): boolean {
  return findConcepts(fold(text), 'fr').some((h) => h.id === concept);
}

describe('core notions in the candidate’s own words', () => {
  it.each<[string, ConceptId, boolean]>([
    // Closing: the deal concluded or signed, told in a verb; the recap of the points agreed.
    ["Comment ça s'est conclu", 'closing', true],
    ['Le marché a été signé le 14 juin 2024.', 'closing', true],
    ["J'ai résumé par écrit les quatre points d'accord.", 'closing', true],
    ['Un signe de fatigue du marché.', 'closing', false],
    ['Nous avons résumé notre histoire en introduction.', 'closing', false],
    // Sales aids: the tools named as the candidate's own or as used in the sale.
    ['Les outils qui nous ont servi', 'aide_vente', true],
    ["Comme support, j'ai pris trois choses choisies pour les personnes présentes.", 'aide_vente', true],
    ["Un panneau d'échantillon avec son bavolet, apporté au rendez-vous.", 'aide_vente', true],
    ['Un calcul du coût sur dix ans, modifiable par l’acheteur.', 'aide_vente', true],
    ['Les outils de production ont été renouvelés.', 'aide_vente', false],
    ['Un prototype de capot a été moulé.', 'aide_vente', false],
    // SWOT, macro-environment, internal resources, business model in everyday words.
    ["Nos forces, nos faiblesses, ce qui vient de l'extérieur", 'swot', true],
    ['Pour nous, contre nous', 'swot', true],
    ['Ce qui se passe autour de nous', 'pestel', true],
    ['Ce qui bouge autour de nous', 'pestel', true],
    ['Il se passe beaucoup de choses en mars.', 'pestel', false],
    ['Ce que nous savons faire', 'ressources_internes', true],
    ['Comment Cycléa Pro gagne sa vie', 'business_model', true],
    ["Comment nous gagnons de l'argent", 'business_model', true],
    ['Nous gagnons des parts de marché.', 'business_model', false],
    // Working with the other services: what the team does with them, not how well it gets on with them.
    ['Comment nous travaillons avec les autres services', 'coordination', true],
    ['Comment on fait avancer le projet avec les autres', 'coordination', true],
    ['Le projet est piloté avec les autres services.', 'coordination', true],
    ['Nous coordonnons les livraisons avec l’atelier.', 'coordination', true],
    ["L'équipe est motivée et travaille en bonne entente avec les autres services.", 'coordination', false],
    ["Il faudra que toute l'équipe travaille ensemble.", 'coordination', false],
    // Targets, differentiation, loyalty, the link between strategies.
    ['Qui on va voir en premier, et pourquoi', 'ciblage', true],
    ['Par qui commencer', 'ciblage', true],
    ["Pourquoi nous plutôt qu'un autre", 'differenciation', true],
    ['Pourquoi ils nous choisiraient', 'differenciation', true],
    ['Garder nos clients, et le faire proprement', 'fidelisation', true],
    ["Ce qu'on fait après la vente", 'fidelisation', true],
    ['Ce que ça change pour la vente', 'strategie_globale_commerciale', true],
    ["Du projet de l'entreprise à notre façon de vendre", 'strategie_globale_commerciale', true],
    ['Ce que ça change pour nous', 'strategie_globale_commerciale', false],
    // Mission success, self-checks, client profile, recommendations.
    ['Une mission qui a marché : les syndics de Reims', 'reussite_mission', true],
    ['Les contrôles de la mesure', 'autocontrole', true],
    ['Connaître le client avant de le rencontrer', 'profil_client', true],
    ['Préconisations', 'amelioration_continue', true],
  ])('%s → %s: %s', (text, concept, named) => {
    expect(names(text, concept)).toBe(named);
  });
});

function criterionOf(examId: string, part: string): { exam: Exam; criterion: Criterion } {
  const exam = getExam(examId) as Exam;
  const criterion = exam.criteria.find((c) => c.text.includes(part));
  if (!criterion) throw new Error(part);
  return { exam, criterion };
}

/** One section of a draft, graded for one criterion. */
function grade(target: { exam: Exam; criterion: Criterion }, section: string, text: string) {
  const passages: GradingPassage[] = [
    { id: 'p0', ordinal: 0, page: 1, pageEnd: 1, section, annex: false, text, relevance: 1 },
  ];
  const dossier: DossierText = { text, pages: [{ page: 1, text }], language: 'fr', words: 160 };
  return analyzeCriterionDetailed({ ...target, passages, dossier });
}

const CLOSING = criterionOf('b4-negociation-complexe', 'closing');

describe('a closing told in verbs is addressed, its passage quoted', () => {
  const told = [
    "À la fin de l'entretien, j'ai résumé par écrit les quatre points d'accord : 39,50 € par lit, six ans, paiement à 30 jours, délai de 24 h.",
    "J'ai demandé si quelque chose les empêchait de présenter l'offre au conseil du 14 décembre, car le vote du conseil fixait la date de démarrage.",
    'Le contrat a été signé le 20 décembre 2023 pour 1,82 M€ sur six ans.',
  ].join(' ');

  it('finds the notion about the company, quotes the passage and no longer lists closing as missing', () => {
    const { grade: g, signals } = grade(CLOSING, 'Comment ça s’est conclu', told);
    expect(signals.appliedNotions).toContain('closing');
    expect(g.score).toBeGreaterThanOrEqual(2);
    expect(g.evidence.length).toBeGreaterThan(0);
    for (const e of g.evidence) expect(told).toContain(e.quote);
    expect(g.missing.some((m) => m.startsWith('Le processus de closing'))).toBe(false);
  });

  it('keeps a section that never concludes anything at 1 at most, closing still missing', () => {
    const untold =
      "Nous avons présenté l'offre au directeur le 12 novembre. Il a posé des questions sur les délais. Nous lui avons répondu par courriel.";
    const { grade: g, signals } = grade(CLOSING, 'La réunion', untold);
    expect(signals.notionsFound).toEqual([]);
    expect(g.score).toBeLessThanOrEqual(1);
    expect(g.missing.some((m) => m.startsWith('Le processus de closing'))).toBe(true);
  });
});
