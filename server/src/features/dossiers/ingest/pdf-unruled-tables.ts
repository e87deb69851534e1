/**
 * Tables without ruling lines (a Word or Google Docs table with its borders off, a CSS table without
 * borders, tab-aligned columns), found from column alignment alone, after the ruled tables
 * (`pdf-tables.ts`) have taken their items.
 *
 * The idea is Tabula's "stream" mode and pdfplumber's "text" table strategy: text that sits in columns
 * starts, line after line, at the same left edges, with wide gaps between the columns; prose does not.
 *
 * 1. Items are grouped into lines by baseline; a line is cut into segments at gaps wider than
 *    `SEGMENT_GAP_EM` (a list marker and its text stay one segment, a justified line painted word by word
 *    is one segment).
 * 2. A candidate table opens on a line of two segments or more: their left edges are its columns. The
 *    following lines join it while they are close (no paragraph-sized gap), of about the same size, and
 *    each of their segments fits one column: it starts at or after the column's left edge and ends before
 *    the next column's. A line crossing a column edge (prose across the page) ends it.
 * 3. It is a table when three of its lines or more have text in two columns or more; lines with text in
 *    the first column alone after its last row (a short line of prose that fitted it) are left out.
 * 4. Rows: when row spacing is wider than line spacing (cell padding) at two places or more, a gap wider
 *    than the block's line pitch starts a row, so a cell wrapped over several lines stays one cell.
 *    Otherwise a line with text in the first column starts a row and lines without continue it.
 * 5. Each cell's items are merged by `cellText` (lines joined, hyphenation undone), as in ruled tables,
 *    and the table takes the ruled tables' shape (`PageTable`), so rows read `a | b | c`, tables join
 *    across pages and their repeated header row is dropped in the same way.
 *
 * Two-column stretches of running text (`pdf-columns.ts`) are left alone: their lines also have two
 * segments; only a table of three columns or more is looked for there (a wide table's halves can pass
 * for two columns of text). Cheap: one pass over the page's lines, and nothing at all on a page with
 * fewer than three lines of two segments.
 */
import { readingSegments } from './pdf-columns';
import { isJustified, MARKER, type PositionedItem } from './pdf-lines';
import type { Rule } from './pdf-ops';
import { cellText, findTables, type PageTable } from './pdf-tables';

/** A gap wider than this many ems between two items of a line separates two columns. */
const SEGMENT_GAP_EM = 0.8;
/** A segment starting this many ems left of a column's edge is still in that column. */
const EDGE_TOLERANCE_EM = 0.3;
/** A gap between two lines wider than this many ems ends a table. */
const MAX_LINE_GAP_EM = 2.6;
/** Relative font size change that ends a table. */
const MAX_SIZE_CHANGE = 0.2;
/** Lines with text in two columns or more a table needs. */
const MIN_MULTI_LINES = 3;
/** A gap this much wider than the block's line pitch separates two rows. */
const ROW_GAP_RATIO = 1.25;

interface TextSegment {
  x0: number;
  x1: number;
  items: PositionedItem[];
}

interface TextLine {
  y: number;
  size: number;
  segments: TextSegment[];
}

/** Items grouped by baseline, top to bottom, left to right (as `pdf-lines.ts` groups them). */
function groupByBaseline(items: PositionedItem[]): PositionedItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y);
  const groups: PositionedItem[][] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const item of sorted) {
    if (groups.length > 0 && Math.abs(baseline - item.y) <= 0.45 * Math.max(size, item.size)) {
      groups[groups.length - 1].push(item);
      if (item.size > size) [size, baseline] = [item.size, item.y];
    } else {
      groups.push([item]);
      [baseline, size] = [item.y, item.size];
    }
  }
  return groups.map((g) => g.sort((a, b) => a.x - b.x));
}

