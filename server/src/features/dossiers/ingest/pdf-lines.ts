/**
 * Rebuilds reading lines from positioned text items: items sharing a baseline form a line (so a table
 * row stays on one line, cells separated by ` | `), lines are read top to bottom, and a wider vertical
 * gap or a change of font size starts a new paragraph (a blank line).
 */
import { readingSegments } from './pdf-columns';
import type { Mark } from './pdf-ops';
import type { PageTable } from './pdf-tables';

export interface PositionedItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Effective font size. */
  size: number;
  /** False for rotated or vertical text, which is kept apart, in content order. */
  horizontal: boolean;
  /** pdfjs marks the last item of a line: the only line signal for text that is not horizontal. */
  hasEOL: boolean;
  /** Painted in a bold (or black, heavy, semibold) face. */
  bold?: boolean;
  /** A space item came just before this one (dropped as blank): the words are apart however close. */
  spaceBefore?: boolean;
}

export interface Line {
  text: string;
  /** Baseline of the line's main text. */
  y: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** Nearly all the line's characters are bold (a heading, a label), as opposed to a bold word in a sentence. */
  bold?: boolean;
  /** A blank line precedes this one (paragraph break). */
  paragraphStart: boolean;
  /** Left and right ends of the line's text. */
  x0: number;
  x1: number;
  /** Right edge of the column the line is set in, when the page has columns. */
  edge?: number;
  /** A table row: the line stands alone, a paragraph of its own, and reads its cells joined by ` | `. */
  table?: PageTable;
  cells?: string[];
}

/** A gap wider than this many ems between two items on one line separates table cells or tab stops. */
const CELL_GAP_EM = 1.2;
/** A gap wider than this many ems is a space. */
const SPACE_GAP_EM = 0.2;
/** A list marker or heading number, which a tab separates from its text: a space, not a cell. */
export const MARKER =
  /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXLC]{1,5}[.)]|[A-Za-z][.)]|[•●▪■◦○‣⁃∙►▶➢➤✓✔❖◆–—-]|[\uF0A7\uF0A8\uF0B7\uF0D8\uF0FC\uF076])$/;

