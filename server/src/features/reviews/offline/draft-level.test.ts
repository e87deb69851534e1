/**
 * Issue #16, strong drafts under-rated: in a draft the analyzer itself reads as established on most of the exam's
 * criteria, a criterion it finds short is read with the draft's level (scoring.ts `levelledScore`, analyzer.ts
 * `draftLevel`). On text written for these tests; each fails on the engine before the rule.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import { analyzeCriterionDetailed } from './analyzer';
import { factDensity } from './passage-reading';
import {
  arguesItsFigures,
  factDenseScore,
  levelledScore,
  SCORING_THRESHOLDS,
  thinDraft,
  thinScore,
} from './scoring';
import { type Section, sectioned } from './test-sections';

const FULL = getExam('b2-strategie-commerciale') as Exam;
/** Three of the exam's criteria: the team's missions, the marketing study, the differentiation. */
const EXAM: Exam = { ...FULL, criteria: FULL.criteria.filter((c) => ['K3', 'K6', 'K7'].includes(c.id)) };

const STUDY: Section = {
  heading: 'Étude de marché et cibles',
  paragraphs: [
    'En mars 2024, la Minoterie Garnaud a interrogé 46 boulangers artisans de la Vienne avec un questionnaire de 12 questions, car elle ne savait pas pourquoi ses ventes avaient baissé de 9 % en 2023.',
    'Les boulangers de centre-ville (28 des 46) attendent une livraison avant 6 h et des farines de tradition, parce que leur clientèle achète surtout la baguette tradition.',
    'Les boulangers de zone commerciale (18 des 46) comparent d’abord le prix au quintal : 14 d’entre eux ont changé de moulin depuis 2022 pour un écart de 3 € seulement.',
    'Leur parcours d’achat passe par le représentant du moulin, puis par un essai de 25 kg, puis par une commande mensuelle : 31 boulangers sur 46 disent décider après l’essai.',
  ],
};
/**
 * Headed in the candidate's words: under a heading naming the criterion's notion, the same section is read as its
 * own case (plan-reading.ts `toldCases`) and reaches 3 by itself; here it is short of 3 alone.
 */
const TEAM: Section = {
  heading: 'Qui vend, et comment',
  paragraphs: [
    'L’équipe commerciale de la Minoterie Garnaud compte trois commerciaux : Julie Perrot suit les 60 boulangers de centre-ville, Marc Allain les 40 boulangers de zone commerciale, car leurs attentes diffèrent.',
    'Chaque commercial a pour mission de visiter 12 clients par semaine, de proposer un essai de 25 kg aux prospects et de remonter chaque mois les prix des concurrents, ce qui a permis de garder 92 % des clients en 2024.',
    'Le troisième commercial, recruté en janvier 2024, prospecte les biocoops de la région : 9 magasins ouverts en dix mois, soit 84 000 € de chiffre d’affaires.',
    'Leurs objectifs commerciaux 2025 ont été fixés avec la direction : +6 % de volume chez les boulangers et 120 000 € en biocoop, parce que le moulin doit occuper sa deuxième ligne de mouture.',
    'Chaque lundi, l’équipe commerciale fait le point avec la production sur les commandes de la semaine, ce qui a réduit les ruptures de 14 à 3 par an.',
  ],
};
const EDGE_THIN: Section = {
  heading: 'Ce qui nous distingue',
  paragraphs: [
    'La Minoterie Garnaud se différencie par ses blés récoltés à moins de 50 km, car ses clients de centre-ville le mettent en avant sur leurs vitrines.',
    'Sa valeur ajoutée tient aussi à la livraison avant 6 h, que deux concurrents sur trois ne proposent pas.',
  ],
};
const EDGE_GENERIC: Section = {
  heading: 'Ce qui nous distingue',
  paragraphs: [
    'La différenciation est un avantage concurrentiel qui permet de se distinguer des concurrents.',
  ],
};

function grade(sections: Section[], id: string) {
  const criterion = EXAM.criteria.find((c) => c.id === id);
  if (!criterion) throw new Error(id);
  return analyzeCriterionDetailed({ exam: EXAM, criterion, ...sectioned(sections) }).grade;
}

