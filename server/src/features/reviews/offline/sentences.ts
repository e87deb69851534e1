/**
 * Sentence splitting for the offline analyzer. Evidence must be verbatim, so a sentence is always a slice of
 * the text it comes from (`text.slice(start, end) === sentence.text`): nothing is normalised, only trimmed.
 *
 * French-aware: no split after « M. », « etc. », « p. 12 », « cf. », initials, dotted acronyms, or inside
 * decimals (« 3,5 », « 12.5 » have no space after the point). Line breaks split when they end a heading,
 * a bullet or a table row, not when a PDF merely wrapped a line.
 */
import type { DossierText, GradingPassage } from '../grade-schema';
import { fold } from './lexicon';

/** A sentence of a text, with its offsets in that text (`end` exclusive). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** A sentence of a passage, with the page it is on. Offsets are relative to the passage text. */
export interface PassageSentence extends SentenceSpan {
  page: number;
  passageId: string;
}

/** Abbreviations after which a point does not end a sentence (folded, without the point). */
const ABBREVIATIONS = new Set(
  (
    'm mm mme mmes mlle mlles mr mrs ms dr pr prof me st ste sr jr p pp cf etc ex env vol no n art al fig tab chap ' +
    'ibid op cit av bd vs inc ltd co corp approx min max nb ref tel hab md mds mrd mrds cie ed coll trad dir eq ' +
    'janv fev fevr avr juil sept oct nov dec resp suiv sq cad'
  ).split(' '),
);

/** Characters that may close a sentence after its final punctuation. */
const CLOSERS = new Set(['"', '»', '”', "'", '’', ')', ']', '*']);

