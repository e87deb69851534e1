/**
 * The 0–4 score from a criterion's signals: the thresholds (DESIGN.md rubric scale), the signals' shape and
 * the bars between levels. Pure functions of `CriterionSignals`; what produced the signals is candidates.ts.
 */
import type { ConceptId } from './lexicon';

/**
 * Thresholds of the 0–4 score (DESIGN.md rubric scale):
 * - 0 absent: no sentence names an expected concept (nor two of the criterion's own words), and no section
 *   is about the criterion;
 * - 1 insuffisant: relevant sentences exist but fewer than `partial.developed` are developed (argued or
 *   sourced, and applied to the company), or nothing backs them (no figure, no named source), or the
 *   criterion's core notions are absent — headings, bare mentions, keyword lists, tables of figures;
 * - 2 partiel: developed and supported, but the bar for 3 is not met;
 * - 3 satisfaisant: ≥ `satisfactory.developed` developed sentences backed by ≥ `satisfactory.supported`
 *   figures or sources (or by the company's record of events with their results, `narratedRecord`), covering
 *   `satisfactory.coverage` of the expected concepts — or, in plain words,
 *   ≥ `satisfactory.plainDeveloped` developed sentences with a figure — or the plain-words bar
 *   (`plainSatisfactory`): argued sentences completed by prose facts carrying the company's figures — or the
 *   concise bar (`conciseSatisfactory`): a passage denser in the company's figures than in developed
 *   sentences, each prose fact weighing half a developed sentence;
 * - 4 excellent: broad coverage (≥ `excellent.minConcepts` concepts and ≥ `excellent.conceptShare` of those
 *   expected, capped at all of them), ≥ `excellent.argued` argued sentences, quantified AND sourced, spread
 *   over ≥ `excellent.pages` pages or passages.
 *
 * Relevance reads sentences, then sections (issue #16): a section is about a criterion when its heading
 * names one of the criterion's concepts or words, when several of its sentences name its concepts, or when
 * its words (weighted by how few criteria use them) point to this criterion more than to the others. A
 * strong dossier written in plain words argues under such sections without the lexicon's vocabulary.
 */
