/**
 * Quote verification (DESIGN.md principle 2): every quote a grader returns is looked up in the dossier
 * after the model answers. A quote that is there is kept with the page where it actually is and with the
 * dossier's own wording; a quote that is not is dropped, and a criterion left without verified evidence
 * cannot score above 1 (« insuffisant »).
 */
import { type NormalisedText, normaliseForMatch, normaliseWithMap } from '../../lib/text';
import type { CriterionGrade, DossierText } from './grade-schema';
import type { Flag } from './schemas';

// The normalisation is shared with the web app's highlighting (lib/text); re-exported for this feature's callers.
export { type NormalisedText, normaliseForMatch, normaliseWithMap };

/** Quotes shorter than this (normalised) prove nothing: « le marché » is on every page. */
export const MIN_QUOTE_LENGTH = 12;
/** Longer quotes are passages pasted wholesale, not evidence; the prompt asks for at most 400. */
export const MAX_QUOTE_LENGTH = 600;
/** Minimum similarity (1 − edit distance / length) for a near-verbatim quote to be accepted. */
export const FUZZY_THRESHOLD = 0.9;
/** Highest score a criterion may keep without any verified quote (DESIGN.md: « insuffisant »). */
export const MAX_SCORE_WITHOUT_EVIDENCE = 1;

/** A quote as the grader returned it; `page` is only a hint. */
export interface EvidenceInput {
  quote: string;
  page: number;
}

/** Why a quote was dropped: too short or long to be evidence, absent from the dossier, or repeated. */
export type DropReason = 'too_short' | 'too_long' | 'not_found' | 'duplicate';

/** A quote that was not kept, with the reason (shown to trainers as an `unverified_quote` flag). */
export interface DroppedEvidence {
  quote: string;
  page: number;
  reason: DropReason;
  /** Best similarity found, for `not_found` quotes that had a candidate passage. */
  similarity?: number;
}

/** The outcome of `verifyEvidence`. */
export interface VerificationResult {
  /** Quotes as they appear in the dossier, with the page where they are. */
  verified: { quote: string; page: number }[];
  dropped: DroppedEvidence[];
}

// ---------------------------------------------------------------------------------------------------------
// The dossier, prepared once per review and reused for every criterion.

interface PageSpan {
  page: number;
  start: number;
  end: number;
}

interface PreparedDossier {
  original: string;
  norm: NormalisedText;
  pages: PageSpan[];
  /** False when the dossier came without pages: the model's page is then kept as given. */
  pagesKnown: boolean;
  /** Word → normalised offsets of its occurrences; built on the first fuzzy lookup. */
  words: Map<string, number[]> | null;
}

// Derived data only, keyed by the caller's object: nothing another process would need.
const prepared = new WeakMap<DossierText, PreparedDossier>();

function prepare(dossier: DossierText): PreparedDossier {
  const cached = prepared.get(dossier);
  if (cached) return cached;
  const pages: PageSpan[] = [];
  let original = '';
  const pagesKnown = dossier.pages.length > 0;
  if (pagesKnown) {
    for (const page of dossier.pages) {
      if (original.length > 0) original += '\n\n';
      pages.push({ page: page.page, start: original.length, end: original.length + page.text.length });
      original += page.text;
    }
  } else {
    original = dossier.text;
  }
  const result: PreparedDossier = {
    original,
    norm: normaliseWithMap(original),
    pages,
    pagesKnown,
    words: null,
  };
  prepared.set(dossier, result);
  return result;
}

function pageAt(dossier: PreparedDossier, originalOffset: number, hint: number): number {
  if (!dossier.pagesKnown) return hint;
  let low = 0;
  let high = dossier.pages.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (dossier.pages[mid].start <= originalOffset) low = mid;
    else high = mid - 1;
  }
  return dossier.pages[low].page;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordIndex(dossier: PreparedDossier): Map<string, number[]> {
  if (dossier.words) return dossier.words;
  const words = new Map<string, number[]>();
  for (const match of dossier.norm.text.matchAll(WORD)) {
    const list = words.get(match[0]);
    if (list) list.push(match.index ?? 0);
    else words.set(match[0], [match.index ?? 0]);
  }
  dossier.words = words;
  return words;
}

// ---------------------------------------------------------------------------------------------------------
// Matching.

interface Span {
  /** Normalised offsets, end exclusive. */
  start: number;
  end: number;
}

function originalSlice(dossier: PreparedDossier, span: Span): { text: string; start: number } {
  const start = dossier.norm.starts[span.start];
  const end = dossier.norm.ends[span.end - 1];
  return { text: dossier.original.slice(start, end), start };
}

