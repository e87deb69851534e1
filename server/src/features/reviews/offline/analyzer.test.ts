import { describe, expect, it } from 'vitest';
import { getExam, listExams } from '../../referential';
import type { Exam } from '../../referential/types';
import { CriterionGradeSchema, type DossierText, type GradingPassage } from '../grade-schema';
import {
  analyzeCriterion,
  analyzeCriterionDetailed,
  type CriterionSignals,
  SCORING_THRESHOLDS,
  scoreFromSignals,
} from './analyzer';
import { classify, criterionLexicon } from './candidates';
import { rationale } from './feedback';
import { FIGURELESS, figureRate, isFigureless } from './figureless';
import { STUFFED_CASE } from './test-case-facts';

/** A dossier as ingestion builds it (pages joined by a blank line) and its passages (one per paragraph). */
function dossierOf(pages: string[], language = 'fr'): { dossier: DossierText; passages: GradingPassage[] } {
  const pageTexts = pages.map((text, i) => ({ page: i + 1, text }));
  const text = pageTexts.map((p) => p.text).join('\n\n');
  const passages: GradingPassage[] = [];
  for (const p of pageTexts) {
    for (const paragraph of p.text.split(/\n\n+/)) {
      if (!paragraph.trim()) continue;
      passages.push({
        id: `p${passages.length}`,
        ordinal: passages.length,
        page: p.page,
        pageEnd: p.page,
        section: null,
        annex: false,
        text: paragraph,
        relevance: 1,
      });
    }
  }
  return { dossier: { text, pages: pageTexts, language, words: text.split(/\s+/).length }, passages };
}

function exam(id: string): Exam {
  const found = getExam(id);
  if (!found) throw new Error(`exam ${id} missing from the referential`);
  return found;
}

function criterion(examId: string, textPart: string) {
  const c = exam(examId).criteria.find((k) => k.text.includes(textPart));
  if (!c) throw new Error(`no criterion « ${textPart} » in ${examId}`);
  return c;
}

const DIAGNOSTICS = 'b1-diagnostics-strategiques';

/** A well-built diagnostic: PESTEL factors with figures and sources, Porter, SWOT, over three pages. */
const STRONG = [
  `1. Présentation de l'entreprise

Le groupe L'Occitane, fondé en 1976 et dont le siège est à Manosque, réalise un chiffre d'affaires de 2,5 Md€ en 2023 avec 9 000 collaborateurs dans 90 pays. Notre unité d'affaires, la filiale française de soins bio, représente 14 % du CA du groupe selon le rapport annuel 2023.

2. Méthodologie de veille

Nous avons organisé une veille hebdomadaire avec Google Alerts et Feedly sur 25 mots-clés, complétée par une synthèse par ChatGPT, ce qui permet de trier 150 articles par mois. Les sources secondaires (INSEE, Xerfi, rapport annuel 2023) ont été recoupées avec des sources primaires, car la fiabilité des données conditionne nos préconisations.`,
  `3. Diagnostic externe : analyse PESTEL

Sur le plan politique et légal, la loi AGEC de 2020 impose la fin des emballages plastiques à usage unique d'ici 2040, ce qui oblige l'entreprise à revoir 60 % de ses références.
Sur le plan économique, selon l'INSEE (2024), l'inflation a atteint 4,9 % en 2023, donc le panier moyen en cosmétique a reculé de 3 %.
Sur le plan socio-culturel, 67 % des consommateurs privilégient les produits naturels selon l'étude Kantar (2023), ce qui révèle une opportunité pour la gamme bio.
Sur le plan technologique, l'essor du e-commerce (+12 % par an selon la Fevad) montre que la vente en ligne devient un canal prioritaire.
L'analyse PESTEL montre ainsi que les facteurs environnementaux et légaux constituent à la fois une menace à court terme et une opportunité de différenciation.

4. Les cinq forces de Porter

Le pouvoir de négociation des distributeurs est fort, car les trois premières enseignes concentrent 55 % des ventes selon Xerfi (2023). La menace des nouveaux entrants est moyenne : les barrières à l'entrée restent faibles en ligne, ce qui explique l'arrivée de 40 marques digitales depuis 2020.`,
  `5. Diagnostic interne et SWOT

Les ressources humaines comptent 450 salariés dont 30 en R&D, et les ressources financières permettent d'investir 8 % du CA en innovation, ce qui constitue une force.
La matrice SWOT révèle que les forces (marque reconnue, savoir-faire) compensent les faiblesses (prix élevés de 15 % au-dessus du marché), donc nous préconisons de capitaliser sur l'image naturelle face aux menaces réglementaires.`,
];

/** The same topic in one line. */
const WEAK = [
  `Présentation

Nous avons fait une analyse PESTEL et SWOT de l'entreprise.

L'entreprise vend des cosmétiques en France.`,
];

/** Nothing about the criterion. */
const UNRELATED = [
  `Présentation

Notre équipe a organisé un séminaire de cohésion au printemps. Les participants ont apprécié les ateliers de cuisine et la randonnée du deuxième jour.`,
];