export const SCORING_THRESHOLDS = {
  /** A developed sentence has at least this many words (headings and captions are shorter). */
  minWords: 6,
  /** A sentence this long counts as a statement even when no verb was recognised. */
  statementWords: 12,
  /** Sentences matching no concept are relevant when they use this many of the criterion's own words. */
  ownWordsForRelevance: 2,
  /** A heading addresses the criterion when it names one of its concepts or this many of its own words. */
  ownWordsInHeading: 1,
  /** Sentences naming the criterion's concepts that make a whole section about it. */
  namingSentencesInSection: 2,
  /** A section goes to the criteria whose words it uses most, when it uses at least this many (weighted). */
  sectionWords: 1,
  /** Weight of a competency word against a word of the criterion itself. */
  competencyWordWeight: 0.5,
  /** A section also goes to the criteria whose words it uses nearly as much as the best one's. */
  sectionShareOfBest: 0.6,
  /** Developed sentences in sections about the criterion that address it when it names none of its notions. */
  plainAddressed: 3,
  /**
   * Below this share of prose statements about the company, a dossier is a course (`courseDraft`): every strong
   * draft of the tuning part states its case in 0.56–0.95 of its statements, every partial one in 0.41 or more;
   * textbooks, guides to creating any company and course-techniques drafts in 0.00–0.29. Partial drafts written
   * in the third person (« l'entreprise », « elle ») read lower (an adversarial one at 0.32): the bar stays under
   * them.
   */
  courseShare: 0.3,
  /**
   * A draft the analyzer itself reads as established (`levelledScore`): at least this share of the exam's
   * criteria at 3 or more. Measured before choosing it, on the tuning part and the unseen batches of
   * `evals/pending/` (194 drafts): 80 of 96 strong drafts reach it, 1 of 28 partial ones (at 0.6 exactly) and
   * no weak one; in the drafts that reach it, the jury rated 42 of the 44 criteria the analyzer left at 0–1 at
   * 3 or 4, and 71 of the 74 it left at 2.
   */
  establishedShare: 0.6,
  /**
   * A draft dense with the company's own facts (`factDenseScore`, passage-reading.ts `factDensity`): at least
   * `perThousandWords` figures and dates stated in prose about the company per 1,000 words, in at least
   * `passageShare` of its passages (the parts the draft is read in). Measured before choosing it on the tuning part and `evals/pending/` (212 strong,
   * partial and weak drafts): 21 of 107 strong drafts reach it, 9 of them among the 25 under the established bar
   * (the plain-worded ones the analyzer reads worst, at 1.44–2.56 against gold 3.1–3.4), no partial (the densest
   * at 44.1 facts per 1,000 words in 0.63 of its passages, 42.6 in 0.88) and no weak one (at most 20.4). In those
   * nine drafts the jury rated all 56 criteria the analyzer left at 0–2 at 3 or 4; the rule moves 41 of them one
   * step (pending strong drafts' SMD −1.15 → −1.04, their batches' QWK 0.588 → 0.632; no partial or weak draft moves).
   * On two batches written after it was chosen (fresh-17, fresh-18) it lifted the impersonal strong `sportfloors`
   * (eight criteria toward gold) and one partial draft dense with its client's history (`deneigement`: two
   * criteria toward gold, one 2 → 3 against gold 1): the margin over partial drafts is thin.
   *
   * `arguedShare`: the draft must also argue (`arguesItsFigures`) — at least this share of the exam's criteria
   * holding an argued statement about the company. Measured on the tuning part and `evals/pending/` (349 drafts):
   * every strong draft argues 0.33 of its criteria or more (the terse `flourmill` 0.33, then 0.56), while the
   * figure-dense partial drafts argue 0.00–0.20 (`sanitaires` 0.00, `binwash` 0.12, `vacuumlifters` 0.20).
   */
  factDense: { perThousandWords: 45, passageShare: 0.75, arguedShare: 0.25 },
  /**
   * A thin draft (`thinDraft`, `thinScore`): the analyzer reads at least `mentionedShare` of the exam's criteria at
   * 1 or 0, and the company's own figures and dates stand in fewer than `factPassageShare` of its passages
   * (passage-reading.ts `factDensity`). Measured before choosing it on the tuning part and `evals/pending/` (349
   * drafts): the 95 weak drafts read 0.70–1.00 of their criteria at 0–1, their facts in 0.00–0.50 of their passages;
   * no strong draft reads more than 0.67 at 0–1 (`lavender`, its facts in 0.80 of its passages), and the one strong
   * draft whose facts stand in fewer than half its passages reads none at 0–1 (`membranes`, 0.47). The partial
   * drafts it holds (`fourriere`, `duralex`, `greenhouses`) read 0.90–1.00 at 0–1; the figure-dense partial ones
   * that read 0.75–0.80 (`binwash`, `vacuumlifters`) state their facts in 0.78–0.88 of their passages and are kept out.
   * The share is read over at least `passages` parts holding prose: an excerpt of one or two sections (a table, a
   * single page) shows no draft's level.
   */
  thinDraft: { mentionedShare: 0.7, factPassageShare: 0.5, passages: 3 },
  /**
   * Score bars on developed sentences (argued, or backed by a figure or a source) and on the share of the
   * criterion's expected concepts they cover. Fitted on the gold cases of exams B1–B3-salon (evals/README.md)
   * and checked on the held-out B3-prospection–B6 cases: developed sentences separate the levels far better
   * than concept counts alone, which compressed every draft towards 2–3.
   */
  partial: { developed: 2, supported: 1, experiences: 1 },
  satisfactory: { developed: 5, coverage: 0.4, concepts: 2, argued: 2, plainDeveloped: 7, supported: 2 },
  /**
   * The plain-words bar for 3 (`plainSatisfactory`): a criterion addressed about the company with at least
   * `developed` developed sentences, of which `argued` argued, whose developed sentences and prose facts with
   * the company's figures together reach `satisfactory.developed`, backed by at least `supported` figures or
   * sources (prose facts included) — when the draft names at most `vocabularyShare` of the criterion's expected
   * concepts (plain words: a draft using the vocabulary is judged by the coverage bar, which sees what it covers).
   */
  plainSatisfactory: { developed: 3, argued: 3, supported: 2, vocabularyShare: 0.5 },
  /**
   * The concise bar for 3 (`conciseSatisfactory`): at least `developed` developed sentences of which `argued`
   * argued, each prose fact with the company's own figure weighing `factWeight` of a developed sentence.
   */
  conciseSatisfactory: { developed: 3, argued: 2, factWeight: 0.5 },
  /** The bar for 3 of a criterion paired with a section by elimination (`pairedSatisfactory`). */
  pairedSatisfactory: { developed: 3, argued: 2 },
  excellent: {
    developed: 10,
    /**
     * « Excellent » is quantified throughout, not by one figure (issue #16: a generic English essay whose one
     * figure was the year count of Hofstede's study scored 4 on two criteria; every 4 of the tuning part's strong
     * drafts rests on three quantified sentences or more).
     */
    quantified: 3,
    sourceScore: 0.5,
    coverage: 0.4,
    conceptShare: 0.5,
    minConcepts: 3,
    argued: 3,
    pages: 2,
  },
  /**
   * The company's case reported under the criterion (`reportsCase`): at least `reasons` developed sentence,
   * and one section headed by a core notion holding `statements` prose statements about the company, `figures`
   * of them with a figure.
   */
  reportedCase: { reasons: 1, statements: 5, figures: 1 },
  /**
   * A criterion argued on the company's case without a figure in its own sentences (`arguedOnCase`): at least
   * `argued` argued sentences, textbook sentences at most `genericShare` of the developed ones, and at least
   * `developedNotions` of its core notions itself developed.
   */
  arguedCase: { argued: 2, genericShare: 0.5, developedNotions: 1 },
  /**
   * The company's case told in the section the plan gives the criterion (`treatsCaseSection`): `statements`
   * statements about the company there (prose, list items, rows in words), `figures` of them with its figures,
   * `argued` of them argued — partly treated (2); `dense` statements, `denseFigures` figures and `denseDeveloped`
   * developed — treated (3). With `denseDeveloped` 2 (branch grader-strong-10) no fresh strong draft's section
   * reached 3; with 1, a seminar draft's steering section (8 facts, 6 figures) did, and no partial one moved.
   */
  caseSection: { statements: 5, figures: 2, argued: 1, dense: 8, denseFigures: 6, denseDeveloped: 1 },
  /**
   * Narrated evidence for the standard bar for 3 (`narratedRecord`): `events` events of the company with their
   * result, in `passages` passages, in a criterion whose textbook sentences are at most `genericShare` of its
   * developed ones.
   */
  narratedRecord: { events: 2, passages: 2, genericShare: 1 / 3 },
  /** Source score needed to count as sourced: a named source scores 1, « une étude » without a name 0.5. */
  sourced: 1,
} as const;

