/**
 * Rebuilds reading lines from positioned text items: items sharing a baseline form a line (so a table
 * row stays on one line, cells separated by ` | `), lines are read top to bottom, and a wider vertical
 * gap or a change of font size starts a new paragraph (a blank line).
 */

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
}

export interface Line {
  text: string;
  /** Baseline of the line's main text. */
  y: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** A blank line precedes this one (paragraph break). */
  paragraphStart: boolean;
}

/** A gap wider than this many ems between two items on one line separates table cells or tab stops. */
const CELL_GAP_EM = 1.2;
/** A gap wider than this many ems is a space. */
const SPACE_GAP_EM = 0.2;
/** A list marker or heading number, which a tab separates from its text: a space, not a cell. */
const MARKER =
  /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXLC]{1,5}[.)]|[A-Za-z][.)]|[•●▪■◦○‣⁃∙►▶➢➤✓✔❖◆–—-]|[\uF0A7\uF0A8\uF0B7\uF0D8\uF0FC\uF076])$/;

function joinItems(items: PositionedItem[]): string {
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
      if (gap > CELL_GAP_EM * em) {
        text += cells === 0 && MARKER.test(text.trim()) ? ' ' : ' | ';
        cells++;
      } else if (gap > SPACE_GAP_EM * em && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      text += item.str;
    }
    previous = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function dominantSize(items: PositionedItem[]): number {
  const weights = new Map<number, number>();
  for (const i of items) {
    const key = Math.round(i.size * 2) / 2;
    weights.set(key, (weights.get(key) ?? 0) + i.str.length);
  }
  return [...weights].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** Groups items into lines by baseline and orders them for reading. */
export function buildLines(items: PositionedItem[]): Line[] {
  const horizontal = items.filter((i) => i.horizontal && i.str.trim() !== '');
  // Stable sort: top to bottom, content order kept within a baseline until x-sorting below.
  const sorted = horizontal
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
  const lines = groups
    .map((g) => {
      const ordered = [...g].sort((a, b) => a.x - b.x);
      const size = dominantSize(ordered);
      const main = ordered.find((i) => Math.round(i.size * 2) / 2 === size) ?? ordered[0];
      return { text: joinItems(ordered), y: main.y, size, paragraphStart: false };
    })
    .filter((l) => l.text !== '');
  markParagraphs(lines);
  // Rotated text (margin notes, vertical labels) cannot be placed in the flow: appended after it, its
  // lines cut where pdfjs saw their end.
  let rotated = '';
  for (const item of items.filter((i) => !i.horizontal)) {
    rotated += item.str;
    if (item.hasEOL || item === items[items.length - 1]) {
      const text = rotated.replace(/\s+/g, ' ').trim();
      if (text !== '') lines.push({ text, y: item.y, size: item.size, paragraphStart: true });
      rotated = '';
    }
  }
  if (rotated.trim() !== '')
    lines.push({ text: rotated.replace(/\s+/g, ' ').trim(), y: 0, size: 0, paragraphStart: true });
  return lines;
}

/**
 * The page's line pitch: the most frequent gap between consecutive lines of the same size (lines within
 * a paragraph repeat it), or 1.2 em when no gap repeats (a page of one-line paragraphs).
 */
function linePitch(lines: Line[]): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y;
    if (lines[i - 1].size === lines[i].size && gap > 0 && gap <= 2.5 * lines[i].size) {
      const key = Math.round(gap * 2) / 2;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best !== undefined && best[1] >= 2 ? best[0] : null;
}

/**
 * A paragraph starts where the gap to the previous line clearly exceeds the line pitch, or where the
 * font size changes (a heading and its text are different paragraphs).
 */
function markParagraphs(lines: Line[]): void {
  const pitch = linePitch(lines);
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1];
    const line = lines[i];
    const em = Math.max(previous.size, line.size);
    const expected = Math.max(pitch ?? em * 1.2, em);
    const gap = previous.y - line.y;
    const sizeChange = Math.abs(previous.size - line.size) > 0.15 * Math.min(previous.size, line.size);
    line.paragraphStart = gap > expected * 1.3 || sizeChange;
  }
}

/** The page's text: lines separated by newlines, paragraphs by a blank line. */
export function linesToText(lines: Line[]): string {
  return lines.map((l, i) => (i > 0 && l.paragraphStart ? `\n${l.text}` : l.text)).join('\n');
}
