/**
 * Ruled tables on a PDF page: the grid comes from the rules the page draws (stroked lines, thin filled
 * bars), the text of each cell is gathered from the items inside it and its lines merged, so a row reads
 * as one line, cells in order, however many lines its cells wrap over. Pure: works on positioned items
 * and rules in reading space (y up), no pdfjs here.
 */
import { isLineEndHyphenation } from './normalize';
import { joinItems, type PositionedItem } from './pdf-lines';
import type { Rule } from './pdf-ops';

/** A table found on a page: rows of cell texts, top to bottom, and where it lies. */
export interface PageTable {
  /** Top and bottom of the grid (y up). */
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Column boundaries of the widest row, left to right (used to recognise a continuation). */
  columns: number[];
  rows: string[][];
  /** Font size of most of the table's text. */
  size: number;
  /** Baseline of the first text line of each row (for ordering among the page's lines). */
  rowY: number[];
  /** Found from column alignment (`pdf-unruled-tables.ts`): its right edge is where its text ends. */
  unruled?: boolean;
  /**
   * The header row of the table this one continues (set when joined to the page before), so a table over
   * three pages or more drops its repeated header on each of them, not only on the second.
   */
  continuedHeader?: string[];
}

/** Coordinates closer than this (points) are the same grid line. */
const SNAP = 2;
/** A word ending this close to its cell's edge (ems) was cut there, not wrapped whole. */
const CUT_WORD_EM = 0.8;
/** Bands thinner than this (points) are double borders, not rows or columns. */
const MIN_BAND = 4;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    if (out.length > 0 && v - out[out.length - 1] <= SNAP) continue;
    out.push(v);
  }
  return out;
}

/** Merges collinear rules that touch or overlap into longer ones. */
function mergeRules(rules: Rule[], horizontal: boolean): Rule[] {
  const key = (r: Rule) => (horizontal ? r.y0 : r.x0);
  const lo = (r: Rule) => (horizontal ? r.x0 : r.y0);
  const hi = (r: Rule) => (horizontal ? r.x1 : r.y1);
  const sorted = [...rules].sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  const out: Rule[] = [];
  for (const r of sorted) {
    const same = out.find(
      (o) => Math.abs(key(o) - key(r)) <= SNAP / 2 && lo(r) <= hi(o) + SNAP && hi(r) >= lo(o) - SNAP,
    );
    if (same === undefined) out.push({ ...r });
    else if (horizontal) {
      same.x0 = Math.min(same.x0, r.x0);
      same.x1 = Math.max(same.x1, r.x1);
    } else {
      same.y0 = Math.min(same.y0, r.y0);
      same.y1 = Math.max(same.y1, r.y1);
    }
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;
}

/** Groups rules into grids: horizontal and vertical rules connected by crossings. */
function grids(rules: Rule[]): { hs: Rule[]; vs: Rule[] }[] {
  const hs = mergeRules(
    rules.filter((r) => r.y1 - r.y0 <= SNAP),
    true,
  );
  const vs = mergeRules(
    rules.filter((r) => r.x1 - r.x0 <= SNAP),
    false,
  );
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(hs.length + j);
    });
  });
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>();
  [...hs, ...vs].forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { hs: [], vs: [] };
    if (i < hs.length) g.hs.push(r);
    else g.vs.push(r);
    groups.set(root, g);
  });
  return [...groups.values()].filter(
    (g) => cluster(g.hs.map((h) => h.y0)).length >= 2 && cluster(g.vs.map((v) => v.x0)).length >= 2,
  );
}

/** Vertical middle of an item's glyphs (its baseline plus about a third of its size). */
function middleY(item: PositionedItem): number {
  return item.y + item.size * 0.3;
}

function centerX(item: PositionedItem): number {
  return item.x + item.width / 2;
}

/**
 * A cell's text: its items grouped into lines by baseline, lines joined with a space, hyphenation undone.
 */
export function cellText(items: PositionedItem[], left: number, right: number): string {
  // Content edge: the cell's right border less the padding its text keeps from the left border.
  const padding = items.length > 0 ? Math.max(0, Math.min(...items.map((i) => i.x)) - left) : 0;
  const contentRight = right - padding;
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedItem[][] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0].y - item.y) <= 0.45 * Math.max(last[0].size, item.size)) last.push(item);
    else lines.push([item]);
  }
  let text = '';
  let previousLone = false;
  let previousEnd = 0;
  let previousSize = 0;
  for (const line of lines) {
    const ordered = line.sort((a, b) => a.x - b.x);
    const t = joinItems(ordered).replace(/ \| /g, ' ');
    if (t === '') continue;
    const end = Math.max(...ordered.map((i) => i.x + i.width));
    const lone = !t.includes(' ');
    if (text === '') text = t;
    else if (isLineEndHyphenation(text, t)) text = text.slice(0, -1) + t;
    else if (/[\p{L}\p{N}]-$/u.test(text) && /^[\p{L}\p{N}]/u.test(t)) text += t;
    else if (/^[).,;:!?»\]]/.test(t)) text += t;
    // A word too long for a narrow column is cut without a hyphen: a line holding one word that runs
    // to the cell's edge, within a glyph of it (a word wrapped whole leaves the room of a space and more),
    // continued in lower case, is that word's start.
    else if (
      previousLone &&
      /\p{L}$/u.test(text) &&
      /^\p{Ll}/u.test(t) &&
      contentRight - previousEnd < CUT_WORD_EM * previousSize
    )
      text += t;
    // A number cut the same way (« +0, » then « 4 pt », « +1 » then « 1,2 % »): a signed or decimal
    // figure alone on its line up to the edge, continued by digits.
    else if (
      previousLone &&
      /(?:^|\s)(?:[+\-−]\d+|[+\-−]?\d+[,.])$/u.test(text) &&
      /^\d/.test(t) &&
      contentRight - previousEnd < previousSize
    )
      text += t;
    else text += ` ${t}`;
    previousLone = lone;
    previousEnd = end;
    previousSize = Math.max(...ordered.map((i) => i.size));
  }
  return text;
}