/** Coverage and depth of one criterion, the explanation of its score. */
export interface CriterionSignals {
  /** Concepts the criterion expects, core first. */
  expected: ConceptId[];
  /** Expected concepts present in relevant, non-stuffed sentences. */
  found: ConceptId[];
  /** The criterion's core notions (`CriterionLexicon.notions`); empty when the lexicon has no rule for it. */
  notions: ConceptId[];
  /** Core notions present in relevant, non-stuffed sentences. */
  notionsFound: ConceptId[];
  /**
   * Core notions present in statements applied to the company (its name, a figure, its own voice), or in
   * the heading such statements stand under: the notions the draft addresses about its own case. Optional so
   * that signals built elsewhere (tests, older callers) keep their meaning: absent means « not measured ».
   */
  appliedNotions?: ConceptId[];
  /** Core notions present in developed sentences: what analysis of the criterion rests on. */
  developedNotions: ConceptId[];
  /** The criterion links its core notions: all must be developed for 3 or more. */
  linksNotions?: boolean;
  /**
   * Relevant sentences that would be developed (argued, quantified or sourced) but are not applied to the
   * candidate's company (no name, figure or fact about it): textbook prose, coverage at most.
   */
  genericSentences: number;
  /** Expected concepts present in developed sentences. */
  developedConcepts: ConceptId[];
  relevantSentences: number;
  /** Relevant sentences that are argued or backed by a figure or a source. */
  developedSentences: number;
  arguedSentences: number;
  quantifiedSentences: number;
  /** Sum over developed sentences: 1 for a named source, 0.5 for an unnamed one. */
  sourceScore: number;
  /** Pages holding developed sentences, ascending. */
  pages: number[];
  /** Passages holding developed sentences. */
  passages: number;
  /**
   * Developed sentences relevant only through their section (its words point to this criterion): analysis in
   * plain words, without the lexicon's concepts.
   */
  plainDeveloped: number;
  /**
   * Of `plainDeveloped`, those that state a fact about the company (a figure). Optional: absent means « not
   * measured » (signals built by hand), and the plain reading then needs no fact.
   */
  plainFacts?: number;
  /**
   * Of `plainDeveloped`, those that argue (a reason, a consequence, an analysis, a recommendation). Optional:
   * absent means « not measured », and the plain reading then needs no argument.
   */
  plainArgued?: number;
  /**
   * Developed sentences that argue by their shape alone (argument-shapes.ts): they reach the bars for 2 and 3, not
   * « excellent », which asks for reasons given. Optional: absent counts as none.
   */
  shapedSentences?: number;
  /**
   * Relevant prose statements giving one of the company's own figures without arguing it (candidates.ts
   * `appliedFact`). Optional so that signals built elsewhere keep their meaning: absent counts as none.
   */
  appliedFacts?: number;
  /**
   * Developed English sentences telling a located first-person episode (candidates.ts `experience`). Optional:
   * absent counts as none.
   */
  experiences?: number;
  /**
   * Relevant prose statements about the company telling a past event with its date or a named actor or place,
   * with a figure of its result in it or just after it (narrated.ts, candidates.ts `narratedResult`), and the
   * passages holding them (`narratedRecord`). Optional: absent counts as none.
   */
  narratedResults?: number;
  narratedPassages?: number;
  /**
   * Prose statements about the company (developed or not: its facts, what it did) in the section, headed by one
   * of the criterion's core notions, that holds most of them (candidates.ts `reportedSection`). Optional:
   * absent counts as none.
   */
  reportedStatements?: number;
  /** Of `reportedStatements`, those carrying a figure. Optional: absent counts as none. */
  reportedFigures?: number;
  /**
   * The section the plan pairs with the criterion by elimination (plan-reading.ts) treats the company's case
   * with at least one argued, applied sentence: the criterion is addressed about the company there, whatever
   * its vocabulary. Optional: absent counts as not paired.
   */
  pairedCase?: boolean;
  /**
   * `pairedCase` holds only through the section the criterion's notion heads (plan-reading.ts `toldCases`): the
   * criterion reads as it did when that section was paired by elimination, but is no new evidence of the draft's
   * level (analyzer.ts `draftLevel`). Optional: absent counts as not.
   */
  toldCase?: boolean;
  /**
   * The section the plan gives the criterion as its own case (candidates.ts `caseSection`): its statements
   * about the company, those with its figures, argued and developed. Optional: absent counts as none.
   */
  caseStatements?: number;
  caseFigures?: number;
  caseArgued?: number;
  caseDeveloped?: number;
  /**
   * The dossier is mostly a course (passage-reading.ts `appliedShare` under `SCORING_THRESHOLDS.courseShare`):
   * few of its statements are about the company. Optional: absent counts as not a course.
   */
  courseDraft?: boolean;
  /** Keyword-stuffed sentences naming an expected concept (ignored for coverage and depth). */
  stuffedMentions: number;
  /** Expected concepts named only inside stuffed sentences. */
  stuffedConcepts: ConceptId[];
}