describe('the draft’s level (issue #16, strong drafts under-rated)', () => {
  it('reads a 2 as a 3 and a quoted 1 as a 2 in an established draft, and nothing else', () => {
    const established = { established: true, ceiling: 4, quoted: true } as const;
    expect(levelledScore(2, established)).toBe(3);
    expect(levelledScore(1, established)).toBe(2);
    expect(levelledScore(0, established)).toBe(0);
    expect(levelledScore(3, established)).toBe(3);
    expect(levelledScore(1, { ...established, ceiling: 1 })).toBe(1);
    expect(levelledScore(1, { ...established, quoted: false })).toBe(1);
    expect(levelledScore(2, { ...established, established: false })).toBe(2);
  });

  it('gives a short criterion the level of a draft that establishes the others, and says why', () => {
    const established = [STUDY, TEAM, EDGE_THIN];
    expect([grade(established, 'K3').score, grade(established, 'K7').score]).toEqual([3, 3]);
    const team = grade(established, 'K6');
    expect(team.score).toBe(3);
    expect(team.rationale).toMatch(/au vu du dossier : 2 critères sur 3/);
    expect(team.rationale).toMatch(/vaudrait 2/);
    // The same section, in a draft whose differentiation is a definition: one criterion of three at 3.
    const notEstablished = [STUDY, TEAM, EDGE_GENERIC];
    expect(grade(notEstablished, 'K7').score).toBeLessThan(3);
    const alone = grade(notEstablished, 'K6');
    expect(alone.score).toBe(2);
    expect(alone.rationale).not.toMatch(/au vu du dossier/);
  });
});

// ── A draft dense with the company's facts (scoring.ts `factDenseScore`, passage-reading.ts `factDensity`) ──

/** A cider maker's draft: figures and dates about the company in every section, short criteria all the same. */
const CIDER_STUDY: Section = {
  heading: 'Qui sont nos acheteurs',
  paragraphs: [
    'En février 2025, la Cidrerie Kervella a appelé 38 crêperies du Finistère, qui achètent 62 % de ses 41 000 bouteilles.',
    'Parmi elles, 24 commandent chaque mois entre 60 et 120 bouteilles, et 14 seulement en juillet et en août.',
    'Les crêperies de Quimper (17 des 38) veulent une livraison le mardi avant 10 h, car elles ouvrent le mercredi.',
    'Depuis 2023, 9 crêperies ont quitté la cidrerie pour un cidre à 2,10 € la bouteille au lieu de 2,60 €.',
  ],
};
const CIDER_TEAM: Section = {
  heading: 'Les missions de l’équipe commerciale',
  paragraphs: [
    'Yann Kervella visite 15 crêperies par semaine de mars à juin 2025 et propose un fût de 20 litres en essai, car 7 essais sur 10 finissent en commande.',
    'Depuis janvier 2025, Léa Morvan suit les 11 épiceries fines, qui pèsent 18 % du chiffre d’affaires.',
  ],
};
const CIDER_EDGE: Section = {
  heading: 'Pourquoi nous plutôt qu’un autre',
  paragraphs: [
    'Nos pommes viennent de 4 vergers situés à moins de 12 km, et 31 crêperies sur 38 l’écrivent sur leur carte.',
    'En 2024, notre cidre a reçu une médaille d’or au concours de Fouesnant, ce qui a ramené 6 crêperies en 3 mois.',
  ],
};
/** The same team told without a fact: what a partial draft says of it. */
const CIDER_EDGE_BARE: Section = {
  heading: 'Pourquoi nous plutôt qu’un autre',
  paragraphs: [
    'La différenciation permet à une entreprise de se distinguer de ses concurrents par la qualité de son offre.',
    'Une valeur ajoutée reconnue par les clients rend l’entreprise plus compétitive sur son marché.',
  ],
};