/** A line cut at its wide gaps; a list marker stays with its text, a justified line stays whole. */
function segmentsOf(items: PositionedItem[]): TextSegment[] {
  const segments: TextSegment[] = [];
  const justified = isJustified(items);
  for (const item of items) {
    const last = segments[segments.length - 1];
    const gap = last ? item.x - last.x1 : 0;
    const em = Math.max(item.size, last?.items[last.items.length - 1].size ?? 0);
    // A wide gap after a list marker (« 1. », « • ») is its tab: the marker is only looked for there.
    const joins =
      last !== undefined &&
      (justified ||
        gap <= SEGMENT_GAP_EM * em ||
        (segments.length === 1 && MARKER.test(last.items.map((i) => i.str).join(''))));
    if (last && joins) {
      last.items.push(item);
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else segments.push({ x0: item.x, x1: item.x + item.width, items: [item] });
  }
  return segments;
}

function lineOf(items: PositionedItem[]): TextLine {
  const sizes = items.map((i) => i.size).sort((a, b) => a - b);
  return { y: items[0].y, size: sizes[Math.floor(sizes.length / 2)], segments: segmentsOf(items) };
}

/** The column each segment of `line` fits in (left to right, one segment a column), or null. */
function columnsOf(line: TextLine, edges: number[], rights: number[]): number[] | null {
  const tolerance = EDGE_TOLERANCE_EM * line.size;
  const out: number[] = [];
  for (const s of line.segments) {
    let k = edges.length - 1;
    while (k > 0 && s.x0 < edges[k] - tolerance) k--;
    if (s.x0 < edges[0] - tolerance) return null;
    const next = edges[k + 1];
    if (next !== undefined && s.x1 > next - tolerance) {
      // Right-aligned in the next column (a figure wider than its right-aligned header): it ends where
      // the column's first line ends.
      if (Math.abs(s.x1 - rights[k + 1]) > tolerance) return null;
      k++;
    }
    if (out.length > 0 && out[out.length - 1] >= k) return null;
    out.push(k);
  }
  return out;
}

interface Block {
  edges: number[];
  lines: TextLine[];
  /** Per line, the column of each segment. */
  columns: number[][];
}

/** The candidate table opening on `lines[start]`, as far as its lines fit its columns. */
function growBlock(lines: TextLine[], start: number): Block {
  const first = lines[start];
  const edges = first.segments.map((s) => s.x0);
  const rights = first.segments.map((s) => s.x1);
  const block: Block = { edges, lines: [first], columns: [edges.map((_, k) => k)] };
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j];
    const previous = block.lines[block.lines.length - 1];
    if (previous.y - line.y > MAX_LINE_GAP_EM * Math.max(previous.size, line.size)) break;
    if (Math.abs(line.size - first.size) > MAX_SIZE_CHANGE * first.size) break;
    const columns = columnsOf(line, edges, rights);
    if (columns === null) break;
    block.lines.push(line);
    block.columns.push(columns);
  }
  // A trailing line of text in the first column alone is prose that fitted it, not a row, unless it
  // follows at the table's line pitch where rows are spaced wider (the end of a wrapped first cell).
  const lone = (c: number[]) => c.length === 1 && c[0] === 0;
  const { pitch, spaced } = spacing(block.lines);
  while (block.lines.length > 1 && lone(block.columns[block.columns.length - 1])) {
    const n = block.lines.length;
    if (spaced && block.lines[n - 2].y - block.lines[n - 1].y <= ROW_GAP_RATIO * pitch) break;
    block.lines.pop();
    block.columns.pop();
  }
  return block;
}

/** The block's line pitch, and whether its rows are spaced wider than its lines at two places or more. */
function spacing(lines: TextLine[]): { gaps: number[]; pitch: number; spaced: boolean } {
  const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y);
  const pitch = Math.min(...gaps);
  return { gaps, pitch, spaced: gaps.filter((g) => g > ROW_GAP_RATIO * pitch).length >= 2 };
}

/** Lines grouped into rows: by row spacing when the table has some, else by the first column. */
function rowsOf(block: Block): number[][] {
  const { gaps, pitch, spaced } = spacing(block.lines);
  const rows: number[][] = [];
  block.lines.forEach((_, i) => {
    const startsRow =
      i === 0 || (spaced ? gaps[i - 1] > ROW_GAP_RATIO * pitch : block.columns[i].includes(0));
    if (startsRow) rows.push([i]);
    else rows[rows.length - 1].push(i);
  });
  return rows;
}