/** Concepts needed for score 3 and 4, given how many the criterion expects (criteria without concepts count as one). */
export function conceptBars(expectedCount: number) {
  const T = SCORING_THRESHOLDS;
  const n = Math.max(1, expectedCount);
  return {
    several: Math.min(T.satisfactory.concepts, n),
    broad: Math.min(n, Math.max(T.excellent.minConcepts, Math.ceil(T.excellent.conceptShare * n))),
  };
}

export function coverageCount(s: CriterionSignals): number {
  // A criterion the lexicon has no concept for is covered by its own wording.
  return s.expected.length === 0 && s.relevantSentences > 0 ? 1 : s.found.length;
}

/** What backs the reasoning: its quantified sentences and its sentences naming a source. */
export function support(s: CriterionSignals): number {
  return s.quantifiedSentences + Math.floor(s.sourceScore);
}

/**
 * The criterion's reasons are backed by the company's record told as it went (issue #16: strong dossiers built on
 * lived experience — a team managed abroad, a negotiation told round by round — were held at 2 by the standard
 * bar's « two figures or sources »; they back their claims with dated events, named people and places, what was
 * done and what came of it). At least `narratedRecord.events` events of the company told in the past with their
 * date or a named actor and a figure of their result (candidates.ts `narratedResult`), in at least
 * `narratedRecord.passages` passages — a record, not one anecdote —, in a criterion whose textbook sentences
 * (`genericSentences`) are at most `genericShare` of its developed ones: told among a lesson, the events illustrate
 * it. Measured before choosing it (tuning part and `evals/pending/`, 2,712 criteria): of the criteria the standard
 * bar held at 2 for want of support (developed ≥ 5 and covered), 12 of 17 strong ones of gold 3–4 and 3 of 3
 * partial ones of gold 3 have such a record, no weak one, and 4 partial ones of gold 2 — three of them in a partial
 * English draft whose one detailed episode stands among general prose on culture (4 of its 8 developed sentences
 * textbook prose: the generic share keeps it at 2). Moved: 11 criteria 2 → 3, all of gold 3–4 (pending strong SMD
 * −0.85 → −0.83, `sewingmachines` 2.67 → 3.33, `podcasts` 2.11 → 2.33, `zippers` 2.33 → 2.50; three tuning partial
 * drafts +0.10 to +0.17 on criteria of gold 3); no partial or weak criterion of gold 0–2 moved. The concise bar
 * (`conciseSatisfactory`) takes it as its support too: two more strong criteria of gold 4, 2 → 3 (`bookbinding`
 * K1, `podcasts` K6), nothing else moved.
 */
export function narratedRecord(s: CriterionSignals): boolean {
  const N = SCORING_THRESHOLDS.narratedRecord;
  return (
    (s.narratedResults ?? 0) >= N.events &&
    (s.narratedPassages ?? 0) >= N.passages &&
    s.genericSentences <= N.genericShare * s.developedSentences
  );
}

/** The bars for 3's backing: two figures or sources, or the company's record told as it went (`narratedRecord`). */
function backedFor3(s: CriterionSignals): boolean {
  return support(s) >= SCORING_THRESHOLDS.satisfactory.supported || narratedRecord(s);
}

/**
 * A section the criterion's words point to argues it in plain words (issue #16): enough developed sentences
 * there, and at least one of them stating a fact about the company (a figure). Fluent sentences « nous … car … »
 * under a heading that repeats the criterion's words, with nothing measured, are the thin-but-fluent draft's
 * way of looking addressed; a plain-worded strong draft gives its numbers where it argues. Requiring a core
 * notion applied to the company instead (no plain reading at all) was measured on the tuning part (branch
 * grader-weak-2): six criteria of five strong plain drafts fell to 1, `b2-challenge-commercial`'s ordering broke
 * and adjacent agreement fell under its floor (QWK 0.789 → 0.775), for one weak criterion gained.
 */
function plainReading(s: CriterionSignals): boolean {
  return (
    s.plainDeveloped >= SCORING_THRESHOLDS.plainAddressed &&
    (s.plainFacts ?? 1) >= 1 &&
    // A section argues the criterion in plain words; a run of sourced figures (« Selon les comptes annuels, le
    // chiffre d'affaires atteint 15,8 M€ ») documents the company and argues nothing: it addresses no criterion
    // by the words of its section (issue #16: such sentences lifted five criteria of a dashboard-only draft to 2).
    (s.plainArgued ?? 1) >= 1
  );
}

/**
 * The criterion is addressed: one of its core notions is named, or a section about it argues it in plain words,
 * or the section the plan gives it tells the company's case (`treatsCaseSection`, issue #16: three fresh strong
 * drafts in plain words rose 0.13–0.33, no partial or weak draft moved).
 */
export function addressed(s: CriterionSignals): boolean {
  return (
    s.notions.length === 0 ||
    s.pairedCase === true ||
    s.notionsFound.length > 0 ||
    plainReading(s) ||
    treatsCaseSection(s) !== null
  );
}

