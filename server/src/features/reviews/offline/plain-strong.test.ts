/**
 * Issue #16, strong drafts in plain words, on text written for these tests (not the eval cases):
 * - a criterion about the dossier's own English is read on the dossier's English (own-writing.ts);
 * - a statement naming a criterion's core notion inside a section about the company is about the company
 *   (applied.ts `namesNotionInCompanySection`);
 * - under a heading naming a criterion's core notion, a case reported in statements about the company with
 *   one reason is a criterion partly treated (2), not a mention (scoring.ts `reportsCase`).
 * Each rule's tests fail on the engine before it.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Criterion, Exam } from '../../referential/types';
import { analyzeCriterionDetailed, type CriterionSignals, scoreFromSignals } from './analyzer';
import { isCompanySection } from './applied';
import { esgGridLines, pillarLabel } from './pillars';
import { type Section, sectioned } from './test-sections';

function criterionOf(exam: Exam, pattern: RegExp): Criterion {
  const c = exam.criteria.find((k) => pattern.test(k.text));
  if (!c) throw new Error(String(pattern));
  return c;
}

function analyze(exam: Exam, criterion: Criterion, sections: Section[], language = 'fr') {
  return analyzeCriterionDetailed({ exam, criterion, ...sectioned(sections, language) });
}

const INTERCULTURAL = getExam('b6-management-interculturel') as Exam;
const ENGLISH = criterionOf(INTERCULTURAL, /langue anglaise/);
const PROSPECTION = getExam('b3-prospection') as Exam;
const PORTFOLIO = criterionOf(PROSPECTION, /portefeuille/i);
const MISSION = criterionOf(PROSPECTION, /réussite d'une mission/i);

/** A report in plain English about the candidate's own case: what happened, why, with figures. */
const REPORT = [
  {
    heading: 'Curriculum vitae',
    paragraphs: ['Languages: French (native), English (fluent), Spanish (good).'],
  },
  {
    heading: 'The team I joined in Rotterdam',
    paragraphs: [
      'When I joined Norvale Packaging in 2022, my team of 9 people was split between Rotterdam, Lyon and Porto.',
      'Our Dutch colleagues expected short answers within the day, so my long French e-mails were read as hesitation.',
      'I changed my habits because the delays were costing us orders: we lost two quotes worth 40,000 euros in March.',
      'We agreed that every request would get a reply within 24 hours, which cut the complaints from 11 to 4 in six months.',
    ],
  },
  {
    heading: 'What I learned',
    paragraphs: [
      'The Porto plant waited for the director to decide, while the Dutch buyers expected the account manager to commit on the spot, so I asked for a clear budget limit.',
      'With a limit of 15,000 euros I could answer buyers myself, therefore we signed three supermarket chains in 2023.',
      'I now prepare each video call with an agenda on paper, because the Portuguese team prefers to comment on a document before speaking.',
      'Since we send the minutes within 2 days, the Lyon and Porto teams follow the same decisions.',
      'We moved our weekly meeting to Tuesday, because the Porto team leaves early on Fridays.',
    ],
  },
];

describe('a criterion about the dossier’s own English (own-writing.ts)', () => {
  it('reads a report written in English about the candidate’s case as the evidence of written English', () => {
    const { grade, signals } = analyze(INTERCULTURAL, ENGLISH, REPORT, 'en');
    // Before: only the CV's language line named the notion, nothing developed, score 1.
    expect(signals.developedSentences).toBeGreaterThanOrEqual(4);
    expect(grade.score).toBeGreaterThanOrEqual(3);
    expect(grade.evidence.length).toBeGreaterThan(0);
  });

  it('reads the writing only when the dossier is detected as written in English', () => {
    const english = analyze(INTERCULTURAL, ENGLISH, REPORT, 'en');
    const other = analyze(INTERCULTURAL, ENGLISH, REPORT, 'fr');
    expect(other.signals.developedSentences).toBeLessThan(english.signals.developedSentences);
    expect(other.grade.score).toBeLessThan(english.grade.score);
  });

  it('does not lift a fluent essay in English that speaks of no case of its own', () => {
    const essay = [
      'Working across cultures is a challenge for every manager because people have different values.',
      'It is important to be open-minded, since misunderstandings can damage trust in a team.',
      'Communication styles vary between countries, therefore a good manager must adapt to each situation.',
      'Cultural awareness is a key skill today, because companies are more and more international.',
      'Stereotypes should be avoided, since they prevent people from seeing the individual.',
    ];
    const { grade } = analyze(
      INTERCULTURAL,
      ENGLISH,
      [{ heading: 'Managing across cultures', paragraphs: essay }],
      'en',
    );
    expect(grade.score).toBeLessThanOrEqual(1);
  });
});

