/**
 * Grounding for the coach: which criteria a question is about, and which sentences of the candidate's own
 * draft touch them. Lexical and deterministic, on the offline analyzer's lexicon, so the offline answer and
 * the model's context are built from the same reading of the question.
 */

import { fold, normaliseForMatch } from '../../lib/text';
import type { Criterion, Exam } from '../referential';
import type { DossierText, GradingPassage } from '../reviews';
import {
  type ConceptId,
  countStems,
  examLanguage,
  findConcepts,
  getExamLexicon,
  indexText,
  MIN_QUOTE_LENGTH,
  type SentenceFacts,
  sentenceFacts,
  sentencesOfPassage,
  verifyEvidence,
} from '../reviews';
import { buildOutline } from './brief';
import { type MethodFit, methodsForExam } from './methods';

/** A criterion the question is about, and why. */
export interface CriterionMatch {
  criterion: Criterion;
  score: number;
  /** Expected concepts of the criterion that the question names. */
  concepts: ConceptId[];
}

/** Weights of the question-to-criterion match. */
const MATCH = {
  /** A criterion or deliverable named by its id (« K3 », « critère 3 », « L2 ») is what the question is about. */
  explicitId: 5,
  deliverableId: 3,
  /** Per shared word of the criterion's own text. */
  ownStem: 0.8,
  /** Per shared word of its competencies' texts (many, and generic). */
  competencyStem: 0.2,
  /** Below this, a criterion is not what the question is about. */
  threshold: 0.8,
  /** Nor is it below this share of the best match. */
  relative: 0.5,
  max: 3,
} as const;

function idsNamed(folded: string, letter: 'k' | 'l', word: string): Set<string> {
  const ids = new Set<string>();
  for (const m of folded.matchAll(
    new RegExp(`\\b(?:${letter} ?|${word} (?:${letter} ?)?n?°? ?)(\\d{1,2})\\b`, 'g'),
  )) {
    ids.add(`${letter.toUpperCase()}${Number(m[1])}`);
  }
  return ids;
}

/**
 * The criteria of the exam a question is about, best first (at most three): named by id, through a
 * deliverable id (via the suggested outline), through the expected concepts the question names (PESTEL,
 * SONCAS…), or through the words it shares with the criterion's text and competencies.
 */
export function matchCriteria(exam: Exam, message: string): CriterionMatch[] {
  const folded = fold(message);
  const index = indexText(folded);
  const named = new Set(findConcepts(folded, examLanguage(exam), index).map((h) => h.id));
  const criterionIds = idsNamed(folded, 'k', 'critere');
  const deliverableIds = idsNamed(folded, 'l', 'livrable');
  const viaDeliverable = new Set(
    buildOutline(exam)
      .filter((part) => part.deliverables.some((id) => deliverableIds.has(id)))
      .flatMap((part) => part.criteria),
  );
  const lexicon = getExamLexicon(exam);
  const matches: CriterionMatch[] = [];
  for (const criterion of exam.criteria) {
    const lex = lexicon.criteria.get(criterion.id);
    if (!lex) continue;
    const concepts = lex.concepts.filter((c) => named.has(c.id));
    let score = concepts.reduce((sum, c) => sum + c.weight, 0);
    score += MATCH.ownStem * countStems(lex.ownStems, index);
    score += MATCH.competencyStem * countStems(lex.competencyStems, index);
    if (criterionIds.has(criterion.id)) score += MATCH.explicitId;
    if (viaDeliverable.has(criterion.id)) score += MATCH.deliverableId;
    if (score >= MATCH.threshold) matches.push({ criterion, score, concepts: concepts.map((c) => c.id) });
  }
  const order = new Map(exam.criteria.map((c, i) => [c.id, i]));
  const best = Math.max(0, ...matches.map((m) => m.score));
  // A criterion far behind the best one is matched by a stray word (« externe »), not by the question.
  return matches
    .filter((m) => m.score >= best * MATCH.relative)
    .sort((a, b) => b.score - a.score || (order.get(a.criterion.id) ?? 0) - (order.get(b.criterion.id) ?? 0))
    .slice(0, MATCH.max);
}

/** The methods of the exam's brief that serve the matched criteria or that the question names. */
export function methodsFor(exam: Exam, message: string, criteria: readonly CriterionMatch[]): MethodFit[] {
  const folded = fold(message);
  const named = new Set(findConcepts(folded, examLanguage(exam)).map((h) => h.id));
  const ids = new Set(criteria.map((m) => m.criterion.id));
  const fits = methodsForExam(exam);
  const byName = fits.filter((fit) => fit.method.concepts.some((c) => named.has(c)));
  const byCriterion = fits.filter((fit) => fit.coreCriteria.some((id) => ids.has(id)));
  return [...new Set([...byName, ...byCriterion])].slice(0, 2);
}