/**
 * The criterion is addressed *about the company* (issue #16): one of its core notions stands in a statement
 * applied to the candidate's case. A notion met only in definitions, lists or advice that could stand in a
 * textbook (« Il faut identifier les risques… ») shows the notion is known, not that the criterion is treated:
 * a jury gives such a criterion 1 at most. Plain-worded sections the criterion's words point to still count,
 * as in `addressed`.
 */
export function addressedAboutCompany(s: CriterionSignals): boolean {
  if (s.appliedNotions === undefined || s.notions.length === 0 || s.pairedCase === true) return true;
  // The plan's case section is about the company by construction (`caseStatements` are applied statements).
  if (treatsCaseSection(s) !== null) return true;
  return s.appliedNotions.length > 0 || plainReading(s);
}

/**
 * Enough of the criterion is analysed for 3: a share of its expected concepts developed, or, in plain words,
 * more developed reasoning with a figure in it (the lexicon cannot see what plain words cover).
 */
function covered(s: CriterionSignals): boolean {
  const T = SCORING_THRESHOLDS;
  const coverage = s.developedConcepts.length / Math.max(s.expected.length, 1);
  if (coverage >= T.satisfactory.coverage) return true;
  return s.developedSentences >= T.satisfactory.plainDeveloped && s.quantifiedSentences >= 1;
}

/**
 * One of the criterion's core notions stands in a statement about the company (or the criterion has none): what
 * the plain-words and concise bars for 3 require, so that neither lifts a criterion the draft never applies.
 */
function notionApplied(s: CriterionSignals): boolean {
  return s.notions.length === 0 || s.pairedCase === true || (s.appliedNotions ?? s.notionsFound).length > 0;
}

/**
 * The bar for 3 in plain words (issue #16: strong drafts without the lexicon's vocabulary were under-rated).
 * A jury rates a criterion « satisfaisant » when it is addressed about the company with reasons and figures,
 * whatever the vocabulary: a plain-worded dossier states the company's figures in sentences of their own
 * (« Les bars font 58 % de nos ventes. ») and argues in the next ones (« donc la marge de progression est
 * là »). Its argued sentences alone rarely reach the bar, and the lexicon sees few of the concepts it covers;
 * counted together with the prose facts that carry the company's own figures, they show the same depth.
 *
 * What keeps weak drafts out: one of the criterion's core notions must stand in a statement about the company
 * (a section its words merely point to is not enough), the reasoning must be there (`argued` sentences, not
 * figures alone: a dashboard of figures stays at 1–2, and facts complete developed reasoning, they do not replace
 * it), the facts are the company's (textbook statistics are not applied) and in prose (a table's rows are read
 * by table-rows.ts). And it is the bar of plain words only: a draft that names most of the
 * criterion's concepts is seen by the lexicon, and the coverage bar judges it (partial drafts that recite the
 * vocabulary with a few reasons did not earn 3 from their jury).
 */
export function plainSatisfactory(s: CriterionSignals): boolean {
  const T = SCORING_THRESHOLDS;
  const P = T.plainSatisfactory;
  const facts = s.appliedFacts ?? 0;
  const plainWords = s.found.length <= P.vocabularyShare * Math.max(s.expected.length, 1);
  return (
    plainWords &&
    notionApplied(s) &&
    s.developedSentences >= P.developed &&
    s.arguedSentences >= P.argued &&
    s.developedSentences + facts >= T.satisfactory.developed &&
    support(s) + facts >= P.supported
  );
}

/**
 * The bar for 3 of a concise dossier (issue #16: the same strong dossier written in 1,400 words instead of
 * 2,500 lost up to 1.3 points). A jury marks what the criterion's passage establishes, not how many sentences
 * it takes: a concise candidate argues in a few sentences and states the company's figures in the sentences
 * around them (« 18 clients font 61 % du CA », « Coût : 21 800 € pour 116 k€ de marge attendue »), where a long
 * draft wraps each figure in a sentence of reasoning. So each prose fact carrying the company's own figure
 * counts for half a developed sentence towards the bar — a fact states, it does not reason — when the passage
 * is dense in them (at least as many such facts as developed sentences: the concise writer's way, where a
 * thin draft pads a few figures with reasoning) and once the criterion is argued (`argued` sentences), one of
 * its core notions is applied to the company, its expected concepts are covered as the standard bar requires
 * and its reasoning is backed. Figures alone (a dashboard, a figure-dense draft without reasons) stay below
 * it: they have no argued sentences. Measured without the density condition (branch grader-length-5): a weak
 * creation draft (`vrac`) and two partial criteria rose to 3 with two facts beside four argued sentences.
 */
export function conciseSatisfactory(s: CriterionSignals): boolean {
  const T = SCORING_THRESHOLDS;
  const C = T.conciseSatisfactory;
  const facts = s.appliedFacts ?? 0;
  return (
    notionApplied(s) &&
    s.developedSentences >= C.developed &&
    s.arguedSentences >= C.argued &&
    covered(s) &&
    backedFor3(s) &&
    facts >= s.developedSentences &&
    s.developedSentences + C.factWeight * facts >= T.satisfactory.developed
  );
}

/**
 * The bar for 3 of a criterion the plan pairs with a section by elimination (plan-reading.ts, issue #16): a jury
 * marks what that section establishes — the company's figures, decisions and reasons. A short section of a
 * concise draft argues in two or three sentences and states its facts in the others (« Chaque mardi, 30 minutes
 * réunissent… », « Au 30 juin, 11 essais étaient faits »): its argued sentences with the company's prose facts
 * reach `pairedSatisfactory.developed`, at least `argued` of them argued, backed by `supported` figures (facts
 * included). The pairing itself keeps weak drafts out: their sections hold no reasoned case of the company.
 */
