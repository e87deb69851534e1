/**
 * A course is marked as a course (issue #16): a dossier whose statements are mostly not about the company — a
 * guide to creating any company with the project's name dropped in — scores at most 1 on every criterion, while
 * a dossier that states its case keeps what its sections establish.
 */
import { describe, expect, it } from 'vitest';
import { type Exam, getExam } from '../../referential';
import { analyzeCriterionDetailed } from './analyzer';
import { matchLanguage } from './candidates';
import { appliedShare } from './passage-reading';
import { type CriterionSignals, notionCeiling, scoreFromSignals } from './scoring';
import { sectioned } from './test-sections';

const exam = getExam('b6-entrepreneuriat') as Exam;

/** A guide to creating a company, « Le Comptoir Basalte » named here and there: no fact of the project's own. */
const guide = sectioned([
  {
    heading: 'Les étapes de la création',
    paragraphs: [
      'Créer une entreprise demande de suivre plusieurs étapes dans le bon ordre, car chaque étape prépare la suivante.',
      'La première étape est l’étude de marché, qui permet de vérifier qu’il existe une demande suffisante pour le projet.',
      'Ensuite, le créateur rédige un business plan, car les banques et les investisseurs le demandent toujours avant de financer un projet.',
      'Pour Le Comptoir Basalte, il faudra donc réaliser une étude de marché sérieuse avant de se lancer.',
    ],
  },
  {
    heading: 'Le choix du statut juridique',
    paragraphs: [
      'La micro-entreprise est simple à gérer, mais son plafond de chiffre d’affaires de 188 700 € peut limiter la croissance.',
      'La SARL protège le patrimoine personnel des associés, car leur responsabilité est limitée à leurs apports.',
      'La SAS est plus souple, ce qui permet d’accueillir facilement de nouveaux associés et des investisseurs.',
      'Pour Le Comptoir Basalte, la SAS semble la plus adaptée car elle est souple.',
    ],
  },
  {
    heading: 'Les risques et le financement',
    paragraphs: [
      'Les principaux risques d’une création sont le manque de clients, les problèmes de trésorerie et la concurrence.',
      'Selon les moyennes du secteur, un commerce de ce type réalise environ 250 000 € de chiffre d’affaires avec une marge de 35 %.',
      'Il faut prévoir au moins six mois de trésorerie, car les premiers mois sont souvent difficiles pour un commerce.',
      'Le projet sera rentable dès la deuxième année si les ventes progressent comme prévu, ce qui rassurera les investisseurs.',
    ],
  },
]);

/** The same kind of project told as its own case: figures, decisions and reasons of the company. */
const own = sectioned([
  {
    heading: 'Notre projet',
    paragraphs: [
      'Nous ouvrirons Le Comptoir Basalte à Clermont-Ferrand en mars 2025 : une épicerie de produits auvergnats avec un coin dégustation.',
      'Nous avons interrogé 212 passants rue des Gras en octobre 2024 : 64 % achètent déjà des produits locaux chaque semaine.',
      'Nous visons 180 000 € de chiffre d’affaires la première année, car 14 producteurs ont signé une lettre d’intention.',
    ],
  },
  {
    heading: 'Nos risques',
    paragraphs: [
      'Notre premier risque est la trésorerie : le stock de départ coûte 38 000 €, donc nous avons négocié 60 jours de paiement avec 9 producteurs.',
      'Notre second risque est le loyer de 2 100 € par mois ; si les ventes restent sous 12 000 € par mois en juin, nous réduirons les heures d’ouverture.',
    ],
  },
]);

function scores(d: ReturnType<typeof sectioned>): number[] {
  return exam.criteria.map(
    (criterion) =>
      analyzeCriterionDetailed({ exam, criterion, passages: d.passages, dossier: d.dossier }).grade.score,
  );
}

describe('a course is marked as a course (issue #16)', () => {
  it('reads few statements about the company in a guide, most in a case', () => {
    const share = (d: ReturnType<typeof sectioned>) =>
      appliedShare(d.dossier, matchLanguage(exam, d.dossier), d.passages);
    expect(share(guide)).toBeLessThan(0.3);
    expect(share(own)).toBeGreaterThan(0.6);
  });

  it('gives no criterion of a guide more than 1, and leaves a case its scores', () => {
    expect(Math.max(...scores(guide))).toBeLessThanOrEqual(1);
    expect(Math.max(...scores(own))).toBeGreaterThanOrEqual(2);
  });

  it('caps the score and the notions’ ceiling of a course at 1, and keeps an absent criterion at 0', () => {
    const developed: CriterionSignals = {
      expected: ['business_plan', 'financement'],
      found: ['business_plan', 'financement'],
      notions: ['business_plan'],
      notionsFound: ['business_plan'],
      appliedNotions: ['business_plan'],
      developedNotions: ['business_plan'],
      genericSentences: 0,
      developedConcepts: ['business_plan', 'financement'],
      relevantSentences: 8,
      developedSentences: 6,
      arguedSentences: 4,
      quantifiedSentences: 3,
      sourceScore: 1,
      pages: [1, 2],
      passages: 2,
      plainDeveloped: 0,
      stuffedMentions: 0,
      stuffedConcepts: [],
    };
    expect(scoreFromSignals(developed)).toBeGreaterThanOrEqual(3);
    expect(scoreFromSignals({ ...developed, courseDraft: true })).toBe(1);
    expect(notionCeiling({ ...developed, courseDraft: true })).toBe(1);
    expect(scoreFromSignals({ ...developed, relevantSentences: 0, courseDraft: true })).toBe(0);
  });
});