/**
 * Finds the ruled tables of a page and returns them with the items they do not hold. A grid needs two
 * horizontal and two vertical rules that cross; a grid holding a single cell is a frame, not a table.
 */
export function findTables(
  items: PositionedItem[],
  rules: Rule[],
): { tables: PageTable[]; rest: PositionedItem[] } {
  const used = new Set<PositionedItem>();
  const tables: PageTable[] = [];
  const inked = items.filter((i) => i.str.trim() !== '');
  for (const g of grids(rules)) {
    const ys = cluster(g.hs.map((h) => h.y0)).reverse();
    const x0 = Math.min(...g.hs.map((h) => h.x0), ...g.vs.map((v) => v.x0));
    const x1 = Math.max(...g.hs.map((h) => h.x1), ...g.vs.map((v) => v.x0));
    const rows: string[][] = [];
    const rowY: number[] = [];
    const claimed: PositionedItem[] = [];
    let columns: number[] = [];
    for (let r = 0; r + 1 < ys.length; r++) {
      const [top, bottom] = [ys[r], ys[r + 1]];
      if (top - bottom < MIN_BAND) continue;
      const mid = (top + bottom) / 2;
      const bounds = cluster([
        x0,
        x1,
        ...g.vs.filter((v) => v.y0 - SNAP <= mid && v.y1 + SNAP >= mid).map((v) => v.x0),
      ]).filter((x, i, all) => i === 0 || x - all[i - 1] >= MIN_BAND);
      const inRow = inked.filter((i) => !used.has(i) && middleY(i) < top && middleY(i) > bottom);
      if (inRow.length === 0) continue;
      const cells: string[] = [];
      for (let c = 0; c + 1 < bounds.length; c++) {
        const inCell = inRow.filter((i) => centerX(i) >= bounds[c] && centerX(i) < bounds[c + 1]);
        cells.push(cellText(inCell, bounds[c], bounds[c + 1]));
      }
      if (cells.every((c) => c === '')) continue;
      for (const i of inRow)
        if (centerX(i) >= bounds[0] && centerX(i) < bounds[bounds.length - 1]) claimed.push(i);
      rows.push(cells);
      rowY.push(Math.max(...inRow.map((i) => i.y)));
      if (bounds.length > columns.length) columns = bounds;
    }
    if (rows.length === 0 || (rows.length === 1 && rows[0].length < 2) || columns.length < 3) continue;
    for (const i of claimed) used.add(i);
    const sizes = claimed.map((i) => Math.round(i.size * 2) / 2).sort((a, b) => a - b);
    const size = sizes[Math.floor(sizes.length / 2)] ?? 0;
    tables.push({ top: ys[0], bottom: ys[ys.length - 1], x0, x1, columns, rows, size, rowY });
  }
  return { tables: tables.sort((a, b) => b.top - a.top), rest: items.filter((i) => !used.has(i)) };
}

/** Whether `next` (top of a page) continues `previous` (bottom of the page before): same columns. */
export function continuesTable(previous: PageTable, next: PageTable): boolean {
  if (previous.columns.length !== next.columns.length) return false;
  // Without rules, a table's right edge is where its longest cell ends: only the columns' left edges count.
  if (previous.unruled || next.unruled)
    return previous.columns
      .slice(0, -1)
      .every((x, i) => Math.abs(x - previous.x0 - (next.columns[i] - next.x0)) <= 3 * SNAP);
  const widthA = previous.x1 - previous.x0;
  const widthB = next.x1 - next.x0;
  return (
    Math.abs(widthA - widthB) <= 3 * SNAP &&
    previous.columns.every((x, i) => Math.abs(x - previous.x0 - (next.columns[i] - next.x0)) <= 3 * SNAP)
  );
}

const key = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, ' ').trim().toLowerCase()).join('|');

/**
 * Joins the continuation of a table on the next page: its repeated header row is dropped, and a first
 * row whose cells all continue mid-sentence (a row the page break cut in two) is merged into the last
 * row. Returns the rows that stay on the next page.
 */
export function joinContinuation(previous: PageTable, next: PageTable): string[][] {
  let rows = next.rows;
  const header = previous.continuedHeader ?? previous.rows[0];
  next.continuedHeader = header;
  if (rows.length > 0 && header !== undefined && key(rows[0]) === key(header)) rows = rows.slice(1);
  const first = rows[0];
  const last = previous.rows[previous.rows.length - 1];
  if (
    first !== undefined &&
    last !== undefined &&
    first.length === last.length &&
    first.some((c) => c !== '') &&
    first.every((c) => c === '' || /^\p{Ll}/u.test(c))
  ) {
    first.forEach((c, i) => {
      if (c === '') return;
      if (isLineEndHyphenation(last[i], c)) last[i] = last[i].slice(0, -1) + c;
      else if (/\p{L}$/u.test(last[i]) && !c.includes(' ') && c.length <= 2) last[i] += c;
      else last[i] = last[i] === '' ? c : `${last[i]} ${c}`;
    });
    rows = rows.slice(1);
  }
  return rows;
}
