/**
 * Reads a pdfjs operator list to find what the text layer alone cannot tell: the colour text is painted
 * in (white on white), whether it is painted at all (render mode 3, fill alpha 0), and where each glyph
 * lands (outside the page). Pure: pdfjs is not imported here, only its operator codes are passed in.
 */

export type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m1 × m2` in PDF's row-vector convention (pdfjs `Util.transform`). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The operator codes this module needs (pdfjs `OPS`). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  beginText: number;
  setFont: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setLeading: number;
  setTextRise: number;
  setTextRenderingMode: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  showText: number;
  showSpacedText: number;
  nextLineShowText: number;
  nextLineSetSpacingShowText: number;
  setFillRGBColor: number;
  setFillGray: number;
  setFillCMYKColor: number;
  setFillColor: number;
  setFillColorN: number;
  setGState: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  paintSolidColorImageMask: number;
  beginAnnotation: number;
  endAnnotation: number;
  fill: number;
  eoFill: number;
  stroke: number;
  closeStroke: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

export type HiddenPaint = 'white_text' | 'invisible_text';

export interface Glyph {
  text: string;
  x: number;
  y: number;
  /** Glyphs pdfjs keeps in the text layer: origin inside the page box (its own test). */
  inView: boolean;
  /** Glyphs of annotation appearances are not in the page's text content. */
  inAnnotation: boolean;
  hidden: HiddenPaint | null;
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

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface GState {
  ctm: Matrix;
  fillWhite: boolean;
  fillAlpha: number;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
}

const WHITE_MIN = 0.94;

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function matrixFrom(args: unknown[]): Matrix | null {
  const source = args.length >= 6 ? args : (args[0] as ArrayLike<unknown> | null | undefined);
  if (source === null || source === undefined || typeof source !== 'object' || source.length < 6) return null;
  const m = Array.from({ length: 6 }, (_, i) => num(source[i], Number.NaN));
  return m.every(Number.isFinite) ? (m as Matrix) : null;
}

function isWhiteHexColor(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) return false;
  return m.slice(1).every((c) => Number.parseInt(c, 16) / 255 >= WHITE_MIN);
}

/** Whether a fill colour operator sets (near) white; pdfjs turns most of them into an RGB hex string. */
function fillIsWhite(fn: number, args: unknown[], ops: OpCodes): boolean {
  const comps = args.map((a) => num(a, Number.NaN));
  if (fn === ops.setFillRGBColor) {
    if (typeof args[0] === 'string') return isWhiteHexColor(args[0]);
    return comps.length === 3 && comps.every((c) => (c > 1 ? c / 255 : c) >= WHITE_MIN);
  }
  if (fn === ops.setFillGray) return comps[0] >= WHITE_MIN;
  if (fn === ops.setFillCMYKColor) return comps.length === 4 && comps.every((c) => c <= 1 - WHITE_MIN);
  if (fn === ops.setFillColor) {
    if (comps.length === 1) return comps[0] >= WHITE_MIN;
    if (comps.length === 3) return comps.every((c) => c >= WHITE_MIN);
    if (comps.length === 4) return comps.every((c) => c <= 1 - WHITE_MIN);
  }
  // Patterns and unknown colour spaces: assume visible.
  return false;
}

function boundsOf(ctm: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const pts = [apply(ctm, x0, y0), apply(ctm, x1, y0), apply(ctm, x0, y1), apply(ctm, x1, y1)];
  return {
    x0: Math.min(...pts.map((p) => p[0])),
    y0: Math.min(...pts.map((p) => p[1])),
    x1: Math.max(...pts.map((p) => p[0])),
    y1: Math.max(...pts.map((p) => p[1])),
  };
}

/** Below this (points), a filled shape is a rule or a border, not a background text could sit on. */
const MIN_BACKGROUND = 3;
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
function shapesOfPath(ctm: Matrix, data: ArrayLike<number>, filled: boolean, shapes: PageShapes): void {
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

interface GlyphArg {
  unicode?: unknown;
  width?: unknown;
  isSpace?: unknown;
}

/**
 * Walks an operator list and returns every glyph painted, in content order, with its position in page
 * space and whether it is hidden by its paint: white (or near-white) fill with no coloured shape or
 * image drawn under it, or not painted at all (render mode 3/7, fill alpha 0) outside an image (OCR text
 * over a scan is invisible by design and stays visible text).
 */
export function analyzeOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpCodes,
  view: [number, number, number, number],
  /** When given, receives the page's rules (table borders) and bullet marks, in page space. */
  shapes?: PageShapes,
): Glyph[] {
  const glyphs: Glyph[] = [];
  const backgrounds: Rect[] = [];
  const images: Rect[] = [];
  const stack: GState[] = [];
  let gs: GState = {
    ctm: IDENTITY,
    fillWhite: false,
    fillAlpha: 1,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    renderMode: 0,
  };
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let annotationDepth = 0;
  const [vx0, vy0, vx1, vy1] = view;

  const moveText = (x: number, y: number) => {
    tlm = multiply(tlm, [1, 0, 0, 1, x, y]);
    tm = tlm;
  };
  const under = (rects: Rect[], x: number, y: number) =>
    rects.some((r) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1);

  const showText = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (typeof item === 'number') {
        tm = multiply(tm, [1, 0, 0, 1, (-item / 1000) * gs.fontSize * gs.hScale, 0]);
        continue;
      }
      if (item === null || typeof item !== 'object') continue;
      const glyph = item as GlyphArg;
      const trm = multiply(gs.ctm, tm);
      const [x, y] = apply(trm, 0, gs.rise);
      const text = typeof glyph.unicode === 'string' ? glyph.unicode : '';
      let hidden: HiddenPaint | null = null;
      if (text.trim() !== '') {
        // Probe inside the glyph box rather than on its baseline, where a background may just end.
        const size = Math.hypot(trm[2], trm[3]) * gs.fontSize;
        const [px, py] = [x + size * 0.25, y + size * 0.3];
        const unpainted = gs.renderMode % 4 === 3 || gs.fillAlpha < 0.05;
        if (unpainted && !under(images, px, py)) hidden = 'invisible_text';
        else if (!unpainted && gs.fillWhite && !under(backgrounds, px, py) && !under(images, px, py))
          hidden = 'white_text';
      }
      const width = num(glyph.width) / 1000;
      glyphs.push({
        text,
        x,
        y,
        inView: x + width * gs.fontSize >= vx0 && x <= vx1 && y >= vy0 && y <= vy1,
        inAnnotation: annotationDepth > 0,
        hidden,
      });
      const advance =
        (width * gs.fontSize + gs.charSpacing + (glyph.isSpace === true ? gs.wordSpacing : 0)) * gs.hScale;
      tm = multiply(tm, [1, 0, 0, 1, advance, 0]);
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const raw = argsArray[i];
    const args: unknown[] = Array.isArray(raw) ? raw : [];
    switch (fn) {
      case ops.save:
      case ops.paintFormXObjectBegin:
        stack.push({ ...gs });
        if (fn === ops.paintFormXObjectBegin) {
          const m = matrixFrom(args);
          if (m) gs.ctm = multiply(gs.ctm, m);
        }
        break;
      case ops.restore:
      case ops.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case ops.transform: {
        const m = matrixFrom(args);
        if (m) gs.ctm = multiply(gs.ctm, m);
        break;
      }
      case ops.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case ops.setFont:
        gs.fontSize = num(args[1], gs.fontSize);
        break;
      case ops.setCharSpacing:
        gs.charSpacing = num(args[0]);
        break;
      case ops.setWordSpacing:
        gs.wordSpacing = num(args[0]);
        break;
      case ops.setHScale:
        gs.hScale = num(args[0], 100) / 100;
        break;
      case ops.setLeading:
        gs.leading = num(args[0]);
        break;
      case ops.setTextRise:
        gs.rise = num(args[0]);
        break;
      case ops.setTextRenderingMode:
        gs.renderMode = num(args[0]);
        break;
      case ops.setTextMatrix: {
        const m = matrixFrom(args);
        if (m) {
          tm = m;
          tlm = m;
        }
        break;
      }
      case ops.moveText:
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.setLeadingMoveText:
        gs.leading = -num(args[1]);
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.nextLine:
        moveText(0, -gs.leading);
        break;
      case ops.showText:
      case ops.showSpacedText:
        showText(args[0]);
        break;
      case ops.nextLineShowText:
        moveText(0, -gs.leading);
        showText(args[0]);
        break;
      case ops.nextLineSetSpacingShowText:
        gs.wordSpacing = num(args[0]);
        gs.charSpacing = num(args[1]);
        moveText(0, -gs.leading);
        showText(args[2]);
        break;
      case ops.setFillRGBColor:
      case ops.setFillGray:
      case ops.setFillCMYKColor:
      case ops.setFillColor:
      case ops.setFillColorN:
        gs.fillWhite = fillIsWhite(fn, args, ops);
        break;
      case ops.setGState:
        for (const entry of Array.isArray(args[0]) ? args[0] : []) {
          if (Array.isArray(entry) && entry[0] === 'ca') gs.fillAlpha = num(entry[1], 1);
        }
        break;
      case ops.constructPath: {
        const paint = num(args[0], -1);
        const fills = [
          ops.fill,
          ops.eoFill,
          ops.fillStroke,
          ops.eoFillStroke,
          ops.closeFillStroke,
          ops.closeEOFillStroke,
        ];
        const mm = args[2] as ArrayLike<unknown> | null | undefined;
        if (shapes) {
          const data = (Array.isArray(args[1]) ? args[1][0] : null) as ArrayLike<number> | null | undefined;
          const strokes = [
            ops.stroke,
            ops.closeStroke,
            ops.fillStroke,
            ops.eoFillStroke,
            ops.closeFillStroke,
            ops.closeEOFillStroke,
          ];
          if (data && typeof data === 'object' && typeof data.length === 'number') {
            if (strokes.includes(paint)) shapesOfPath(gs.ctm, data, false, shapes);
            else if ((paint === ops.fill || paint === ops.eoFill) && !gs.fillWhite)
              shapesOfPath(gs.ctm, data, true, shapes);
          }
        }
        if (fills.includes(paint) && !gs.fillWhite && mm && typeof mm === 'object' && mm.length >= 4) {
          const r = boundsOf(gs.ctm, num(mm[0]), num(mm[1]), num(mm[2]), num(mm[3]));
          if (r.x1 - r.x0 >= MIN_BACKGROUND && r.y1 - r.y0 >= MIN_BACKGROUND) backgrounds.push(r);
        }
        break;
      }
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject:
      case ops.paintImageXObjectRepeat:
        images.push(boundsOf(gs.ctm, 0, 0, 1, 1));
        break;
      case ops.paintImageMaskXObject:
      case ops.paintSolidColorImageMask:
        if (!gs.fillWhite) backgrounds.push(boundsOf(gs.ctm, 0, 0, 1, 1));
        break;
      case ops.beginAnnotation:
        annotationDepth++;
        break;
      case ops.endAnnotation:
        annotationDepth = Math.max(0, annotationDepth - 1);
        break;
      default:
        break;
    }
  }
  return glyphs;
}

export interface ItemSplit {
  /** The item's text without its hidden characters. */
  visible: string;
  /** Hidden runs of the item, in order. */
  hidden: { kind: HiddenPaint; text: string }[];
}

const WINDOW = 64;
const RESYNC = 12;

/**
 * Maps text-content items back to the painted glyphs (same content order, whitespace ignored, NFKC keys
 * so ligatures match) and splits each item into its visible and hidden parts. pdfjs merges runs with no
 * regard for colour, so one item can hold visible and white text: the split is per character. Unmatched
 * characters are kept visible: when in doubt, text is not removed.
 */
export function splitItems(items: string[], glyphs: Glyph[]): ItemSplit[] {
  const stream: { c: string; hidden: HiddenPaint | null }[] = [];
  for (const g of glyphs) {
    if (!g.inView || g.inAnnotation) continue;
    for (const c of g.text.normalize('NFKC').replace(/\s+/g, '')) stream.push({ c, hidden: g.hidden });
  }
  // Code units, so the string and the array share indices for the resync search.
  const flat: { c: string; hidden: HiddenPaint | null }[] = [];
  for (const s of stream) for (let k = 0; k < s.c.length; k++) flat.push({ c: s.c[k], hidden: s.hidden });
  const haystack = flat.map((s) => s.c).join('');
  let p = 0;

  const locate = (unit: string, ahead: string): number => {
    for (let q = p; q < Math.min(flat.length, p + WINDOW); q++) if (flat[q].c === unit) return q;
    return haystack.indexOf(ahead, p);
  };

  return items.map((str) => {
    const keys = [...str].map((ch) => (/\s/.test(ch) ? '' : ch.normalize('NFKC').replace(/\s+/g, '')));
    const allKeys = keys.join('');
    let consumed = 0;
    const classes = keys.map((key) => {
      let cls: HiddenPaint | null | undefined;
      for (let k = 0; k < key.length; k++) {
        const at = locate(key[k], allKeys.slice(consumed, consumed + RESYNC));
        consumed++;
        if (at >= 0) {
          cls ??= flat[at].hidden;
          p = at + 1;
        }
      }
      return cls ?? null;
    });
    return rebuild([...str], keys, classes);
  });
}

function rebuild(chars: string[], keys: string[], classes: (HiddenPaint | null)[]): ItemSplit {
  let visible = '';
  const hidden: ItemSplit['hidden'] = [];
  let lastKind: HiddenPaint | null = null;
  chars.forEach((ch, i) => {
    if (keys[i] === '') {
      // Whitespace follows the text it sits in.
      if (lastKind === null) visible += ch;
      else hidden[hidden.length - 1].text += ch;
      return;
    }
    const kind = classes[i];
    if (kind === null) {
      if (lastKind !== null && visible !== '' && !/\s$/.test(visible)) visible += ' ';
      visible += ch;
    } else if (lastKind === kind) hidden[hidden.length - 1].text += ch;
    else hidden.push({ kind, text: ch });
    lastKind = kind;
  });
  return { visible, hidden: hidden.map((h) => ({ kind: h.kind, text: h.text.trim() })) };
}