const BULLET = /^(?:[-•*–—▪►✓➢●○◦■□]|\d{1,2}[.)]|[a-z][)])\s+/u;
const SENTENCE_START = /[\p{Lu}\p{N}«"“(['\-•*–—▪►✓➢●○◦■□]/u;
/** Words a wrapped line often ends on: the sentence goes on after the line break. */
const CONTINUATION_WORDS = new Set(
  (
    'de la le les des du et ou à a en au aux par pour sur dans avec un une d l of the and to in for with on by at from ' +
    'que qui dont est sont selon entre chez vers'
  ).split(' '),
);

/** Longest sentence kept whole; longer runs (tables, lists without punctuation) are cut at `;`, `:` or `,`. */
const MAX_SENTENCE = 400;
const MIN_PIECE = 80;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** The word just before a point at `dot`, folded, and whether it contains inner points (« S.A »). */
function wordBefore(text: string, dot: number): { word: string; dotted: boolean; initial: boolean } {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  const raw = text.slice(i, dot);
  const dotted = raw.includes('.') && /\p{L}/u.test(raw);
  const initial = raw.length === 1 && /\p{Lu}/u.test(raw);
  return { word: fold(raw.replace(/\./g, '')), dotted, initial };
}

function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/** Whether a single line break at `nl` ends a sentence. */
function lineBreakSplits(text: string, nl: number, next: number): boolean {
  const prev = text.slice(lineAround(text, nl).start, nl).trim();
  const nextLine = text.slice(next, lineAround(text, next).end);
  if (prev.length === 0) return true;
  if (BULLET.test(nextLine)) return true;
  if (/[:;]$/.test(prev)) return true;
  // Table rows: each line is a cell row, never a wrapped sentence.
  if (/\t| \| /.test(prev) || /\t| \| /.test(nextLine)) return true;
  if (/[.!?…,]$/.test(prev)) return false;
  // A heading: a short line without final punctuation or comma, followed by a capitalised line (or by a
  // figure after a very short title: « Chiffres clés » / « 2023 : … »). A wrapped sentence usually has a
  // comma or ends on a function word.
  const words = prev.split(/\s+/);
  const last = fold(words[words.length - 1] ?? '');
  if (prev.length > 80 || words.length > 12 || prev.includes(',') || CONTINUATION_WORDS.has(last))
    return false;
  return /^\p{Lu}/u.test(nextLine) || (words.length <= 6 && /^\p{N}/u.test(nextLine));
}

/** Cuts a long run at the last `;`, `:`, line break or `, ` before the limit (never inside a word). */
function splitLong(text: string, start: number, end: number, out: [number, number][]) {
  let from = start;
  while (end - from > MAX_SENTENCE) {
    const window = text.slice(from, from + MAX_SENTENCE);
    let cut = -1;
    for (const pattern of [/[;:]\s|\n/g, /,\s/g]) {
      for (const m of window.matchAll(pattern)) if (m.index >= MIN_PIECE) cut = m.index + 1;
      if (cut > 0) break;
    }
    if (cut < 0) break;
    out.push([from, from + cut]);
    from += cut;
  }
  out.push([from, end]);
}

/**
 * Splits `text` into sentences with their offsets. Leading bullets and section numbers are left out of a
 * sentence (still a verbatim slice); pieces without a letter or digit are dropped.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const cuts = new Set<number>([0, text.length]);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let j = i;
      while (j + 1 < n && /[.!?…]/.test(text[j + 1])) j++;
      let k = j;
      // Closing quotes and brackets stay with the sentence, French spacing included (« oui. »).
      for (let c = k + 1; c < n; c++) {
        if (CLOSERS.has(text[c])) k = c;
        else if (text[c] !== ' ' && text[c] !== '\u00a0' && text[c] !== '\u202f') break;
      }
      const after = k + 1;
      if (after < n && !isSpace(text[after])) {
        i = k;
        continue;
      }
      let next = after;
      while (next < n && isSpace(text[next])) next++;
      const paragraph = /\n[^\S\n]*\n/.test(text.slice(after, next));
      if (!paragraph && next < n) {
        const single = ch === '.' && j === i;
        // Section numbering at the start of a line (« 1. Analyse PESTEL », « 2.3. Marché »).
        if (single && /^\s*(?:\d{1,2}\.)*\d{1,2}$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i))) {
          i = k;
          continue;
        }
        if (single) {
          const before = wordBefore(text, i);
          if (ABBREVIATIONS.has(before.word) || before.dotted || before.initial) {
            i = k;
            continue;
          }
        }
        if (!SENTENCE_START.test(text[next])) {
          i = k;
          continue;
        }
      }
      cuts.add(after);
      i = k;
    } else if (ch === '\n') {
      let next = i + 1;
      while (next < n && isSpace(text[next])) next++;
      if (next >= n) continue;
      const paragraph = /\n/.test(text.slice(i + 1, next));
      if (paragraph || lineBreakSplits(text, i, next)) cuts.add(i);
    }
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const pieces: [number, number][] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    let start = bounds[b];
    let end = bounds[b + 1];
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    const bullet = BULLET.exec(text.slice(start, end));
    if (bullet) start += bullet[0].length;
    if (end <= start) continue;
    splitLong(text, start, end, pieces);
  }
  const sentences: SentenceSpan[] = [];
  for (const [rawStart, rawEnd] of pieces) {
    let start = rawStart;
    let end = rawEnd;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    const slice = text.slice(start, end);
    if (/[\p{L}\p{N}]/u.test(slice)) sentences.push({ text: slice, start, end });
  }
  return sentences;
}

// ── Pages ────────────────────────────────────────────────────────────────────────────────────────────

interface PageStart {
  page: number;
  start: number;
}

/** Where each page starts in `dossier.text`; null when the pages cannot be located (text normalised differently). */
const pageIndexCache = new WeakMap<DossierText, PageStart[] | null>();

function pageIndex(dossier: DossierText): PageStart[] | null {
  if (pageIndexCache.has(dossier)) return pageIndexCache.get(dossier) ?? null;
  const starts: PageStart[] = [];
  let cursor = 0;
  let located = 0;
  let nonEmpty = 0;
  for (const p of dossier.pages) {
    const body = p.text.trim();
    if (!body) continue;
    nonEmpty++;
    // Whole page first; a short probe when the page was altered (e.g. an injection stripped from one side).
    let at = dossier.text.indexOf(body, cursor);
    let length = body.length;
    if (at < 0) {
      const probe = body.slice(0, 80);
      at = dossier.text.indexOf(probe, cursor);
      length = probe.length;
    }
    if (at < 0) continue;
    located++;
    starts.push({ page: p.page, start: at });
    cursor = at + length;
  }
  const index = nonEmpty > 0 && located >= nonEmpty * 0.8 ? starts : null;
  pageIndexCache.set(dossier, index);
  return index;
}

function pageAtOffset(index: PageStart[], offset: number): number {
  let lo = 0;
  let hi = index.length - 1;
  let found = index[0].page;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index[mid].start <= offset) {
      found = index[mid].page;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The pages with whitespace collapsed, joined by one space, and where each starts: quotes whose spacing differs. */
const collapsedCache = new WeakMap<DossierText, { text: string; starts: PageStart[] }>();

function collapsedDossier(dossier: DossierText) {
  let joined = collapsedCache.get(dossier);
  if (!joined) {
    let text = '';
    const starts: PageStart[] = [];
    for (const p of dossier.pages) {
      const body = collapse(p.text);
      if (!body) continue;
      if (text) text += ' ';
      starts.push({ page: p.page, start: text.length });
      text += body;
    }
    joined = { text, starts };
    collapsedCache.set(dossier, joined);
  }
  return joined;
}

function inRange(page: number, range?: { page: number; pageEnd: number }): boolean {
  return !range || (page >= range.page && page <= range.pageEnd);
}

/** Exact occurrences of `needle` in `haystack`, at most `limit`. */
function occurrences(haystack: string, needle: string, limit = 50): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (
    let at = haystack.indexOf(needle);
    at >= 0 && out.length < limit;
    at = haystack.indexOf(needle, at + 1)
  ) {
    out.push(at);
  }
  return out;
}

/**
 * The page of a verbatim quote in the dossier, preferring an occurrence within `range` (a passage's pages).
 * Exact position in `dossier.text` first; then a whitespace-insensitive search (which also finds a quote
 * running over a page break, on the page where it begins). Null when the quote is not there.
 */
export function findQuotePage(
  dossier: DossierText,
  quote: string,
  range?: { page: number; pageEnd: number },
): number | null {
  const index = pageIndex(dossier);
  if (index && index.length > 0) {
    const pages = occurrences(dossier.text, quote).map((at) => pageAtOffset(index, at));
    const best = pages.find((p) => inRange(p, range)) ?? pages[0];
    if (best !== undefined) return best;
  }
  const wanted = collapse(quote);
  if (!wanted) return null;
  const joined = collapsedDossier(dossier);
  if (joined.starts.length === 0) return null;
  const pages = occurrences(joined.text, wanted).map((at) => pageAtOffset(joined.starts, at));
  return pages.find((p) => inRange(p, range)) ?? pages[0] ?? null;
}

/** Where a passage lies in `dossier.text`, preferring an occurrence on its own pages; -1 when absent. */
function passageOffset(dossier: DossierText, passage: GradingPassage, index: PageStart[] | null): number {
  const found = occurrences(dossier.text, passage.text, 20);
  if (found.length === 0) return -1;
  if (!index) return found[0];
  return found.find((at) => inRange(pageAtOffset(index, at), passage)) ?? found[0];
}

/**
 * The sentences of a passage, each with its page. A passage on one page gives every sentence that page;
 * a passage spanning pages is located in `dossier.text` and each sentence gets the page it starts on.
 */
export function sentencesOfPassage(passage: GradingPassage, dossier?: DossierText): PassageSentence[] {
  const spans = splitSentences(passage.text);
  const single = passage.pageEnd <= passage.page;
  const index = !single && dossier ? pageIndex(dossier) : null;
  const base = !single && dossier ? passageOffset(dossier, passage, index) : -1;
  return spans.map((s) => {
    let page = passage.page;
    if (!single && dossier) {
      const located =
        index && base >= 0 ? pageAtOffset(index, base + s.start) : findQuotePage(dossier, s.text, passage);
      if (located !== null) page = Math.min(Math.max(located, passage.page), passage.pageEnd);
    }
    return { ...s, page, passageId: passage.id };
  });
}
