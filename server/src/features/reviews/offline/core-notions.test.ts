/**
 * Issue #16 on drafts written for these tests (not the eval cases): a criterion whose core notions are absent
 * is not addressed, a generic definition is coverage but never analysis, one domain sentence cannot back
 * several criteria, and the rubric version's descriptors and anchors move the offline score.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import type { DossierText, GradingPassage } from '../grade-schema';
import { rubricForExam } from '../rubric';
import { analyzeCriterionDetailed, type CriterionSignals, scoreFromSignals } from './analyzer';
import { classify, criterionLexicon } from './candidates';

function dossierOf(paragraphs: string[]): { dossier: DossierText; passages: GradingPassage[] } {
  const text = paragraphs.join('\n\n');
  const passages = paragraphs.map((p, i) => ({
    id: `p${i}`,
    ordinal: i,
    page: 1 + Math.floor(i / 4),
    pageEnd: 1 + Math.floor(i / 4),
    section: null,
    annex: false,
    text: p,
    relevance: 1,
  }));
  return {
    dossier: { text, pages: [{ page: 1, text }], language: 'fr', words: text.split(/\s+/).length },
    passages,
  };
}

const RSE = getExam('b1-audit-rse') as Exam;
const byText = (e: Exam, part: string) => {
  const c = e.criteria.find((k) => k.text.includes(part));
  if (!c) throw new Error(part);
  return c;
};

/** A thin, fluent Audit RSE draft: opinions about « la démarche RSE », no risk, no ESG criterion, no indicator. */
const THIN = [
  "Selon moi, la démarche RSE d'Hélios Menuiseries est plutôt positive car l'entreprise fait déjà beaucoup de choses.",
  'La RSE est importante pour Hélios Menuiseries, donc elle doit continuer ses efforts dans les prochaines années.',
  'Hélios Menuiseries pourrait communiquer davantage sur sa démarche RSE, ce qui améliorerait son image auprès des clients.',
  'Il faudrait que la direction d’Hélios Menuiseries s’implique encore plus dans la RSE.',
];

/** The same company, with its risks analysed: probability, severity, prevention, figures. */
const RISKS = [
  ...THIN,
  "Nous avons cartographié les risques RSE d'Hélios Menuiseries : le risque de rupture d'approvisionnement en bois certifié FSC a une probabilité forte, car 62 % du bois vient d'un seul fournisseur.",
  "Sa gravité est élevée : un arrêt de deux semaines coûterait 180 000 € de chiffre d'affaires, donc nous préconisons un second fournisseur certifié d'ici 2026.",
  "Le risque d'accident du travail en atelier est probable (taux de fréquence de 31 en 2023) et grave, ce qui justifie un plan de prévention chiffré à 25 000 €.",
  'Le risque réglementaire lié au décret tertiaire est peu probable mais sa gravité serait forte, car une mise en demeure entraînerait une amende de 7 500 €.',
  "Hélios Menuiseries réduit ce risque par un audit énergétique dès 2025, ce qui limite l'exposition selon l'ADEME (2024).",
];

