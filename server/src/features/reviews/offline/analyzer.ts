/**
 * The offline analyzer: Préjury's deterministic grader when no model is configured.
 *
 * For one criterion it measures two things in the passages it is given:
 * - coverage: which of the criterion's expected concepts (lexicon/) appear, distinct concepts counting,
 *   not repetitions;
 * - depth: for each relevant sentence, whether it is quantified (figures, %, €), sourced (« selon », named
 *   institutions, URLs, years in parentheses), argued (« car », « donc », « ce qui », « because »…), analytical
 *   (« montre », « révèle ») or prescriptive (« nous préconisons »).
 * The score follows `SCORING_THRESHOLDS` (see `scoreFromSignals`). Evidence is up to three verbatim sentences
 * with their page. Keyword-stuffed sentences (stuffing.ts) never count as analysis.
 *
 * Same input, same output: no randomness, no clock, passages processed in document order.
 */
import type { Criterion, Exam } from '../../referential';
import type { CriterionGrade, DossierText, GradingPassage } from '../grade-schema';
import type { RubricCriterion } from '../rubric';
import { dossierNames, isApplied } from './applied';
import {
  buildCriterionLexicon,
  CONCEPTS,
  type ConceptHit,
  type ConceptId,
  type CriterionLexicon,
  conceptRecommendation,
  countStems,
  type DepthSignals,
  depthSignals,
  examLanguage,
  findConcepts,
  fold,
  getExamLexicon,
  indexText,
  type MatchLanguage,
  RELATED_WEIGHT,
  stemIn,
  type TextIndex,
} from './lexicon';
import { anchoredScore, type RubricReading, readRubricCriterion } from './rubric-reading';
import { type PassageSentence, sentencesOfPassage } from './sentences';
import { type StuffingVerdict, stuffingVerdict } from './stuffing';

/** What `analyzeCriterion` needs: the same input a model grader gets. */
export interface AnalyzeInput {
  exam: Exam;
  criterion: Criterion;
  passages: GradingPassage[];
  dossier: DossierText;
  /**
   * The criterion in the rubric version under review: its descriptors and anchors adjust what is expected
   * (rubric-reading.ts). Without it, the default rubric's reading (no adjustment).
   */
  rubric?: RubricCriterion;
}

/**
 * Thresholds of the 0–4 score (DESIGN.md rubric scale):
 * - 0 absent: no sentence names an expected concept (nor two of the criterion's own words), and no section
 *   is about the criterion;
 * - 1 insuffisant: relevant sentences exist but fewer than `partial.developed` are developed (argued or
 *   sourced, and applied to the company), or nothing backs them (no figure, no named source), or the
 *   criterion's core notions are absent — headings, bare mentions, keyword lists, tables of figures;
 * - 2 partiel: developed and supported, but the bar for 3 is not met;
 * - 3 satisfaisant: ≥ `satisfactory.developed` developed sentences backed by ≥ `satisfactory.supported`
 *   figures or sources, covering `satisfactory.coverage` of the expected concepts — or, in plain words,
 *   ≥ `satisfactory.plainDeveloped` developed sentences with a figure;
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
   * Score bars on developed sentences (argued, or backed by a figure or a source) and on the share of the
   * criterion's expected concepts they cover. Fitted on the gold cases of exams B1–B3-salon (evals/README.md)
   * and checked on the held-out B3-prospection–B6 cases: developed sentences separate the levels far better
   * than concept counts alone, which compressed every draft towards 2–3.
   */
  partial: { developed: 2, supported: 1 },
  satisfactory: { developed: 5, coverage: 0.4, concepts: 2, argued: 2, plainDeveloped: 7, supported: 2 },
  excellent: {
    developed: 10,
    quantified: 1,
    sourceScore: 0.5,
    coverage: 0.4,
    conceptShare: 0.5,
    minConcepts: 3,
    argued: 3,
    pages: 2,
  },
  /** Source score needed to count as sourced: a named source scores 1, « une étude » without a name 0.5. */
  sourced: 1,
} as const;

const MAX_EVIDENCE = 3;
const MAX_MISSING = 5;
const MAX_RECOMMENDATIONS = 4;

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
  /** Keyword-stuffed sentences naming an expected concept (ignored for coverage and depth). */
  stuffedMentions: number;
  /** Expected concepts named only inside stuffed sentences. */
  stuffedConcepts: ConceptId[];
}

/** A grade with the signals it was computed from. */
export interface CriterionAnalysis {
  grade: CriterionGrade;
  signals: CriterionSignals;
}

/** Code-unit order, not `localeCompare`: the result must not depend on the machine's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ── Sentence facts (criterion-independent, cached per dossier) ───────────────────────────────────────

/** What the lexicon says about one sentence, whatever the criterion. */
export interface SentenceFacts {
  folded: string;
  index: TextIndex;
  concepts: ConceptHit[];
  signals: DepthSignals;
  stuffed: StuffingVerdict | null;
}