/** Lists of rubric terms, including one with connectives and figures slipped in to look argued. */
const STUFFED = [
  `Présentation

PESTEL SWOT SMART KPI ESG CSRD SONCAS SIMAC closing

Porter, SWOT, PESTEL, BCG, matrice ABC, SMART, KPI, CRM, RSE, ESG

PESTEL SWOT Porter forces faiblesses car donc selon 45 % (INSEE, 2023)`,
];

/** An English dossier for the intercultural exam. */
const ENGLISH = [
  `Curriculum Vitae

Business Development Manager with 8 years of experience in B2B sales, I grew revenue by 35% in two years and managed a team of 6 sales representatives across France and Germany.

Cover letter

I am applying for the Business Development Manager position because your multicultural team matches my experience of managing key accounts in three countries.`,
  `Intercultural relations

According to Hofstede (2010), France scores 68 on power distance whereas Germany scores 35, which explains why German colleagues expect flatter decision making.
Erin Meyer's Culture Map shows that communication styles differ: Dutch colleagues give direct negative feedback, therefore I adapted my one-to-one meetings.
Stereotypes about "lazy" or "rigid" cultures are a barrier to trust, so I introduced a monthly session where each member presents the professional practices of their country.

Integration and mobility

My 30/60/90 days onboarding plan includes meeting 15 stakeholders at headquarters and in the subsidiaries, because a matrix organisation requires understanding reporting lines early.
An international mobility plan based on a diagnosis of family and visa constraints will help two team members relocate to Singapore in 2025.`,
];

function grade(examId: string, textPart: string, pages: string[], language = 'fr') {
  const { dossier, passages } = dossierOf(pages, language);
  return analyzeCriterionDetailed({
    exam: exam(examId),
    criterion: criterion(examId, textPart),
    passages,
    dossier,
  });
}

describe('analyzeCriterion: scores', () => {
  it('scores a quantified, sourced, multi-page diagnostic clearly above a one-line mention, and nothing at 0', () => {
    const strong = grade(DIAGNOSTICS, 'diagnostics stratégiques', STRONG);
    const weak = grade(DIAGNOSTICS, 'diagnostics stratégiques', WEAK);
    const none = grade(DIAGNOSTICS, 'diagnostics stratégiques', UNRELATED);
    // A few strong paragraphs are not a whole dossier: they reach « partiel » at least, far above a mention.
    expect(strong.grade.score).toBeGreaterThanOrEqual(2);
    expect(strong.signals.developedSentences).toBeGreaterThanOrEqual(SCORING_THRESHOLDS.partial.developed);
    expect(weak.grade.score).toBe(1);
    expect(none.grade.score).toBe(0);
    expect(strong.signals.found).toEqual(expect.arrayContaining(['pestel', 'porter', 'swot']));
    expect(weak.signals).toMatchObject({ found: ['pestel', 'swot'], developedSentences: 0 });
  });

  it('ranks the same dossier consistently on another criterion (the veille methodology)', () => {
    expect(grade(DIAGNOSTICS, 'méthodologie de veille', STRONG).grade.score).toBeGreaterThanOrEqual(2);
    expect(grade(DIAGNOSTICS, 'méthodologie de veille', WEAK).grade.score).toBe(0);
  });

  it('never scores keyword stuffing above 1, on any criterion of any exam', () => {
    const { dossier, passages } = dossierOf(STUFFED);
    for (const e of listExams()) {
      for (const c of e.criteria) {
        const result = analyzeCriterionDetailed({ exam: e, criterion: c, passages, dossier });
        expect(result.grade.score, `${e.id} ${c.id}`).toBeLessThanOrEqual(1);
        expect(result.signals.relevantSentences, `${e.id} ${c.id}`).toBe(0);
      }
    }
    const diag = grade(DIAGNOSTICS, 'diagnostics stratégiques', STUFFED);
    expect(diag.grade.score).toBe(1);
    expect(diag.grade.rationale).toContain('listes de mots-clés');
  });

  it('does not let stuffing raise a weak dossier', () => {
    const weak = grade(DIAGNOSTICS, 'diagnostics stratégiques', WEAK).grade.score;
    const padded = grade(DIAGNOSTICS, 'diagnostics stratégiques', [`${WEAK[0]}\n\n${STUFFED[0]}`]).grade
      .score;
    expect(padded).toBe(weak);
  });

  it('grades the English dossier of the intercultural exam in English', () => {
    const intercultural = 'b6-management-interculturel';
    for (const part of [
      'relations interculturelles',
      'organisation complexe',
      'agilité',
      "l'interculturalité",
      'Le CV',
    ]) {
      expect(grade(intercultural, part, ENGLISH, 'en').grade.score, part).toBeGreaterThan(0);
    }
    expect(
      grade(intercultural, 'relations interculturelles', ENGLISH, 'en').grade.score,
    ).toBeGreaterThanOrEqual(2);
    // The candidate-facing messages stay French: the interface is French.
    expect(grade(intercultural, 'relations interculturelles', ENGLISH, 'en').grade.rationale).toMatch(
      /notions attendues/,
    );
  });
});