describe('core notions (issue #16)', () => {
  it('scores at most 1, with no evidence, a criterion whose core notions are absent, and says what is absent', () => {
    const { dossier, passages } = dossierOf(THIN);
    for (const part of ['risques liés à la RSE', 'critères ESG clairement', 'indicateurs de RSE']) {
      const { grade, signals } = analyzeCriterionDetailed({
        exam: RSE,
        criterion: byText(RSE, part),
        passages,
        dossier,
      });
      expect(signals.notionsFound, part).toEqual([]);
      expect(grade.score, part).toBeLessThanOrEqual(1);
      expect(grade.evidence, part).toEqual([]);
    }
    const k6 = analyzeCriterionDetailed({
      exam: RSE,
      criterion: byText(RSE, 'risques liés à la RSE'),
      passages,
      dossier,
    });
    expect(k6.grade.missing[0]).toMatch(/probabilité, gravité/);
    expect(k6.grade.rationale).toMatch(/risques/);
  });

  it('credits the same criterion once its notions are analysed, and quotes only sentences that name them', () => {
    const { dossier, passages } = dossierOf(RISKS);
    const { grade } = analyzeCriterionDetailed({
      exam: RSE,
      criterion: byText(RSE, 'risques liés à la RSE'),
      passages,
      dossier,
    });
    expect(grade.score).toBeGreaterThanOrEqual(3);
    for (const e of grade.evidence) expect(e.quote).toMatch(/risque|probab|gravit/i);
  });

  it('counts a textbook definition as coverage, never as analysis', () => {
    const definitions = [
      "L'analyse PESTEL étudie les facteurs politiques, économiques, sociologiques, technologiques, écologiques et légaux, car ils influencent toutes les entreprises.",
      'Les cinq forces de Porter montrent que le pouvoir de négociation des clients et des fournisseurs détermine la rentabilité d’un secteur.',
      'La matrice SWOT croise les forces et faiblesses internes avec les opportunités et menaces externes, ce qui permet de formuler une stratégie.',
      'Selon Michael Porter, les nouveaux entrants et les produits de substitution menacent donc les marges des entreprises installées.',
      "Le diagnostic interne analyse les ressources et compétences, car elles fondent l'avantage concurrentiel.",
    ];
    const exam = getExam('b1-diagnostics-strategiques') as Exam;
    const { dossier, passages } = dossierOf(definitions);
    const { grade, signals } = analyzeCriterionDetailed({
      exam,
      criterion: byText(exam, 'diagnostics stratégiques'),
      passages,
      dossier,
    });
    expect(signals.found.length).toBeGreaterThanOrEqual(3);
    expect(signals.developedSentences).toBe(0);
    expect(signals.genericSentences).toBeGreaterThanOrEqual(4);
    expect(grade.score).toBe(1);
    expect(grade.missing.join(' ')).toMatch(/restent généraux/);
  });
});

describe('the rubric version moves the offline score (issue #16)', () => {
  const criterion = byText(RSE, 'risques liés à la RSE');
  const { dossier, passages } = dossierOf(RISKS);

  it('reads the default rubric as no change', () => {
    const rubric = rubricForExam(RSE).criteria.find((c) => c.id === criterion.id);
    const plain = analyzeCriterionDetailed({ exam: RSE, criterion, passages, dossier });
    const read = analyzeCriterionDetailed({ exam: RSE, criterion, passages, dossier, rubric });
    expect(read).toEqual(plain);
  });

  it('expects what a descriptor adds: a draft without it covers less', () => {
    const base = rubricForExam(RSE).criteria.find((c) => c.id === criterion.id);
    if (!base) throw new Error('no K6');
    const rubric = {
      ...base,
      descriptors: {
        ...base.descriptors,
        3: `${base.descriptors[3]} Le bilan carbone, la CSRD, les labels ISO 26000 et les attentes des consommateurs sont pris en compte.`,
      },
    };
    const plain = analyzeCriterionDetailed({ exam: RSE, criterion, passages, dossier });
    const read = analyzeCriterionDetailed({ exam: RSE, criterion, passages, dossier, rubric });
    expect(read.signals.expected.length).toBeGreaterThan(plain.signals.expected.length);
    expect(read.signals.expected).toEqual(expect.arrayContaining(['bilan_carbone', 'csrd_taxonomie']));
  });

  it('keeps the score within one point of an anchor the draft takes up', () => {
    const base = rubricForExam(RSE).criteria.find((c) => c.id === criterion.id);
    if (!base) throw new Error('no K6');
    const plain = analyzeCriterionDetailed({ exam: RSE, criterion, passages, dossier });
    expect(plain.grade.score).toBeGreaterThanOrEqual(3);
    const anchored = analyzeCriterionDetailed({
      exam: RSE,
      criterion,
      passages,
      dossier,
      rubric: {
        ...base,
        anchors: [
          {
            score: 1,
            excerpt:
              "Le risque d'accident du travail en atelier est probable et grave, ce qui justifie un plan de prévention.",
          },
        ],
      },
    });
    expect(anchored.grade.score).toBe(2);
  });
});