export function pairedSatisfactory(s: CriterionSignals): boolean {
  const T = SCORING_THRESHOLDS;
  const P = T.pairedSatisfactory;
  const facts = s.appliedFacts ?? 0;
  return (
    s.pairedCase === true &&
    s.arguedSentences >= P.argued &&
    s.developedSentences + facts >= P.developed &&
    support(s) + facts >= T.satisfactory.supported
  );
}

/**
 * The highest score the criterion's core notions allow, whatever path raised it (issue #16): 1 when none of
 * them is addressed, or addressed only in generic prose and not about the company; 4 otherwise. The rubric
 * version's anchors (rubric-reading.ts) move a score within one point of the excerpt a draft takes up, and a
 * textbook sentence close to an anchor of a strong dossier must not lift a criterion the draft never applies.
 */
export function notionCeiling(s: CriterionSignals): 1 | 4 {
  if (s.relevantSentences === 0 || s.courseDraft) return 1;
  return addressed(s) && addressedAboutCompany(s) ? 4 : 1;
}

/**
 * Nothing of the criterion is there (issue #16: « a criterion whose core notions are absent scores 0 or 1 »):
 * none of its core notions is named, and nothing the draft says under it is developed or states a fact of the
 * company. Sentences that share a word or two with the criterion, or sit in a section its words point to, are
 * not the criterion addressed: « absent » on the rubric scale. A draft that develops anything there, or names a
 * core notion even in a lesson, keeps its 1.
 */
function absentNotions(s: CriterionSignals): boolean {
  return (
    s.notions.length > 0 &&
    s.notionsFound.length === 0 &&
    s.developedSentences === 0 &&
    (s.appliedFacts ?? 0) === 0 &&
    s.stuffedMentions === 0
  );
}

/**
 * The criterion is treated on the company's own case (issue #16: plain-worded strong drafts scored 1 where
 * their jury gave 3): under a heading that names one of its core notions (« Une mission qui a réussi »), the
 * draft reports the case in statements about the company — what it did, what happened, its figures — with at
 * least one reason. « En mars, un hôtel du groupe nous a appelés pour une panne. Nous sommes intervenus en
 * 3 heures. J'ai demandé un rendez-vous au directeur technique. Il a signé pour les quatre hôtels (18 400 € par
 * an). Ce qui a marché : une intervention rapide, puis une visite préparée avec des faits. » argues once and
 * reports four times: a jury reads a case treated, partly argued (2), not a mention. Facts without a single
 * reason, or without a figure, stay « mentioned »; a table's rows are read by table-rows.ts, not here; textbook
 * prose is not about the company and never counts.
 */
export function reportsCase(s: CriterionSignals): boolean {
  const R = SCORING_THRESHOLDS.reportedCase;
  return (
    s.developedSentences >= R.reasons &&
    (s.reportedStatements ?? 0) >= R.statements &&
    (s.reportedFigures ?? 0) >= R.figures
  );
}

/**
 * The criterion's case told in the section the plan gives it (issue #16: strong drafts in plain words state the
 * company's facts in short sentences, list items and rows, and argue in one or two of them; such sections scored
 * 1 for want of two developed sentences). A jury reads the section: five statements about the company, two with
 * its figures, one reason, is a case partly treated (2) — `'partial'`; eight with six figures and a developed
 * sentence is a case treated (3) — `'treated'` (`SCORING_THRESHOLDS.caseSection`). Figures without a single reason (a dashboard) stay below it, as
 * do sentences not about the company (generic advice, definitions, the sector's figures: never `applied`). One
 * section counts for one criterion only (plan-reading.ts `own`).
 */
export function treatsCaseSection(s: CriterionSignals): 'treated' | 'partial' | null {
  const C = SCORING_THRESHOLDS.caseSection;
  const statements = s.caseStatements ?? 0;
  const figures = s.caseFigures ?? 0;
  if ((s.caseArgued ?? 0) < C.argued) return null;
  if (statements >= C.dense && figures >= C.denseFigures && (s.caseDeveloped ?? 0) >= C.denseDeveloped)
    return 'treated';
  return statements >= C.statements && figures >= C.figures ? 'partial' : null;
}

/**
 * The criterion is recited, not applied (issue #16): its textbook sentences (developed-looking but about firms
 * in general: definitions, laws, techniques, advice) outnumber those applied to the company, and no figure of
 * the company backs any of them. A weak draft states the lesson, then drops the company's name into two or three
 * sentences that argue (« Les Autocars Vidal doivent respecter ces réglementations selon leur taille »): a jury
 * reads the criterion mentioned (1), not partly treated. Measured: weak SMD pending +0.54 -> +0.49 (autocars
 * 1.43 -> 1.00, solaire and mowers -0.1), one partial draft (pools, two criteria of gold 2) 2.00 -> 1.80, no
 * strong draft moved; a case told under the criterion (`reportsCase`, `treatsCaseSection`) keeps its 2.
 */
function recited(s: CriterionSignals): boolean {
  return s.quantifiedSentences === 0 && s.genericSentences > s.developedSentences;
}

