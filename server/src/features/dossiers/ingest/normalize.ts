import type { PageText } from '../../../../../db/schema';
import { isAnnexHeading } from './annex';

const LIGATURES: Record<string, string> = {
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
};

/**
 * Bullets as fonts draw them: Word's Symbol/Wingdings bullets land in the Private Use Area (U+F0B7…)
 * when a PDF is extracted. Every bullet becomes « - » so PDF and DOCX lists read the same. An arrow
 * before a figure is a line wrapped mid-sentence (« objectif 45 → 60 »), not a bullet.
 */
const BULLET =
  /^(?:[•●▪■□◦○‣⁃∙►▶➢➤✓✔❖◆◇–—\uF0A7\uF0A8\uF0B7\uF0D8\uF0E0\uF0FC\uF076\uF06C\uF06E]|[➔→](?!\s*\d))(?=\s|$)\s*/;

/**
 * A character `normalizeInline` may change, or one it was not checked against: anything but printable
 * ASCII, the Latin letters and signs below U+0300, the dashes, quotes, bullets and ellipsis of U+2010–U+2027
 * and « € » (which NFC leaves as they are, alone or in any sequence). Tabs, non-breaking spaces and soft
 * hyphens are outside. Without one of these (and without two spaces in a row), the clean-up only trims.
 */
export const NEEDS_NORMALIZING = /[^\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u20ac]/;

/**
 * Character-level clean-up of a line: NFC, ligatures expanded, soft hyphens and zero-width characters
 * removed, every kind of space (non-breaking, narrow non-breaking before « ; : ! ? », thin…) and tabs
 * turned into a plain space, runs of spaces collapsed. French typography stays readable: the space
 * before « : » is kept, only its kind changes.
 */
export function normalizeInline(text: string): string {
  // Most lines hold nothing this changes (`normalize.test.ts` checks the shortcut is exact): spare them
  // the five passes.
  if (!NEEDS_NORMALIZING.test(text) && !text.includes('  ')) return text.trim();
  return text
    .normalize('NFC')
    .replace(/[ﬀﬁﬂﬃﬄﬅﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g, '')
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A line that is nothing but a page number: « 12 », « - 12 - », « Page 12 », « 12/20 », « p. 12 ». */
const PAGE_NUMBER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.)\s*\d{1,4}(?:\s*(?:\/|sur|of)\s*\d{1,4})?|\d{1,4}(?:\s*(?:\/|sur|of)\s*\d{1,4})?)$/i;

/** True when `line` is a lone page number. */
export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER.test(line.trim());
}

/** Words that keep their hyphen across a line break: « peut-être », « a-t-il », « c'est-à-dire »… */
const COMPOUND_FIRST = new Set([
  'peut',
  'vis',
  'au',
  'après',
  'avant',
  'arrière',
  'sous',
  'non',
  'quasi',
  'demi',
  'semi',
  'mi',
  'ex',
  'vice',
  'bien',
  'grand',
  'grande',
  'auto',
  'co',
  'e',
  'porte',
  'chef',
  'celui',
  'celle',
  'ceux',
  'celles',
  'là',
  'est',
  'c’est',
  "c'est",
]);
const COMPOUND_SECOND = new Set([
  'être',
  'ci',
  'là',
  'à',
  'dire',
  'il',
  'elle',
  'on',
  'ils',
  'elles',
  'je',
  'tu',
  'nous',
  'vous',
  'le',
  'la',
  'les',
  'moi',
  'toi',
  'même',
  'mêmes',
  'lui',
  'leur',
  'leurs',
  'y',
  'en',
  't',
  'clé',
  'clés',
  'vente',
]);

/**
 * Whether `before-` at the end of a line and `after` at the start of the next are one word split by
 * hyphenation (join without the hyphen) rather than a hyphenated compound (keep the hyphen). Conservative:
 * only a lowercase continuation that does not form a known compound is joined.
 */