/** The same draft as a record of figures: every fact kept, not one reason given (a dashboard in sentences). */
const CIDER_RECORD: Section[] = [
  {
    heading: 'Qui sont nos acheteurs',
    paragraphs: [
      'En février 2025, la Cidrerie Kervella a appelé 38 crêperies du Finistère, qui achètent 62 % de ses 41 000 bouteilles.',
      'Parmi elles, 24 commandent chaque mois entre 60 et 120 bouteilles, et 14 seulement en juillet et en août.',
      'Les crêperies de Quimper (17 des 38) veulent une livraison le mardi avant 10 h.',
      'Depuis 2023, 9 crêperies ont quitté la cidrerie pour un cidre à 2,10 € la bouteille au lieu de 2,60 €.',
    ],
  },
  {
    heading: 'Les missions de l’équipe commerciale',
    paragraphs: [
      'Yann Kervella visite 15 crêperies par semaine de mars à juin 2025 et propose un fût de 20 litres en essai.',
      'Depuis janvier 2025, Léa Morvan suit les 11 épiceries fines, qui pèsent 18 % du chiffre d’affaires.',
    ],
  },
  {
    heading: 'Nos vergers et nos médailles',
    paragraphs: [
      'Nos pommes viennent de 4 vergers situés à moins de 12 km, et 31 crêperies sur 38 l’écrivent sur leur carte.',
      'En 2024, notre cidre a reçu une médaille d’or au concours de Fouesnant, puis 6 crêperies sont revenues en 3 mois.',
    ],
  },
];

describe('a draft dense with the company’s facts (issue #16, plain-worded strong drafts read worst)', () => {
  it('asks the draft to argue a share of its criteria before it gives its figures the benefit of the doubt', () => {
    const share = SCORING_THRESHOLDS.factDense.arguedShare;
    expect(arguesItsFigures({ argued: 0, criteria: 8 })).toBe(false);
    expect(arguesItsFigures({ argued: 1, criteria: 8 })).toBe(false);
    expect(arguesItsFigures({ argued: Math.ceil(share * 9), criteria: 9 })).toBe(true);
    expect(arguesItsFigures({ argued: 3, criteria: 9 })).toBe(true);
    expect(arguesItsFigures({ argued: 0, criteria: 0 })).toBe(false);
  });

  it('gives no step to a criterion of a dense draft that argues nothing (figures without a reason)', () => {
    const record = sectioned(CIDER_RECORD);
    const density = factDensity(record.dossier, 'fr', record.passages);
    expect(density.passageShare).toBe(1);
    expect(density.perThousandWords).toBeGreaterThanOrEqual(SCORING_THRESHOLDS.factDense.perThousandWords);
    const team = grade(CIDER_RECORD, 'K6');
    expect(team.score).toBe(1);
    expect(team.rationale).not.toMatch(/au vu du dossier/);
  });

  it('reads an addressed, quoted 1 as 2 and 2 as 3 in a dense draft, and nothing else', () => {
    const dense = { dense: true, ceiling: 4, quoted: true } as const;
    expect(factDenseScore(1, dense)).toBe(2);
    expect(factDenseScore(2, dense)).toBe(3);
    expect(factDenseScore(0, dense)).toBe(0);
    expect(factDenseScore(3, dense)).toBe(3);
    expect(factDenseScore(4, dense)).toBe(4);
    expect(factDenseScore(2, { ...dense, ceiling: 1 })).toBe(2);
    expect(factDenseScore(1, { ...dense, quoted: false })).toBe(1);
    expect(factDenseScore(2, { ...dense, dense: false })).toBe(2);
  });

  it('measures the company’s figures and dates per 1,000 words and the sections that carry them', () => {
    const { dossier, passages } = sectioned([CIDER_STUDY, CIDER_TEAM, CIDER_EDGE]);
    const dense = factDensity(dossier, 'fr', passages);
    expect(dense.passageShare).toBe(1);
    expect(dense.perThousandWords).toBeGreaterThanOrEqual(SCORING_THRESHOLDS.factDense.perThousandWords);
    const bare = sectioned([CIDER_STUDY, CIDER_TEAM, CIDER_EDGE_BARE]);
    expect(factDensity(bare.dossier, 'fr', bare.passages).passageShare).toBeCloseTo(2 / 3);
  });

  it('gives a short criterion of a dense draft one step, says why, and not when a section states no fact', () => {
    const team = grade([CIDER_STUDY, CIDER_TEAM, CIDER_EDGE], 'K6');
    expect(team.score).toBe(2);
    expect(team.rationale).toMatch(
      /chiffres et dates de l'entreprise pour 1 000 mots, dans 100 % de ses parties/,
    );
    expect(team.rationale).toMatch(/vaudrait 1/);
    // The same team, in a draft whose differentiation is a lesson: two sections of three carry the company's facts.
    const sparser = grade([CIDER_STUDY, CIDER_TEAM, CIDER_EDGE_BARE], 'K6');
    expect(sparser.score).toBe(1);
    expect(sparser.rationale).not.toMatch(/au vu du dossier/);
  });
});