/** All exact occurrences of `needle` in the normalised dossier, the one on the hinted page first. */
function exactMatch(dossier: PreparedDossier, needle: string, hint: number, from = 0): Span | null {
  let first: Span | null = null;
  for (let at = dossier.norm.text.indexOf(needle, from), n = 0; at >= 0 && n < 200; n++) {
    const span = { start: at, end: at + needle.length };
    if (!dossier.pagesKnown || pageAt(dossier, dossier.norm.starts[at], hint) === hint) return span;
    first ??= span;
    at = dossier.norm.text.indexOf(needle, at + 1);
  }
  return first;
}

/**
 * Semi-global edit distance (Sellers): the whole pattern against any substring of `text`. Returns the best
 * distance and the substring's bounds. O(|pattern| · |text|), run only on small candidate regions.
 */
function bestAlignment(pattern: string, text: string): { distance: number; start: number; end: number } {
  const m = pattern.length;
  const n = text.length;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  let previousStart = new Int32Array(n + 1);
  let currentStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previousStart[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    currentStart[0] = 0;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let best = previous[j - 1] + (p === text.charCodeAt(j - 1) ? 0 : 1);
      let start = previousStart[j - 1];
      if (previous[j] + 1 < best) {
        best = previous[j] + 1;
        start = previousStart[j];
      }
      if (current[j - 1] + 1 < best) {
        best = current[j - 1] + 1;
        start = currentStart[j - 1];
      }
      current[j] = best;
      currentStart[j] = start;
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  let end = 0;
  for (let j = 1; j <= n; j++) if (previous[j] < previous[end]) end = j;
  return { distance: previous[end], start: previousStart[end], end };
}

const MAX_ANCHORS = 4;
const MAX_OCCURRENCES_PER_ANCHOR = 40;
const MAX_REGIONS = 60;

/**
 * Near-verbatim match. Candidate regions come from the quote's rarest words (where they occur in the
 * dossier, shifted by their offset in the quote), so the cost is a few small alignments rather than an
 * alignment over the whole dossier.
 */
function fuzzyMatch(dossier: PreparedDossier, needle: string): { span: Span; similarity: number } | null {
  const words = wordIndex(dossier);
  const quoteWords = [...needle.matchAll(WORD)]
    .filter((match) => match[0].length >= 3)
    .map((match) => ({ word: match[0], offset: match.index ?? 0, count: words.get(match[0])?.length ?? 0 }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => a.count - b.count || b.word.length - a.word.length);
  const anchors: typeof quoteWords = [];
  for (const entry of quoteWords) {
    if (anchors.length >= MAX_ANCHORS) break;
    if (!anchors.some((anchor) => anchor.word === entry.word)) anchors.push(entry);
  }
  if (anchors.length === 0) return null;

  const slack = Math.max(16, Math.ceil(needle.length * 0.15));
  const regions: Span[] = [];
  for (const anchor of anchors) {
    for (const at of (words.get(anchor.word) ?? []).slice(0, MAX_OCCURRENCES_PER_ANCHOR)) {
      const start = Math.max(0, at - anchor.offset - slack);
      regions.push({ start, end: Math.min(dossier.norm.text.length, start + needle.length + 2 * slack) });
    }
  }
  regions.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region.start <= last.end) last.end = Math.max(last.end, region.end);
    else merged.push({ ...region });
  }

  let best: { span: Span; similarity: number } | null = null;
  for (const region of merged.slice(0, MAX_REGIONS)) {
    const alignment = bestAlignment(needle, dossier.norm.text.slice(region.start, region.end));
    const length = alignment.end - alignment.start;
    const similarity = 1 - alignment.distance / Math.max(needle.length, length, 1);
    if (!best || similarity > best.similarity) {
      best = {
        span: { start: region.start + alignment.start, end: region.start + alignment.end },
        similarity,
      };
    }
  }
  if (best) best.span = toWordBoundaries(dossier.norm.text, best.span);
  return best;
}

/** Widens a fuzzy span that starts or ends mid-word, so the evidence shown is whole words. */
function toWordBoundaries(text: string, span: Span): Span {
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  let { start, end } = span;
  for (let n = 0; n < 20 && isWordChar(text[start - 1]) && isWordChar(text[start]); n++) start--;
  for (let n = 0; n < 20 && isWordChar(text[end]) && isWordChar(text[end - 1]); n++) end++;
  while (text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return { start, end };
}

// Models mark cuts with « […] », « (...) » or « … »; each piece must then be verbatim, in order, nearby.
const ELLIPSIS = /\s*(?:\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\)|\.{3}|…)\s*/u;
const MAX_ELISION_GAP = 1500;