function tableOf(block: Block): PageTable {
  const n = block.edges.length;
  // One pass: each segment's items into its row's cell, and each column's content right edge (the
  // farthest its text reaches anywhere in the table).
  const rights: number[] = new Array(n).fill(Number.NEGATIVE_INFINITY);
  const all: PositionedItem[] = [];
  let x1 = Number.NEGATIVE_INFINITY;
  const rowLines = rowsOf(block);
  const cellItems = rowLines.map((row) => {
    const cells: PositionedItem[][] = Array.from({ length: n }, () => []);
    for (const i of row) {
      block.lines[i].segments.forEach((segment, s) => {
        const k = block.columns[i][s];
        cells[k].push(...segment.items);
        all.push(...segment.items);
        if (segment.x1 > rights[k]) rights[k] = segment.x1;
        if (segment.x1 > x1) x1 = segment.x1;
      });
    }
    return cells;
  });
  const rows = cellItems.map((cells) => cells.map((items, k) => cellText(items, block.edges[k], rights[k])));
  const rowY = rowLines.map((row) => block.lines[row[0]].y);
  const sizes = all.map((i) => Math.round(i.size * 2) / 2).sort((a, b) => a - b);
  const first = block.lines[0];
  const last = block.lines[block.lines.length - 1];
  return {
    top: first.y + first.size,
    bottom: last.y - 0.3 * last.size,
    x0: block.edges[0],
    x1,
    columns: [...block.edges, x1],
    rows,
    size: sizes[Math.floor(sizes.length / 2)] ?? 0,
    rowY,
    unruled: true,
  };
}

/** The tables in a stretch of the page with at least `minColumns` columns, and the items they hold. */
function tablesIn(lines: TextLine[], minColumns: number): { tables: PageTable[]; used: PositionedItem[] } {
  const tables: PageTable[] = [];
  const used: PositionedItem[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].segments.length < 2) {
      i++;
      continue;
    }
    const block = growBlock(lines, i);
    const multi = block.columns.filter((c) => c.length >= 2).length;
    if (multi < MIN_MULTI_LINES || block.edges.length < minColumns) {
      i++;
      continue;
    }
    tables.push(tableOf(block));
    for (const line of block.lines) for (const s of line.segments) used.push(...s.items);
    i += block.lines.length;
  }
  return { tables, used };
}

/** Width (points) of the buckets column edges are counted in, for the quick exit. */
const EDGE_BUCKET = 4;

/**
 * Quick exit: a table needs three lines cut by a wide gap whose second (or later) segments start, or end
 * (right-aligned figures), at the same place. Counted in buckets of a few points (even buckets for left
 * edges, odd ones for right edges; a neighbouring bucket counts too), one pass.
 */
function hasAlignedColumns(lines: TextLine[]): boolean {
  const counts = new Map<number, number>();
  let multi = 0;
  for (const { segments } of lines) {
    if (segments.length < 2) continue;
    multi++;
    const seen = new Set<number>();
    for (const s of segments.slice(1)) {
      seen.add(2 * Math.round(s.x0 / EDGE_BUCKET));
      seen.add(2 * Math.round(s.x1 / EDGE_BUCKET) + 1);
    }
    for (const b of seen) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  if (multi < MIN_MULTI_LINES) return false;
  for (const [b, n] of counts)
    if (n + Math.max(counts.get(b - 2) ?? 0, counts.get(b + 2) ?? 0) >= MIN_MULTI_LINES) return true;
  return false;
}

/** Tables without rules on a page, from the items no ruled table holds. */
export function findUnruledTables(items: PositionedItem[]): { tables: PageTable[]; rest: PositionedItem[] } {
  const inked = items.filter((i) => i.horizontal && i.str.trim() !== '');
  const lines = groupByBaseline(inked).map(lineOf);
  if (!hasAlignedColumns(lines)) return { tables: [], rest: items };
  const tables: PageTable[] = [];
  const used = new Set<PositionedItem>();
  const segments = readingSegments(inked);
  for (const segment of segments) {
    // A stretch `pdf-columns.ts` reads as two columns of running text may be a table of three columns or
    // more whose halves look like text; two columns there are the text's own.
    const minColumns = segment.columns.length === 1 ? 2 : 3;
    const own = segments.length === 1 ? lines : groupByBaseline(segment.columns.flat()).map(lineOf);
    const found = tablesIn(own, minColumns);
    tables.push(...found.tables);
    for (const item of found.used) used.add(item);
  }
  return { tables, rest: items.filter((i) => !used.has(i)) };
}

/** The page's tables: ruled ones from its rules, then unruled ones from the alignment of what is left. */
export function findPageTables(
  items: PositionedItem[],
  rules: Rule[],
): { tables: PageTable[]; rest: PositionedItem[] } {
  const ruled = findTables(items, rules);
  const unruled = findUnruledTables(ruled.rest);
  if (unruled.tables.length === 0) return ruled;
  return {
    tables: [...ruled.tables, ...unruled.tables].sort((a, b) => b.top - a.top),
    rest: unruled.rest,
  };
}
