/**
 * Keyword stuffing: sentences or lines that pile up rubric terms without saying anything (« PESTEL SWOT SMART
 * KPI ESG CSRD SONCAS SIMAC closing », comma-separated term lists, one term repeated). A lexical grader is
 * exactly what such text tries to fool, so the analyzer never counts these spans as analysis; the review
 * flags them to the trainer.
 */
import type { DossierText, GradingPassage } from '../grade-schema';
import {
  type ConceptHit,
  type DepthSignals,
  depthSignals,
  findConcepts,
  fold,
  type MatchLanguage,
} from './lexicon';
import { findQuotePage, sentencesOfPassage, splitSentences } from './sentences';

/** Why a span is considered stuffing. */
export type StuffingReason = 'term_list' | 'repetition';

/** A stuffed span, ready to become a `keyword_stuffing` flag. */
export interface StuffedSpan {
  page: number;
  /** Verbatim text of the span. */
  excerpt: string;
  /** Offsets in the passage text (or in the text passed in). */
  start: number;
  end: number;
  passageId: string | null;
  reason: StuffingReason;
  /** Concepts named in the span (overlapping concepts counted once, see `conceptCover`). */
  concepts: number;
}

/** The thresholds, named so the tests and the README can refer to them. */
export const STUFFING_THRESHOLDS = {
  /** Share of content words that are lexicon terms, above which a sentence is a list of terms. */
  density: 0.6,
  /** Distinct concepts a verbless list must name to count as stuffing (a list of KPIs is one concept). */
  listConcepts: 4,
  /** Distinct concepts that make even a sentence with a verb stuffing, when dense. */
  denseConcepts: 6,
  /** Times one term must repeat (with density ≥ `repetitionDensity`). */
  repetitions: 3,
  repetitionDensity: 0.5,
  /** Fewest content words for a span to be judged at all. */
  minContentWords: 4,
  /**
   * Telegraphic lists: at least `telegraphicConcepts` concepts and `telegraphicDensity` of terms, with
   * fewer than `telegraphicFunctionShare` function words (real sentences need articles and prepositions),
   * even when a connective was slipped in to look argued.
   */
  telegraphicConcepts: 3,
  telegraphicDensity: 0.4,
  telegraphicFunctionShare: 0.1,
  telegraphicWords: 6,
} as const;

const FUNCTION_WORDS = new Set(
  (
    'le la les l un une des de du d au aux a et ou en dans par pour sur avec sans ce ces se sa son ses leur leurs notre ' +
    'nos the a an and or of to in on for with by as at etc'
  ).split(' '),
);

/**
 * How many concepts a sentence really names: the fewest concepts that account for all its matched terms.
 * Concepts overlap (« taux de conversion » is a KPI and a funnel stage), so a list of KPIs counts as one
 * concept, while « PESTEL SWOT SMART KPI » counts as four.
 */
function conceptCover(hits: readonly ConceptHit[]): number {
  // Terms whose spans overlap are one term, whatever the concepts that matched it.
  const spans = hits.flatMap((h) => h.spans).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const clusters: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = clusters[clusters.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else clusters.push([start, end]);
  }
  const touches = hits.map(
    (h) =>
      new Set(clusters.flatMap(([cs, ce], i) => (h.spans.some(([s, e]) => s < ce && e > cs) ? [i] : []))),
  );
  const uncovered = new Set(clusters.map((_, i) => i));
  let picks = 0;
  while (uncovered.size > 0) {
    let best = -1;
    let gain = 0;
    touches.forEach((set, i) => {
      const g = [...set].filter((c) => uncovered.has(c)).length;
      if (g > gain) {
        gain = g;
        best = i;
      }
    });
    if (best < 0) break;
    for (const c of touches[best]) uncovered.delete(c);
    picks++;
  }
  return picks;
}

/** The verdict on one sentence; null when it is not stuffing. */
export interface StuffingVerdict {
  reason: StuffingReason;
  concepts: number;
  density: number;
}

/**
 * Judges one sentence from its concept hits and depth signals (computed once by the caller, shared with the
 * analyzer). `folded` is `fold(sentence)`.
 */