function elidedMatch(dossier: PreparedDossier, quote: string, hint: number): Span[] | null {
  const pieces = quote
    .split(ELLIPSIS)
    .map((piece) => normaliseForMatch(piece))
    .filter((piece) => piece.length > 0);
  if (pieces.length < 2 || pieces.some((piece) => piece.length < 8)) return null;
  const first = exactMatch(dossier, pieces[0], hint);
  if (!first) return null;
  const spans = [first];
  for (const piece of pieces.slice(1)) {
    const previous = spans[spans.length - 1];
    const at = dossier.norm.text.indexOf(piece, previous.end);
    if (at < 0 || at - previous.end > MAX_ELISION_GAP) return null;
    spans.push({ start: at, end: at + piece.length });
  }
  return spans;
}

/**
 * Checks a grader's evidence against the dossier. Exact match of the normalised quote first (anywhere in
 * the dossier, preferring the model's page, which is only a hint), then quotes elided with « […] », then a
 * near-verbatim match (similarity ≥ 0.9). Verified quotes carry the dossier's own substring and the page
 * where it starts; the rest is dropped with a reason.
 */
export function verifyEvidence(evidence: EvidenceInput[], dossier: DossierText): VerificationResult {
  const prepared = prepare(dossier);
  const verified: VerificationResult['verified'] = [];
  const dropped: DroppedEvidence[] = [];
  const seen = new Set<string>();

  const keep = (item: EvidenceInput, quote: string, originalStart: number) => {
    const page = pageAt(prepared, originalStart, item.page);
    const key = `${page}\u0000${normaliseForMatch(quote)}`;
    if (seen.has(key)) {
      dropped.push({ quote: item.quote, page: item.page, reason: 'duplicate' });
      return;
    }
    seen.add(key);
    verified.push({ quote, page });
  };

  for (const item of evidence) {
    const needle = normaliseForMatch(item.quote);
    if (needle.length < MIN_QUOTE_LENGTH) {
      dropped.push({ quote: item.quote, page: item.page, reason: 'too_short' });
      continue;
    }
    if (needle.length > MAX_QUOTE_LENGTH) {
      dropped.push({ quote: item.quote, page: item.page, reason: 'too_long' });
      continue;
    }

    const exact = exactMatch(prepared, needle, item.page);
    if (exact) {
      const slice = originalSlice(prepared, exact);
      keep(item, slice.text, slice.start);
      continue;
    }

    const elided = elidedMatch(prepared, item.quote, item.page);
    if (elided) {
      const slices = elided.map((span) => originalSlice(prepared, span));
      keep(item, slices.map((slice) => slice.text).join(' […] '), slices[0].start);
      continue;
    }

    const fuzzy = fuzzyMatch(prepared, needle);
    if (fuzzy && fuzzy.similarity >= FUZZY_THRESHOLD) {
      const slice = originalSlice(prepared, fuzzy.span);
      keep(item, slice.text, slice.start);
      continue;
    }
    dropped.push({
      quote: item.quote,
      page: item.page,
      reason: 'not_found',
      ...(fuzzy ? { similarity: Math.round(fuzzy.similarity * 1000) / 1000 } : {}),
    });
  }
  return { verified, dropped };
}

/** A criterion without verified evidence scores at most 1 (DESIGN.md principle 2). */
export function capUnverified(score: number, verifiedCount: number): number {
  return verifiedCount > 0 ? score : Math.min(score, MAX_SCORE_WITHOUT_EVIDENCE);
}

const DROP_MESSAGES: Record<DropReason, string> = {
  too_short: 'Citation trop courte pour prouver quoi que ce soit, écartée',
  too_long: 'Citation trop longue (passage recopié en bloc), écartée',
  not_found: 'Citation introuvable dans le dossier, écartée',
  duplicate: 'Citation en double, écartée',
};

/**
 * Verifies a grade as a whole: verified evidence, the score capped when nothing was verified, and the
 * flags a trainer should see (`unverified_quote` per dropped quote, `no_evidence` when the cap lowered
 * the score). Duplicates are dropped silently: they are noise, not a sign of invention.
 */
export function applyVerification(
  grade: CriterionGrade,
  dossier: DossierText,
): { grade: CriterionGrade; dropped: DroppedEvidence[]; flags: Flag[] } {
  const { verified, dropped } = verifyEvidence(grade.evidence, dossier);
  const score = capUnverified(grade.score, verified.length);
  const flags: Flag[] = dropped
    .filter((item) => item.reason !== 'duplicate')
    .map((item) => ({
      code: 'unverified_quote' as const,
      message: `${DROP_MESSAGES[item.reason]} : « ${truncate(item.quote, 160)} »`,
      page: item.page,
      detail: item.similarity === undefined ? item.reason : `${item.reason} (similarité ${item.similarity})`,
    }));
  if (score < grade.score) {
    flags.push({
      code: 'no_evidence',
      message: `Aucune citation vérifiée dans le dossier : note ramenée de ${grade.score} à ${score}.`,
    });
  }
  return { grade: { ...grade, score, evidence: verified }, dropped, flags };
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