/** The company's client groups with their figures, then the notion named once without the company's name. */
const CLIENTS = [
  'Atelier Brunet entretient les chaudières de 412 clients professionnels dans la Drôme.',
  'Les restaurants sont 160 et font 31 % de notre chiffre, mais 24 sont partis en 2023 au changement de patron.',
  'Les syndics de copropriété nous confient 90 immeubles et restent en moyenne neuf ans, donc ils valent plus qu’un client isolé.',
  'Les boulangeries sont 70 clients fidèles, contrôlés chaque année par les services d’hygiène, car une panne leur coûte une fournée.',
];

/** The portfolio's applied core notions when `last` closes the section about the company's clients. */
function portfolioNotions(first: string[], last: string): string[] {
  const section = { heading: 'Nos clients aujourd’hui', paragraphs: [...first, last] };
  return analyze(PROSPECTION, PORTFOLIO, [section]).signals.appliedNotions ?? [];
}

const FOUNDER =
  'Le portefeuille a été construit par le fondateur, surtout par le bouche-à-oreille des artisans du secteur.';

describe('a core notion named in a section about the company (applied.ts)', () => {
  it('counts a section as the company’s when most of its statements are about it', () => {
    expect(isCompanySection([true, true, false], [true, true, true])).toBe(true);
    expect(isCompanySection([true, false, false, false], [true, true, true, true])).toBe(false);
    // Headings and labels are no statements: they neither count for nor against.
    expect(isCompanySection([true, true, false], [true, true, false])).toBe(true);
  });

  it('reads « le portefeuille a été construit par le fondateur » among the company’s figures as its portfolio', () => {
    // Before: the only sentence naming the notion had no name, figure or « nous »: not applied, score capped at 1.
    expect(portfolioNotions(CLIENTS, FOUNDER)).toContain('portefeuille');
  });

  it('keeps advice to anyone textbook prose, even in a section about the company', () => {
    const advice = 'Il faut analyser son portefeuille clients pour savoir quels clients rapportent le plus.';
    expect(portfolioNotions(CLIENTS, advice)).not.toContain('portefeuille');
  });

  it('does not read a section of generalities with the company’s name dropped in once as the company’s', () => {
    const generalities = [
      'Atelier Brunet veut mieux connaître ses clients pour les garder plus longtemps.',
      'Un bon commercial connaît bien ses clients et leurs besoins pour mieux les fidéliser.',
      'La prospection demande de la méthode et de la persévérance pour réussir durablement.',
    ];
    expect(portfolioNotions(generalities, FOUNDER)).not.toContain('portefeuille');
  });
});