// ── A thin draft (scoring.ts `thinDraft`, `thinScore`) ──────────────────────────────────────────────────────

/** Lessons any company could copy: statements, none about the company, no figure of it. */
const LESSONS: Section[] = [
  {
    heading: 'La stratégie commerciale',
    paragraphs: [
      'Une stratégie commerciale décline la stratégie globale de l’entreprise en objectifs et en actions concrètes.',
      'Il faudra fixer des objectifs clairs et les partager avec toute l’équipe pour avancer dans la même direction.',
    ],
  },
  {
    heading: 'Le pilotage',
    paragraphs: [
      'Le pilotage d’un projet commercial suppose de suivre des indicateurs et de réunir régulièrement les équipes.',
      'Il serait utile de mettre en place un tableau de bord pour suivre les ventes et réagir plus vite.',
    ],
  },
  {
    heading: 'La relation client',
    paragraphs: [
      'Une bonne relation client repose sur l’écoute, la réactivité et le suivi après la vente.',
      'Nous souhaitons fidéliser nos clients en leur proposant un service attentif et personnalisé.',
    ],
  },
];

/** The company's differentiation argued and measured, in one section. */
const EDGE_ARGUED: Section = {
  heading: 'Ce qui nous distingue',
  paragraphs: [
    'La Minoterie Garnaud se différencie par ses blés récoltés à moins de 50 km, car ses clients de centre-ville le mettent en avant sur leurs vitrines.',
    'Sa valeur ajoutée tient aussi à la livraison avant 6 h, que deux concurrents sur trois ne proposent pas, ce qui lui a permis de garder 92 % de ses clients en 2024.',
    'Elle est aussi plus compétitive que les grands moulins, car elle livre en 24 heures quand eux livrent en une semaine, d’après 14 boulangers interrogés en mars 2024.',
  ],
};

describe('a thin draft (issue #16, no false reassurance)', () => {
  it('reads a thin draft’s 2 as 1 and 3 as 2, never under 1, and nothing in another draft', () => {
    expect(thinScore(2, true)).toBe(1);
    expect(thinScore(3, true)).toBe(2);
    expect(thinScore(4, true)).toBe(3);
    expect(thinScore(1, true)).toBe(1);
    expect(thinScore(0, true)).toBe(0);
    expect(thinScore(3, false)).toBe(3);
  });

  it('is a draft that mentions most criteria and gives the company’s figures in few of its parts', () => {
    const T = SCORING_THRESHOLDS.thinDraft;
    const mostlyMentioned = { atMost1: 8, criteria: 9 };
    const parts = T.passages;
    expect(thinDraft(mostlyMentioned, { passageShare: 0.25, passages: parts })).toBe(true);
    expect(thinDraft(mostlyMentioned, { passageShare: T.factPassageShare, passages: parts })).toBe(false);
    expect(thinDraft({ atMost1: 6, criteria: 9 }, { passageShare: 0.25, passages: parts })).toBe(false);
    // An excerpt of a section or two shows no draft's level.
    expect(thinDraft(mostlyMentioned, { passageShare: 0.25, passages: parts - 1 })).toBe(false);
    expect(thinDraft({ atMost1: 0, criteria: 0 }, { passageShare: 0, passages: parts })).toBe(false);
  });

  it('lowers an isolated criterion of a thin draft and says why; the same section in a full draft keeps it', () => {
    const full = FULL;
    const gradeIn = (sections: Section[], id: string) => {
      const criterion = full.criteria.find((c) => c.id === id);
      if (!criterion) throw new Error(id);
      return analyzeCriterionDetailed({ exam: full, criterion, ...sectioned(sections) }).grade;
    };
    const thin = gradeIn([...LESSONS, EDGE_ARGUED], 'K7');
    expect(thin.score).toBe(1);
    expect(thin.rationale).toMatch(/n'y sont que mentionnés/);
    expect(thin.rationale).toMatch(/vaudrait 2/);
    const amongFacts = gradeIn([STUDY, TEAM, EDGE_ARGUED], 'K7');
    expect(amongFacts.score).toBeGreaterThanOrEqual(2);
    expect(amongFacts.rationale).not.toMatch(/n'y sont que mentionnés/);
  });
});