export function stuffingVerdict(
  folded: string,
  hits: readonly ConceptHit[],
  signals: DepthSignals,
): StuffingVerdict | null {
  const t = STUFFING_THRESHOLDS;
  if (hits.length === 0) return null;
  const spans = hits.flatMap((h) => h.spans);
  let content = 0;
  let covered = 0;
  let functionWords = 0;
  for (const w of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (FUNCTION_WORDS.has(w[0])) {
      functionWords++;
      continue;
    }
    content++;
    const start = w.index;
    const end = start + w[0].length;
    if (spans.some(([s, e]) => s < end && e > start)) covered++;
  }
  if (content < t.minContentWords) return null;
  const density = covered / content;
  const concepts = conceptCover(hits);
  const clause = signals.verb || signals.argument || signals.analysis;
  if (density >= t.density && ((concepts >= t.listConcepts && !clause) || concepts >= t.denseConcepts)) {
    return { reason: 'term_list', concepts, density };
  }
  const words = content + functionWords;
  if (
    concepts >= t.telegraphicConcepts &&
    density >= t.telegraphicDensity &&
    words >= t.telegraphicWords &&
    functionWords < t.telegraphicFunctionShare * words
  ) {
    return { reason: 'term_list', concepts, density };
  }
  // One term counts once where it stands: « qui décide » is three concepts' term at the same offsets, not three
  // repetitions (issue #16: a strong draft's heading « Qui décide, qui pèse » was flagged as stuffing).
  const counts = new Map<string, number>();
  const distinct = new Map(spans.map(([s, e]) => [`${s}:${e}`, [s, e] as const]));
  for (const [s, e] of distinct.values()) {
    const term = folded.slice(s, e);
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const most = Math.max(...counts.values());
  if (most >= t.repetitions && density >= t.repetitionDensity)
    return { reason: 'repetition', concepts, density };
  return null;
}

/**
 * Verdicts by language and sentence. A pure memo (same sentence, same verdict), bounded, and cleared when
 * full: the review service checks the same passages once per criterion, each time in new arrays.
 */
const verdictCache = new Map<string, StuffingVerdict | null>();
const VERDICT_CACHE_MAX = 20_000;

/** Judges a sentence on its own (computes the hits and signals). */
export function isStuffed(sentence: string, lang: MatchLanguage = 'fr'): StuffingVerdict | null {
  const key = `${lang}\u0000${sentence}`;
  const cached = verdictCache.get(key);
  if (cached !== undefined) return cached;
  // A table row (cells joined by « | » at extraction) is structured data — a plan, a KPI grid — whose
  // terse cells read like a term list; judging it as prose would flag every action plan.
  if ((sentence.match(/ \| /g) ?? []).length >= 2) return null;
  const folded = fold(sentence);
  const verdict = stuffingVerdict(folded, findConcepts(folded, lang), depthSignals(sentence, folded, lang));
  if (verdictCache.size >= VERDICT_CACHE_MAX) verdictCache.clear();
  verdictCache.set(key, verdict);
  return verdict;
}

/** Code-unit order, not `localeCompare`: the result must not depend on the machine's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Options of `detectKeywordStuffing`. */
export interface StuffingOptions {
  /** Page of a plain text input (default 1), or found in `dossier` when given. */
  page?: number;
  dossier?: DossierText;
  /** Matching language; English also matches French terms. Default French. */
  language?: MatchLanguage;
}

/**
 * Finds stuffed sentences and lines in passages (or in one text). Spans repeated by overlapping passages are
 * reported once, in document order.
 */
export function detectKeywordStuffing(
  input: readonly GradingPassage[] | string,
  options: StuffingOptions = {},
): StuffedSpan[] {
  const lang = options.language ?? 'fr';
  const out: StuffedSpan[] = [];
  const seen = new Set<string>();
  const consider = (text: string, start: number, end: number, page: number, passageId: string | null) => {
    const verdict = isStuffed(text, lang);
    if (!verdict) return;
    const key = `${page}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      page,
      excerpt: text,
      start,
      end,
      passageId,
      reason: verdict.reason,
      concepts: verdict.concepts,
    });
  };
  if (typeof input === 'string') {
    for (const s of splitSentences(input)) {
      const page = options.dossier
        ? (findQuotePage(options.dossier, s.text) ?? options.page ?? 1)
        : (options.page ?? 1);
      consider(s.text, s.start, s.end, page, null);
    }
    return out;
  }
  const passages = [...input].sort(
    (a, b) => a.page - b.page || a.ordinal - b.ordinal || compareIds(a.id, b.id),
  );
  for (const passage of passages) {
    for (const s of sentencesOfPassage(passage, options.dossier))
      consider(s.text, s.start, s.end, s.page, passage.id);
  }
  return out;
}
