/**
 * Which sentences of the passages are about one criterion, and what each one shows: the section a sentence
 * stands in and the candidates a criterion's signals are computed from, on top of the criterion-independent
 * reading of each passage (passage-reading.ts, cached per dossier). Same input, same output: passages in
 * document order, no clock, no randomness.
 */
import type { Criterion, Exam } from '../../referential';
import type { DossierText, GradingPassage } from '../grade-schema';
import type { RubricCriterion } from '../rubric';
import { isTextbookProse, namesNotionInCompanySection } from './applied';
import { showsArgument } from './argument-shapes';
import { sentenceBacking } from './context-figures';
import { isSituatedExperience } from './experience';
import { isAdmittedGap, isIntention } from './generic-prose';
import {
  buildCriterionLexicon,
  type ConceptId,
  type CriterionLexicon,
  countStems,
  type DepthSignals,
  examLanguage,
  fold,
  getExamLexicon,
  indexText,
  type MatchLanguage,
  RELATED_WEIGHT,
  stemIn,
} from './lexicon';
import { isNarratedEvent } from './narrated';
import { isDatedObjective } from './objectives';
import { writingTopic } from './own-writing';
import {
  dossierFigures,
  isStatement,
  type PassageReading,
  passageReading,
  type SentenceFacts,
  sentenceFacts,
} from './passage-reading';
import { ESG_CONCEPT } from './pillars';
import { planReading } from './plan-reading';
import type { RubricReading } from './rubric-reading';
import { type CriterionSignals, SCORING_THRESHOLDS } from './scoring';
import type { PassageSentence } from './sentences';
import {
  isFigureRow,
  isGlossaryHeader,
  isReasonedRow,
  isSourceListHeader,
  isTableRow,
  MIN_ROW_WORDS,
} from './table-rows';
import { isReasonedDecision } from './terse-case';

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
  /**
   * Every criterion of the rubric version under review, for what the analyzer reads of the whole dossier (the
   * draft's level over all criteria, analyzer.ts `draftLevel`). Without it, the default rubric's reading.
   */
  examRubric?: readonly RubricCriterion[];
}

/** Code-unit order, not `localeCompare`: the result must not depend on the machine's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ── Per-criterion classification ─────────────────────────────────────────────────────────────────────

export interface Candidate {
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
  /** Argued by its shape alone, with no connective (argument-shapes.ts). */
  shaped?: boolean;
  quantified: boolean;
  source: number;
  /**
   * A statement in running prose (not a table row) giving one of the company's own figures without arguing
   * it (« Les bars font 58 % de nos ventes. »): a fact of the case, which supports the argued sentences around
   * it (scoring.ts `plainSatisfactory`).
   */
  appliedFact: boolean;
  /**
   * A developed English sentence telling a located, first-person past episode (experience.ts): the evidence
   * of the intercultural dossier, which supports a reason as a figure does (scoring.ts `support`).
   */
  experience: boolean;
  /**
   * A prose statement about the company telling a past event with its date or a named actor or place
   * (narrated.ts), with a figure of its result in it or in the next two sentences: narrated evidence, which backs
   * the reasons of a dossier built on lived experience (scoring.ts `narratedRecord`). Optional: absent is none.
   */
  narratedResult?: boolean;
  /**
   * A prose statement about the company in a section whose own heading names one of the criterion's core
   * notions: part of the case the draft reports under the criterion (scoring.ts `reportsCase`).
   */
  reported?: boolean;
  /** In the section paired with the criterion by elimination (plan-reading.ts). */
  paired?: boolean;
  /** Paired only as the section its heading places (plan-reading.ts `toldCases`), not by elimination itself. */
  toldOnly?: boolean;
  /** In the one section the plan gives the criterion as its own case (plan-reading.ts `own`). */
  ownCase?: boolean;
}