/** A verbatim sentence of the draft, with its page and the criterion it touches. */
export interface DraftQuote {
  quote: string;
  page: number;
  criterionId?: string;
  /** The passage the sentence comes from, when it was found in one. */
  passageId?: string;
}

/** Longest quote shown: a sentence or two, not a paragraph (verification refuses pasted blocks). */
const MAX_QUOTE = 300;
const QUOTES_PER_CRITERION = 2;
/** A sentence shorter than this is a heading or a caption, not something the candidate argued. */
const MIN_WORDS = 6;

function clip(text: string): string {
  const flat = text.trim();
  if (flat.length <= MAX_QUOTE) return flat;
  // A prefix of the sentence stays verbatim; cut at a word boundary so it reads as text.
  const cut = flat.slice(0, MAX_QUOTE);
  const space = cut.lastIndexOf(' ');
  return space > MAX_QUOTE / 2 ? cut.slice(0, space) : cut;
}

interface ScoredSentence {
  text: string;
  page: number;
  score: number;
  order: number;
}

/**
 * Sentences of the draft that touch each criterion: they name one of its expected concepts or two of its
 * words, are statements rather than headings, and are not keyword lists. Sentences in passages the hybrid
 * search ranked for the question come first among equals. Every quote is checked against the draft
 * (`verifyEvidence`), so what is shown is the draft's own wording with the page where it actually is.
 */
export function findDraftEvidence(input: {
  exam: Exam;
  dossier: DossierText;
  passages: readonly GradingPassage[];
  criteria: readonly Criterion[];
  /** Ids of passages the hybrid search returned for the question. */
  searchHits?: ReadonlySet<string>;
}): DraftQuote[] {
  const { exam, dossier } = input;
  const lang = examLanguage(exam) === 'en' || /^en/i.test(dossier.language ?? '') ? 'en' : 'fr';
  const lexicon = getExamLexicon(exam);
  const sentences: (ScoredSentence & { passageId: string; facts: SentenceFacts })[] = [];
  const seen = new Set<string>();
  input.passages.forEach((passage, p) => {
    for (const sentence of sentencesOfPassage(passage, dossier)) {
      const key = sentence.text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const facts = sentenceFacts(dossier, lang, sentence.text);
      // Headings, list lead-ins (« Les risques sont : ») and keyword lists say nothing to quote back.
      if (facts.signals.words < MIN_WORDS || facts.stuffed || /:\s*$/.test(sentence.text)) continue;
      sentences.push({
        text: sentence.text,
        page: sentence.page,
        score: 0,
        order: p * 1_000_000 + sentence.start,
        passageId: passage.id,
        facts,
      });
    }
  });

  const out: DraftQuote[] = [];
  const used = new Set<string>();
  for (const criterion of input.criteria) {
    const lex = lexicon.criteria.get(criterion.id);
    if (!lex) continue;
    const weights = new Map(lex.concepts.map((c) => [c.id, c.weight]));
    const scored = sentences
      .map((s) => {
        const conceptScore = s.facts.concepts.reduce((sum, h) => sum + (weights.get(h.id) ?? 0), 0);
        const own = countStems(lex.ownStems, s.facts.index);
        if (conceptScore === 0 && own < 2) return null;
        const depth =
          (s.facts.signals.argument || s.facts.signals.analysis ? 0.5 : 0) +
          (s.facts.signals.quantities > 0 ? 0.3 : 0) +
          (s.facts.signals.strongSources > 0 ? 0.3 : 0);
        const searched = input.searchHits?.has(s.passageId) ? 0.5 : 0;
        return { ...s, score: conceptScore + 0.3 * own + depth + searched };
      })
      .filter((s): s is NonNullable<typeof s> => s !== null && !used.has(s.text))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, QUOTES_PER_CRITERION);
    for (const s of scored) {
      const verified = verifyQuote(clip(s.text), s.page, dossier);
      if (!verified) continue;
      used.add(s.text);
      out.push({ ...verified, criterionId: criterion.id, passageId: s.passageId });
    }
  }
  if (out.length === 0 && input.searchHits && input.searchHits.size > 0) {
    // No criterion to anchor on: the first developed sentences of the passages the search found.
    const statements = sentences.filter(
      (x) => input.searchHits?.has(x.passageId) && x.facts.signals.verb && x.facts.signals.words >= 8,
    );
    for (const s of statements.slice(0, 2)) {
      const verified = verifyQuote(clip(s.text), s.page, dossier);
      if (verified) out.push({ ...verified, passageId: s.passageId });
    }
  }
  return out;
}

/** The draft's own wording of a quote and the page where it starts, or null when it is not in the draft. */
export function verifyQuote(quote: string, page: number, dossier: DossierText): DraftQuote | null {
  if (normaliseForMatch(quote).length < MIN_QUOTE_LENGTH) return null;
  const { verified } = verifyEvidence([{ quote, page }], dossier);
  return verified[0] ?? null;
}