describe('scoreFromSignals: thresholds', () => {
  const base: CriterionSignals = {
    expected: ['pestel', 'porter', 'swot', 'ressources_internes', 'chaine_valeur', 'marche'],
    found: [],
    notions: ['pestel', 'porter', 'swot', 'ressources_internes'],
    notionsFound: [],
    developedNotions: [],
    genericSentences: 0,
    developedConcepts: [],
    relevantSentences: 0,
    developedSentences: 0,
    arguedSentences: 0,
    quantifiedSentences: 0,
    sourceScore: 0,
    pages: [],
    passages: 0,
    plainDeveloped: 0,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };
  // Six expected concepts: coverage 0.4 needs 3 of them developed.
  const developed = (
    n: number,
    concepts: CriterionSignals['developedConcepts'],
    extra: Partial<CriterionSignals> = {},
  ) => ({
    ...base,
    found: concepts,
    notionsFound: concepts.filter((id) => base.notions.includes(id)),
    developedNotions: concepts.filter((id) => base.notions.includes(id)),
    developedConcepts: concepts,
    relevantSentences: n + 2,
    developedSentences: n,
    arguedSentences: n,
    pages: [2, 3],
    passages: 2,
    ...extra,
  });
  const three: CriterionSignals['developedConcepts'] = ['pestel', 'porter', 'swot'];

  it.each<[string, CriterionSignals, number]>([
    ['nothing relevant', base, 0],
    ['only keyword lists', { ...base, stuffedMentions: 2 }, 1],
    [
      'mentions without development',
      { ...base, found: ['pestel', 'swot'], notionsFound: ['pestel', 'swot'], relevantSentences: 2 },
      1,
    ],
    [
      'seven developed sentences on related concepts, no core notion',
      developed(7, ['chaine_valeur', 'marche'], { quantifiedSentences: 3 }),
      1,
    ],
    ['one developed sentence with a figure', developed(1, three, { quantifiedSentences: 1 }), 1],
    ['two developed sentences with a figure', developed(2, three, { quantifiedSentences: 1 }), 2],
    // Argued but backed by no figure and no source: « not supported » on the rubric scale.
    ['five argued sentences, no figure nor source', developed(5, three), 1],
    ['four developed sentences', developed(4, three, { quantifiedSentences: 3, sourceScore: 2 }), 2],
    // Plain words (scoring.ts `plainSatisfactory`): six argued sentences with figures on the one core notion
    // the draft names reach 3; argued once, they do not.
    [
      'six developed sentences with figures on one concept of six',
      developed(6, ['pestel'], { quantifiedSentences: 3 }),
      3,
    ],
    [
      'six developed sentences with figures on one concept of six, argued once',
      developed(6, ['pestel'], { quantifiedSentences: 3, arguedSentences: 1 }),
      2,
    ],
    // Plain words: the lexicon sees one concept, but seven developed sentences with figures cover the criterion.
    [
      'seven developed sentences with figures on one concept of six',
      developed(7, ['pestel'], { quantifiedSentences: 3 }),
      3,
    ],
    [
      'five developed sentences, three concepts, one figure',
      developed(5, three, { quantifiedSentences: 1 }),
      2,
    ],
    [
      'five developed sentences, three concepts, two figures',
      developed(5, three, { quantifiedSentences: 2 }),
      3,
    ],
    [
      'a criterion addressed only in plain words: its section argues it',
      { ...developed(5, [], { quantifiedSentences: 2 }), plainDeveloped: 3 },
      2,
    ],
    [
      'plain words but too little of it to address the criterion',
      { ...developed(5, [], { quantifiedSentences: 2 }), plainDeveloped: 2 },
      1,
    ],
    ['twelve developed, broad, but neither quantified', developed(12, three, { sourceScore: 2 }), 3],
    ['twelve developed, broad, quantified, no source', developed(12, three, { quantifiedSentences: 4 }), 3],
    [
      'twelve developed, broad, quantified and sourced',
      developed(12, three, { quantifiedSentences: 4, sourceScore: 1 }),
      4,
    ],
  ])('%s → %i', (_, signals, expected) => {
    expect(scoreFromSignals(signals)).toBe(expected);
  });
});