/**
 * The criterion is argued on the company's own case, though no figure or source sits in its own sentences
 * (issue #16: strong drafts in plain words argue their choices with reasons — « parce que nos poseurs… »,
 * « si nous baissons nos prix, nous perdons ce qui nous distingue » — and give the company's figures elsewhere in the draft; the
 * support bar held them at 1, « argumenté sans être étayé », where their jury gave 3–4). A jury reads a criterion
 * whose core notion is itself argued (`developedNotions`), in at least two argued sentences that are mostly about
 * the company rather than the course (textbook sentences at most half of the developed ones), as addressed and
 * argued: partly treated (2), not « mentioned ». It is read only where the draft is not a course, not thin and not
 * figureless (analyzer.ts): there, reasons without the draft's own figures are the lesson recited, and stay at 1.
 * Measured (tuning part and `evals/pending/`, 3,334 criteria): 14 strong criteria of gold 3–4 moved up (1 → 2, or
 * 2 → 3 in established drafts), 6 partial ones 1 → 2 to their gold of 2, one partial one of gold 1 away (1 → 2);
 * no weak criterion moved (the weak drafts it would reach are thin or figureless).
 */
export function arguedOnCase(s: CriterionSignals): boolean {
  const A = SCORING_THRESHOLDS.arguedCase;
  return (
    !s.courseDraft &&
    s.relevantSentences > 0 &&
    addressed(s) &&
    addressedAboutCompany(s) &&
    s.developedSentences >= SCORING_THRESHOLDS.partial.developed &&
    s.arguedSentences >= A.argued &&
    s.genericSentences <= A.genericShare * s.developedSentences &&
    s.developedNotions.length >= A.developedNotions &&
    support(s) < SCORING_THRESHOLDS.partial.supported
  );
}

/**
 * A criterion's score once the draft is read (`arguedOnCase`): a criterion the support bar held at 1 though it is
 * argued on the company's case reads as partly treated (2), in a draft that is neither thin nor figureless (the
 * caller passes `eligible`); anything else keeps its score.
 */
export function arguedCaseScore(
  score: 0 | 1 | 2 | 3 | 4,
  s: CriterionSignals,
  eligible: boolean,
): 0 | 1 | 2 | 3 | 4 {
  return eligible && score === 1 && arguedOnCase(s) ? 2 : score;
}

/**
 * The 0–4 score from coverage and depth (thresholds in `SCORING_THRESHOLDS`). A course is marked as a course
 * (issue #16): in a dossier whose statements are mostly not about the company (`courseDraft`), a criterion is at
 * most mentioned (1), whatever its sentences' vocabulary, reasons or borrowed figures. On the tuning part and
 * six batches of unseen drafts, 302 of the 308 criteria of the 37 such dossiers were rated 0 or 1 by their jury
 * and none above 2, while the analyzer gave 16 of them 2 and 4 of them 3 from a guide's « car » and a sector's
 * averages.
 */
export function scoreFromSignals(s: CriterionSignals): 0 | 1 | 2 | 3 | 4 {
  const score = depthScore(s);
  return s.courseDraft ? (Math.min(score, 1) as 0 | 1) : score;
}

function depthScore(s: CriterionSignals): 0 | 1 | 2 | 3 | 4 {
  const T = SCORING_THRESHOLDS;
  if (s.relevantSentences === 0) return s.stuffedMentions > 0 ? 1 : 0;
  // Without its core notions a criterion is not addressed, whatever else the draft says about the domain,
  // unless a section its own words point to argues it in plain words.
  if (!addressed(s)) return absentNotions(s) ? 0 : 1;
  if (!addressedAboutCompany(s)) return 1;
  // Too little developed, or argued but backed by no figure and no source: « mentioned, not supported » on the
  // rubric scale — unless the company's case is reported under the criterion's heading (`reportsCase`) or a
  // lived, located episode backs the reasons (`experiences`): partial credit, never more on their own.
  const caseTold = treatsCaseSection(s);
  // A section the plan gives the criterion, dense with the company's facts and argued, is a case treated (3)
  // however few of its sentences look developed one by one: its facts are its support.
  const short = caseTold === 'treated' ? 3 : reportsCase(s) || caseTold ? 2 : 1;
  if (s.developedSentences < T.partial.developed) return short;
  // A criterion recited from the course with the company's name in it is mentioned, not supported (`recited`).
  if (recited(s)) return short;
  if (
    support(s) < T.partial.supported &&
    (s.experiences ?? 0) < T.partial.experiences &&
    !(s.pairedCase === true && (s.appliedFacts ?? 0) >= T.partial.supported)
  )
    return short;
  const standard = s.developedSentences >= T.satisfactory.developed && covered(s) && backedFor3(s);
  if (
    !standard &&
    !plainSatisfactory(s) &&
    !conciseSatisfactory(s) &&
    !pairedSatisfactory(s) &&
    caseTold !== 'treated'
  )
    return 2;
  // A criterion that links its notions is not met while one of them is only named.
  if (s.linksNotions && s.developedNotions.length < s.notions.length) return 2;
  const excellent =
    s.developedSentences - (s.shapedSentences ?? 0) >= T.excellent.developed &&
    // « Excellent » with no argued sentence would contradict its own rationale.
    s.arguedSentences >= 1 &&
    s.quantifiedSentences >= T.excellent.quantified &&
    s.sourceScore >= T.excellent.sourceScore &&
    covered(s);
  return excellent ? 4 : 3;
}