describe('a criterion is addressed about the company, not in a lesson (issue #16)', () => {
  /** Risks defined as a lesson; the company's own sentences (figures, names, argued) never name a risk. */
  const LESSON_AND_OPINIONS = [
    "Il faut identifier les risques liés à la RSE, évaluer leur probabilité et leur gravité, puis prévoir des actions de prévention, car une entreprise qui les néglige s'expose à des sanctions.",
    'Les risques liés à la RSE doivent être repérés dans une cartographie, ce qui permet de hiérarchiser les actions de prévention selon leur gravité.',
    "Hélios Menuiseries emploie 48 salariés et réalise 7,2 M€ de chiffre d'affaires, donc sa démarche RSE est repérée par ses clients.",
    "Hélios Menuiseries a réduit ses chutes de bois de 12 % en 2023, car l'atelier trie désormais ses déchets, ce qui est lié à sa démarche RSE.",
    "Selon l'ADEME (2023), la démarche RSE d'Hélios Menuiseries est plutôt avancée pour une entreprise de 48 salariés, donc elle est repérée comme exemplaire.",
  ];
  const risksOf = (paragraphs: string[]) =>
    analyzeCriterionDetailed({
      exam: RSE,
      criterion: byText(RSE, 'risques liés à la RSE'),
      ...dossierOf(paragraphs),
    });

  it('scores 1 at most when the core notions appear only in generic sentences, and says so', () => {
    const { grade, signals } = risksOf(LESSON_AND_OPINIONS);
    expect(signals.notionsFound.length).toBeGreaterThan(0);
    expect(signals.appliedNotions).toEqual([]);
    expect(grade.score).toBeLessThanOrEqual(1);
    expect(grade.rationale).toMatch(/pas appliqué à l'entreprise/);
  });

  it('credits the criterion once one of its notions is stated about the company', () => {
    const { grade, signals } = risksOf([
      ...LESSON_AND_OPINIONS,
      "Le principal risque d'Hélios Menuiseries est la rupture d'approvisionnement en bois certifié, car 62 % du bois vient d'un seul fournisseur.",
    ]);
    expect(signals.appliedNotions?.length).toBeGreaterThan(0);
    expect(grade.score).toBeGreaterThanOrEqual(2);
  });
});

describe('the plain-words section reading needs a fact about the company (branch grader-weak-2)', () => {
  // Notions absent; three fluent argued sentences under a section the criterion's words point to; the one
  // figure of the criterion stands elsewhere (the company's presentation).
  const fluent: CriterionSignals = {
    expected: ['pestel', 'porter', 'swot', 'ressources_internes'],
    found: [],
    notions: ['pestel', 'porter', 'swot', 'ressources_internes'],
    notionsFound: [],
    appliedNotions: [],
    developedNotions: [],
    genericSentences: 0,
    developedConcepts: [],
    relevantSentences: 6,
    developedSentences: 4,
    arguedSentences: 4,
    quantifiedSentences: 1,
    sourceScore: 0,
    pages: [1, 2],
    passages: 2,
    plainDeveloped: 3,
    plainFacts: 0,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it('scores 1 when none of the section’s developed sentences states a figure', () => {
    expect(scoreFromSignals(fluent)).toBe(1);
  });

  it('still reads the section when one of its developed sentences carries a figure', () => {
    expect(scoreFromSignals({ ...fluent, plainFacts: 1 })).toBe(2);
  });
});

/** Prose facts: the company's figures stated in sentences of their own (scoring.ts `plainSatisfactory`). */
describe('appliedFacts: the company figures stated in prose', () => {
  const exam = getExam('b3-prospection');
  if (!exam) throw new Error('b3-prospection missing from the referential');
  const portfolio = exam.criteria.find((c) => c.text.includes('portefeuille'));
  if (!portfolio) throw new Error('no portfolio criterion');
  const grade = (paragraphs: string[]) => {
    const { dossier, passages } = dossierOf(paragraphs);
    return analyzeCriterionDetailed({ exam, criterion: portfolio, passages, dossier });
  };

  const prose = [
    "Notre portefeuille compte 212 clients actifs sur mon secteur. J'ai repris deux ans de factures et je les ai croisées avec le fichier des visites tenu par les commerciaux.",
    "Les 30 plus gros clients du portefeuille font 61 % de mon chiffre d'affaires. Si l'un d'eux part, c'est l'équivalent de quinze petits artisans qui disparaît, donc ces comptes doivent être suivis de près.",
    "Le portefeuille compte 74 clients qui n'ont rien commandé depuis plus de douze mois. La moitié d'entre eux avait simplement oublié de nous recontacter, ce qui montre que le problème vient de notre suivi et pas de nos prix.",
    "Les restaurants et les garages du portefeuille, 40 clients au total, achètent peu chez nous alors qu'ils ont des besoins réguliers en vestes brodées, donc ils seront notre première cible de relance.",
  ];

  it('counts prose statements of the company figures, and with the reasoning around them they reach 3', () => {
    const graded = grade(prose);
    expect(graded.signals.appliedFacts).toBeGreaterThanOrEqual(2);
    expect(graded.signals.developedSentences).toBeLessThan(5);
    expect(graded.grade.score).toBe(3);
  });

  it('does not count a table of the same figures as prose facts', () => {
    const graded = grade([
      'Groupe de clients | Nombre | Part du chiffre\nGros comptes du bâtiment | 30 | 61 %\nClients endormis depuis douze mois | 74 | 9 %\nRestaurants et garages | 40 | 6 %',
    ]);
    expect(graded.signals.appliedFacts ?? 0).toBe(0);
    expect(graded.grade.score).toBeLessThanOrEqual(1);
  });
});

describe('the rubric’s anchors never lift a criterion whose core notions are absent (branch grader-weak-3)', () => {
  const criterion = byText(RSE, 'risques liés à la RSE');
  const base = rubricForExam(RSE).criteria.find((c) => c.id === criterion.id);
  if (!base) throw new Error('no risks criterion');
  // Risks as a lesson, and opinions about the company: the notions are named, never applied to it.
  const LESSON = [
    "Il faut identifier les risques liés à la RSE, évaluer leur probabilité et leur gravité, puis prévoir des actions de prévention, car une entreprise qui les néglige s'expose à des sanctions.",
    ...THIN,
  ];
  // An exam team anchored a 4 on an excerpt of a strong dossier that the lesson's sentence nearly repeats.
  const anchor = {
    score: 4 as const,
    excerpt:
      'Les risques liés à la RSE sont identifiés, leur probabilité et leur gravité évaluées, des actions de prévention prévues.',
  };
  const grade = (paragraphs: string[]) =>
    analyzeCriterionDetailed({
      exam: RSE,
      criterion,
      ...dossierOf(paragraphs),
      rubric: { ...base, anchors: [anchor] },
    });

  it('keeps a draft that names risks only in a lesson at 1 at most', () => {
    const { grade: g, signals } = grade(LESSON);
    expect(signals.notionsFound.length).toBeGreaterThan(0);
    expect(signals.appliedNotions).toEqual([]);
    expect(g.score).toBeLessThanOrEqual(1);
  });

  it('still moves a draft that addresses the risks towards the anchor', () => {
    const withRisks = grade(RISKS);
    expect(withRisks.signals.appliedNotions?.length).toBeGreaterThan(0);
    expect(withRisks.grade.score).toBeGreaterThanOrEqual(3);
  });
});

describe('a criterion with nothing of its core notions and nothing developed is absent (branch grader-weak-3)', () => {
  // The thin draft's signals on the risks criterion, with three sentences that share a word with it (« Les
  // stands attirent du monde ») but name none of its notions, argue nothing and state no fact of the company.
  const thin = analyzeCriterionDetailed({
    exam: RSE,
    criterion: byText(RSE, 'risques liés à la RSE'),
    ...dossierOf(THIN),
  }).signals;
  const base: CriterionSignals = {
    ...thin,
    notionsFound: [],
    appliedNotions: [],
    relevantSentences: 3,
    developedSentences: 0,
    arguedSentences: 0,
    appliedFacts: 0,
    plainDeveloped: 0,
    stuffedMentions: 0,
  };

  it('scores 0 when no core notion is named and nothing is developed', () => {
    expect(scoreFromSignals(base)).toBe(0);
  });

  it.each([
    ['a core notion named, even in a lesson', { notionsFound: thin.notions.slice(0, 1) }],
    ['a developed sentence', { developedSentences: 1, arguedSentences: 1 }],
    ['a fact of the company', { appliedFacts: 1 }],
    ['a stuffed mention', { stuffedMentions: 1 }],
  ] as const)('keeps 1 with %s', (_, change) => {
    expect(scoreFromSignals({ ...base, ...change } as CriterionSignals)).toBe(1);
  });
});

describe('a table of sourced figures is data, not analysis (issue #16, grader-weak-5)', () => {
  const DIAG = getExam('b1-diagnostics-strategiques') as Exam;
  const TABLE = [
    'Indicateur | 2021 | 2022 | 2023 | Source',
    'Marché français du fromage (Md€) | 7,1 | 7,4 | 7,8 | FranceAgriMer 2024',
    'Consommation par habitant (kg) | 26,8 | 26,5 | 26,3 | CNIEL 2024',
    'Production de reblochon (t) | 15 200 | 15 600 | 15 900 | Syndicat du reblochon 2024',
    'Part des AOP dans les ventes du marché (%) | 12 | 12,5 | 13 | CNIEL 2024',
    'Prix moyen du lait (€/1000 l) | 385 | 465 | 490 | FranceAgriMer 2024',
    'Ventes du marché en GMS (%) | 68 | 67 | 66 | Kantar 2023',
    'Ventes du marché en crémerie (%) | 14 | 15 | 15 | Kantar 2023',
    'Exportations du marché (Md€) | 3,4 | 3,7 | 3,9 | Douanes 2024',
    'Concurrent Lactalis, CA (Md€) | 26 | 27 | 28 | Rapport annuel Lactalis 2023',
    'CA Fromagerie des Aravis (M€) | 9,8 | 10,4 | 11,2 | Entreprise',
  ].join('\n');
  const DRAFT = [
    'La Fromagerie des Aravis fabrique du reblochon en Haute-Savoie et emploie 38 salariés.',
    TABLE,
    'Selon FranceAgriMer (2024), le marché français du fromage atteint 7,8 milliards d’euros en 2023, car la valeur progresse.',
    'Les concurrents de la Fromagerie des Aravis sont Lactalis, Savencia et la Fromagerie Chabert.',
  ];

  it('does not count the rows of figures as developed sentences, however they are sourced', () => {
    const { dossier, passages } = dossierOf(DRAFT);
    const { grade, signals } = analyzeCriterionDetailed({
      exam: DIAG,
      criterion: byText(DIAG, 'nature du marché'),
      passages,
      dossier,
    });
    // One argued prose sentence develops the market; ten sourced rows of figures document it.
    expect(signals.developedSentences).toBeLessThanOrEqual(2);
    expect(grade.score).toBeLessThanOrEqual(2);
  });
});

describe('a draft without figures of its own: the sector’s figures are context (issue #16, grader-weak-7)', () => {
  const DIAG = getExam('b1-diagnostics-strategiques') as Exam;
  /** A driving school's « diagnostic »: the sector's public figures, a study's table, the company's name. */
  const SECTOR =
    `Auto-École Marquis est une auto-école familiale de Poitiers qui prépare ses élèves au permis B et au permis moto.

Le marché français de l’éducation routière représente environ 1,4 milliard d’euros selon le CNPA (2023), ce qui en fait un marché important.

La France compte environ 12 000 auto-écoles, donc la concurrence est forte pour Auto-École Marquis.

Le nombre de permis B délivrés a progressé de 4 % entre 2019 et 2023 selon la Sécurité routière, car les jeunes ont besoin de mobilité.

Indicateur | Valeur | Source
Chiffre d’affaires du secteur | 1,4 Md€ en 2023 | CNPA 2023
Nombre d’auto-écoles en France | environ 12 000 | ONISR 2023
Part des plateformes en ligne dans les inscriptions | 15 % | Xerfi 2022
Taux de réussite national au permis B | 58 % | ONISR 2023
Coût moyen d’un permis B | 1 800 € | UFC-Que Choisir 2022

Le secteur emploie environ 45 000 moniteurs, ce qui montre son poids dans l’économie.

Le marché de l’éducation routière est donc porteur car la demande de permis reste forte.

Les concurrents d’Auto-École Marquis sont les autres auto-écoles de Poitiers et les plateformes en ligne.

Auto-École Marquis évolue donc dans un environnement concurrentiel où elle doit se différencier.`.split(
      '\n\n',
    );
  /** The same draft with the company's own figures, argued against the sector's. */
  const OWN = [
    ...SECTOR,
    'Nous avons formé 420 élèves en 2023, pour un chiffre d’affaires de 610 000 €, en hausse de 6 % sur 2022.',
    'Notre taux de réussite au permis B est de 71 %, contre 58 % au niveau national, ce qui justifie un prix 8 % au-dessus de la moyenne locale.',
    'Auto-École Marquis détient environ 14 % des inscriptions de Poitiers : nos deux premiers concurrents en ont 22 % et 17 %, car ils ont trois agences chacun.',
    'Depuis 2021, les plateformes en ligne nous ont pris 40 élèves par an, donc nous avons ouvert l’inscription en ligne en 2024.',
  ];
  const grade = (paragraphs: string[], part: string) => {
    const { dossier, passages } = dossierOf(paragraphs);
    return analyzeCriterionDetailed({ exam: DIAG, criterion: byText(DIAG, part), passages, dossier });
  };

  it('does not lift the market criterion above 2 on the sector’s figures alone', () => {
    const { grade: g, signals } = grade(SECTOR, 'nature du marché');
    expect(g.score).toBeLessThanOrEqual(2);
    // The study's rows and the sector's sentences are not facts of the case.
    expect(signals.appliedFacts ?? 0).toBe(0);
    expect(signals.quantifiedSentences).toBeLessThanOrEqual(1);
  });

  it('still credits the sector’s figures beside the company’s own', () => {
    const sector = grade(SECTOR, 'nature du marché');
    const own = grade(OWN, 'nature du marché');
    expect(own.grade.score).toBeGreaterThanOrEqual(3);
    // The sourced sector sentences back the analysis again once the company's own figures stand beside them.
    expect(sector.signals.sourceScore).toBe(0);
    expect(own.signals.sourceScore).toBeGreaterThanOrEqual(1);
    expect(own.signals.quantifiedSentences).toBeGreaterThan(sector.signals.quantifiedSentences);
  });
});

/** The relevant candidates of one criterion in paragraphs that stand under one section's heading. */
function candidatesUnder(exam: Exam, part: string, paragraphs: string[], section: string) {
  const { dossier, passages } = dossierOf(paragraphs);
  const criterion = byText(exam, part);
  const input = { exam, criterion, dossier, passages: passages.map((p) => ({ ...p, section })) };
  return classify(input, criterionLexicon(exam, criterion)).relevant;
}

describe('a common word a name borrows is not the company (issue #16, grader-weak-7)', () => {
  const CREATION = getExam('b6-entrepreneuriat') as Exam;
  /** A climbing-gym project named « Bloc Nord »: the trade's rules of thumb, « bloc » as a common word. */
  const RULES =
    `Le projet Bloc Nord est une salle d’escalade que je souhaite ouvrir à Lille avec deux associés.

Les grimpeurs trouveront chez Bloc Nord des cours et un espace de détente, et Bloc Nord ouvrira le dimanche.

Pour une salle de bloc, l’investissement est en général compris entre 500 000 et 1 million d’euros.

Une salle de bloc atteint généralement son point mort au bout de deux ans, car la clientèle met du temps à venir.`.split(
      '\n\n',
    );

  it('reads the trade’s habits about « une salle de bloc » as generic, not as facts of the project', () => {
    const relevant = candidatesUnder(CREATION, 'business plan', RULES, 'Le business plan et le financement');
    const habits = relevant.filter((c) => /salle de bloc/.test(c.sentence.text));
    expect(habits).toHaveLength(2);
    expect(habits.map((c) => c.applied)).toEqual([false, false]);
  });
});

describe('in a draft without figures of its own, a study backs nothing (issue #16, grader-weak-7)', () => {
  const PROSP = getExam('b3-prospection') as Exam;
  /** A prospection draft: a study's table and its figures, then argued generalities about the company. */
  const DRAFT =
    `Je suis commercial chez Alpes Froid Service, qui installe et entretient des chambres froides en Savoie.

J’ai repris les chiffres d’une étude sectorielle (Xerfi, « Le marché du froid commercial », 2023).

Indicateur | Valeur | Source
Marché français du froid commercial | 2,1 Md€ en 2022 | Xerfi 2023
Nombre d’entreprises du secteur | environ 1 900 | Xerfi 2023
Restaurants en Savoie | environ 4 300 | INSEE 2021

Comme le montre l’étude, 70 % des restaurants savoyards sont indépendants, ce qui représente une cible importante.

Le marché du froid commercial représente 2,1 milliards d’euros, donc Alpes Froid Service a un fort potentiel.`.split(
      '\n\n',
    );

  it('takes no source and no figure of the sector as backing, even beside the company’s name', () => {
    const relevant = candidatesUnder(
      PROSP,
      'techniques utilisées',
      DRAFT,
      'La démarche de prospection et ses canaux',
    );
    const backing = relevant.filter((c) => c.source > 0 || c.quantified).map((c) => c.sentence.text);
    expect(relevant.length).toBeGreaterThanOrEqual(5);
    expect(backing).toEqual([]);
  });
});

describe('an intention is not a reason shown (issue #16, partial drafts over-rated)', () => {
  const SALON = getExam('b3-salon-commercial') as Exam;
  /** A trade-show draft: intentions argued by « car », beside decisions taken and dated steps. */
  const DRAFT =
    `Il faudra être plus réactifs avec les visiteurs du stand, car ils comparent les devis le soir même.

Un espace plus calme permettra de discuter avec les prospects, car le bruit gêne les échanges.

Nous avons choisi un stand d’angle car nos clients arrivent par l’allée centrale.

Nous enverrons les invitations en mars, car les acheteurs préparent leurs visites un mois avant.`.split(
      '\n\n',
    );

  it('reads a future or an obligation still to meet as no argument, a decision taken or dated as one', () => {
    const relevant = candidatesUnder(
      SALON,
      'supports de communication',
      DRAFT,
      'Les supports de communication du stand',
    );
    const argued = Object.fromEntries(relevant.map((c) => [c.sentence.text.slice(0, 20), c.argued]));
    expect(argued).toEqual({
      'Il faudra être plus ': false,
      'Un espace plus calme': false,
      'Nous avons choisi un': true,
      'Nous enverrons les i': true,
    });
  });
});

describe('a gap the draft admits is not a reason shown (issue #16, partial drafts over-rated)', () => {
  const STEERING = getExam('b5-pilotage-performance') as Exam;
  /** A dashboard draft: gaps admitted with their « car », beside a reason about what was measured. */
  const DRAFT =
    `Nous n’avons pas encore comparé la rentabilité des canaux, car le temps a manqué en fin d’année.

Je n’ai pas calculé le coût de chaque salon, parce que les factures sont classées par fournisseur.

Nous avons suivi le coût de chaque salon, car les factures sont classées par événement.

Nous n’avons pas retenu le salon de Lyon car il coûtait trop cher pour les contacts attendus.`.split('\n\n');

  it('reads « nous n’avons pas encore… car » as no argument, a choice not to do something as one', () => {
    const relevant = candidatesUnder(STEERING, 'coûts sont calculés', DRAFT, 'Les coûts et la rentabilité');
    const argued = Object.fromEntries(relevant.map((c) => [c.sentence.text.slice(0, 20), c.argued]));
    expect(argued).toEqual({
      'Nous n’avons pas enc': false,
      'Je n’ai pas calculé ': false,
      'Nous avons suivi le ': true,
      'Nous n’avons pas ret': true,
    });
  });
});

describe('the core notions a criterion’s own text names (issue #16, session 16)', () => {
  const STRATEGY = getExam('b2-strategie-commerciale') as Exam;
  const read = (exam: Exam, part: string, paragraphs: string[]) => {
    const { dossier, passages } = dossierOf(paragraphs);
    return analyzeCriterionDetailed({ exam, criterion: byText(exam, part), passages, dossier });
  };

  it('reads the coordination of the project as the steering criterion’s notion (« structuré, coordonné »)', () => {
    const { signals } = read(STRATEGY, 'méthode de pilotage', [
      'Chez Tissages Morand, chaque mardi, une réunion de trente minutes rassemble la production, la logistique et les deux commerciaux autour des commandes de la semaine.',
      'En mars 2024, une livraison promise en cinq jours a pris douze jours, donc aucune date ne part désormais sans la coordination avec la production.',
    ]);
    expect(signals.notionsFound).toContain('coordination');
  });

  it('does not take an indicator alone as the steering criterion’s notion', () => {
    const { signals, grade } = read(STRATEGY, 'méthode de pilotage', [
      'Les indicateurs de Tissages Morand sont le chiffre d’affaires, le taux de marge et le panier moyen de 2023.',
    ]);
    expect(signals.notionsFound).toEqual([]);
    expect(grade.score).toBeLessThanOrEqual(1);
  });
});

describe('a sourced wish develops nothing (issue #16, the weak draft of intentions)', () => {
  it('does not count an intention with a source and no figure as a developed sentence; a sourced fact still is', () => {
    const exam = getExam('b3-prospection') as Exam;
    const criterion = byText(exam, 'fidélisation est justifiée');
    const wish =
      'Il faudrait, selon la Fédération du bâtiment, mesurer la satisfaction de nos clients après chaque pose de portail.';
    const fact =
      "Selon l'enquête de satisfaction de la Ferronnerie Arnal, nos clients rappelés après chaque pose commandent un entretien.";
    const { dossier, passages } = dossierOf([
      'La fidélisation des clients de la Ferronnerie Arnal',
      wish,
      fact,
    ]);
    const { relevant } = classify({ exam, criterion, passages, dossier }, criterionLexicon(exam, criterion));
    const developed = (text: string) => relevant.find((c) => c.sentence.text === text)?.developed;
    expect(developed(wish)).toBe(false);
    expect(developed(fact)).toBe(true);
  });
});
