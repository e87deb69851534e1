/**
 * What a page draws besides text that the layout analysis reads: rules (table borders) and bullet marks,
 * from the paths of the operator list, in page space; and the bounds of filled shapes and images, which
 * tell white text on a coloured background from white text on the page.
 */
import type { Matrix } from './pdf-ops';

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * A straight horizontal or vertical rule in page space (PDF user space, y up): a stroked line or a
 * thin filled rectangle. Tables are drawn with them.
 */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A small filled dot or square in page space: a list bullet drawn as a shape, not as a glyph. */
export interface Mark {
  x: number;
  y: number;
  size: number;
}

/** What a page draws besides text that the layout analysis reads. */
export interface PageShapes {
  rules: Rule[];
  marks: Mark[];
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function boundsOf(ctm: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const pts = [apply(ctm, x0, y0), apply(ctm, x1, y0), apply(ctm, x0, y1), apply(ctm, x1, y1)];
  return {
    x0: Math.min(...pts.map((p) => p[0])),
    y0: Math.min(...pts.map((p) => p[1])),
    x1: Math.max(...pts.map((p) => p[0])),
    y1: Math.max(...pts.map((p) => p[1])),
  };
}

/** Below this (points), a filled shape is a rule or a border, not a background text could sit on. */
export const MIN_BACKGROUND = 3;
/** Path operators inside pdfjs's flattened path data (`DrawOPS`). */
const PATH_MOVE = 0;
const PATH_LINE = 1;
const PATH_CURVE = 2;
const PATH_QUAD = 3;
const PATH_CLOSE = 4;
/** A rule shorter than this (points) is a tick or a glyph part, not a table border. */
const MIN_RULE = 6;
/** A filled dot or square this size (points) is a bullet. */
const MIN_MARK = 1.5;
const MAX_MARK = 8;
/** How far from axis-aligned (points) a segment may be and still count as a rule. */
const AXIS_TOLERANCE = 1;

/**
 * The straight axis-aligned segments of a path (page space), plus thin filled rectangles as rules.
 * Curves break the chain: a rounded shape is not a table border.
 */
export function shapesOfPath(
  ctm: Matrix,
  data: ArrayLike<number>,
  filled: boolean,
  shapes: PageShapes,
): void {
  const out = shapes.rules;
  const push = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = apply(ctm, ax, ay);
    const [x1, y1] = apply(ctm, bx, by);
    const horizontal = Math.abs(y1 - y0) <= AXIS_TOLERANCE && Math.abs(x1 - x0) >= MIN_RULE;
    const vertical = Math.abs(x1 - x0) <= AXIS_TOLERANCE && Math.abs(y1 - y0) >= MIN_RULE;
    if (horizontal || vertical)
      out.push({ x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) });
  };
  const points: [number, number][] = [];
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  const segments: [number, number, number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === PATH_MOVE || op === PATH_LINE) {
      const p: [number, number] = [data[i + 1], data[i + 2]];
      if (op === PATH_LINE && current) segments.push([current[0], current[1], p[0], p[1]]);
      else start = p;
      current = p;
      points.push(p);
      i += 3;
    } else if (op === PATH_CURVE) {
      current = [data[i + 5], data[i + 6]];
      points.push([data[i + 1], data[i + 2]], [data[i + 3], data[i + 4]], current);
      i += 7;
    } else if (op === PATH_QUAD) {
      current = [data[i + 3], data[i + 4]];
      points.push([data[i + 1], data[i + 2]], current);
      i += 5;
    } else if (op === PATH_CLOSE) {
      if (current && start) segments.push([current[0], current[1], start[0], start[1]]);
      current = start;
      i += 1;
    } else return;
  }
  if (!filled) {
    for (const [ax, ay, bx, by] of segments) push(ax, ay, bx, by);
    return;
  }
  // A filled shape: only a thin bar is a rule (its long axis); a cell's background is not.
  if (points.length < 3) return;
  const r = boundsOf(
    ctm,
    Math.min(...points.map((p) => p[0])),
    Math.min(...points.map((p) => p[1])),
    Math.max(...points.map((p) => p[0])),
    Math.max(...points.map((p) => p[1])),
  );
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (w >= MIN_MARK && w <= MAX_MARK && h >= MIN_MARK && h <= MAX_MARK && Math.abs(w - h) <= 1) {
    shapes.marks.push({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2, size: Math.max(w, h) });
    return;
  }
  if (h < MIN_BACKGROUND && w >= MIN_RULE)
    out.push({ x0: r.x0, y0: (r.y0 + r.y1) / 2, x1: r.x1, y1: (r.y0 + r.y1) / 2 });
  else if (w < MIN_BACKGROUND && h >= MIN_RULE)
    out.push({ x0: (r.x0 + r.x1) / 2, y0: r.y0, x1: (r.x0 + r.x1) / 2, y1: r.y1 });
}