/**
 * A criterion's score in a draft the analyzer reads as established (issue #16: strong drafts in plain words are
 * under-rated on every unseen batch, held-out strong drafts 0.3–0.95 SMD under their jury). Where most of a
 * draft's criteria are established with the company's facts (`establishedShare`), what the analyzer finds short
 * on the rest is far more often its own reading missing a plainly worded section than the draft missing the
 * criterion: in such drafts juries rated 3–4 nearly every criterion the analyzer left at 2 or below. So a 2
 * reads as 3, and a 1 as 2 when the criterion is addressed about the company (its core notions are there: the
 * notion ceiling is 4) and something is quoted for it. Nothing found stays 0, and a criterion whose core
 * notions are absent stays at 1: this reads the analyzer's doubt, never a part the draft lacks.
 */
export function levelledScore(
  score: 0 | 1 | 2 | 3 | 4,
  draft: { established: boolean; ceiling: 1 | 4; quoted: boolean },
): 0 | 1 | 2 | 3 | 4 {
  if (!draft.established) return score;
  if (score === 2) return 3;
  if (score === 1 && draft.ceiling === 4 && draft.quoted) return 2;
  return score;
}

/**
 * The draft argues its figures (issue #16, « figure-dense but unargued »): at least `factDense.arguedShare` of the
 * exam's criteria hold an argued statement about the company (a reason, a consequence, an analysis). A jury reads a
 * draft that lists the company's figures in every section without one « car », « donc » or « ce qui montre » as a
 * record of data — documented, not analysed —, and gives such a draft no benefit of the doubt: the fact-dense lift
 * (`factDenseScore`) is for drafts whose figures back reasoning the analyzer reads too short, not for a dashboard.
 * Measured: the only draft it stops, the figure-dense partial `sanitaires` (fresh-20, no argued sentence in any of
 * its eight criteria), was lifted 2 → 3 on four criteria its jury rated 1 and 1 → 2 on two (2.75 against gold 1.38);
 * no strong draft moved.
 */
export function arguesItsFigures(level: { argued: number; criteria: number }): boolean {
  return level.criteria > 0 && level.argued >= SCORING_THRESHOLDS.factDense.arguedShare * level.criteria;
}

/**
 * The draft is thin (issue #16, « no false reassurance »; `SCORING_THRESHOLDS.thinDraft`): it mentions most of the
 * exam's criteria without treating them, and the company's own figures appear in few of its parts. A jury reads such
 * a draft as a set of intentions, a lesson and the company's name: what it seems to develop here and there is the
 * same lesson with the company named in it, or a reason given for a wish, not a criterion treated on the case.
 */
export function thinDraft(
  level: { atMost1: number; criteria: number },
  density: { passageShare: number; passages: number },
): boolean {
  const T = SCORING_THRESHOLDS.thinDraft;
  return (
    level.criteria > 0 &&
    density.passages >= T.passages &&
    level.atMost1 >= T.mentionedShare * level.criteria &&
    density.passageShare < T.factPassageShare
  );
}

/**
 * A criterion's score in a thin draft (`thinDraft`): one step lower, never under 1 — the analyzer's doubt goes
 * against the draft, as it goes for an established one in `levelledScore`. A 2 reads as 1 (mentioned), a 3 as 2;
 * what was mentioned stays mentioned and nothing found stays 0. Measured before choosing it (tuning part and
 * `evals/pending/`): 14 criteria moved, every one toward its gold but one — the thin weak drafts' isolated 2s and 3s
 * (`quarry`, `driving`, `hvac`, `solaire`, `dishwashers`: 13 criteria, all of gold 1), the partial `fourriere` K7
 * (gold 1); among the adversarial drafts three toward gold and one away (an injected draft's K6, gold 2); no strong
 * draft moved (none is thin).
 */
export function thinScore(score: 0 | 1 | 2 | 3 | 4, thin: boolean): 0 | 1 | 2 | 3 | 4 {
  if (!thin || score <= 1) return score;
  return (score - 1) as 1 | 2 | 3;
}

/**
 * A criterion's score in a draft dense with the company's own facts (issue #16: the plain-worded strong drafts the
 * analyzer reads worst — most criteria at 1–2 — never reach the established bar of `levelledScore`, yet a jury sees
 * at once that they state the company's figures, dates and results in every section; weak drafts give the sector's
 * figures, partial ones fewer of the company's). In such a draft (`SCORING_THRESHOLDS.factDense`), a criterion
 * addressed about the company (its core notions there: the notion ceiling is 4) with something quoted for it reads
 * one step up, 1 as 2 and 2 as 3. Nothing found stays 0, nothing goes above 3, and a criterion whose core notions
 * are absent stays where it is: this reads the analyzer's doubt, never a part the draft lacks.
 */
export function factDenseScore(
  score: 0 | 1 | 2 | 3 | 4,
  draft: { dense: boolean; ceiling: 1 | 4; quoted: boolean },
): 0 | 1 | 2 | 3 | 4 {
  if (!draft.dense || draft.ceiling !== 4 || !draft.quoted) return score;
  return score === 1 ? 2 : score === 2 ? 3 : score;
}