export function isLineEndHyphenation(before: string, after: string): boolean {
  // An end-anchored pattern is tried from every position of the line: on a paragraph joined so far, that is
  // quadratic. Only the line's end can match, and no word of the sets below is near 60 characters long.
  if (!before.endsWith('-')) return false;
  const tail = /([\p{L}’']+)-$/u.exec(before.slice(-64))?.[1];
  const head = /^([\p{L}]+)/u.exec(after)?.[1];
  if (tail === undefined || head === undefined) return false;
  if (head[0] !== head[0].toLowerCase() || head[0] === head[0].toUpperCase()) return false;
  if (COMPOUND_FIRST.has(tail.toLowerCase()) || COMPOUND_SECOND.has(head.toLowerCase())) return false;
  // « a-t-\nil »: the line ends inside an inverted-subject compound.
  if (before.endsWith('-t-')) return false;
  return true;
}

const SENTENCE_END = /[.!?…:;]["»”’)\]]*$/;
const LIST_ITEM = /^(?:- |\d{1,2}[.)] |[a-zA-Z][.)] )/;
const TABLE_ROW = / \| /;

/**
 * Whether two consecutive lines of a paragraph belong to one sentence broken by the page layout. With
 * `reflow`, the parser vouches that the lines are one paragraph: a sentence ending a line does not end it.
 */
function continuesSentence(previous: string, next: string, reflow: boolean): boolean {
  if ((!reflow && SENTENCE_END.test(previous)) || LIST_ITEM.test(next)) return false;
  if (TABLE_ROW.test(previous) || TABLE_ROW.test(next)) return false;
  return true;
}

export interface NormalizeOptions {
  /** Drop running headers/footers and lone page numbers (laid-out pages only). */
  stripRunningLines: boolean;
  /** Join lines broken mid-sentence inside a paragraph (laid-out or hard-wrapped text). */
  joinLines: boolean;
  /**
   * The parser found paragraphs from the layout (PDF): every line of a paragraph is joined, not only
   * those broken mid-sentence. List items and table rows stay lines of their own.
   */
  reflow?: boolean;
  /** Lines never dropped as running headers (e.g. headings the parser is sure about), by page. */
  keep?: (line: string, page: number) => boolean;
}

/**
 * Normalises page texts for review and quoting: character clean-up, hyphenation undone, running
 * headers/footers and page numbers dropped, broken lines joined, paragraphs kept as blank-line-separated
 * blocks. Page numbering is unchanged (a page may become empty).
 */
export function normalizePages(pages: PageText[], options: NormalizeOptions): PageText[] {
  let lines = pages.map((p) => splitLines(p.text));
  if (options.stripRunningLines) {
    const keep = (line: string, index: number) =>
      isAnnexHeading(line) || (options.keep?.(line, pages[index].page) ?? false);
    lines = stripRunningLines(lines, keep);
  }
  return pages.map((p, i) => ({
    page: p.page,
    text: joinParagraphs(lines[i], options.joinLines, options.reflow ?? false),
  }));
}

/** Lines of a page after character clean-up; blank lines kept (they separate paragraphs). */
function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => normalizeInline(l).replace(BULLET, '- '));
}

/** Indices of the first/last `n` non-blank lines of a page. */
function edgeIndices(lines: string[], n: number): number[] {
  const filled = lines.flatMap((l, i) => (l === '' ? [] : [i]));
  return [...new Set([...filled.slice(0, n), ...filled.slice(-n)])];
}

const EDGE_LINES = 2;

/**
 * Drops lone page numbers at the top/bottom of pages, and lines repeated (digits ignored) at the
 * top/bottom of at least half the pages (and at least 3, or both pages of a two-page document): running headers and footers. Only the first
 * and last two lines of each page as laid out are candidates, so removing a footer never exposes the
 * body text above it to the same treatment.
 */
export function stripRunningLines(
  pages: string[][],
  keep: (line: string, pageIndex: number) => boolean = () => false,
): string[][] {
  const edges = pages.map((lines) => edgeIndices(lines, EDGE_LINES));
  const result = pages.map((lines, index) =>
    lines.map((line, i) =>
      edges[index].includes(i) && isPageNumberLine(line) && !keep(line, index) ? '' : line,
    ),
  );
  if (pages.length < 2) return result;
  const key = (line: string) => line.toLowerCase().replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  result.forEach((lines, index) => {
    const seen = new Set(edges[index].filter((i) => lines[i] !== '').map((i) => key(lines[i])));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  // Two pages: a line at the edge of both is running (a title is on the first page only).
  const threshold = pages.length === 2 ? 2 : Math.max(3, Math.ceil(pages.length / 2));
  const running = new Set([...counts].filter(([, n]) => n >= threshold).map(([k]) => k));
  return result.map((lines, index) =>
    lines.map((line, i) =>
      line !== '' && edges[index].includes(i) && running.has(key(line)) && !keep(line, index) ? '' : line,
    ),
  );
}

/**
 * Rebuilds a page: hyphenation undone (a compound split at its hyphen, « peut-\nêtre », is rejoined with
 * its hyphen), broken lines joined, one blank line between paragraphs.
 */
function joinParagraphs(lines: string[], joinLines: boolean, reflow: boolean): string {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === '') {
      if (paragraphs[paragraphs.length - 1].length > 0) paragraphs.push([]);
    } else paragraphs[paragraphs.length - 1].push(line);
  }
  return paragraphs
    .filter((p) => p.length > 0)
    .map((p) => joinLinesOf(p, joinLines, reflow).join('\n'))
    .join('\n\n');
}

function joinLinesOf(lines: string[], joinLines: boolean, reflow: boolean): string[] {
  const out: string[] = [lines[0]];
  for (const line of lines.slice(1)) {
    const previous = out[out.length - 1];
    if (isLineEndHyphenation(previous, line)) out[out.length - 1] = previous.slice(0, -1) + line;
    else if (previous.endsWith('-') && /\p{L}-$/u.test(previous.slice(-3)) && /^\p{L}/u.test(line))
      out[out.length - 1] = previous + line;
    else if (joinLines && continuesSentence(previous, line, reflow))
      out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
  }
  return out;
}
