/**
 * Quote verification (DESIGN.md principle 2): every quote a grader returns is looked up in the dossier
 * after the model answers. A quote that is there is kept with the page where it actually is and with the
 * dossier's own wording; a quote that is not is dropped, and a criterion left without verified evidence
 * cannot score above 1 (« insuffisant »).
 */
import type { CriterionGrade, DossierText } from './grade-schema';
import type { Flag } from './schemas';

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
// Normalisation with an offset map, so that a match in normalised text maps back to the original substring.

/** A normalised string and, for each of its characters, the original range it came from. */
export interface NormalisedText {
  text: string;
  /** `starts[i]`, `ends[i]`: the original `[start, end)` that normalised character `i` comes from. */
  starts: Int32Array;
  ends: Int32Array;
}

const CHAR_MAP: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '‚': "'",
  '‛': "'",
  '´': "'",
  '`': "'",
  '′': "'",
  ʼ: "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '＂': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '⁃': '-',
  '﹘': '-',
  '﹣': '-',
  '－': '-',
  œ: 'oe',
  æ: 'ae',
};
// Soft hyphens and zero-width characters are invisible in the PDF and absent from the model's copy.
const INVISIBLE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/u;
const COMBINING = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
const LOWER = /^\p{Ll}$/u;
const WHITESPACE = /^\s$/u;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const DOUBLE_QUOTE = 0x22;
const HYPHEN = 0x2d;

function mapChars(text: string): string {
  let out = '';
  for (const ch of text) out += CHAR_MAP[ch] ?? ch;
  return out;
}

function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return LETTER.test(String.fromCharCode(code));
}

function isLower(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return LOWER.test(String.fromCharCode(code));
}

/** Growable parallel buffers of UTF-16 code units and their original ranges. */
class CodeBuffer {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) {
      const grow = <T extends Uint16Array | Int32Array>(array: T, make: (n: number) => T): T => {
        const next = make(array.length * 2 + 16);
        next.set(array);
        return next;
      };
      this.codes = grow(this.codes, (n) => new Uint16Array(n));
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
    }
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  text(): string {
    let out = '';
    for (let at = 0; at < this.length; at += 8192) {
      out += String.fromCharCode(...this.codes.subarray(at, Math.min(this.length, at + 8192)));
    }
    return out;
  }
}

/**
 * Normalises text for matching (NFKC, lowercase, unified quotes and dashes, no soft hyphens, hyphenated
 * line breaks joined, whitespace collapsed, no space just inside double quotes so « texte » matches
 * "texte") and keeps the offset map. Both the dossier and the quote go through it, so it is symmetric.
 * Works on UTF-16 code units in typed arrays, with a fast path for ASCII: a 300-page dossier is
 * normalised in milliseconds, where per-character strings cost seconds in garbage collection.
 */
export function normaliseWithMap(original: string): NormalisedText {
  const length = original.length;
  // Pass 1: per character cluster (a base and its combining marks, so NFKC composes « e + ◌́ » into « é »).
  // Newlines stay apart from other whitespace for pass 2.
  const raw = new CodeBuffer(length + 16);
  for (let i = 0; i < length; ) {
    const code = original.charCodeAt(i);
    const next = i + 1 < length ? original.charCodeAt(i + 1) : 0;
    // ASCII not followed by a combining mark (« e\u0301 » must go through NFKC to become « é »).
    if (code < 0x80 && !(next >= 0x300 && COMBINING.test(original[i + 1]))) {
      let mapped = code;
      if (code >= 0x41 && code <= 0x5a) mapped = code + 32;
      else if (code === 0x0d) mapped = NEWLINE;
      else if (code === 0x09 || code === 0x0b || code === 0x0c) mapped = SPACE;
      else if (code === 0x60)
        mapped = 0x27; // ` → '
      // A table row reads `cell | cell`: the separator is layout, so a quote of the row without it matches.
      else if (code === 0x7c) mapped = SPACE;
      raw.push(mapped, i, i + 1);
      i++;
      continue;
    }
    let end = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1);
    while (end < length && original.charCodeAt(end) >= 0x300 && COMBINING.test(original[end])) end++;
    const segment = original.slice(i, end);
    if (!INVISIBLE.test(segment)) {
      // Map before NFKC too: NFKC turns « ´ » into a space and a combining accent.
      const mapped = mapChars(mapChars(segment).normalize('NFKC').toLowerCase());
      for (let k = 0; k < mapped.length; k++) {
        const unit = mapped.charCodeAt(k);
        const whitespace = unit >= 0x80 && WHITESPACE.test(mapped[k]);
        raw.push(whitespace ? (unit === 0x2028 || unit === 0x2029 ? NEWLINE : SPACE) : unit, i, end);
      }
    }
    i = end;
  }

  // Pass 2: join « déve-\nloppement », collapse whitespace, drop spaces inside double quotes.
  const out = new CodeBuffer(raw.length + 16);
  const codes = raw.codes;
  const count = raw.length;
  const isSpace = (at: number) => at < count && (codes[at] === SPACE || codes[at] === NEWLINE);
  let last = -1;
  for (let i = 0; i < count; i++) {
    const code = codes[i];
    if (code === HYPHEN && i > 0 && isLetter(codes[i - 1])) {
      let j = i + 1;
      let newline = false;
      while (isSpace(j)) {
        if (codes[j] === NEWLINE) newline = true;
        j++;
      }
      if (newline && j < count && isLower(codes[j])) {
        i = j - 1;
        continue;
      }
    }
    if (code === SPACE || code === NEWLINE) {
      if (last === -1 || last === SPACE || last === DOUBLE_QUOTE) continue;
      let j = i + 1;
      while (isSpace(j)) j++;
      if (j >= count || codes[j] === DOUBLE_QUOTE) {
        i = j - 1;
        continue;
      }
      out.push(SPACE, raw.starts[i], raw.ends[i]);
      last = SPACE;
      continue;
    }
    out.push(code, raw.starts[i], raw.ends[i]);
    last = code;
  }
  return {
    text: out.text(),
    starts: out.starts.subarray(0, out.length),
    ends: out.ends.subarray(0, out.length),
  };
}

/** The normalised form alone (what `verifyEvidence` compares); exported so evals check quotes the same way. */
export function normaliseForMatch(text: string): string {
  return normaliseWithMap(text).text;
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