/** Keyed by the dossier object: all criteria of one review share the work, nothing outlives the dossier. */
const factsCache = new WeakMap<DossierText, Map<string, SentenceFacts>>();

/** Concepts, depth signals and stuffing verdict of a sentence, memoised per dossier. */
export function sentenceFacts(dossier: DossierText, lang: MatchLanguage, text: string): SentenceFacts {
  let cache = factsCache.get(dossier);
  if (!cache) {
    cache = new Map();
    factsCache.set(dossier, cache);
  }
  const key = `${lang}\u0000${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const folded = fold(text);
  const index = indexText(folded);
  const concepts = findConcepts(folded, lang, index);
  const signals = depthSignals(text, folded, lang);
  const facts = { folded, index, concepts, signals, stuffed: stuffingVerdict(folded, concepts, signals) };
  cache.set(key, facts);
  return facts;
}

/** Sentences of each passage, memoised per dossier: every criterion of a review reads the same passages. */
const sentencesCache = new WeakMap<DossierText, Map<string, PassageSentence[]>>();

function cachedSentences(passage: GradingPassage, dossier: DossierText): PassageSentence[] {
  let cache = sentencesCache.get(dossier);
  if (!cache) {
    cache = new Map();
    sentencesCache.set(dossier, cache);
  }
  const key = `${passage.id}\u0000${passage.page}\u0000${passage.pageEnd}\u0000${passage.text}`;
  let sentences = cache.get(key);
  if (!sentences) {
    sentences = sentencesOfPassage(passage, dossier);
    cache.set(key, sentences);
  }
  return sentences;
}

// ── Per-criterion classification ─────────────────────────────────────────────────────────────────────

interface Candidate {
  sentence: PassageSentence;
  /** Document order: passage position, then offset. */
  order: number;
  passageRelevance: number;
  facts: SentenceFacts;
  concepts: ConceptId[];
  /** Core notions the sentence names. */
  notions: ConceptId[];
  /** About the candidate's company (applied.ts): a figure, one of the dossier's names, « nous ». */
  applied: boolean;
  /** Developed-looking (argued, quantified or sourced) but generic: counts as coverage, never as analysis. */
  generic: boolean;
  /** A figure or example next to a sentence naming a core notion, in the same passage: it backs the notion. */
  backsNotion: boolean;
  /**
   * Expected concepts the sentence is about without naming them: those of its section's heading (« Les
   * risques que nous courons ») when the heading addresses the criterion. A plain-worded dossier argues under
   * a heading that names the topic once; its sentences are about that topic.
   */
  inherited: ConceptId[];
  /** Relevant only as part of a section the criterion's own words point to (`sectionCriteria`). */
  bySection: boolean;
  ownHits: number;
  competencyHits: number;
  developed: boolean;
  /** Long enough and with a verb: says something, unlike a heading or a label (« 3.2 Analyse ESG »). */
  statement: boolean;
  argued: boolean;
  quantified: boolean;
  source: number;
}

/** English matching for the English exam, or for a dossier detected as English. */
export function matchLanguage(exam: Exam, dossier: DossierText): MatchLanguage {
  return examLanguage(exam) === 'en' || /^en/i.test(dossier.language ?? '') ? 'en' : 'fr';
}

function criterionLexicon(exam: Exam, criterion: Criterion): CriterionLexicon {
  const fromExam = exam.criteria.some((c) => c.id === criterion.id && c.text === criterion.text)
    ? getExamLexicon(exam).criteria.get(criterion.id)
    : undefined;
  return fromExam ?? buildCriterionLexicon(exam, criterion);
}

/** The lexicon as the rubric version's descriptors adjust it: added concepts expected, removed ones not. */
function withRubric(lexicon: CriterionLexicon, reading: RubricReading | null): CriterionLexicon {
  if (!reading || (reading.added.length === 0 && reading.removed.length === 0)) return lexicon;
  const removed = new Set(reading.removed);
  const kept = lexicon.concepts.filter((c) => !removed.has(c.id) || lexicon.notions.includes(c.id));
  const have = new Set(kept.map((c) => c.id));
  const added = reading.added
    .filter((id) => !have.has(id))
    .map((id) => ({ id, weight: RELATED_WEIGHT, core: false, domain: false }));
  return { ...lexicon, concepts: [...kept, ...added] };
}

/**
 * What a section's heading says about the criterion: the expected concepts it names (domain ones aside) and
 * how many of them are core notions, or null when the heading does not address the criterion (neither one of
 * its concepts nor one of its own words).
 */
function sectionTopic(
  input: AnalyzeInput,
  lexicon: CriterionLexicon,
  lang: MatchLanguage,
  expected: ReadonlySet<ConceptId>,
  section: string | null,
): { concepts: ConceptId[]; notions: number } | null {
  if (!section) return null;
  const facts = sentenceFacts(input.dossier, lang, section);
  if (facts.stuffed) return null;
  const concepts = [...new Set(facts.concepts.map((h) => h.id).filter((id) => expected.has(id)))];
  const own = countStems(lexicon.ownStems, facts.index);
  if (concepts.length === 0 && own < SCORING_THRESHOLDS.ownWordsInHeading) return null;
  return { concepts, notions: concepts.filter((id) => lexicon.notions.includes(id)).length };
}

/**
 * A section whose heading says nothing about the criterion is still about it when several of its sentences
 * name the criterion's concepts: the sentences between them carry the same reasoning in plain words.
 */
function bodyTopic(
  input: AnalyzeInput,
  lexicon: CriterionLexicon,
  lang: MatchLanguage,
  expected: ReadonlySet<ConceptId>,
  sentences: PassageSentence[],
): { concepts: ConceptId[]; notions: number } | null {
  const concepts = new Set<ConceptId>();
  let naming = 0;
  for (const sentence of sentences) {
    const facts = sentenceFacts(input.dossier, lang, sentence.text);
    if (facts.stuffed) continue;
    const ids = facts.concepts.map((h) => h.id).filter((id) => expected.has(id));
    if (ids.length === 0) continue;
    naming++;
    for (const id of ids) concepts.add(id);
  }
  if (naming < SCORING_THRESHOLDS.namingSentencesInSection) return null;
  const list = [...concepts];
  return { concepts: list, notions: list.filter((id) => lexicon.notions.includes(id)).length };
}

const wordWeightsCache = new Map<string, ReadonlyMap<string, number>>();

/**
 * A word that only one criterion of the exam uses (in its text or its competencies) says which criterion a
 * section is about; one that five criteria share says little: each weighs 1 / the number of criteria using it.
 */
function criterionWordWeights(exam: Exam): ReadonlyMap<string, number> {
  // Keyed by the criteria's wording: a rubric version may reword them.
  const key = JSON.stringify([exam.id, exam.criteria.map((c) => [c.id, c.text, c.competencies])]);
  const cached = wordWeightsCache.get(key);
  if (cached) return cached;
  const users = new Map<string, number>();
  for (const lexicon of getExamLexicon(exam).criteria.values()) {
    const stems = new Set([...lexicon.ownStems, ...lexicon.competencyStems].map((s) => s.stem));
    for (const stem of stems) users.set(stem, (users.get(stem) ?? 0) + 1);
  }
  const weights = new Map([...users].map(([stem, n]) => [stem, 1 / n]));
  if (wordWeightsCache.size >= 64) wordWeightsCache.clear();
  wordWeightsCache.set(key, weights);
  return weights;
}

/** Per dossier: which criteria each section is most about, by the criteria's own words. */
const sectionCache = new WeakMap<DossierText, Map<string, ReadonlySet<string>>>();

/**
 * The criteria of the exam a section is most about, by the criteria's own words (those of the criterion's
 * text and, at half weight, of its competencies) found in the section: a relative reading, so that a section
 * written in plain words still goes to the criterion it best matches, even when it names none of the
 * lexicon's concepts. Empty when the section shares no word with any criterion.
 */
function sectionCriteria(
  input: AnalyzeInput,
  lang: MatchLanguage,
  passage: GradingPassage,
): ReadonlySet<string> {
  let cache = sectionCache.get(input.dossier);
  if (!cache) {
    cache = new Map();
    sectionCache.set(input.dossier, cache);
  }
  const key = `${input.exam.id}\u0000${passage.id}\u0000${passage.text.length}\u0000${passage.section ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const folded = fold(`${passage.section ?? ''}\n${passage.text}`);
  const index = indexText(folded);
  const lexicons = getExamLexicon(input.exam).criteria;
  const weights = criterionWordWeights(input.exam);
  let best = 0;
  const scores = new Map<string, number>();
  for (const [id, lexicon] of lexicons) {
    let score = 0;
    for (const stem of lexicon.ownStems) if (stemIn(stem, index)) score += weights.get(stem.stem) ?? 0;
    for (const stem of lexicon.competencyStems)
      if (stemIn(stem, index))
        score += SCORING_THRESHOLDS.competencyWordWeight * (weights.get(stem.stem) ?? 0);
    scores.set(id, score);
    best = Math.max(best, score);
  }
  const chosen =
    best >= SCORING_THRESHOLDS.sectionWords
      ? new Set(
          [...scores].filter(([, v]) => v >= SCORING_THRESHOLDS.sectionShareOfBest * best).map(([id]) => id),
        )
      : new Set<string>();
  void lang;
  cache.set(key, chosen);
  return chosen;
}

function classify(
  input: AnalyzeInput,
  lexicon: CriterionLexicon,
): { relevant: Candidate[]; stuffed: Candidate[] } {
  const lang = matchLanguage(input.exam, input.dossier);
  // Exam-wide domain concepts (« RSE » in the Audit RSE) make no sentence relevant to one criterion.
  const expected = new Set(lexicon.concepts.filter((c) => !c.domain).map((c) => c.id));
  const notions = new Set(lexicon.notions);
  const names = dossierNames(input.dossier);
  const passages = [...input.passages].sort(
    (a, b) => a.page - b.page || a.ordinal - b.ordinal || compareIds(a.id, b.id),
  );
  const relevant: Candidate[] = [];
  const stuffed: Candidate[] = [];
  const seen = new Set<string>();
  const T = SCORING_THRESHOLDS;
  passages.forEach((passage, p) => {
    const sentences = cachedSentences(passage, input.dossier);
    const heading =
      sectionTopic(input, lexicon, lang, expected, passage.section) ??
      bodyTopic(input, lexicon, lang, expected, sentences) ??
      (sectionCriteria(input, lang, passage).has(input.criterion.id) ? { concepts: [], notions: 0 } : null);
    const namesNotion = sentences.map((sentence) =>
      sentenceFacts(input.dossier, lang, sentence.text).concepts.some((h) => notions.has(h.id)),
    );
    // A sentence that continues an applied one on the same line (« … 310 clients. Les clients santé sont
    // fidèles car… ») is about the company too; a list item or a textbook paragraph starts afresh.
    const appliedHere = sentences.map((sentence) => {
      const f = sentenceFacts(input.dossier, lang, sentence.text);
      return isApplied(f.folded, f.signals.quantities, names);
    });
    sentences.forEach((sentence, i) => {
      // Overlapping passages repeat sentences, and padded drafts repeat whole paragraphs: a sentence
      // counts once, wherever it stands, since repeating it adds no analysis.
      const key = sentence.text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const facts = sentenceFacts(input.dossier, lang, sentence.text);
      const concepts = facts.concepts.map((h) => h.id).filter((id) => expected.has(id));
      const ownHits = countStems(lexicon.ownStems, facts.index);
      const s = facts.signals;
      const statement = s.words >= T.minWords && (s.verb || s.words >= T.statementWords);
      const named =
        concepts.length > 0 || ownHits >= Math.min(T.ownWordsForRelevance, lexicon.ownStems.length || 1);
      // Under a heading that addresses the criterion, what the section states is about it.
      const underHeading = !named && heading !== null && statement;
      const bySection = underHeading && heading.concepts.length === 0;
      if (!named && !underHeading) return;
      const argued = statement && (s.argument || s.analysis || s.recommendation);
      const quantified = statement && s.quantities > 0;
      const source = statement ? (s.strongSources > 0 ? 1 : s.weakSources > 0 ? 0.5 : 0) : 0;
      const prev = sentences[i - 1];
      const continues = prev !== undefined && !passage.text.slice(prev.end, sentence.start).includes('\n');
      const applied = appliedHere[i] === true || (continues && appliedHere[i - 1] === true);
      // A figure alone states a fact; it develops the analysis only beside reasoning (argued or sourced).
      const looksDeveloped = argued || source > 0;
      const candidate: Candidate = {
        sentence,
        order: p * 1_000_000 + sentence.start,
        passageRelevance: passage.relevance,
        facts,
        concepts,
        notions: concepts.filter((id) => notions.has(id)),
        applied,
        generic: looksDeveloped && !applied,
        backsNotion:
          (quantified && (namesNotion[i - 1] === true || namesNotion[i + 1] === true)) ||
          (underHeading && (quantified || argued) && heading !== null && heading.notions > 0),
        inherited: heading && !named ? heading.concepts.filter((id) => !concepts.includes(id)) : [],
        bySection,
        ownHits,
        competencyHits: countStems(lexicon.competencyStems, facts.index),
        developed: looksDeveloped && applied,
        statement,
        argued,
        quantified,
        source,
      };
      (facts.stuffed ? stuffed : relevant).push(candidate);
    });
  });
  return { relevant, stuffed };
}

function computeSignals(
  lexicon: CriterionLexicon,
  relevant: Candidate[],
  stuffed: Candidate[],
): CriterionSignals {
  const expected = lexicon.concepts.filter((c) => !c.domain).map((c) => c.id);
  const found = new Set<ConceptId>();
  const developedConcepts = new Set<ConceptId>();
  let genericSentences = 0;
  let plainDeveloped = 0;
  const pages = new Set<number>();
  const passages = new Set<string>();
  let developed = 0;
  let argued = 0;
  let quantified = 0;
  let sourceScore = 0;
  for (const c of relevant) {
    for (const id of [...c.concepts, ...c.inherited]) found.add(id);
    if (c.generic) genericSentences++;
    if (!c.developed) continue;
    developed++;
    if (c.bySection) plainDeveloped++;
    for (const id of [...c.concepts, ...c.inherited]) developedConcepts.add(id);
    if (c.argued) argued++;
    if (c.quantified) quantified++;
    sourceScore += c.source;
    pages.add(c.sentence.page);
    passages.add(c.sentence.passageId);
  }
  return {
    expected,
    found: expected.filter((id) => found.has(id)),
    notions: [...lexicon.notions],
    notionsFound: lexicon.notions.filter((id) => found.has(id)),
    developedNotions: lexicon.notions.filter((id) => developedConcepts.has(id)),
    linksNotions: lexicon.linksNotions,
    genericSentences,
    developedConcepts: expected.filter((id) => developedConcepts.has(id)),
    relevantSentences: relevant.length,
    developedSentences: developed,
    arguedSentences: argued,
    quantifiedSentences: quantified,
    sourceScore,
    pages: [...pages].sort((a, b) => a - b),
    passages: passages.size,
    plainDeveloped,
    stuffedMentions: stuffed.filter((c) => c.concepts.length > 0).length,
    stuffedConcepts: expected.filter((id) => !found.has(id) && stuffed.some((c) => c.concepts.includes(id))),
  };
}

/** Concepts needed for score 3 and 4, given how many the criterion expects (criteria without concepts count as one). */
function conceptBars(expectedCount: number) {
  const T = SCORING_THRESHOLDS;
  const n = Math.max(1, expectedCount);
  return {
    several: Math.min(T.satisfactory.concepts, n),
    broad: Math.min(n, Math.max(T.excellent.minConcepts, Math.ceil(T.excellent.conceptShare * n))),
  };
}

function coverageCount(s: CriterionSignals): number {
  // A criterion the lexicon has no concept for is covered by its own wording.
  return s.expected.length === 0 && s.relevantSentences > 0 ? 1 : s.found.length;
}

/** What backs the reasoning: its quantified sentences and its sentences naming a source. */
export function support(s: CriterionSignals): number {
  return s.quantifiedSentences + Math.floor(s.sourceScore);
}

/** The criterion is addressed: one of its core notions is named, or a section about it argues it in plain words. */
export function addressed(s: CriterionSignals): boolean {
  return (
    s.notions.length === 0 ||
    s.notionsFound.length > 0 ||
    s.plainDeveloped >= SCORING_THRESHOLDS.plainAddressed
  );
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

/** The 0–4 score from coverage and depth (thresholds in `SCORING_THRESHOLDS`). */
export function scoreFromSignals(s: CriterionSignals): 0 | 1 | 2 | 3 | 4 {
  const T = SCORING_THRESHOLDS;
  if (s.relevantSentences === 0) return s.stuffedMentions > 0 ? 1 : 0;
  // Without its core notions a criterion is not addressed, whatever else the draft says about the domain,
  // unless a section its own words point to argues it in plain words.
  if (!addressed(s)) return 1;
  if (s.developedSentences < T.partial.developed) return 1;
  // Argued but backed by no figure and no source: « mentioned, not supported » on the rubric scale.
  if (support(s) < T.partial.supported) return 1;
  if (s.developedSentences < T.satisfactory.developed || !covered(s) || support(s) < T.satisfactory.supported)
    return 2;
  // A criterion that links its notions is not met while one of them is only named.
  if (s.linksNotions && s.developedNotions.length < s.notions.length) return 2;
  const excellent =
    s.developedSentences >= T.excellent.developed &&
    // « Excellent » with no argued sentence would contradict its own rationale.
    s.arguedSentences >= 1 &&
    s.quantifiedSentences >= T.excellent.quantified &&
    s.sourceScore >= T.excellent.sourceScore &&
    covered(s);
  return excellent ? 4 : 3;
}

// ── Evidence ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * What may be quoted for a criterion: a sentence naming one of its core notions, or the figure beside one
 * that backs it. A sentence about the domain in general (« la démarche RSE est positive ») is evidence for
 * no criterion, so one generic sentence can no longer back four of them.
 */
function evidenceCandidates(
  lexicon: CriterionLexicon,
  relevant: Candidate[],
  stuffed: Candidate[],
  signals: CriterionSignals,
): Candidate[] {
  // Plain words: when the criterion is addressed only through sections its own words point to, their
  // developed sentences are what addresses it.
  const plain = signals.notionsFound.length === 0 && addressed(signals);
  const addresses = (c: Candidate) =>
    lexicon.notions.length === 0 ||
    c.notions.length > 0 ||
    c.backsNotion ||
    (plain && c.bySection && c.developed);
  const pool = relevant.filter(addresses);
  if (pool.length > 0) return pool;
  // Stuffed lists are shown only when they are all there is: they are what the score 1 rests on.
  return stuffed.filter((c) => c.concepts.length > 0 && addresses(c));
}

function rank(c: Candidate, weights: ReadonlyMap<ConceptId, number>): number {
  const relevance =
    c.concepts.reduce((sum, id) => sum + (weights.get(id) ?? 0), 0) +
    0.25 * c.ownHits +
    0.1 * Math.min(c.competencyHits, 5);
  const s = c.facts.signals;
  let depth =
    1 +
    (c.quantified ? 0.5 : 0) +
    c.source * 0.5 +
    (s.argument ? 0.4 : 0) +
    (s.analysis ? 0.3 : 0) +
    (s.recommendation ? 0.3 : 0);
  if (!c.developed) depth *= 0.5;
  const retrieval = 0.75 + 0.25 * Math.min(Math.max(c.passageRelevance, 0), 1);
  return relevance * depth * retrieval;
}

/**
 * Up to three verbatim sentences, best first, preferring distinct pages. Developed sentences only when there
 * are any: a heading is evidence of a mention, not of the analysis a score of 2 or more rests on.
 */
function pickEvidence(candidates: Candidate[], lexicon: CriterionLexicon, dossier: DossierText) {
  const weights = new Map(lexicon.concepts.map((e) => [e.id, e.weight]));
  const developed = candidates.filter((c) => c.developed);
  const statements = candidates.filter((c) => c.statement);
  // Headings and labels (« Compte négocié : Maisons Verdalis ») prove nothing when a statement is there.
  const pool = developed.length > 0 ? developed : statements.length > 0 ? statements : candidates;
  const ranked = pool
    .map((c) => ({ c, score: rank(c, weights) }))
    .sort((a, b) => b.score - a.score || a.c.order - b.c.order)
    // The passage text is a slice of the dossier text; a sentence that is not (altered passage) cannot be a quote.
    .filter(({ c }) => dossier.text.includes(c.sentence.text));
  const chosen: Candidate[] = [];
  const pages = new Set<number>();
  for (const { c } of ranked) {
    if (chosen.length >= MAX_EVIDENCE) break;
    if (pages.has(c.sentence.page)) continue;
    chosen.push(c);
    pages.add(c.sentence.page);
  }
  for (const { c } of ranked) {
    if (chosen.length >= MAX_EVIDENCE) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen;
}

// ── Messages (French: the interface is French even when the dossier is English) ──────────────────────

const NO_FIGURES =
  "Aucune donnée chiffrée à l'appui de l'analyse (chiffres, pourcentages, montants, évolutions datées)";
const NO_SOURCES = "Aucune source citée pour étayer l'analyse (études, rapports, sites, avec leur date)";
const NO_ARGUMENT =
  "Pas de raisonnement explicite : les éléments sont énoncés sans être expliqués ni reliés à leurs conséquences pour l'entreprise";
const GENERIC_ONLY =
  "Les passages qui traitent ce critère restent généraux : aucun ne l'applique à l'entreprise (nom, chiffre ou fait qui la concerne)";

/**
 * The generic advice (quantify, source, argue, apply) is written for the criterion at hand, naming its notions:
 * the same sentence under every criterion reads as boilerplate, and a report shows each piece of advice once.
 */
function topicOf(lexicon: CriterionLexicon, s: CriterionSignals, criterion: Criterion): string {
  const ids = s.notionsFound.length > 0 ? s.notionsFound : lexicon.notions;
  if (ids.length > 0) return list(ids, 2);
  const text = criterion.text.replace(/\s+/g, ' ').trim();
  return `« ${text.length > 70 ? `${text.slice(0, 69)}…` : text} »`;
}

const recFigures = (topic: string) =>
  `Quantifiez votre analyse (${topic}) : appuyez chaque constat clé sur un chiffre daté de l'entreprise (taille, évolution, part, montant) plutôt que sur une appréciation.`;
const recSources = (topic: string) =>
  `Sourcez ce que vous avancez sur ${topic} dans le texte (« selon… (2024) », rapport annuel, étude sectorielle) et regroupez les sources dans une sitographie.`;
const recArgument = (topic: string) =>
  `Ne vous contentez pas de citer ${topic} : reliez chaque constat à sa conséquence pour l'entreprise (« ce qui implique… », « par conséquent… ») et concluez par une préconisation.`;
const recApply = (topic: string) =>
  `Appliquez ${topic} à votre entreprise : une définition générale ne vaut pas analyse, illustrez-la par les faits et les chiffres de votre cas.`;
const recSpread = (topic: string) =>
  `Développez ${topic} au-delà d'un seul passage : illustrez-le par des exemples chiffrés dans les parties du dossier qui le concernent.`;

function label(id: ConceptId): string {
  return CONCEPTS[id].label;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function list(ids: readonly ConceptId[], max = 4): string {
  const labels = ids.slice(0, max).map(label);
  return ids.length > max ? `${labels.join(', ')}…` : labels.join(', ');
}

function coverageText(s: CriterionSignals): string {
  if (s.expected.length === 0) return 'sans notion de référence dans le lexique';
  const found = s.found.length > 0 ? ` : ${list(s.found)}` : '';
  return `${s.found.length} notion${s.found.length > 1 ? 's' : ''} attendue${s.found.length > 1 ? 's' : ''} sur ${s.expected.length}${found}`;
}

/** What the quoted evidence itself shows: a report must not say « aucune donnée chiffrée » under a quoted figure. */
interface EvidenceFacts {
  quantified: boolean;
  sourced: boolean;
}

function rationale(score: number, s: CriterionSignals): string {
  const cov = coverageText(s);
  const T = SCORING_THRESHOLDS;
  switch (score) {
    case 0:
      return s.expected.length > 0
        ? `Aucun passage ne traite ce critère : aucune des notions attendues (${list(s.expected, 3)}) n'apparaît.`
        : 'Aucun passage ne traite ce critère.';
    case 1:
      if (s.relevantSentences === 0)
        return `Les notions attendues (${list(s.stuffedConcepts)}) n'apparaissent que dans des listes de mots-clés, qui ne comptent pas comme analyse.`;
      if (s.notions.length > 0 && s.notionsFound.length === 0)
        return `Le critère n'est pas traité : ses notions essentielles (${list(s.notions, 4)}) sont absentes du dossier ; les passages proches ne parlent que du domaine en général.`;
      if (s.genericSentences > 0 && s.developedSentences === 0)
        return `Le critère est abordé de façon générale (${cov}) : ${plural(s.genericSentences, 'phrase reste', 'phrases restent')} théoriques, sans être appliquées à l'entreprise.`;
      if (s.developedSentences >= T.partial.developed && support(s) < T.partial.supported)
        return `Le critère est argumenté sans être étayé (${cov}) : aucune des ${plural(s.developedSentences, 'phrase développée', 'phrases développées')} n'apporte un chiffre ou une source.`;
      return `Le critère est seulement mentionné (${cov}) : aucune phrase ne l'argumente ni ne l'étaye par un chiffre ou une source.`;
    case 2: {
      const coverage = s.developedConcepts.length / Math.max(s.expected.length, 1);
      const reason =
        s.developedSentences < T.satisfactory.developed
          ? s.quantifiedSentences === 0 && s.sourceScore < T.sourced
            ? 'courte, ni chiffrée ni sourcée'
            : 'trop courte pour être probante'
          : coverage < T.satisfactory.coverage
            ? 'limitée à une partie des notions attendues'
            : s.linksNotions && s.developedNotions.length < s.notions.length
              ? `incomplète : ${list(s.notions.filter((id) => !s.developedNotions.includes(id)))} n'est pas développé`
              : 'incomplète';
      return `Le critère est abordé (${cov}) avec ${plural(s.developedSentences, 'phrase développée', 'phrases développées')}, mais l'analyse reste ${reason}.`;
    }
    case 3: {
      const bars = conceptBars(s.expected.length);
      const toReach: string[] = [];
      if (coverageCount(s) < bars.broad) toReach.push('couvrir davantage de notions attendues');
      if (s.developedSentences < T.excellent.developed) toReach.push('approfondir et argumenter davantage');
      if (s.quantifiedSentences < T.excellent.quantified) toReach.push('chiffrer');
      if (s.sourceScore < T.excellent.sourceScore) toReach.push('citer des sources');
      const next = toReach.length > 0 ? ` Pour viser 4 : ${toReach.join(', ')}.` : '';
      const figures =
        s.quantifiedSentences > 0 ? plural(s.quantifiedSentences, 'chiffrée', 'chiffrées') : 'sans chiffre';
      const sources = s.sourceScore >= T.sourced ? 'sources citées' : 'sans source nommée';
      return `Analyse étayée couvrant ${cov}, avec ${plural(s.developedSentences, 'phrase développée', 'phrases développées')} dont ${plural(s.arguedSentences, 'argumentée', 'argumentées')} (${figures}, ${sources}).${next}`;
    }
    default:
      return `Couverture large (${cov}) et analyse chiffrée et sourcée sur ${plural(s.pages.length, 'page', 'pages')}, avec ${plural(s.arguedSentences, 'phrase argumentée', 'phrases argumentées')}.`;
  }
}

function gaps(lexicon: CriterionLexicon, s: CriterionSignals, score: number, quoted: EvidenceFacts) {
  const found = new Set(s.found);
  const developed = new Set(s.developedConcepts);
  const coreMissing = lexicon.concepts
    .filter((c) => c.core && !c.domain && !found.has(c.id))
    .map((c) => c.id);
  const relatedMissing = lexicon.concepts.filter((c) => !c.core && !found.has(c.id)).map((c) => c.id);
  const mentionedOnly = lexicon.concepts
    .filter((c) => c.core && !c.domain && found.has(c.id) && !developed.has(c.id))
    .map((c) => c.id);
  const hasDepth = s.developedSentences > 0;
  return {
    coreMissing,
    relatedMissing,
    mentionedOnly,
    // Judged on the analysis and on what is quoted: a figure in the evidence is a figure.
    noFigures: hasDepth && s.quantifiedSentences === 0 && !quoted.quantified,
    noSources: hasDepth && s.sourceScore < SCORING_THRESHOLDS.sourced && !quoted.sourced,
    // A criterion scored satisfactory or better is argued by definition of the score; saying otherwise contradicts it.
    weakArgument:
      score <= 2 && s.relevantSentences > 0 && s.arguedSentences < SCORING_THRESHOLDS.satisfactory.argued,
    genericOnly: score <= 2 && s.genericSentences > 0 && s.developedSentences === 0,
  };
}

function missingList(
  criterion: Criterion,
  lexicon: CriterionLexicon,
  s: CriterionSignals,
  score: number,
  quoted: EvidenceFacts,
): string[] {
  const g = gaps(lexicon, s, score, quoted);
  const out: string[] = g.coreMissing.map((id) => CONCEPTS[id].expectation);
  if (s.expected.length === 0 && s.relevantSentences === 0)
    out.push(`Le critère n'est pas traité : « ${criterion.text} »`);
  if (g.genericOnly) out.push(GENERIC_ONLY);
  if (g.weakArgument) out.push(NO_ARGUMENT);
  if (g.noFigures) out.push(NO_FIGURES);
  if (g.noSources) out.push(NO_SOURCES);
  for (const id of g.mentionedOnly)
    out.push(
      `${capitalize(label(id))} : cité sans être analysé (aucune phrase argumentée, chiffrée ou sourcée)`,
    );
  for (const id of g.relatedMissing) out.push(CONCEPTS[id].expectation);
  return out.slice(0, MAX_MISSING);
}

function recommendationList(
  criterion: Criterion,
  lexicon: CriterionLexicon,
  s: CriterionSignals,
  score: number,
  quoted: EvidenceFacts,
  examId: string,
): string[] {
  const g = gaps(lexicon, s, score, quoted);
  const topic = topicOf(lexicon, s, criterion);
  const advice = (id: ConceptId) => conceptRecommendation(id, examId);
  const out: string[] = [];
  for (const id of g.coreMissing.slice(0, 2)) out.push(advice(id));
  if (g.genericOnly) out.push(recApply(topic));
  if (score <= 1 && s.notionsFound.length > 0) out.push(recArgument(topic));
  if (g.noFigures) out.push(recFigures(topic));
  if (g.noSources) out.push(recSources(topic));
  if (g.weakArgument) out.push(recArgument(topic));
  for (const id of g.mentionedOnly) out.push(advice(id));
  if (
    score === 3 &&
    s.pages.length < SCORING_THRESHOLDS.excellent.pages &&
    s.passages < SCORING_THRESHOLDS.excellent.pages
  ) {
    out.push(recSpread(topic));
  }
  for (const id of g.coreMissing.slice(2)) out.push(advice(id));
  for (const id of g.relatedMissing) out.push(advice(id));
  return [...new Set(out)].slice(0, MAX_RECOMMENDATIONS);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ── Entry points ─────────────────────────────────────────────────────────────────────────────────────

/** Grades one criterion and returns the signals behind the score (for explanations, tests and evals). */
export function analyzeCriterionDetailed(input: AnalyzeInput): CriterionAnalysis {
  const referential = input.exam.criteria.find((c) => c.id === input.criterion.id) ?? input.criterion;
  const reading = input.rubric
    ? readRubricCriterion(
        input.exam,
        referential.text,
        input.rubric,
        matchLanguage(input.exam, input.dossier),
      )
    : null;
  const lexicon = withRubric(criterionLexicon(input.exam, input.criterion), reading);
  const { relevant, stuffed } = classify(input, lexicon);
  const signals = computeSignals(lexicon, relevant, stuffed);
  const computed = scoreFromSignals(signals);
  const score = reading
    ? anchoredScore(
        computed,
        reading,
        relevant.map((c) => c.facts.index),
      )
    : computed;
  const evidencePool = evidenceCandidates(lexicon, relevant, stuffed, signals);
  const chosen = score === 0 ? [] : pickEvidence(evidencePool, lexicon, input.dossier);
  const quoted: EvidenceFacts = {
    quantified: chosen.some((c) => c.facts.signals.quantities > 0),
    sourced: chosen.some((c) => c.facts.signals.strongSources > 0),
  };
  return {
    grade: {
      score,
      rationale: rationale(score, signals),
      evidence: chosen.map((c) => ({ quote: c.sentence.text, page: c.sentence.page })),
      missing: missingList(input.criterion, lexicon, signals, score, quoted),
      recommendations: recommendationList(input.criterion, lexicon, signals, score, quoted, input.exam.id),
    },
    signals,
  };
}

/**
 * Grades one criterion deterministically from the passages: score 0–4, verbatim evidence with pages, what is
 * missing and how to fix it, in French.
 */
export function analyzeCriterion(input: AnalyzeInput): CriterionGrade {
  return analyzeCriterionDetailed(input).grade;
}