/** English matching for the English exam, or for a dossier detected as English. */
export function matchLanguage(exam: Exam, dossier: DossierText): MatchLanguage {
  return examLanguage(exam) === 'en' || /^en/i.test(dossier.language ?? '') ? 'en' : 'fr';
}

export function criterionLexicon(exam: Exam, criterion: Criterion): CriterionLexicon {
  const fromExam = exam.criteria.some((c) => c.id === criterion.id && c.text === criterion.text)
    ? getExamLexicon(exam).criteria.get(criterion.id)
    : undefined;
  return fromExam ?? buildCriterionLexicon(exam, criterion);
}

/** The lexicon as the rubric version's descriptors adjust it: added concepts expected, removed ones not. */
export function withRubric(lexicon: CriterionLexicon, reading: RubricReading | null): CriterionLexicon {
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
 * What a section's heading (or a table's header row) says about the criterion: the expected concepts it names
 * (domain ones aside) and how many of them are core notions, or null when it does not address the criterion
 * (neither one of its concepts nor, when `ownWords` allows it, one of the criterion's own words).
 */
function sectionTopic(
  input: AnalyzeInput,
  lexicon: CriterionLexicon,
  lang: MatchLanguage,
  expected: ReadonlySet<ConceptId>,
  section: string | null,
  ownWords = true,
): { concepts: ConceptId[]; notions: number } | null {
  if (!section) return null;
  const facts = sentenceFacts(input.dossier, lang, section);
  if (facts.stuffed) return null;
  const concepts = [...new Set(facts.concepts.map((h) => h.id).filter((id) => expected.has(id)))];
  const own = ownWords ? countStems(lexicon.ownStems, facts.index) : 0;
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

/**
 * What a passage is about for the criterion, by what it names: its heading, several of its sentences, the
 * dossier's own writing, or the criterion's words; null when it is not about the criterion.
 */
function passageTopic(
  input: AnalyzeInput,
  lexicon: CriterionLexicon,
  lang: MatchLanguage,
  expected: ReadonlySet<ConceptId>,
  passage: GradingPassage,
  titled = sectionTopic(input, lexicon, lang, expected, passage.section),
): { concepts: ConceptId[]; notions: number } | null {
  const { sentences, companySection } = passageReading(input.dossier, lang, passage);
  // The dossier's own writing shows in what it says of the candidate's case (own-writing.ts): a section of
  // generalities, however fluent, is no evidence that the candidate writes about their work in English.
  return (
    titled ??
    bodyTopic(input, lexicon, lang, expected, sentences) ??
    (companySection ? writingTopic(lexicon, input.dossier) : null) ??
    (sectionCriteria(input, lang, passage).has(input.criterion.id) ? { concepts: [], notions: 0 } : null)
  );
}

/**
 * How a criterion claims a passage (plan-reading.ts reads the plan with it): `concepts` when the passage names
 * the criterion's concepts (in its heading, or in several of its sentences) or shows the dossier's own writing,
 * `words` when only the criterion's own words point to it (its heading's words, `sectionCriteria`), null when it
 * is not about the criterion.
 */
export function claimsPassage(
  input: AnalyzeInput,
  criterion: Criterion,
  passage: GradingPassage,
): 'concepts' | 'words' | null {
  const lexicon = criterionLexicon(input.exam, criterion);
  const expected = new Set(lexicon.concepts.filter((c) => !c.domain).map((c) => c.id));
  const about = { ...input, criterion };
  const topic = passageTopic(about, lexicon, matchLanguage(input.exam, input.dossier), expected, passage);
  if (topic === null) return null;
  return topic.concepts.length > 0 ? 'concepts' : 'words';
}

/**
 * The sentence argues: a reason, an analysis or a recommendation — unless it argues for what is not done.
 * An intention (generic-prose.ts `isIntention`: « il faudra être plus réactifs car… », « la rentabilité
 * s'améliorera car… ») gives a reason for a wish, not a reason shown about the company (issue #16: partial
 * drafts' « il faudra », « permettra », « nous voulons » carried criteria to 3, gold 1–2); with a figure or a
 * date it is a plan step and still argues. A gap the draft admits (« nous n'avons pas encore comparé les
 * canaux », « sans avoir préparé jusqu'où aller ») names the criterion's work to say it was not done: its « car »
 * explains the gap (partial SMD tuning +0.27 -> +0.24, pending +0.15 -> +0.10; five partial criteria 3 -> 2 at
 * gold 1–2, one (paints K6, gold 3) 3 -> 1; no strong draft moved). French only: English application letters
 * state their plans in « I would » and their jury counts them.
 */
function argues(s: DepthSignals, folded: string, lang: MatchLanguage): boolean {
  if (!(s.argument || s.analysis || s.recommendation)) return false;
  if (lang !== 'fr') return true;
  return !(s.quantities === 0 && isIntention(folded)) && !isAdmittedGap(folded);
}

/** Statements arguing by their shape alone a passage must hold for them to count (`classify`). */
const MIN_SHAPED_IN_PASSAGE = 2;

/**
 * The passage's prose statements about the company that argue by their shape alone (argument-shapes.ts): a
 * section argued that way holds several; one in passing, in a section that describes, argues nothing of it
 * (branch grader-argued-15: counted one by one, they lifted partial criteria at gold 1–2 as often as strong
 * ones, pending partial SMD +0.12 -> +0.18 for strong -1.05 -> -0.98).
 */
function shapedStatements(reading: PassageReading, lang: MatchLanguage): number {
  // The count is the passage's, whatever the criterion: read once per passage reading (itself memoised).
  const known = shapedMemo.get(reading);
  if (known !== undefined) return known;
  const { sentences, factsOf, appliedHere } = reading;
  const count = sentences.filter((sentence, i) => {
    const f = factsOf[i];
    return (
      appliedHere[i] === true &&
      isStatement(f.signals) &&
      !isTableRow(sentence.text) &&
      !argues(f.signals, f.folded, lang) &&
      showsArgument(sentence.text, f.folded, lang)
    );
  }).length;
  shapedMemo.set(reading, count);
  return count;
}

/** `shapedStatements` per passage reading (a reading is one passage in one language). */
const shapedMemo = new WeakMap<PassageReading, number>();

/**
 * Whether a statement argues (issue #16): by a connective (`argues`); as a decision of the company's with its
 * reason after a colon (« écarté : pour 214 contrats, … suffit », terse-case.ts `isReasonedDecision`), as a
 * « car » does; or, in a passage argued that way (`shapedStatements`), as a claim backed after a colon by a
 * measured fact of the company (argument-shapes.ts). `shaped` says the last alone made it argue.
 */
function argumentOf(
  text: string,
  facts: SentenceFacts,
  lang: MatchLanguage,
  at: { statement: boolean; applied: boolean; row: boolean; companyStatement: boolean; shapedHere: number },
): { argued: boolean; shaped: boolean } {
  if (!at.statement) return { argued: false, shaped: false };
  const connective =
    argues(facts.signals, facts.folded, lang) || (at.companyStatement && isReasonedDecision(facts.folded));
  const shaped =
    !connective &&
    at.shapedHere >= MIN_SHAPED_IN_PASSAGE &&
    at.applied &&
    !at.row &&
    showsArgument(text, facts.folded, lang);
  return { argued: connective || shaped, shaped };
}

/**
 * The sentence is about the company: a statement of it (passage-reading.ts `appliedHere`), the next sentence of
 * the same paragraph when it is no textbook prose, or a sentence naming the criterion's core notion in a section
 * about the company (applied.ts `namesNotionInCompanySection`).
 */
function aboutCompany(
  reading: PassageReading,
  passage: GradingPassage,
  i: number,
  names: ReturnType<typeof dossierFigures>['names'],
  namesNotion: boolean,
): boolean {
  const { sentences, factsOf, appliedHere, companySection } = reading;
  const facts = factsOf[i];
  const prev = sentences[i - 1];
  const continues = prev !== undefined && !passage.text.slice(prev.end, sentences[i].start).includes('\n');
  return (
    appliedHere[i] === true ||
    (continues && appliedHere[i - 1] === true && !isTextbookProse(facts.folded, names)) ||
    namesNotionInCompanySection(
      facts.folded,
      { namesNotion, strongSources: facts.signals.strongSources },
      companySection,
      names,
    )
  );
}

export function classify(
  input: AnalyzeInput,
  lexicon: CriterionLexicon,
): { relevant: Candidate[]; stuffed: Candidate[] } {
  const lang = matchLanguage(input.exam, input.dossier);
  // Exam-wide domain concepts (« RSE » in the Audit RSE) make no sentence relevant to one criterion.
  const expected = new Set(lexicon.concepts.filter((c) => !c.domain).map((c) => c.id));
  const notions = new Set(lexicon.notions);
  // The dossier's proper names, and whether it states figures of its own (context-figures.ts).
  const figures = dossierFigures(input.dossier, lang);
  const names = figures.names;
  const passages = [...input.passages].sort(
    (a, b) => a.page - b.page || a.ordinal - b.ordinal || compareIds(a.id, b.id),
  );
  const relevant: Candidate[] = [];
  const stuffed: Candidate[] = [];
  const seen = new Set<string>();
  const T = SCORING_THRESHOLDS;
  // The section paired with the criterion by elimination (plan-reading.ts), when nothing names it.
  const plan = planReading(
    input.exam,
    input.dossier,
    input.passages,
    lang,
    (criterion, passage) => claimsPassage(input, criterion, passage) === 'concepts',
  );
  const pairedPassages = plan.paired.get(input.criterion.id);
  const ownPassages = plan.own.get(input.criterion.id);
  const toldPassages = plan.told.get(input.criterion.id);
  passages.forEach((passage, p) => {
    const reading = passageReading(input.dossier, lang, passage);
    const { sentences, factsOf, appliedHere, headers, esgLines } = reading;
    const titled = sectionTopic(input, lexicon, lang, expected, passage.section);
    // The section's own heading names one of the criterion's core notions (« Enjeux et risques »).
    const notionHeading = titled !== null && titled.notions > 0;
    const namesNotion = factsOf.map((f) => f.concepts.some((h) => notions.has(h.id)));
    const plan = expected.has('plan_action') ? reading.planSteps() : new Set<number>();
    const pairedHere = pairedPassages?.has(passage.id) === true;
    // A section headed by one of the criterion's notions is paired as elimination paired it (plan-reading.ts `toldCases`).
    const toldHere = notionHeading && toldPassages?.has(passage.id) === true;
    const heading =
      passageTopic(input, lexicon, lang, expected, passage, titled) ??
      (pairedHere ? { concepts: [], notions: 0 } : null);
    const shapedHere = shapedStatements(reading, lang);
    sentences.forEach((sentence, i) => {
      // Overlapping passages repeat sentences, and padded drafts repeat whole paragraphs: a sentence
      // counts once, wherever it stands, since repeating it adds no analysis.
      const key = sentence.text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const facts = factsOf[i];
      // A measured step of a listed plan (action-lists.ts) is a piece of the plan of actions.
      const planStep = plan.has(i);
      const inLexicon = facts.concepts.map((h) => h.id).filter((id) => expected.has(id));
      // A line of an ESG grid names the ESG criteria (pillars.ts).
      const concepts =
        esgLines[i] === true && expected.has(ESG_CONCEPT) && !inLexicon.includes(ESG_CONCEPT)
          ? [...inLexicon, ESG_CONCEPT]
          : inLexicon;
      if (planStep && !concepts.includes('plan_action')) concepts.push('plan_action');
      const ownHits = countStems(lexicon.ownStems, facts.index);
      const s = facts.signals;
      // A table row states facts about its first cell without a verb (« Hôtels | 31 | 540 k€ | 71 % »).
      const row = isTableRow(sentence.text) && s.words >= MIN_ROW_WORDS;
      const statement = row || isStatement(s);
      const named =
        concepts.length > 0 || ownHits >= Math.min(T.ownWordsForRelevance, lexicon.ownStems.length || 1);
      // A table's rows are about what its header names (issue #16: analysis carried by a table), before the
      // section's heading: « Type de client | CA | Clients perdus » makes each row a piece of portfolio analysis.
      const header = headers[i] >= 0 ? sentences[headers[i]] : undefined;
      // A header names its columns by concepts only: its criterion words (« client », « résultat ») are too common.
      const topic = (header && sectionTopic(input, lexicon, lang, expected, header.text, false)) ?? heading;
      // Under a heading that addresses the criterion, what the section states is about it.
      const underHeading = !named && topic !== null && statement;
      const bySection = underHeading && topic.concepts.length === 0;
      if (!named && !underHeading) return;
      // A row of a table whose first column names the sources is a named source (table-rows.ts).
      const listedSource = row && header !== undefined && isSourceListHeader(factsOf[headers[i]].folded);
      // A row of a glossary (« Indicateur | Définition | Mode de calcul | Repère du secteur », table-rows.ts)
      // defines what it names: a lesson's line, not a measure or a reason of the company.
      const glossary = row && header !== undefined && isGlossaryHeader(factsOf[headers[i]].folded);
      // What the sentence's figure and source back, in a draft with or without figures of its own.
      const backing = sentenceBacking(figures, facts.folded, s, listedSource);
      const quantified = statement && s.quantities > 0 && backing.countsFigure && !glossary;
      const source = statement ? backing.source : 0;
      const applied =
        !backing.contextFigure &&
        !glossary &&
        aboutCompany(reading, passage, i, names, !row && statement && namesNotion[i] === true);
      const { argued, shaped } = argumentOf(sentence.text, facts, lang, {
        statement,
        applied,
        row,
        companyStatement: appliedHere[i] === true,
        shapedHere,
      });
      // A figure alone states a fact; it develops the analysis only beside reasoning (argued or sourced), or
      // in a table row whose cells reason in words (table-rows.ts `isReasonedRow`): an action plan's row
      // « objectif chiffré | action | échéance » is applied analysis, a dashboard's row of figures is not. A row
      // with no header above it (a table cut by a PDF's page break) must be about the criterion by what it or
      // the heading names, not only by its passage's words: those depend on where the page break falls.
      const reasonedRow =
        row && !glossary && (header !== undefined || !bySection) && isReasonedRow(sentence.text);
      // A quantified objective with its deadline is a target set for the company (objectives.ts), the same
      // analysis as an action plan's reasoned row — when it is about the criterion by what it or its heading
      // names: the company's overall target (« 6,5 M€ de CA en 2025 ») in a section the criterion's words merely
      // point to is context, not the criterion's analysis.
      const datedObjective = quantified && !row && !bySection && isDatedObjective(facts.folded);
      const looksDeveloped =
        argued ||
        sourceDevelops(source, sentence.text, facts.folded, s.quantities, lang) ||
        reasonedRow ||
        datedObjective ||
        planStep;
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
          (underHeading && (quantified || argued) && topic !== null && topic.notions > 0),
        inherited: topic && !named ? topic.concepts.filter((id) => !concepts.includes(id)) : [],
        bySection,
        ownHits,
        competencyHits: countStems(lexicon.competencyStems, facts.index),
        developed: looksDeveloped && applied,
        statement,
        argued,
        shaped,
        quantified,
        source,
        appliedFact: quantified && applied && !row && !looksDeveloped,
        experience: lang === 'en' && looksDeveloped && applied && !row && isSituatedExperience(sentence.text),
        narratedResult:
          applied && statement && !row && !glossary && narratedResultAt(sentences, factsOf, i, lang),
        reported: notionHeading && applied && statement && !row,
        paired: pairedHere || toldHere,
        toldOnly: toldHere && !pairedHere,
        ownCase: ownPassages?.has(passage.id) === true,
      };
      (facts.stuffed ? stuffed : relevant).push(candidate);
    });
  });
  return { relevant, stuffed };
}

/**
 * Whether a sentence's named source develops it (a source backs a reason; candidates' `looksDeveloped`).
 * A row of figures with a source cell (« Marché (Md€) | 3,2 | 3,3 | 3,5 | Xerfi 2023 ») is documented data, not
 * analysis: like a dashboard's row, it develops nothing (issue #16: a weak draft's table of sourced market figures
 * counted ten developed sentences and scored « excellent » on the market criterion). Under a header whose first
 * column says « Source », a row of figures counts where the leads or the data came from (« Annuaire syndics (FNAIM,
 * UNIS) | 118 | 92 »: a prospecting funnel): the figures are the row's content, its first cell is their origin, not
 * a reference backing an argument (issue #16: the figure-dense partial `binwash`, fresh-25, read its funnel table
 * as seven sourced sentences, K5, K7, K8 3 at gold 1). An intention with a source and no figure (« il serait utile,
 * selon la CCI, de classer les clients… ») is a wish with a reference: it argues nothing (`argues`), and its source
 * develops nothing of the company's case either (issue #16: the weak `ironwork`, fresh-25, a page of intentions, K6
 * 2 at gold 0, 1.38 -> 1.00 at gold 0.88; funeraire K8 3 -> 2 at gold 2; no strong draft moved). French, as
 * `argues` reads it.
 */
function sourceDevelops(
  source: number,
  text: string,
  folded: string,
  quantities: number,
  lang: MatchLanguage,
): boolean {
  if (source <= 0 || isFigureRow(text)) return false;
  return !(lang === 'fr' && quantities === 0 && isIntention(folded));
}

/**
 * An event of the case told with its date or actor (narrated.ts), and the figure of what came of it in the same
 * sentence or in the next two (candidates' `narratedResult`).
 */
function narratedResultAt(
  sentences: readonly { text: string }[],
  factsOf: readonly SentenceFacts[],
  i: number,
  lang: MatchLanguage,
): boolean {
  if (!isNarratedEvent(sentences[i].text, lang)) return false;
  return [i, i + 1, i + 2].some((j) => j < sentences.length && factsOf[j].signals.quantities > 0);
}

export function computeSignals(
  lexicon: CriterionLexicon,
  relevant: Candidate[],
  stuffed: Candidate[],
): CriterionSignals {
  const expected = lexicon.concepts.filter((c) => !c.domain).map((c) => c.id);
  const found = new Set<ConceptId>();
  const appliedFound = new Set<ConceptId>();
  const developedConcepts = new Set<ConceptId>();
  let genericSentences = 0;
  let plainDeveloped = 0;
  let plainFacts = 0;
  let plainArgued = 0;
  const pages = new Set<number>();
  const passages = new Set<string>();
  let developed = 0;
  let argued = 0;
  let shaped = 0;
  let quantified = 0;
  let sourceScore = 0;
  let appliedFacts = 0;
  let experiences = 0;
  let narratedResults = 0;
  const narratedPassages = new Set<string>();
  let pairedArgued = 0;
  let eliminatedArgued = 0;
  const reported = reportedSection(relevant);
  const own = caseSection(relevant);
  for (const c of relevant) {
    if (c.appliedFact) appliedFacts++;
    if (c.experience) experiences++;
    if (c.narratedResult) {
      narratedResults++;
      narratedPassages.add(c.sentence.passageId);
    }
    for (const id of [...c.concepts, ...c.inherited]) found.add(id);
    if (c.applied && c.statement) for (const id of [...c.concepts, ...c.inherited]) appliedFound.add(id);
    if (c.generic) genericSentences++;
    if (!c.developed) continue;
    if (c.paired && c.argued) pairedArgued++;
    if (c.paired && c.argued && c.toldOnly !== true) eliminatedArgued++;
    developed++;
    if (c.bySection) plainDeveloped++;
    if (c.bySection && c.quantified) plainFacts++;
    if (c.bySection && c.argued) plainArgued++;
    for (const id of [...c.concepts, ...c.inherited]) developedConcepts.add(id);
    if (c.argued) argued++;
    if (c.shaped) shaped++;
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
    appliedNotions: lexicon.notions.filter((id) => appliedFound.has(id)),
    developedNotions: lexicon.notions.filter((id) => developedConcepts.has(id)),
    linksNotions: lexicon.linksNotions,
    genericSentences,
    developedConcepts: expected.filter((id) => developedConcepts.has(id)),
    relevantSentences: relevant.length,
    developedSentences: developed,
    arguedSentences: argued,
    shapedSentences: shaped,
    quantifiedSentences: quantified,
    sourceScore,
    pages: [...pages].sort((a, b) => a - b),
    passages: passages.size,
    plainDeveloped,
    plainFacts,
    plainArgued,
    appliedFacts,
    experiences,
    narratedResults,
    narratedPassages: narratedPassages.size,
    reportedStatements: reported.statements,
    reportedFigures: reported.figures,
    pairedCase: pairedArgued >= 1,
    toldCase: pairedArgued >= 1 && eliminatedArgued === 0,
    caseStatements: own.statements,
    caseFigures: own.figures,
    caseArgued: own.argued,
    caseDeveloped: own.developed,
    stuffedMentions: stuffed.filter((c) => c.concepts.length > 0).length,
    stuffedConcepts: expected.filter((id) => !found.has(id) && stuffed.some((c) => c.concepts.includes(id))),
  };
}

/**
 * The section that reports the company's case under a heading naming one of the criterion's core notions
 * (scoring.ts `reportsCase`): of the passages holding `reported` statements, the one with the most, and how many
 * of them carry a figure. A draft that drops the company's facts here and there, or under a heading that names
 * only the domain, has not treated the criterion in a section of its own.
 */
function reportedSection(relevant: readonly Candidate[]): { statements: number; figures: number } {
  const bySection = new Map<string, { statements: number; figures: number }>();
  for (const c of relevant) {
    if (!c.reported) continue;
    const n = bySection.get(c.sentence.passageId) ?? { statements: 0, figures: 0 };
    n.statements++;
    if (c.quantified) n.figures++;
    bySection.set(c.sentence.passageId, n);
  }
  let best = { statements: 0, figures: 0 };
  for (const n of bySection.values()) if (n.statements > best.statements) best = n;
  return best;
}

/**
 * The criterion's case told in the section the plan gives it (scoring.ts `treatsCaseSection`, issue #16): its
 * statements about the company there — prose, list items and table rows in words alike, since a plain-worded
 * strong draft states its facts in bullets as often as in sentences —, with how many carry the company's
 * figures, argue, and are developed. Only the section the plan gives this criterion (plan-reading.ts `own`): a
 * market study rich in the company's figures names the offer, the prices and the customers, and counted for
 * three criteria whose jury gave 1 when any section holding the criterion's statements could be its case.
 * A row of figures (« Panier moyen | 1 120 € | 1 190 € | +6 % ») measures; it tells nothing of the case by itself.
 */
function caseSection(relevant: readonly Candidate[]): {
  statements: number;
  figures: number;
  argued: number;
  developed: number;
} {
  const n = { statements: 0, figures: 0, argued: 0, developed: 0 };
  for (const c of relevant) {
    if (!c.ownCase || !c.applied || !c.statement || isFigureRow(c.sentence.text)) continue;
    n.statements++;
    if (c.quantified) n.figures++;
    if (c.argued) n.argued++;
    if (c.developed) n.developed++;
  }
  return n;
}