describe('analyzeCriterion: evidence, gaps, advice', () => {
  it('quotes verbatim sentences of the dossier text, on the page they are on', () => {
    const { dossier, passages } = dossierOf(STRONG);
    for (const e of listExams()) {
      for (const c of e.criteria) {
        const { evidence } = analyzeCriterion({ exam: e, criterion: c, passages, dossier });
        expect(evidence.length).toBeLessThanOrEqual(3);
        for (const { quote, page } of evidence) {
          expect(dossier.text.includes(quote), quote).toBe(true);
          expect(dossier.pages.find((p) => p.page === page)?.text.includes(quote), `${quote} p.${page}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('finds the page of each sentence of a passage that spans pages', () => {
    const { dossier } = dossierOf(STRONG);
    // One passage for the whole dossier, as retrieval sends a short dossier whole.
    const whole: GradingPassage = {
      id: 'all',
      ordinal: 0,
      page: 1,
      pageEnd: 3,
      section: null,
      annex: false,
      text: dossier.text,
      relevance: 1,
    };
    const { evidence } = analyzeCriterion({
      exam: exam(DIAGNOSTICS),
      criterion: criterion(DIAGNOSTICS, 'diagnostics stratégiques'),
      passages: [whole],
      dossier,
    });
    expect(evidence.length).toBe(3);
    expect(new Set(evidence.map((e) => e.page)).size).toBeGreaterThanOrEqual(2);
    for (const { quote, page } of evidence) {
      expect(dossier.pages.find((p) => p.page === page)?.text.includes(quote), `${quote} p.${page}`).toBe(
        true,
      );
    }
  });

  it('prefers developed sentences on distinct pages as evidence', () => {
    const { grade: strong } = grade(DIAGNOSTICS, 'diagnostics stratégiques', STRONG);
    expect(new Set(strong.evidence.map((e) => e.page)).size).toBe(2);
    expect(strong.evidence.map((e) => e.quote)).not.toContain('3. Diagnostic externe : analyse PESTEL');
  });

  it('says what is missing as the jury would, and how to fix it', () => {
    const { grade: weak } = grade(DIAGNOSTICS, 'diagnostics stratégiques', WEAK);
    expect(weak.missing).toContain(
      "Aucune analyse de l'intensité concurrentielle du secteur (forces de Porter : pouvoir de négociation des clients et fournisseurs, nouveaux entrants, substituts)",
    );
    expect(weak.missing.some((m) => m.startsWith('PESTEL : cité sans être analysé'))).toBe(true);
    expect(weak.recommendations.length).toBeGreaterThan(0);
    expect(weak.recommendations.length).toBeLessThanOrEqual(4);
    expect(weak.recommendations.some((r) => /reliez chaque constat/.test(r))).toBe(true);

    const { grade: none } = grade(DIAGNOSTICS, 'diagnostics stratégiques', UNRELATED);
    expect(none.evidence).toEqual([]);
    expect(none.missing[0]).toMatch(/^Aucune analyse du macro-environnement/);
    expect(none.recommendations[0]).toMatch(/^Ajoutez un tableau PESTEL/);
  });

  it('explains the score in one or two French sentences, without mentioning the offline mode', () => {
    for (const pages of [STRONG, WEAK, UNRELATED, STUFFED]) {
      const { grade: g } = grade(DIAGNOSTICS, 'diagnostics stratégiques', pages);
      const sentences = g.rationale.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
      expect(sentences.length, g.rationale).toBeLessThanOrEqual(2);
      expect(g.rationale).not.toMatch(/hors ligne|offline/i);
    }
  });
});

describe('analyzeCriterion: determinism and robustness', () => {
  it('returns deep-equal output for the same input, whatever the passage order or cache state', () => {
    const { dossier, passages } = dossierOf(STRONG);
    const e = exam(DIAGNOSTICS);
    for (const c of e.criteria) {
      const first = analyzeCriterion({ exam: e, criterion: c, passages, dossier });
      expect(analyzeCriterion({ exam: e, criterion: c, passages, dossier })).toEqual(first);
      expect(analyzeCriterion({ exam: e, criterion: c, passages: [...passages].reverse(), dossier })).toEqual(
        first,
      );
      expect(
        analyzeCriterion({ exam: { ...e }, criterion: { ...c }, passages, dossier: { ...dossier } }),
      ).toEqual(first);
    }
  });

  it('counts a sentence repeated by overlapping passages once', () => {
    const { dossier, passages } = dossierOf(STRONG);
    const doubled = [
      ...passages,
      ...passages.map((p) => ({ ...p, id: `${p.id}-overlap`, ordinal: p.ordinal + 100 })),
    ];
    const input = {
      exam: exam(DIAGNOSTICS),
      criterion: criterion(DIAGNOSTICS, 'diagnostics stratégiques'),
      dossier,
    };
    expect(analyzeCriterionDetailed({ ...input, passages: doubled }).signals).toEqual(
      analyzeCriterionDetailed({ ...input, passages }).signals,
    );
  });

  it('handles no passages, an empty dossier and a criterion outside the curated lexicon', () => {
    const empty = dossierOf([]);
    const e = exam(DIAGNOSTICS);
    expect(analyzeCriterion({ exam: e, criterion: e.criteria[0], ...empty }).score).toBe(0);
    const custom = {
      id: 'X1',
      text: 'Le business model et la proposition de valeur sont analysés',
      competencies: [],
    };
    const result = analyzeCriterionDetailed({ exam: e, criterion: custom, ...dossierOf(STRONG) });
    expect(result.signals.expected).toContain('business_model');
    expect(CriterionGradeSchema.safeParse(result.grade).success).toBe(true);
  });

  it('grades a 20-page dossier on every criterion of every exam with valid grades (sanity, not a timing)', () => {
    const filler = [
      'le client',
      'notre offre',
      'la stratégie',
      "l'équipe",
      'le marché',
      'notre prix',
      'le canal digital',
      'le projet',
    ];
    const pages = Array.from({ length: 20 }, (_, p) => {
      let page = STRONG[p % STRONG.length].replace(/\d+/g, (d) => String(Number(d) + p));
      for (let k = 0; k < 6; k++) {
        page += `\n\nEn ${2015 + k}, ${filler[(p + k) % 8]} a progressé de ${p * 3 + k} % selon Xerfi, ce qui montre que ${filler[(p + 2 * k) % 8]} doit évoluer ; par conséquent nous préconisons de renforcer le suivi de ${filler[(k + 3) % 8]} et de mesurer chaque mois le taux de conversion, car la concurrence accélère.`;
      }
      return page;
    });
    const { dossier, passages } = dossierOf(pages);
    expect(dossier.words).toBeGreaterThan(7000);
    for (const e of listExams()) {
      for (const c of e.criteria) {
        const g = analyzeCriterion({ exam: e, criterion: c, passages, dossier });
        expect(CriterionGradeSchema.safeParse(g).success, `${e.id} ${c.id}`).toBe(true);
        expect(g.missing.length).toBeLessThanOrEqual(5);
        expect(g.recommendations.length).toBeLessThanOrEqual(4);
        for (const { quote } of g.evidence) expect(dossier.text.includes(quote)).toBe(true);
      }
    }
  });
});

describe('analyzeCriterion: plain words (issue #16)', () => {
  const CHALLENGE = 'b2-challenge-commercial';
  const offer = criterion(CHALLENGE, 'composantes de l');
  // A strong section in plain words: the offer and why buyers would choose it, with figures and reasons,
  // but none of the lexicon's words for « offre commerciale » or « différenciation ».
  const plain = [
    "Les bars de station achètent aujourd'hui surtout des bières industrielles livrées par les grossistes, donc notre offre doit résoudre leurs problèmes.",
    'La tireuse est prêtée et entretenue gratuitement au-delà de 15 fûts par saison, parce que c’est le premier frein cité par 31 patrons sur 40.',
    'Nous livrons en 48 h même en haute saison avec notre camion équipé pour la neige, alors que les grossistes livrent une fois par semaine.',
    'La bière d’hiver est brassée pour la saison à 9 000 hectolitres, car les moniteurs la connaissent déjà par nos 6 soirées.',
    'Les ardoises en bois local mettent en avant l’origine, parce que 70 % de la clientèle touristique cherche des produits d’ici.',
  ].join(' ');
  const thin =
    'Notre entreprise propose une offre de qualité. Les clients sont satisfaits. Nous sommes différents des autres.';

  function section(text: string, title: string | null) {
    const dossier: DossierText = {
      text,
      pages: [{ page: 1, text }],
      language: 'fr',
      words: text.split(/\s+/).length,
    };
    const passages: GradingPassage[] = [
      { id: 'p0', ordinal: 0, page: 1, pageEnd: 1, section: title, annex: false, text, relevance: 1 },
    ];
    return analyzeCriterionDetailed({ exam: exam(CHALLENGE), criterion: offer, passages, dossier });
  }

  it('credits a section its own words tie to the criterion, with evidence from it', () => {
    const graded = section(plain, 'Ce que nous vendons et pourquoi on nous choisirait');
    expect(graded.grade.score).toBeGreaterThanOrEqual(2);
    expect(graded.grade.evidence.length).toBeGreaterThan(0);
    for (const e of graded.grade.evidence) expect(plain).toContain(e.quote);
  });

  it('does not credit thin prose under the same heading', () => {
    expect(
      section(thin, 'Ce que nous vendons et pourquoi on nous choisirait').grade.score,
    ).toBeLessThanOrEqual(1);
  });
});

describe('analysis carried by a table (issue #16)', () => {
  const PROSPECTION = 'b3-prospection';
  const portfolio = criterion(PROSPECTION, 'portefeuille');
  const table = `Type de client | Nombre | CA 2024 | Clients perdus en 2024
Restaurants indépendants | 142 | 610 k€ | 19
Hôtels | 31 | 540 k€ | 2
Cuisines collectives | 24 | 820 k€ | 0`;
  const rows = table.split('\n').slice(1);

  it('reads the rows under a header naming the notion as statements about it', () => {
    const { dossier, passages } = dossierOf([table]);
    const input = { exam: exam(PROSPECTION), criterion: portfolio, passages, dossier };
    const { relevant } = classify(input, criterionLexicon(exam(PROSPECTION), portfolio));
    const body = relevant.filter((c) => rows.includes(c.sentence.text));
    expect(body.map((c) => c.sentence.text)).toEqual(rows);
    for (const row of body) {
      expect(row.statement).toBe(true);
      expect(row.quantified).toBe(true);
      expect(row.inherited).toContain('portefeuille');
    }
  });

  it('does not turn a table of figures without a sentence of reasoning into analysis', () => {
    const { dossier, passages } = dossierOf([table]);
    const graded = analyzeCriterionDetailed({
      exam: exam(PROSPECTION),
      criterion: portfolio,
      passages,
      dossier,
    });
    expect(graded.signals.developedSentences).toBe(0);
    expect(graded.grade.score).toBeLessThanOrEqual(1);
  });
});

describe('analyzeCriterion: the same text with other page breaks', () => {
  it('gives the same scores and quotes whatever page each paragraph is on (a PDF against its DOCX)', () => {
    const paragraphs = STRONG.join('\n\n').split(/\n\n+/);
    // Three layouts of one text: every paragraph on one page, two paragraphs a page, three a page.
    const layouts = [1, 2, 3].map((perPage) =>
      perPage === 1
        ? [paragraphs.join('\n\n')]
        : Array.from({ length: Math.ceil(paragraphs.length / perPage) }, (_, i) =>
            paragraphs.slice(i * perPage, (i + 1) * perPage).join('\n\n'),
          ),
    );
    const e = exam(DIAGNOSTICS);
    for (const c of e.criteria) {
      const [first, ...others] = layouts.map((pages) => {
        const { dossier, passages } = dossierOf(pages);
        const { grade: g } = analyzeCriterionDetailed({ exam: e, criterion: c, passages, dossier });
        for (const { quote, page } of g.evidence) {
          expect(dossier.pages.find((p) => p.page === page)?.text.includes(quote), `${quote} p.${page}`).toBe(
            true,
          );
        }
        return { score: g.score, quotes: g.evidence.map((q) => q.quote) };
      });
      for (const other of others) expect(other, c.id).toEqual(first);
    }
  });
});

describe('rows that reason in words (issue #16: strong analysis carried by a table)', () => {
  const PROSPECTION = 'b3-prospection';
  const portfolio = criterion(PROSPECTION, 'portefeuille');
  const reasoned = `Type de client | Nombre | CA 2023 | Clients perdus en 2023 | Ce que j'en retiens
Cabinets d'expertise comptable et offices de notaires | 38 | 312 k€ | 1 | ils impriment beaucoup et achètent le logiciel d'archivage en plus du copieur
Commerces de centre-ville et artisans du bâtiment | 61 | 148 k€ | 9 | petits contrats, beaucoup de résiliations à la fin de la location
PME industrielles de la vallée de l'Arve | 24 | 226 k€ | 2 | fidèles, mais elles achètent par appel d'offres tous les cinq ans
Écoles privées et associations sportives ou culturelles | 18 | 71 k€ | 3 | budgets votés une fois par an, le prix passe avant tout le reste
Mairies et communautés de communes du secteur | 9 | 54 k€ | 0 | des marchés publics longs à préparer pour des montants trop faibles`;
  const dashboard = `Type de client | Nombre | CA 2023 | Clients perdus en 2023 | Évolution
Cabinets comptables | 38 | 312 k€ | 1 | +14 %
Commerces | 61 | 148 k€ | 9 | −6 %
PME industrielles | 24 | 226 k€ | 2 | +3 %
Écoles | 18 | 71 k€ | 3 | −2 %
Collectivités | 9 | 54 k€ | 0 | +1 %`;
  const grade = (table: string) => {
    const { dossier, passages } = dossierOf([table]);
    return analyzeCriterionDetailed({ exam: exam(PROSPECTION), criterion: portfolio, passages, dossier });
  };

  it('counts a row whose cells are phrases, tying its figures to what they mean, as developed analysis', () => {
    const graded = grade(reasoned);
    expect(graded.signals.developedSentences).toBe(5);
    expect(graded.signals.quantifiedSentences).toBe(5);
    expect(graded.grade.score).toBeGreaterThanOrEqual(2);
  });

  it('still reads a dashboard of the same figures as facts, not analysis', () => {
    const graded = grade(dashboard);
    expect(graded.signals.developedSentences).toBe(0);
    expect(graded.grade.score).toBeLessThanOrEqual(1);
    expect(grade(reasoned).grade.score).toBeGreaterThan(graded.grade.score);
  });
});

describe('the rationale claims only what the signals show', () => {
  const signals: CriterionSignals = {
    expected: ['pestel', 'porter', 'swot'],
    found: ['pestel', 'porter'],
    notions: ['pestel', 'porter'],
    notionsFound: ['pestel', 'porter'],
    appliedNotions: ['pestel', 'porter'],
    developedNotions: ['pestel', 'porter'],
    genericSentences: 0,
    developedConcepts: ['pestel', 'porter'],
    relevantSentences: 6,
    developedSentences: 3,
    arguedSentences: 3,
    quantifiedSentences: 0,
    sourceScore: 0,
    pages: [2, 3],
    passages: 2,
    plainDeveloped: 0,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it('never says « aucune phrase ne l’argumente » of a 1 that has developed sentences', () => {
    const text = rationale(1, { ...signals, quantifiedSentences: 1 });
    expect(text).not.toMatch(/aucune phrase ne l'argumente/);
    expect(text).toMatch(/3 phrases développées/);
    expect(rationale(1, { ...signals, developedSentences: 0, arguedSentences: 0 })).toMatch(
      /aucune phrase ne l'argumente/,
    );
  });

  it('never calls a 4 « chiffrée et sourcée » when no sentence has a figure or a source', () => {
    expect(rationale(4, signals)).not.toMatch(/chiffrée|sourcée/);
    expect(rationale(4, { ...signals, quantifiedSentences: 2 })).toMatch(/analyse chiffrée sur/);
    expect(rationale(4, { ...signals, quantifiedSentences: 2, sourceScore: 2 })).toMatch(
      /chiffrée et sourcée/,
    );
  });
});

describe('a table of the course’s tools with the company’s name in a column is not analysis (branch grader-weak-3)', () => {
  const TOOLS = `Pour réaliser le diagnostic des Transports Morin, j'ai retenu les outils suivants.
Outil | Définition | Intérêt pour Transports Morin
PESTEL | Analyse le macro-environnement selon six facteurs politiques, économiques, sociaux, technologiques, écologiques et légaux | Permet à Transports Morin de repérer les opportunités et les menaces de son environnement
Cinq forces de Porter | Mesure l'intensité concurrentielle d'un secteur à partir des clients, fournisseurs, entrants, substituts et rivalité | Aide Transports Morin à savoir si son secteur est attractif et rentable
SWOT | Croise les forces et faiblesses internes avec les opportunités et menaces externes de l'entreprise | Permet aux Transports Morin de définir des axes stratégiques cohérents
Matrice BCG | Classe les activités selon la croissance du marché et la part de marché relative | Aide Transports Morin à équilibrer son portefeuille d'activités
VRIO | Évalue si une ressource est valable, rare, inimitable et exploitée par l'organisation | Permet à Transports Morin d'identifier ses avantages concurrentiels durables`;
  /** The same grid filled with the company's facts: what each factor is for Morin, measured. */
  const FACTS = `Pour réaliser le diagnostic des Transports Morin, j'ai retenu les outils suivants.
Facteur | Ce que nous constatons | Effet pour Transports Morin
Économique | Le gazole a coûté 0,42 € de plus par kilomètre en 2023, soit 310 000 € sur l'année | La marge nette est tombée de 4,1 % à 2,3 %, donc nous devons renégocier les contrats indexés
Légal | La zone à faibles émissions de Lyon interdit 14 de nos 38 camions à partir de 2025 | Nous perdrons 22 % des livraisons urbaines si la flotte n'est pas renouvelée
Concurrence | Trois transporteurs régionaux ont baissé leurs prix de 8 % sur les lots complets en 2023 | Nous avons perdu 2 clients sur 40, car nos prix sont restés fixes`;
  // Diagnostics (K2), market and competition (K4), strategic choices (K5): 3, 3 and 3 before this rule.
  const parts = ['diagnostics stratégiques', 'la concurrence sont analysés', 'choix stratégiques'];

  it.each(parts)('scores « %s » at 1 at most on the tools table', (part) => {
    const graded = grade(DIAGNOSTICS, part, [TOOLS]);
    expect(graded.signals.developedSentences).toBe(0);
    expect(graded.grade.score).toBeLessThanOrEqual(1);
  });

  it('still reads the grid of the company’s facts as developed analysis', () => {
    // Rows with the company's figures and its voice stay applied: they develop the criterion.
    for (const part of parts.slice(0, 2))
      expect(grade(DIAGNOSTICS, part, [FACTS]).signals.developedSentences).toBeGreaterThanOrEqual(1);
  });
});

describe('a bulleted list of the course’s tools, each defined, is not analysis (branch grader-weak-3)', () => {
  const LIST = `Les outils d'analyse stratégique retenus pour la Maison Caradec :
- PESTEL : outil d'analyse du macro-environnement de la Maison Caradec, car l'environnement influence l'entreprise.
- Cinq forces de Porter : évaluation de l'intensité concurrentielle du secteur de la Maison Caradec, donc de sa rentabilité.
- SWOT : synthèse des forces, faiblesses, opportunités et menaces de la Maison Caradec, ce qui guide ses choix.
- Matrice BCG : classement du portefeuille d'activités de Caradec selon la croissance et la part de marché relative.
- VRIO : test des ressources de Caradec, pour savoir si elles donnent un avantage concurrentiel durable.
- Matrice d'Ansoff : choix de la stratégie de croissance de Caradec entre pénétration, développement et diversification.
- Business Model Canvas : description du modèle économique de Caradec en neuf blocs, donc de sa création de valeur.
- Gouvernance : organisation du pouvoir et des décisions dans la Maison Caradec, car elle oriente la stratégie.`;
  /** The same list, each item stating what the tool found for the company, with its figures. */
  const FOUND = `Ce que les outils montrent pour la Maison Caradec :
- PESTEL : la hausse du beurre (+38 % en 2023) a réduit la marge de Caradec de 4 points, car les prix de vente sont restés fixes.
- Cinq forces de Porter : trois biscuiteries industrielles vendent 40 % moins cher en grande surface, donc Caradec ne peut gagner que sur la qualité.
- SWOT : la marque Caradec est connue de 62 % des touristes interrogés, ce qui est sa première force face aux industriels.`;

  // Diagnostics (K2), business model (K7), governance (K9): 3, 3 and 3 before this rule.
  it.each(['diagnostics stratégiques', 'business model', 'gouvernance'])(
    'scores « %s » at 1 at most on the list',
    (part) => {
      const graded = grade(DIAGNOSTICS, part, [LIST]);
      expect(graded.signals.developedSentences).toBe(0);
      expect(graded.grade.score).toBeLessThanOrEqual(1);
    },
  );

  it('still reads items that state what a tool found, with figures, as developed analysis', () => {
    expect(
      grade(DIAGNOSTICS, 'diagnostics stratégiques', [FOUND]).signals.developedSentences,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('advice standing next to a figure is not applied by its neighbour (branch grader-weak-3)', () => {
  const CREATION = 'b6-entrepreneuriat';
  const PLAN =
    "Le chiffre d'affaires prévu de l'Atelier Brindille est de 90 000 € la première année, car la boutique sera bien placée. " +
    "On peut demander un prêt bancaire, un prêt d'honneur ou une aide de la BPI, donc il faut comparer les financements. " +
    'Le Business Model Canvas permet à Brindille de décrire sa création de valeur, car il relie les clients et les coûts.';

  it('counts only the sentence with the company’s figure as developed', () => {
    const graded = grade(CREATION, 'business plan proposé', [PLAN]);
    expect(graded.signals.developedSentences).toBe(1);
    expect(graded.grade.score).toBeLessThanOrEqual(1);
  });
});

describe('a criterion recited from the course is mentioned, not supported (issue #16, weak drafts over-rated)', () => {
  /** A regulation criterion: the laws explained in eight textbook sentences, the company named in three. */
  const recited: CriterionSignals = {
    expected: ['lois_rse', 'csrd_taxonomie', 'plan_action'],
    found: ['lois_rse', 'csrd_taxonomie'],
    notions: ['lois_rse'],
    notionsFound: ['lois_rse'],
    appliedNotions: ['lois_rse'],
    developedNotions: ['lois_rse'],
    genericSentences: 8,
    developedConcepts: ['lois_rse'],
    relevantSentences: 30,
    developedSentences: 3,
    arguedSentences: 3,
    quantifiedSentences: 0,
    sourceScore: 1,
    pages: [1, 2],
    passages: 2,
    plainDeveloped: 0,
    appliedFacts: 1,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it('scores 1 when textbook sentences outnumber the applied ones and no company figure backs them', () => {
    expect(scoreFromSignals(recited)).toBe(1);
  });

  it('keeps 2 once a figure of the company backs the applied sentences, or when they outnumber the lesson', () => {
    expect(scoreFromSignals({ ...recited, quantifiedSentences: 1 })).toBe(2);
    expect(scoreFromSignals({ ...recited, genericSentences: 3 })).toBe(2);
  });
});

describe('analyzeCriterion: a draft without a figure of its own (figureless.ts)', () => {
  /** The course recited in « nous »: PESTEL, Porter, SWOT and the rest named, nothing of the company's own. */
  const RECITED = [
    STUFFED_CASE,
    `## Diagnostic externe et interne

Nous avons mené une veille stratégique continue afin d'anticiper les évolutions de notre environnement. L'analyse PESTEL nous a permis d'identifier les opportunités et les menaces de notre marché, et les cinq forces de Porter montrent une intensité concurrentielle forte. Nous avons ensuite réalisé une matrice SWOT pour croiser nos forces et nos faiblesses avec les opportunités et les menaces. La chaîne de valeur met en évidence nos facteurs clés de succès et nos avantages concurrentiels. La matrice BCG nous aide à arbitrer notre portefeuille d'activités et la matrice d'Ansoff à choisir nos axes de développement. Ce diagnostic stratégique complet garantit la cohérence de nos préconisations.`,
  ];
  /** The strong diagnostic with every figure taken out: the company's names, places and sources stay. */
  const FIGURES_OUT = STRONG.map((page) =>
    page.replace(/(?<![\p{L}\d])\d+(?:[ ,.]\d+)*\s*(?:Md€|M€|k€|€|%)?/gu, 'plusieurs'),
  );

  it('holds every criterion of a dossier that recites the course without a figure at 1', () => {
    const criteria = exam(DIAGNOSTICS).criteria;
    const recited = criteria.map((c) => grade(DIAGNOSTICS, c.text, RECITED).grade);
    for (const g of recited) expect(g.score).toBeLessThanOrEqual(1);
    // The rule, not another one, holds at least one criterion the vocabulary alone would read higher.
    expect(recited.some((g) => g.rationale.includes('aucun chiffre propre'))).toBe(true);
    expect(grade(DIAGNOSTICS, 'diagnostics stratégiques', STRONG).grade.score).toBeGreaterThanOrEqual(2);
  });

  it('leaves a dossier without figures that still states its company’s case to the other rules (case-facts.ts)', () => {
    const criteria = exam(DIAGNOSTICS).criteria;
    const stated = criteria.map((c) => grade(DIAGNOSTICS, c.text, FIGURES_OUT).grade);
    expect(stated.some((g) => g.rationale.includes('aucun chiffre propre'))).toBe(false);
    // Under the figure rate, so held by the count alone before: its other facts keep it a case.
    const { dossier } = dossierOf(FIGURES_OUT, 'fr');
    expect(figureRate(dossier)).toBeLessThan(FIGURELESS.perThousandWords);
    expect(isFigureless(dossier)).toBe(false);
  });
});
