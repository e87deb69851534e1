/**
 * Issue #16, the draft's plan read by elimination (plan-reading.ts), on a draft written for these tests (not an
 * eval case): a section headed in the candidate's own words (« Comment nous menons le projet ») that names none of
 * the steering criterion's notions, left over once the other sections are placed by what they name, is about the
 * criterion left over; a section of advice or a draft about something else is paired with nothing.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Criterion, Exam } from '../../referential/types';
import { analyzeCriterionDetailed, scoreFromSignals } from './analyzer';
import { claimsPassage, matchLanguage } from './candidates';
import { planReading } from './plan-reading';
import { pairedSatisfactory } from './scoring';
import { type Section, sectioned } from './test-sections';

const EXAM = getExam('b2-strategie-commerciale') as Exam;

function criterionOf(pattern: RegExp): Criterion {
  const c = EXAM.criteria.find((k) => pattern.test(k.text));
  if (!c) throw new Error(String(pattern));
  return c;
}

const STEERING = criterionOf(/pilotage/i);

/** A short plain-worded draft: four sections placed by what they name, one about steering in plain words. */
const PLACED: Section[] = [
  {
    heading: 'De la stratégie globale aux objectifs commerciaux',
    paragraphs: [
      'La Meunerie Garnier vend 4,2 M€ de farine par an, dont 70 % à deux grossistes.',
      "La stratégie globale de l'entreprise vise à réduire cette dépendance, donc nos objectifs commerciaux sont de vendre 900 k€ aux boulangeries artisanales en 2026.",
      "Le plan d'actions prévoit une offre dédiée et une commerciale à temps plein dès mars 2025, car les grossistes baissent nos prix de 3 % par an.",
    ],
  },
  {
    heading: "L'offre, le prix et le mix marketing",
    paragraphs: [
      'Notre offre comprend trois farines de tradition livrées en sacs de 25 kg par nos camions.',
      'Le prix part du coût : le sac nous coûte 14 € rendu fournil et nous le vendons 19 €, soit 26 % de marge, car les boulangers comparent avec les grands moulins.',
      'Le mix marketing repose sur des essais gratuits et une journée portes ouvertes au moulin en mai.',
    ],
  },
  {
    heading: "L'équipe commerciale et ses missions",
    paragraphs: [
      "L'équipe commerciale compte deux personnes : Inès visite les boulangeries et Paul répond aux devis.",
      "Les missions de l'équipe commerciale sont fixées avec un objectif de 40 boulangeries clientes en 2026, car chaque visite coûte 120 €.",
    ],
  },
  {
    heading: 'La relation client',
    paragraphs: [
      'La relation client repose sur une visite du moulin par an pour chaque boulanger client, donc 40 visites en 2026.',
      'Nous mesurons la satisfaction client par un bilan annuel : moins de 2 réclamations par client et 85 % de renouvellement.',
    ],
  },
];

const STEERING_SECTION: Section = {
  heading: 'Comment nous menons le projet',
  paragraphs: [
    'Le projet avance en trois étapes, chacune avec un seuil de passage : 12 essais en décembre 2025, puis 6 boulangeries clientes en juin 2026.',
    'Chaque lundi, nous réunissons pendant 30 minutes le chef meunier, la logistique et la comptable, car chacun apporte un chiffre de la semaine.',
    "Depuis qu'une livraison a été promise un jour sans tournée, nous ne donnons donc aucune date sans l'accord de la logistique.",
    'Notre tableau partagé suit chaque boulangerie : essai, avis du boulanger, commande et montant.',
    'Au 30 juin 2025, nous avions fait 9 essais et 3 boulangeries commandaient déjà 1 200 € par mois.',
  ],
};

/** The same place in the plan, in advice any textbook gives: no case, nothing to pair. */
const ADVICE_SECTION: Section = {
  heading: 'Comment mener un projet',
  paragraphs: [
    'Il faut découper un projet en étapes et fixer un seuil avant chaque étape.',
    'Il faut réunir régulièrement les services concernés, car la coordination évite les erreurs.',
    "Il est conseillé de suivre chaque client dans un tableau partagé, ce qui permet de mesurer l'avancement.",
    'Il faut enfin faire un bilan à la fin de chaque étape pour décider de la suite.',
  ],
};

function plan(sections: Section[]) {
  const { dossier, passages } = sectioned(sections);
  const input = { exam: EXAM, criterion: STEERING, passages, dossier };
  return planReading(
    EXAM,
    dossier,
    passages,
    matchLanguage(EXAM, dossier),
    (criterion, passage) => claimsPassage(input, criterion, passage) === 'concepts',
  );
}