/** Joins the items of one line: a space where glyphs leave a gap, ` | ` between table cells. */
export function joinItems(items: PositionedItem[]): string {
  const justified = isJustified(items);
  let text = '';
  let previous: PositionedItem | null = null;
  let cells = 0;
  for (const item of items) {
    if (previous === null) text = item.str;
    else {
      const gap = item.x - (previous.x + previous.width);
      const em = Math.max(previous.size, item.size);
      // Simulated bold: the same run painted twice, a fraction of a point apart.
      if (item.str === previous.str && Math.abs(item.x - previous.x) < em * 0.2) continue;
      if (gap > CELL_GAP_EM * em && !justified) {
        text += cells === 0 && MARKER.test(text.trim()) ? ' ' : ' | ';
        cells++;
      } else if ((gap > SPACE_GAP_EM * em || item.spaceBefore) && !/\s$/.test(text) && !/^\s/.test(item.str))
        text += ' ';
      text += item.str;
    }
    previous = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A justified line of a narrow column, painted word by word: three or more wide gaps, all about as wide
 * (justification stretches every space alike), between single words. Its gaps are spaces, not cells.
 */
export function isJustified(items: PositionedItem[]): boolean {
  if (items.length < 4 || items.some((i) => /\S\s+\S/.test(i.str.trim()))) return false;
  const gaps: number[] = [];
  for (let k = 1; k < items.length; k++) {
    const gap = items[k].x - (items[k - 1].x + items[k - 1].width);
    if (gap > SPACE_GAP_EM * Math.max(items[k].size, items[k - 1].size)) gaps.push(gap);
  }
  if (gaps.length < 3 || gaps.length < items.length - 1) return false;
  return Math.max(...gaps) <= 1.3 * Math.min(...gaps);
}

/** Share of a line's characters that must be bold for the line to count as bold. */
const BOLD_SHARE = 0.8;

function isBoldLine(items: PositionedItem[]): boolean {
  let bold = 0;
  let all = 0;
  for (const i of items) {
    const n = i.str.replace(/\s/g, '').length;
    all += n;
    if (i.bold) bold += n;
  }
  return all > 0 && bold >= BOLD_SHARE * all;
}

function dominantSize(items: PositionedItem[]): number {
  const weights = new Map<number, number>();
  for (const i of items) {
    const key = Math.round(i.size * 2) / 2;
    weights.set(key, (weights.get(key) ?? 0) + i.str.length);
  }
  return [...weights].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** What the page draws besides its text: tables already read, its width, bullets drawn as shapes. */
export interface PageLayout {
  tables?: PageTable[];
  pageWidth?: number;
  marks?: Mark[];
}

/** Whether a bullet shape sits just left of a line, at its height: the line is a list item. */
function hasBullet(line: Line, marks: Mark[]): boolean {
  return marks.some(
    (m) =>
      m.x < line.x0 &&
      m.x > line.x0 - 3 * line.size &&
      m.y >= line.y - 0.1 * line.size &&
      m.y <= line.y + 0.8 * line.size,
  );
}

/** A lone footnote number (« 1 ») set a little above its note's first line. */
const NOTE_NUMBER = /^\d{1,3}$/;

/** Groups items into lines by baseline, top to bottom, items left to right. */
function groupLines(items: PositionedItem[]): Line[] {
  // Stable sort: top to bottom, content order kept within a baseline until x-sorting below.
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.y - a.item.y || a.index - b.index);
  const groups: PositionedItem[][] = [];
  let baseline = Number.NaN;
  let groupSize = 0;
  for (const { item } of sorted) {
    const tolerance = 0.45 * Math.max(item.size, groupSize);
    if (groups.length > 0 && Math.abs(baseline - item.y) <= tolerance) {
      groups[groups.length - 1].push(item);
      if (item.size > groupSize) {
        groupSize = item.size;
        baseline = item.y;
      }
    } else {
      groups.push([item]);
      baseline = item.y;
      groupSize = item.size;
    }
  }
  const lines: Line[] = groups
    .map((g) => {
      const ordered = [...g].sort((a, b) => a.x - b.x);
      const size = dominantSize(ordered);
      const main = ordered.find((i) => Math.round(i.size * 2) / 2 === size) ?? ordered[0];
      const x1 = Math.max(...ordered.map((i) => i.x + i.width));
      return {
        text: joinItems(ordered),
        y: main.y,
        size,
        bold: isBoldLine(ordered),
        paragraphStart: false,
        x0: ordered[0].x,
        x1,
      };
    })
    .filter((l) => l.text !== '');
  // A footnote's number raised above its first line (LibreOffice sets it apart): one line again, so the
  // note reads « 1 Chiffres issus… » and the number is not taken for a page number.
  return lines.filter((line, i) => {
    const next = lines[i + 1];
    const joins =
      next !== undefined &&
      NOTE_NUMBER.test(line.text) &&
      line.size <= next.size &&
      line.y - next.y > 0 &&
      line.y - next.y < 0.8 * next.size &&
      next.x0 >= line.x1 - 1 &&
      next.x0 - line.x1 < 2 * next.size;
    if (joins) {
      next.text = `${line.text} ${next.text}`;
      next.x0 = line.x0;
    }
    return !joins;
  });
}

/**
 * Groups items into lines by baseline and orders them for reading: top to bottom, a two-column stretch
 * column by column (`pdf-columns.ts`); table rows take their place by height.
 */
export function buildLines(items: PositionedItem[], layout: PageLayout = {}): Line[] {
  const { tables = [], pageWidth = 0, marks = [] } = layout;
  const horizontal = items.filter((i) => i.horizontal && i.str.trim() !== '');
  // Units keep their lines together when sorted by height: a line, a table row, a stretch of columns.
  const units: { top: number; lines: Line[] }[] = [];
  for (const segment of readingSegments(horizontal, tables)) {
    if (segment.columns.length === 1) {
      for (const line of groupLines(segment.columns[0])) units.push({ top: line.y, lines: [line] });
      continue;
    }
    const lines = segment.columns.flatMap((column, k) =>
      groupLines(column).map((line) => ({ ...line, edge: segment.edges[k] })),
    );
    if (lines.length > 0) units.push({ top: Math.max(...lines.map((l) => l.y)), lines });
  }
  for (const table of tables) {
    table.rows.forEach((cells, r) => {
      const row: Line = {
        text: cells.join(' | '),
        y: table.rowY[r],
        size: table.size,
        paragraphStart: true,
        x0: table.x0,
        x1: table.x1,
        table,
        cells,
      };
      units.push({ top: row.y, lines: [row] });
    });
  }
  // Stable: lines of one baseline keep their order.
  units.sort((a, b) => b.top - a.top);
  const lines = units.flatMap((u) => u.lines);
  for (const line of lines)
    if (marks.length > 0 && !line.table && hasBullet(line, marks)) line.text = `- ${line.text}`;
  markParagraphs(lines, pageWidth);
  // Rotated text (margin notes, vertical labels) cannot be placed in the flow: appended after it, its
  // lines cut where pdfjs saw their end.
  let rotated = '';
  for (const item of items.filter((i) => !i.horizontal)) {
    rotated += item.str;
    if (item.hasEOL || item === items[items.length - 1]) {
      const text = rotated.replace(/\s+/g, ' ').trim();
      if (text !== '') lines.push({ text, y: item.y, size: item.size, paragraphStart: true, x0: 0, x1: 0 });
      rotated = '';
    }
  }
  if (rotated.trim() !== '')
    lines.push({
      text: rotated.replace(/\s+/g, ' ').trim(),
      y: 0,
      size: 0,
      paragraphStart: true,
      x0: 0,
      x1: 0,
    });
  return lines;
}

interface Pitch {
  gap: number;
  size: number;
  n: number;
}

/**
 * The page's line pitch per font size: the most frequent gap between consecutive lines of that size
 * (lines within a paragraph repeat it). A size whose gaps never repeat (one-line paragraphs, headings)
 * borrows the page's most frequent pitch, scaled to its size. Null when no gap repeats at all.
 */
function linePitches(lines: Line[]): { bySize: Map<number, Pitch>; main: Pitch } | null {
  const counts = new Map<string, Pitch>();
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y;
    if (lines[i - 1].size === lines[i].size && gap > 0 && gap <= 2.5 * lines[i].size) {
      const rounded = Math.round(gap * 2) / 2;
      const key = `${rounded}:${lines[i].size}`;
      const c = counts.get(key) ?? { gap: rounded, size: lines[i].size, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  }
  const ranked = [...counts.values()].filter((c) => c.n >= 2).sort((a, b) => b.n - a.n || a.gap - b.gap);
  if (ranked.length === 0) return null;
  const bySize = new Map<number, Pitch>();
  for (const c of ranked) if (!bySize.has(c.size)) bySize.set(c.size, c);
  return { bySize, main: ranked[0] };
}

const LIST_START =
  /^(?:[•●▪■□◦○‣⁃∙►▶➢➤✓✔❖◆◇–—-]|[➔→](?!\s*\d)|\d{1,2}[.)]|[a-zA-Z][.)]|[\uF0A7\uF0A8\uF0B7\uF0D8\uF0E0\uF0FC\uF076\uF06C\uF06E])(?:\s|$)/;
const SENTENCE_END = /[.!?…:;]["»”’)\]]*$/;
/** A sentence that ends, not one that announces what follows (« Équipe : »). */
const FULL_STOP = /[.!?…]["»”’)\]]*$/;
/** Relative font size change that starts a paragraph (a 11.5 pt heading over 10.5 pt text is one). */
const SIZE_CHANGE = 0.06;
/** A line shorter than this share of its column's width, ending a sentence, ends its paragraph. */
const SHORT_LINE = 0.85;
/** A line shorter than this share of its column's width, followed by a capital, ends its paragraph. */
const HEADING_LINE = 0.6;

/**
 * Whether the first word of `line` would have fitted at the end of `previous` (widths estimated from the
 * line's mean character width): if so, a word processor did not wrap there, the writer broke the line.
 */
function firstWordFits(previous: Line, line: Line, edge: number): boolean {
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  if (word === '' || line.text.length === 0) return false;
  const charWidth = (line.x1 - line.x0) / line.text.length;
  return previous.x1 + charWidth * (word.length + 1) < edge - 0.5 * charWidth;
}

/**
 * A paragraph starts where the gap to the previous line clearly exceeds the line pitch, where the font
 * size changes (a heading and its text are different paragraphs), where the previous line ends a
 * sentence well short of the column's right edge (word processors that leave no space between
 * paragraphs), or where the line is indented against the previous one (first-line indent).
 */
function markParagraphs(lines: Line[], pageWidth: number): void {
  const pitches = linePitches(lines);
  // The right edge of the text column a line belongs to: the farthest line end among lines starting
  // at about the same place, and at least the left margin mirrored (a page of short lines).
  const body = lines.filter((l) => !l.table && l.size > 0);
  const leftMargin = Math.min(...body.map((l) => l.x0));
  const rightEdge = (l: Line) =>
    l.edge ??
    Math.max(
      pageWidth - leftMargin,
      ...body.filter((o) => Math.abs(o.x0 - l.x0) <= 2 * l.size).map((o) => o.x1),
    );
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1];
    const line = lines[i];
    if (line.table || previous.table) {
      line.paragraphStart = true;
      continue;
    }
    const em = Math.max(previous.size, line.size);
    // Lines of one size keep their own leading; larger lines without one (a heading wrapped over two
    // lines) keep the body's in proportion.
    const own = previous.size === line.size ? pitches?.bySize.get(line.size) : undefined;
    const main = pitches?.main;
    const scale = previous.size === line.size && main ? Math.max(1, em / main.size) : 1;
    const expected = Math.max(own ? own.gap : main ? main.gap * scale : em * 1.2, em);
    const gap = previous.y - line.y;
    const sizeChange = Math.abs(previous.size - line.size) > SIZE_CHANGE * Math.min(previous.size, line.size);

    const width = rightEdge(previous) - previous.x0;
    const length = previous.x1 - previous.x0;
    // A colon or semicolon followed by a lower-case word that did not fit after it: the word processor
    // wrapped a sentence that runs on (« Marseille (2016 – 2020): / negotiation with… »).
    const endsSentence =
      SENTENCE_END.test(previous.text) &&
      (FULL_STOP.test(previous.text) ||
        !/^\p{Ll}/u.test(line.text) ||
        firstWordFits(previous, line, rightEdge(previous)));
    // A line ending a sentence short of the edge ends its paragraph; a much shorter line followed by a
    // capital (a run-in heading such as « 2.1 Méthode » in the body's size) too.
    const endsShort =
      width > 0 &&
      ((endsSentence && length < SHORT_LINE * width) ||
        (length < HEADING_LINE * width && /^[\p{Lu}\p{N}«"(]/u.test(line.text)));
    // A bold line and a regular one are a heading (or a label) and its text, unless the sentence runs on
    // to the next line (a bold phrase wrapped in a sentence fills its line to the edge).
    const weightChange =
      Boolean(previous.bold) !== Boolean(line.bold) &&
      /^[\p{Lu}\p{N}«"(]/u.test(line.text) &&
      (FULL_STOP.test(previous.text) || firstWordFits(previous, line, rightEdge(previous)));
    const indented = line.x0 - previous.x0 > 0.8 * em && line.x0 - previous.x0 < 6 * em;
    // List items are lines of their own anyway: only spacing makes them separate paragraphs.
    const layoutBreak = !LIST_START.test(line.text) && (endsShort || (indented && endsSentence));
    line.paragraphStart = gap > expected * 1.3 || sizeChange || weightChange || layoutBreak;
  }
}

/**
 * The page's text: lines separated by newlines, paragraphs by a blank line; a table's rows are one
 * block, a row per line.
 */
export function linesToText(lines: Line[]): string {
  return lines
    .map((l, i) => {
      const text = l.cells ? l.cells.join(' | ') : l.text;
      const sameTable = l.table !== undefined && lines[i - 1]?.table === l.table;
      return i > 0 && l.paragraphStart && !sameTable ? `\n${text}` : text;
    })
    .join('\n');
}
