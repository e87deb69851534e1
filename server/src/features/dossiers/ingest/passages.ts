import { createHash } from 'node:crypto';
import { pageAt } from './sections';
import type { ParsedDocument, Passage } from './types';
import { countWords } from './words';

/** Paragraphs first, then lines, then sentences, then words. */
export const PASSAGE_SEPARATORS = ['\n\n', '\n', '. ', ' '];
/** In words: passages of about 150–400 words, a quote's context without diluting its embedding. */
export const PASSAGE_CHUNK_WORDS = 320;
export const PASSAGE_OVERLAP_WORDS = 40;

interface Span {
  start: number;
  end: number;
  /** Length in words, computed once. */
  words: number;
}

export interface SplitOptions {
  chunkSize: number;
  chunkOverlap: number;
  separators: string[];
}

const DEFAULTS: SplitOptions = {
  chunkSize: PASSAGE_CHUNK_WORDS,
  chunkOverlap: PASSAGE_OVERLAP_WORDS,
  separators: PASSAGE_SEPARATORS,
};

/**
 * LangChain's `RecursiveCharacterTextSplitter` algorithm (keepSeparator: false, word-count length),
 * ported to work on offsets, synchronously. Why not call LangChain: its splitter is async-only, while
 * `splitPassages` is synchronous for its callers, and it finds chunks back with `indexOf`, which can land
 * on an earlier copy of a repeated sentence; offsets cannot. `passages.test.ts` checks the chunks are the
 * ones LangChain produces. Returns [start, end) spans of `text`, trimmed.
 */
export function splitSpans(text: string, options: SplitOptions = DEFAULTS): [number, number][] {
  const { chunkSize, chunkOverlap, separators } = options;
  const span = (start: number, end: number): Span => ({
    start,
    end,
    words: countWords(text.slice(start, end)),
  });

  const splitOn = (s: Span, separator: string): Span[] => {
    const out: Span[] = [];
    let from = s.start;
    while (from <= s.end) {
      const at = text.indexOf(separator, from);
      const stop = at < 0 || at + separator.length > s.end ? s.end : at;
      if (stop > from) out.push(span(from, stop));
      if (stop === s.end) break;
      from = stop + separator.length;
    }
    return out;
  };

  const join = (docs: Span[]): [number, number] | null => {
    let start = docs[0].start;
    let end = docs[docs.length - 1].end;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end > start ? [start, end] : null;
  };

  const merge = (splits: Span[], separatorLength: number): [number, number][] => {
    const docs: [number, number][] = [];
    const current: Span[] = [];
    let total = 0;
    for (const d of splits) {
      if (total + d.words + current.length * separatorLength > chunkSize && current.length > 0) {
        const doc = join(current);
        if (doc !== null) docs.push(doc);
        while (
          total > chunkOverlap ||
          (total + d.words + current.length * separatorLength > chunkSize && total > 0)
        ) {
          total -= current[0].words;
          current.shift();
        }
      }
      current.push(d);
      total += d.words;
    }
    if (current.length > 0) {
      const doc = join(current);
      if (doc !== null) docs.push(doc);
    }
    return docs;
  };

  const recurse = (s: Span, seps: string[]): [number, number][] => {
    const slice = text.slice(s.start, s.end);
    const index = seps.findIndex((sep) => sep === '' || slice.includes(sep));
    const separator = index < 0 ? seps[seps.length - 1] : seps[index];
    const rest = index < 0 ? undefined : seps.slice(index + 1);
    const out: [number, number][] = [];
    let good: Span[] = [];
    for (const piece of splitOn(s, separator)) {
      if (piece.words < chunkSize) good.push(piece);
      else {
        if (good.length > 0) out.push(...merge(good, separator.length));
        good = [];
        if (rest === undefined || rest.length === 0) out.push([piece.start, piece.end]);
        else out.push(...recurse(piece, rest));
      }
    }
    if (good.length > 0) out.push(...merge(good, separator.length));
    return out;
  };

  if (text.trim() === '') return [];
  return recurse(span(0, text.length), separators);
}

/** A chunk shorter than this (a lone heading before a long paragraph) is merged into its neighbour. */
export const MIN_PASSAGE_WORDS = 30;

/**
 * The recursive splitter emits a heading alone when the paragraph after it is too long to join it:
 * such a crumb retrieves badly, so it is merged into the next chunk (or the previous one at the end).
 */
function mergeCrumbs(text: string, spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let carry: number | null = null;
  for (const [start, end] of spans) {
    const from: number = carry ?? start;
    carry = null;
    if (countWords(text.slice(from, end)) < MIN_PASSAGE_WORDS) carry = from;
    else out.push([from, end]);
  }
  if (carry !== null) {
    const last = out.pop();
    out.push(
      last === undefined ? [carry, spans[spans.length - 1][1]] : [last[0], spans[spans.length - 1][1]],
    );
  }
  return out;
}

/** sha256 (hex) of a passage with whitespace collapsed. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

interface Segment {
  start: number;
  end: number;
  section: string | null;
  annex: boolean;
}

/** The text cut at section boundaries: what precedes the first heading, then each section. */
function segments(doc: ParsedDocument): Segment[] {
  const out: Segment[] = [];
  const first = doc.sections[0]?.start ?? doc.text.length;
  if (doc.text.slice(0, first).trim() !== '') out.push({ start: 0, end: first, section: null, annex: false });
  for (const s of doc.sections) out.push({ start: s.start, end: s.end, section: s.title, annex: s.annex });
  return out;
}

/**
 * Cuts a parsed document into retrieval passages (~150–400 words, 40 words of overlap), never across a
 * section boundary, each with its pages, section, annex flag, offsets into `doc.text` and a content hash.
 * Deterministic: the same document always gives the same passages.
 */
export function splitPassages(doc: ParsedDocument): Passage[] {
  const passages: Passage[] = [];
  for (const seg of segments(doc)) {
    const local = doc.text.slice(seg.start, seg.end);
    for (const [s, e] of mergeCrumbs(local, splitSpans(local))) {
      // The sentence separator « . » was cut off the chunk's last sentence: give the period back.
      const end = local[e] === '.' && local[e - 1] !== '.' ? e + 1 : e;
      const charStart = seg.start + s;
      const charEnd = seg.start + end;
      const text = doc.text.slice(charStart, charEnd);
      passages.push({
        page: pageAt(doc.pageOffsets, charStart),
        pageEnd: pageAt(doc.pageOffsets, charEnd - 1),
        section: seg.section,
        annex: seg.annex,
        charStart,
        charEnd,
        text,
        contentHash: contentHash(text),
      });
    }
  }
  return passages;
}