describe('the plan read by elimination (issue #16, plan-reading.ts)', () => {
  it('pairs a plain-worded section about the case with the criterion nothing else places, and scores it', () => {
    const sections = [...PLACED, STEERING_SECTION];
    const reading = plan(sections);
    expect(reading.sections.map((s) => s.heading)).toEqual(['Comment nous menons le projet']);
    expect(reading.paired.get(STEERING.id)).toEqual(new Set(['p4']));
    // Without the pairing, the criterion's notions are never named: capped at 1.
    const analysis = analyzeCriterionDetailed({ exam: EXAM, criterion: STEERING, ...sectioned(sections) });
    expect(analysis.signals.pairedCase).toBe(true);
    expect(analysis.grade.score).toBeGreaterThanOrEqual(2);
  });

  it('pairs no section of advice, and nothing in a draft that places too little', () => {
    const advice = plan([...PLACED, ADVICE_SECTION]);
    expect(advice.paired.size).toBe(0);
    const score = analyzeCriterionDetailed({
      exam: EXAM,
      criterion: STEERING,
      ...sectioned([...PLACED, ADVICE_SECTION]),
    }).grade.score;
    expect(score).toBeLessThanOrEqual(1);
    // A diary of the same company's days places no criterion by what it names: nothing is paired.
    expect(plan([STEERING_SECTION]).paired.size).toBe(0);
  });
});

describe('what a paired section establishes (issue #16, scoring.ts `pairedSatisfactory`)', () => {
  it('scores 3 when the paired section argues twice and states the company’s facts, 2 without the pairing', () => {
    const sections = [...PLACED, STEERING_SECTION];
    const analysis = analyzeCriterionDetailed({ exam: EXAM, criterion: STEERING, ...sectioned(sections) });
    expect(analysis.signals.pairedCase).toBe(true);
    expect(pairedSatisfactory(analysis.signals)).toBe(true);
    expect(scoreFromSignals(analysis.signals)).toBe(3);
    expect(scoreFromSignals({ ...analysis.signals, pairedCase: false })).toBeLessThanOrEqual(2);
  });

  it('pairs no section headed as the draft’s context or presentation', () => {
    const context = { ...STEERING_SECTION, heading: '5. Le contexte' };
    expect(plan([...PLACED, context]).paired.size).toBe(0);
  });
});

describe('the plan is read on the whole dossier only (plan-reading.ts)', () => {
  it('pairs nothing among passages retrieved for one criterion', () => {
    const { dossier, passages } = sectioned([...PLACED, STEERING_SECTION]);
    const retrieved = passages.map((p, i) => ({ ...p, relevance: 0.05 - i / 1000 }));
    const input = { exam: EXAM, criterion: STEERING, passages: retrieved, dossier };
    const reading = planReading(
      EXAM,
      dossier,
      retrieved,
      matchLanguage(EXAM, dossier),
      (criterion, passage) => claimsPassage(input, criterion, passage) === 'concepts',
    );
    expect(reading.paired.size).toBe(0);
  });
});

describe('one section, one criterion: the case section the plan gives (issue #16, plan-reading.ts `own`)', () => {
  const STUDY = criterionOf(/étude marketing/i);
  const MODEL = criterionOf(/business model/i);
  /** A survey of the company's customers: the study's section, rich in prices and channels the model also names. */
  const SURVEY: Section = {
    heading: 'Notre enquête auprès des clients',
    paragraphs: [
      'En janvier 2025, nous avons interrogé 48 boulangers de la Sarthe et de la Mayenne avec le même questionnaire.',
      'Sur ces 48 boulangers, 31 achètent leur farine à un grossiste et 17 directement à un moulin.',
      'Les boulangers paient en moyenne 17 € le sac de 25 kg, livré en moins de 48 heures.',
      'Nous avons aussi relevé 212 commandes de notre site pour voir qui commande, quand et pour quel montant.',
      'Le panier moyen de ces commandes est de 310 €, car les boulangers commandent pour trois semaines.',
      "Les boulangers choisissent d'abord la régularité de la farine, puis le prix et le délai de livraison.",
    ],
  };

  it('gives the survey to the study criterion its heading names, and to no other', () => {
    const sections = [...PLACED, SURVEY, STEERING_SECTION];
    const reading = plan(sections);
    expect(reading.own.get(STUDY.id)).toEqual(new Set(['p4']));
    expect([...reading.own].filter(([, ids]) => ids.has('p4')).map(([id]) => id)).toEqual([STUDY.id]);
    const study = analyzeCriterionDetailed({ exam: EXAM, criterion: STUDY, ...sectioned(sections) });
    expect(study.signals.caseStatements ?? 0).toBeGreaterThanOrEqual(5);
    expect(study.grade.score).toBeGreaterThanOrEqual(2);
    // The business model names the survey's prices too: its own case is told elsewhere (its offer's section).
    expect(reading.own.get(MODEL.id)?.has('p4') ?? false).toBe(false);
  });

  it('pairs no numbered sub-section of a section already placed by what it names', () => {
    const numbered = (s: Section, n: string): Section => ({ ...s, heading: `${n} ${s.heading}` });
    const parent: Section = {
      heading: "3. L'étude marketing",
      paragraphs: ["Notre étude marketing identifie les cibles et leurs besoins, car l'offre en dépend."],
    };
    const base = PLACED.map((s, i) => numbered(s, `${i + 1}.`));
    const child = numbered(STEERING_SECTION, '3.1');
    expect(plan([...base.slice(0, 2), parent, child, ...base.slice(2)]).paired.size).toBe(0);
    // The same section numbered as a section of its own is left over, and paired.
    const own = numbered(STEERING_SECTION, '4.');
    expect(plan([...base.slice(0, 2), parent, own, ...base.slice(2)]).paired.size).toBeGreaterThan(0);
  });
});