describe('reportsCase: the company’s case reported under the criterion’s heading', () => {
  const reported: CriterionSignals = {
    expected: ['reussite_mission', 'fidelisation'],
    found: ['reussite_mission'],
    notions: ['reussite_mission'],
    notionsFound: ['reussite_mission'],
    appliedNotions: ['reussite_mission'],
    developedNotions: ['reussite_mission'],
    genericSentences: 0,
    developedConcepts: ['reussite_mission'],
    relevantSentences: 6,
    developedSentences: 1,
    arguedSentences: 1,
    quantifiedSentences: 0,
    sourceScore: 0,
    pages: [2],
    passages: 1,
    plainDeveloped: 0,
    appliedFacts: 1,
    reportedStatements: 6,
    reportedFigures: 1,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it.each<[string, number, CriterionSignals]>([
    ['one reason and six statements about the company, one with a figure', 2, reported],
    // What the engine gave before: one developed sentence is a mention.
    [
      'the same reason without the reported case',
      1,
      { ...reported, reportedStatements: 0, reportedFigures: 0 },
    ],
    ['facts reported without a single reason', 1, { ...reported, developedSentences: 0, arguedSentences: 0 }],
    ['a case reported with no figure anywhere', 1, { ...reported, reportedFigures: 0 }],
    ['too short a report', 1, { ...reported, reportedStatements: 3 }],
    // Never more than partial on its own.
    ['a long report with one reason', 2, { ...reported, reportedStatements: 12, reportedFigures: 6 }],
  ])('%s → %i', (_, expected, signals) => {
    expect(scoreFromSignals(signals)).toBe(expected);
  });
});

/** A mission told as it happened, by the company's salesperson, with one reason for its success. */
const MISSION_TOLD = [
  'En octobre 2023, la cuisine centrale de la commune de Valréas nous a appelés pour une fuite de gaz un samedi.',
  'Notre technicien est arrivé dans l’heure et a remis l’installation en service le soir même.',
  'Le lundi, j’ai apporté au directeur le relevé des huit appareils de la cuisine, avec leur âge et leur état.',
  'Il a signé un contrat d’entretien pour ses trois sites en décembre, soit 9 600 € par an.',
  'La commune a ensuite recommandé Thermi-Sud à deux collèges du canton, que j’ai rencontrés en janvier.',
  'Ce qui a réussi, c’est la visite préparée avec des faits, parce que le directeur voyait ses propres appareils et pas une plaquette.',
];

describe('a mission reported under its heading (analyzer)', () => {
  it('scores a case told with its figures and one reason as partly treated, not as a mention', () => {
    const section = { heading: 'Une mission qui a réussi : la commune de Valréas', paragraphs: MISSION_TOLD };
    const { grade, signals } = analyze(PROSPECTION, MISSION, [section]);
    expect(signals.reportedStatements).toBeGreaterThanOrEqual(5);
    expect(grade.score).toBeGreaterThanOrEqual(2);
  });

  it('leaves the same facts under a heading that names only the company at a mention', () => {
    const { signals } = analyze(PROSPECTION, MISSION, [
      { heading: 'Thermi-Sud en 2023', paragraphs: MISSION_TOLD },
    ]);
    expect(signals.reportedStatements ?? 0).toBe(0);
  });
});

describe('what a section about the company does not make applied (first run on cases-4a/4b)', () => {
  const DIAGNOSTIC = getExam('b1-diagnostics-strategiques') as Exam;
  const RISKS = criterionOf(DIAGNOSTIC, /risques/i);
  const CHOICES = criterionOf(DIAGNOSTIC, /choix stratégiques/i);
  const NURSERY = [
    'Les Pépinières Morvan vendent 180 000 plantes par an à des jardineries de l’Ouest.',
    'Les Pépinières Morvan emploient 14 salariés et font 2,1 M€ de chiffre d’affaires.',
    'Nous avons perdu deux jardineries en 2023, car elles ont rejoint une centrale d’achat.',
  ];
  const applied = (exam: Exam, criterion: Criterion, last: string) =>
    analyze(exam, criterion, [{ heading: 'Les Pépinières Morvan', paragraphs: [...NURSERY, last] }]).signals
      .appliedNotions ?? [];

  it('keeps a statement about any member of a class textbook prose (« Un risque est… »)', () => {
    const definition =
      'Un risque est un événement incertain qui peut avoir des conséquences négatives ; on l’évalue selon sa probabilité et sa gravité.';
    expect(applied(DIAGNOSTIC, RISKS, definition)).not.toContain('risques');
  });

  it('keeps what an author says textbook prose (« Selon Porter, il existe… »)', () => {
    const author =
      'Selon Porter (1980), il existe trois stratégies génériques : la domination par les coûts, la différenciation et la focalisation.';
    expect(applied(DIAGNOSTIC, CHOICES, author)).not.toContain('choix_strategiques');
  });

  it('does not read the English of an essay of generalities as the candidate’s writing about their work', () => {
    const essay = [
      'We live in a globalised world, so we meet people from other cultures every day at work.',
      'We often misread a silence in a meeting, because in our culture silence means disagreement.',
      'Culture can be defined as the values, beliefs and habits shared by a group of people.',
      'We judge other people with our own values, because most of culture is invisible.',
      'Power distance is the degree to which people accept that power is shared unequally.',
      'Hofstede surveyed 116,000 employees in more than 50 countries, which shows how large the differences are.',
      'Hofstede compared the employees of one company in many countries.',
      'We need to listen more than we speak, because trust comes before business in many cultures.',
      'In low-context cultures communication is explicit and the message is in the words.',
      'We must avoid stereotypes, because they prevent us from seeing the individual.',
      'Diverse teams are more creative, since they bring different points of view.',
      'Non-verbal communication such as silence or gestures is read differently everywhere.',
      'We should therefore adapt our management style to each situation and each person.',
    ];
    const essayOnly = analyze(
      INTERCULTURAL,
      ENGLISH,
      [{ heading: 'Managing across cultures', paragraphs: essay }],
      'en',
    );
    // Before: the essay’s « we » sentences counted as the candidate’s case, and the criterion reached 2.
    expect(essayOnly.grade.score).toBeLessThanOrEqual(1);
  });
});

describe('ESG criteria laid out by pillar (pillars.ts)', () => {
  it('reads a line’s pillar label: a table’s first cell, or the words before a dash or a colon', () => {
    expect(pillarLabel('environnement - carbone | bilan 2022 : 14 200 t')).toBe('e');
    expect(pillarLabel('1. environnement : baisser de 15 % le gaz')).toBe('e');
    expect(pillarLabel('| social | accidents avec arret | 7 en 2023')).toBe('s');
    expect(pillarLabel('governance | supplier audits | 1 of 6')).toBe('g');
    // A sentence that opens on the word is no label.
    expect(pillarLabel('social et environnemental, notre engagement est ancien.')).toBeNull();
    expect(pillarLabel('le climat social est bon | 2023')).toBeNull();
  });

  it('needs two different pillars in the passage', () => {
    expect(esgGridLines(['environnement | gaz | 9 gwh', 'social | accidents | 7', 'total | 16'])).toEqual([
      true,
      true,
      false,
    ]);
    expect(esgGridLines(['social | accidents | 7', 'social | formation | 1,1 %'])).toEqual([false, false]);
  });

  it('scores objectives set per pillar as the ESG criteria applied to the company', () => {
    const RSE = getExam('b1-audit-rse') as Exam;
    const ESG = criterionOf(RSE, /critères ESG/i);
    const objectives = [
      'Nous avons fixé nos objectifs avec la direction de Cartonnages Delorme en mars 2024, à partir de l’audit.',
      '1. environnement : baisser de 15 % le gaz consommé par tonne d’ici fin 2026, car il pèse 9 % de nos coûts ;',
      '2. social : revenir à 3 accidents avec arrêt par an au plus, parce que nous en avons eu 7 en 2023 ;',
      '3. gouvernance : auditer 5 fournisseurs de papier sur 6 d’ici 2025, car nos clients l’exigent dans leurs contrats.',
      'Chaque objectif a un responsable et un indicateur suivi chaque mois au comité de direction de Cartonnages Delorme.',
    ];
    const { signals } = analyze(RSE, ESG, [{ heading: 'Nos objectifs pour 2026', paragraphs: objectives }]);
    // Before: no sentence wrote « critères ESG »: the core notion was absent and the criterion capped at 1.
    expect(signals.appliedNotions).toContain('esg');
  });
});

describe('the case told in the section the plan gives the criterion (issue #16, scoring.ts `treatsCaseSection`)', () => {
  /** A criterion whose notions the draft never names: its section, in plain words, tells the company's case. */
  const plain: CriterionSignals = {
    expected: ['ciblage', 'scoring', 'portefeuille'],
    found: [],
    notions: ['ciblage', 'scoring', 'portefeuille'],
    notionsFound: [],
    appliedNotions: [],
    developedNotions: [],
    genericSentences: 0,
    developedConcepts: [],
    relevantSentences: 9,
    developedSentences: 1,
    arguedSentences: 1,
    quantifiedSentences: 1,
    sourceScore: 0,
    pages: [3],
    passages: 1,
    plainDeveloped: 0,
    appliedFacts: 4,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it('reads the criterion addressed and partly treated (2) with five facts, two figures and a reason', () => {
    expect(scoreFromSignals(plain)).toBeLessThanOrEqual(1);
    const partly = { ...plain, caseStatements: 5, caseFigures: 2, caseArgued: 1, caseDeveloped: 1 };
    expect(scoreFromSignals(partly)).toBe(2);
  });

  it('reads a dense section (eight facts, six figures, argued) as treated (3), however few sentences look developed', () => {
    const dense = { ...plain, caseStatements: 8, caseFigures: 6, caseArgued: 1, caseDeveloped: 1 };
    expect(scoreFromSignals(dense)).toBe(3);
    // Facts and figures without a single reason (a dashboard) treat nothing.
    expect(scoreFromSignals({ ...dense, caseArgued: 0 })).toBeLessThanOrEqual(1);
  });
});
