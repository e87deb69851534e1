import { createHash } from 'node:crypto';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { pageAt } from './sections';
import type { ParsedDocument, Passage } from './types';
import { countWords } from './words';

/** Paragraphs first, then lines, then sentences, then words. */
export const PASSAGE_SEPARATORS = ['\n\n', '\n', '. ', ' '];
/** In words: passages of about 150–400 words, a quote's context without diluting its embedding. */
export const PASSAGE_CHUNK_WORDS = 320;
export const PASSAGE_OVERLAP_WORDS = 40;

/**
 * LangChain's `RecursiveCharacterTextSplitter` with word-count length and the separators dropped
 * (`keepSeparator: false`): it returns chunk texts, not offsets.
 */
function splitter(): RecursiveCharacterTextSplitter {
  return new RecursiveCharacterTextSplitter({
    chunkSize: PASSAGE_CHUNK_WORDS,
    chunkOverlap: PASSAGE_OVERLAP_WORDS,
    separators: PASSAGE_SEPARATORS,
    keepSeparator: false,
    lengthFunction: countWords,
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where `chunk` lies in `text`, searching from `from`. A chunk is a slice of the text (trimmed joins of
 * adjacent pieces) except where the splitter dropped an empty piece between two separators (« a  b »,
 * four newlines): it then joined them with one separator, so the search falls back to matching any run
 * of whitespace for a run of whitespace.
 */
function locate(text: string, chunk: string, from: number): [number, number] | null {
  const at = text.indexOf(chunk, from);
  if (at >= 0) return [at, at + chunk.length];
  const pattern = chunk.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  if (pattern === '') return null;
  const re = new RegExp(pattern, 'g');
  re.lastIndex = from;
  const match = re.exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}

/**
 * Cuts `text` with LangChain's splitter and finds each chunk back in it with a cursor: chunks come in
 * order and overlap, so each one starts after the start of the one before (searching from there, not
 * from 0, keeps a repeated sentence from landing on an earlier copy). Returns [start, end) spans.
 */
export async function splitSpans(text: string): Promise<[number, number][]> {
  if (text.trim() === '') return [];
  const spans: [number, number][] = [];
  let cursor = 0;
  for (const chunk of await splitter().splitText(text)) {
    const span = locate(text, chunk, cursor);
    // Never expected (every chunk comes from the text); a chunk not found is skipped, not invented.
    if (span === null) continue;
    spans.push(span);
    cursor = span[0] + 1;
  }
  return spans;
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
 * Deterministic: the same document always gives the same passages. CPU-heavy on a long dossier: uploads
 * run it in the parse child process (`ingestDocument`).
 */
export async function splitPassages(doc: ParsedDocument): Promise<Passage[]> {
  const passages: Passage[] = [];
  for (const seg of segments(doc)) {
    const local = doc.text.slice(seg.start, seg.end);
    for (const [s, e] of mergeCrumbs(local, await splitSpans(local))) {
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