describe('a second round of elimination on what the section states (issue #16, plan-reading.ts)', () => {
  const COLLABORATION = criterionOf(/collaboration avec les autres services/i);
  /** A section headed as the mix (claimed by the business model) that tells how the project is run. */
  const MIX_AND_STEERING: Section = {
    heading: "L'offre, le prix et le mix marketing : où nous en sommes",
    paragraphs: [
      'Le projet avance en trois étapes, chacune avec un seuil de passage : 12 essais en décembre 2025, puis 6 boulangeries clientes en juin 2026.',
      'Notre coordination avec la logistique passe par une réunion de 30 minutes chaque lundi, car les tournées changent chaque semaine.',
      'Notre tableau partagé suit chaque boulangerie : essai, avis du boulanger, commande et montant.',
      'Au 30 juin 2025, nous avions fait 9 essais et 3 boulangeries commandaient déjà 1 200 € par mois.',
    ],
  };
  /** The mix told in a richer section of its own. */
  const RICH_MIX: Section = {
    ...PLACED[1],
    paragraphs: [
      ...PLACED[1].paragraphs,
      'Nous livrons 3 tournées par semaine, et la farine bio est vendue 23 € le sac, car elle coûte 4 € de plus.',
      'En 2025, 14 boulangeries ont fait un essai et 9 ont commandé, soit 64 % de transformation.',
    ],
  };

  it('pairs a claimed section that is not its criterion’s case with the criterion its statements name', () => {
    const sections = [PLACED[0], RICH_MIX, ...PLACED.slice(2), MIX_AND_STEERING];
    const reading = plan(sections);
    const last = `p${sections.length - 1}`;
    // The old plan left the section to the mix, told elsewhere, and the collaboration criterion with none.
    expect(reading.paired.get(COLLABORATION.id)).toEqual(new Set([last]));
    expect([...reading.own].filter(([, ids]) => ids.has(last)).map(([id]) => id)).toEqual([COLLABORATION.id]);
  });

  it('pairs nothing in the second round when the section’s statements name none of the criterion’s notions', () => {
    // The same section without the weekly meeting: figures of the trials, nothing about the other departments.
    const figuresOnly: Section = {
      ...MIX_AND_STEERING,
      paragraphs: [
        MIX_AND_STEERING.paragraphs[0],
        'Au 30 juin 2025, nous avions fait 9 essais, car les boulangers voulaient goûter avant de commander.',
        'Trois boulangeries commandaient déjà 1 200 € par mois, soit 400 € chacune.',
        'Le sac de tradition est vendu 19 € et le sac bio 23 €.',
      ],
    };
    const sections = [PLACED[0], RICH_MIX, ...PLACED.slice(2), figuresOnly];
    expect(plan(sections).paired.has(COLLABORATION.id)).toBe(false);
  });
});

describe('a section its criterion’s notion heads, read as elimination read it (issue #16, `toldCases`)', () => {
  const HEADED: Section = { ...STEERING_SECTION, heading: 'Le pilotage du projet' };
  const HEADED_ADVICE: Section = { ...ADVICE_SECTION, heading: 'Le pilotage du projet' };

  it('credits the section the criterion’s notion heads at least as the same section paired by elimination', () => {
    const sections = [...PLACED, HEADED];
    const reading = plan(sections);
    expect(reading.paired.has(STEERING.id)).toBe(false);
    expect(reading.told.get(STEERING.id)).toEqual(new Set(['p4']));
    const headed = analyzeCriterionDetailed({ exam: EXAM, criterion: STEERING, ...sectioned(sections) });
    const eliminated = analyzeCriterionDetailed({
      exam: EXAM,
      criterion: STEERING,
      ...sectioned([...PLACED, STEERING_SECTION]),
    });
    expect(headed.signals.pairedCase).toBe(true);
    // The credit comes from the heading only: it is no new evidence of the draft's level (analyzer.ts).
    expect(headed.signals.toldCase).toBe(true);
    expect(eliminated.signals.toldCase).toBe(false);
    expect(headed.grade.score).toBeGreaterThanOrEqual(eliminated.grade.score);
  });

  it('credits no section of advice under the same heading', () => {
    const sections = [...PLACED, HEADED_ADVICE];
    expect(plan(sections).told.size).toBe(0);
    const analysis = analyzeCriterionDetailed({ exam: EXAM, criterion: STEERING, ...sectioned(sections) });
    expect(analysis.signals.pairedCase).toBe(false);
    expect(analysis.grade.score).toBeLessThanOrEqual(2);
  });
});
