/**
 * Multi-column pages: finds the gutter of a page set in two columns and cuts the page into vertical
 * segments, each read whole (full-width text: titles, a table, a paragraph across the page) or column by
 * column. Pure: works on positioned items in reading space (y up).
 */
import type { PositionedItem } from './pdf-lines';

/** A stretch of the page read as one flow, or as columns left to right, each with its right edge. */
export interface Segment {
  columns: PositionedItem[][];
  /** Right edge of each column's text (where its lines wrap). */
  edges: number[];
}

/** Fewer items than this: not worth looking for columns. */
const MIN_ITEMS = 12;
/** Lines each column needs, so that a label and its value (an unruled two-column table) stay rows. */
const MIN_COLUMN_LINES = 4;
/** Share of its column's width the median line of a column must fill: columns hold running text. */
const MIN_FILL = 0.6;
/** Characters of a column's median line: running text, not table cells. */
const MIN_LINE_CHARS = 20;
/** Share of the text's width each column spans. */
const MIN_COLUMN_SHARE = 0.3;
/** The gutter lies in this middle share of the text's width. */
const GUTTER_ZONE = [0.3, 0.7] as const;
/** A gutter is at least this many ems of empty space. */
const MIN_GUTTER_EM = 0.8;

interface Band {
  top: number;
  bottom: number;
}

function baselines(items: PositionedItem[]): number[] {
  const ys = items.map((i) => i.y).sort((a, b) => b - a);
  const out: number[] = [];
  for (const y of ys) if (out.length === 0 || out[out.length - 1] - y > 2) out.push(y);
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Whether items hold a column of running text: enough lines, wide enough against the whole text, its
 * median line filling most of the column with a sentence's worth of characters.
 */
function isTextColumn(items: PositionedItem[], textWidth: number): boolean {
  const x0 = Math.min(...items.map((i) => i.x));
  const x1 = Math.max(...items.map((i) => i.x + i.width));
  const width = x1 - x0;
  if (width < MIN_COLUMN_SHARE * textWidth) return false;
  const lines = baselines(items).map((y) => items.filter((i) => Math.abs(i.y - y) <= 2));
  if (lines.length < MIN_COLUMN_LINES) return false;
  const fill = median(
    lines.map((l) => (Math.max(...l.map((i) => i.x + i.width)) - Math.min(...l.map((i) => i.x))) / width),
  );
  const chars = median(lines.map((l) => l.reduce((n, i) => n + i.str.length, 0)));
  return fill >= MIN_FILL && chars >= MIN_LINE_CHARS;
}

/**
 * The x of the emptiest vertical line in the middle of the text (fewest items crossing it, the nearest
 * the centre among equals), and the items that cross it. One sweep over the items, not one per x.
 */
function findGutter(items: PositionedItem[]): { x: number; crossers: PositionedItem[] } | null {
  const x0 = Math.min(...items.map((i) => i.x));
  const x1 = Math.max(...items.map((i) => i.x + i.width));
  const width = x1 - x0;
  if (width <= 0) return null;
  const lo = Math.ceil(x0 + GUTTER_ZONE[0] * width);
  const hi = Math.floor(x0 + GUTTER_ZONE[1] * width);
  if (hi < lo) return null;
  // Item i crosses every integer x with i.x < x < i.x + i.width.
  const delta = new Int32Array(hi - lo + 2);
  for (const i of items) {
    const a = Math.max(lo, Math.floor(i.x) + 1);
    const b = Math.min(hi, Math.ceil(i.x + i.width) - 1);
    if (a <= b) {
      delta[a - lo]++;
      delta[b - lo + 1]--;
    }
  }
  const center = (x0 + x1) / 2;
  let best = lo;
  let bestCount = Number.POSITIVE_INFINITY;
  let count = 0;
  for (let x = lo; x <= hi; x++) {
    count += delta[x - lo];
    if (count < bestCount || (count === bestCount && Math.abs(x - center) < Math.abs(best - center))) {
      best = x;
      bestCount = count;
    }
  }
  return { x: best, crossers: items.filter((i) => i.x < best && i.x + i.width > best) };
}

/**
 * Cuts a page into segments read in order, top to bottom. A two-column stretch needs an empty gutter
 * near the middle, at least four lines of running text on each side, and no line or table crossing it;
 * anything that crosses the gutter (a title, a full-width paragraph, a table) is a segment of its own.
 */
export function readingSegments(items: PositionedItem[], tables: Band[] = []): Segment[] {
  const single = (list: PositionedItem[]): Segment => ({
    columns: [list],
    edges: [Math.max(...list.map((i) => i.x + i.width))],
  });
  if (items.length < MIN_ITEMS) return [single(items)];
  const gutter = findGutter(items);
  if (gutter === null) return [single(items)];
  const textWidth = Math.max(...items.map((i) => i.x + i.width)) - Math.min(...items.map((i) => i.x));
  // Most pages have one column: not enough lines clear of the gutter on one side settles it.
  if (
    baselines(items.filter((i) => i.x + i.width <= gutter.x)).length < MIN_COLUMN_LINES ||
    baselines(items.filter((i) => i.x >= gutter.x)).length < MIN_COLUMN_LINES
  )
    return [single(items)];
  // Items on the baseline of a crossing item, or inside a table, belong to full-width text.
  const full = (i: PositionedItem) =>
    gutter.crossers.some((c) => Math.abs(c.y - i.y) <= 0.45 * Math.max(c.size, i.size)) ||
    tables.some((t) => i.y <= t.top && i.y >= t.bottom);
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.y - a.item.y || a.index - b.index);
  const runs: { full: boolean; items: PositionedItem[] }[] = [];
  for (const { item } of sorted) {
    const isFull = full(item);
    const last = runs[runs.length - 1];
    if (last && last.full === isFull) last.items.push(item);
    else runs.push({ full: isFull, items: [item] });
  }
  const segments: Segment[] = [];
  for (const run of runs) {
    const left = run.items.filter((i) => i.x + i.width <= gutter.x);
    const right = run.items.filter((i) => i.x >= gutter.x);
    const emptyGutter =
      left.length > 0 &&
      right.length > 0 &&
      Math.min(...right.map((i) => i.x)) - Math.max(...left.map((i) => i.x + i.width)) >=
        MIN_GUTTER_EM * Math.max(...run.items.map((i) => i.size));
    const columns =
      !run.full && emptyGutter && isTextColumn(left, textWidth) && isTextColumn(right, textWidth);
    const previous = segments[segments.length - 1];
    if (columns) {
      segments.push({
        columns: [left, right],
        edges: [Math.max(...left.map((i) => i.x + i.width)), Math.max(...right.map((i) => i.x + i.width))],
      });
    } else if (previous && previous.columns.length === 1) {
      previous.columns[0].push(...run.items);
    } else segments.push({ columns: [[...run.items]], edges: [0] });
  }
  for (const s of segments)
    if (s.columns.length === 1) s.edges = [Math.max(...s.columns[0].map((i) => i.x + i.width))];
  return segments;
}
