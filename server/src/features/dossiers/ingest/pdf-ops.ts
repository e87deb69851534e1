/**
 * Reads a pdfjs operator list in one walk: the page's text runs (`pdf-runs.ts`), each glyph's paint — the
 * colour text is painted in (white on white), whether it is painted at all (render mode 3, fill alpha 0),
 * and where it lands (outside the page) — and the shapes drawn (`pdf-shapes.ts`). Pure: pdfjs is not
 * imported here, only its operator codes are passed in.
 */

import { type FontFacts, type GlyphArg, RunBuilder, type TextRun, type TextState } from './pdf-runs';
import { boundsOf, MIN_BACKGROUND, type PageShapes, type Rect, shapesOfPath } from './pdf-shapes';

export type { Mark, PageShapes, Rule } from './pdf-shapes';

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
  beginMarkedContent: number;
  beginMarkedContentProps: number;
  endMarkedContent: number;
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

/** The graphics state the walk keeps: the text state (shared with the run builder) and the fill. */
interface GState extends Omit<TextState, 'tm' | 'tlm'> {
  fillWhite: boolean;
  fillAlpha: number;
  leading: number;
  renderMode: number;
}

const WHITE_MIN = 0.94;

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function matrixFrom(args: unknown[]): Matrix | null {
  const source = args.length >= 6 ? args : (args[0] as ArrayLike<unknown> | null | undefined);
  if (source === null || source === undefined || typeof source !== 'object' || source.length < 6) return null;
  const m: Matrix = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 6; i++) {
    const v = source[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    m[i] = v;
  }
  return m;
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

type WalkText = GState & Pick<TextState, 'tm' | 'tlm'>;

/** What one walk over a page's operator list finds. */
export interface OperatorReading {
  /** The page's text runs (pdfjs text items), each split into its visible and hidden parts. */
  runs: TextRun[];
  /** Text painted outside the page box (pdfjs leaves it out of the text): runs of glyphs, in order. */
  offPage: string[];
  /** Rules (table borders) and bullet marks, in page space. */
  shapes: PageShapes;
}

export interface ReadOptions {
  /** The font pdfjs loaded under a name (`setFont`'s first argument), or null when it is unknown. */
  fontOf: (loadedName: string) => FontFacts | null;
  /** pdfjs's `normalizeUnicode` (ligatures, compatibility characters). */
  normalize: (text: string) => string;
}

const PAINTS_FILL = (ops: OpCodes) => [
  ops.fill,
  ops.eoFill,
  ops.fillStroke,
  ops.eoFillStroke,
  ops.closeFillStroke,
  ops.closeEOFillStroke,
];
const PAINTS_STROKE = (ops: OpCodes) => [
  ops.stroke,
  ops.closeStroke,
  ops.fillStroke,
  ops.eoFillStroke,
  ops.closeFillStroke,
  ops.closeEOFillStroke,
];

/**
 * One walk over an operator list, in content order: the text state and the graphics state, the glyphs
 * shown (turned into text runs, each glyph's paint told: white or near-white fill with no coloured shape
 * or image drawn under it, or not painted at all — render mode 3/7, fill alpha 0 — outside an image, since
 * OCR text over a scan is invisible by design and stays visible text), and the shapes drawn.
 */
class OperatorWalker {
  private gs: GState = {
    ctm: IDENTITY,
    font: null,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    rise: 0,
    fillWhite: false,
    fillAlpha: 1,
    leading: 0,
    renderMode: 0,
  };
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  private readonly stack: GState[] = [];
  /** Text matrices around each form XObject: a form's text does not move the page's. */
  private readonly forms: [Matrix, Matrix][] = [];
  private readonly backgrounds: Rect[] = [];
  private readonly images: Rect[] = [];
  private annotationDepth = 0;
  private readonly fills: number[];
  private readonly strokes: number[];
  readonly runs: RunBuilder;
  readonly shapes: PageShapes = { rules: [], marks: [] };
  readonly offPage: string[] = [];
  private offRun = '';
  private offY = Number.NaN;
  /** The text state of the show-text operator being read, for `visit`. */
  private showing: WalkText | null = null;
  /** `visitGlyph` on the text being shown: one function for the walk, not one per show-text operator. */
  private readonly visit = (unicode: string, width: number, t: Matrix) =>
    this.visitGlyph(this.showing as WalkText, unicode, width, t);

  constructor(
    private readonly ops: OpCodes,
    private readonly view: [number, number, number, number],
    private readonly options: ReadOptions,
  ) {
    this.runs = new RunBuilder(view, options.normalize);
    this.fills = PAINTS_FILL(ops);
    this.strokes = PAINTS_STROKE(ops);
  }

  step(fn: number, args: unknown[]): void {
    if (!this.stateOp(fn, args) && !this.textOp(fn, args)) this.paintOp(fn, args);
  }

  finish(): void {
    this.runs.flush();
    this.endOffRun();
  }

  /** Graphics state: save/restore, CTM, font and spacing, fill colour and alpha. */
  private stateOp(fn: number, args: unknown[]): boolean {
    const { ops, gs } = this;
    switch (fn) {
      case ops.save:
        this.stack.push({ ...gs });
        return true;
      case ops.paintFormXObjectBegin: {
        this.runs.enterForm();
        this.forms.push([this.tm, this.tlm]);
        this.stack.push({ ...gs });
        const m = matrixFrom(args);
        if (m) gs.ctm = multiply(gs.ctm, m);
        return true;
      }
      case ops.restore:
        this.gs = this.stack.pop() ?? gs;
        return true;
      case ops.paintFormXObjectEnd: {
        this.runs.leaveForm();
        this.gs = this.stack.pop() ?? gs;
        const text = this.forms.pop();
        if (text) [this.tm, this.tlm] = text;
        return true;
      }
      case ops.transform: {
        const m = matrixFrom(args);
        if (m) gs.ctm = multiply(gs.ctm, m);
        return true;
      }
      case ops.setFont:
        gs.font = typeof args[0] === 'string' ? this.options.fontOf(args[0]) : null;
        gs.fontSize = num(args[1], gs.fontSize);
        return true;
      case ops.setCharSpacing:
        gs.charSpacing = num(args[0]);
        return true;
      case ops.setWordSpacing:
        gs.wordSpacing = num(args[0]);
        return true;
      case ops.setHScale:
        gs.hScale = num(args[0], 100) / 100;
        return true;
      case ops.setLeading:
        gs.leading = num(args[0]);
        return true;
      case ops.setTextRise:
        gs.rise = num(args[0]);
        return true;
      case ops.setTextRenderingMode:
        gs.renderMode = num(args[0]);
        return true;
      case ops.setFillRGBColor:
      case ops.setFillGray:
      case ops.setFillCMYKColor:
      case ops.setFillColor:
      case ops.setFillColorN:
        gs.fillWhite = fillIsWhite(fn, args, ops);
        return true;
      case ops.setGState:
        for (const entry of Array.isArray(args[0]) ? args[0] : []) {
          if (!Array.isArray(entry)) continue;
          if (entry[0] === 'ca') gs.fillAlpha = num(entry[1], 1);
          if (entry[0] === 'Font') this.runs.flush();
        }
        return true;
      default:
        return false;
    }
  }

  /** Text objects, text positioning and the show-text operators. */
  private textOp(fn: number, args: unknown[]): boolean {
    const { ops, gs } = this;
    switch (fn) {
      case ops.beginText:
        this.tm = IDENTITY;
        this.tlm = IDENTITY;
        return true;
      case ops.setTextMatrix: {
        const m = matrixFrom(args);
        if (m) {
          this.tm = m;
          this.tlm = m;
          this.runs.updateAdvanceScale(this.textState());
        }
        return true;
      }
      case ops.moveText:
        this.moveText(num(args[0]), num(args[1]));
        return true;
      case ops.setLeadingMoveText:
        gs.leading = -num(args[1]);
        this.moveText(num(args[0]), num(args[1]));
        return true;
      case ops.nextLine:
        this.moveText(0, -gs.leading);
        return true;
      case ops.showText:
      case ops.showSpacedText:
        this.showText(args[0]);
        return true;
      case ops.nextLineShowText:
        this.moveText(0, -gs.leading);
        this.showText(args[0]);
        return true;
      case ops.nextLineSetSpacingShowText:
        gs.wordSpacing = num(args[0]);
        gs.charSpacing = num(args[1]);
        this.moveText(0, -gs.leading);
        this.showText(args[2]);
        return true;
      default:
        return false;
    }
  }

  /** Paths (rules, marks, backgrounds), images and annotation bounds. */
  private paintOp(fn: number, args: unknown[]): void {
    const { ops, gs } = this;
    switch (fn) {
      case ops.constructPath:
        this.constructPath(args);
        break;
      case ops.paintImageXObject:
      case ops.paintImageXObjectRepeat:
        // pdfjs's text pass ends its current item at any XObject (not at an inline image).
        this.runs.flush();
        this.images.push(boundsOf(gs.ctm, 0, 0, 1, 1));
        break;
      case ops.paintInlineImageXObject:
        this.images.push(boundsOf(gs.ctm, 0, 0, 1, 1));
        break;
      case ops.paintImageMaskXObject:
      case ops.paintSolidColorImageMask:
        this.runs.flush();
        if (!gs.fillWhite) this.backgrounds.push(boundsOf(gs.ctm, 0, 0, 1, 1));
        break;
      case ops.beginAnnotation:
        this.runs.flush();
        this.annotationDepth++;
        break;
      case ops.endAnnotation:
        this.annotationDepth = Math.max(0, this.annotationDepth - 1);
        break;
      case ops.beginMarkedContent:
      case ops.beginMarkedContentProps:
      case ops.endMarkedContent:
        // pdfjs's text pass ends its item at marked content (Chromium tags a ligature « ﬀ » so).
        this.runs.flush();
        break;
      default:
        break;
    }
  }

  private constructPath(args: unknown[]): void {
    const { gs } = this;
    const paint = num(args[0], -1);
    const data = (Array.isArray(args[1]) ? args[1][0] : null) as ArrayLike<number> | null | undefined;
    if (data && typeof data === 'object' && typeof data.length === 'number') {
      if (this.strokes.includes(paint)) shapesOfPath(gs.ctm, data, false, this.shapes);
      else if ((paint === this.ops.fill || paint === this.ops.eoFill) && !gs.fillWhite)
        shapesOfPath(gs.ctm, data, true, this.shapes);
    }
    const mm = args[2] as ArrayLike<unknown> | null | undefined;
    if (this.fills.includes(paint) && !gs.fillWhite && mm && typeof mm === 'object' && mm.length >= 4) {
      const r = boundsOf(gs.ctm, num(mm[0]), num(mm[1]), num(mm[2]), num(mm[3]));
      if (r.x1 - r.x0 >= MIN_BACKGROUND && r.y1 - r.y0 >= MIN_BACKGROUND) this.backgrounds.push(r);
    }
  }

  private moveText(x: number, y: number): void {
    const m = this.tlm;
    this.tlm = [m[0], m[1], m[2], m[3], m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
    this.tm = this.tlm;
  }

  /** The text state the run builder reads and advances (its `tm` is copied back after each show). */
  private textState(): WalkText {
    // Spelled out rather than spread: this runs for every show-text operator.
    const gs = this.gs;
    return {
      ctm: gs.ctm,
      font: gs.font,
      fontSize: gs.fontSize,
      charSpacing: gs.charSpacing,
      wordSpacing: gs.wordSpacing,
      hScale: gs.hScale,
      rise: gs.rise,
      fillWhite: gs.fillWhite,
      fillAlpha: gs.fillAlpha,
      leading: gs.leading,
      renderMode: gs.renderMode,
      tm: this.tm,
      tlm: this.tlm,
    };
  }

  /** A `Tj` or a `TJ` array: glyphs in pieces between the spacing numbers, as pdfjs's text pass reads them. */
  private showText(items: unknown): void {
    if (!Array.isArray(items)) return;
    const s = this.textState();
    const spaceFactor = ((s.font?.vertical ? 1 : -1) * s.fontSize) / 1000;
    let piece: GlyphArg[] = [];
    this.showing = s;
    const visit = this.visit;
    for (const item of items) {
      if (typeof item === 'number') {
        if (item === 0) continue;
        if (this.annotationDepth > 0) this.annotationGlyphs(s, piece, item * spaceFactor);
        else this.runs.show(s, piece, item * spaceFactor, visit);
        piece = [];
      } else if (item !== null && typeof item === 'object') piece.push(item as GlyphArg);
    }
    if (piece.length > 0) {
      if (this.annotationDepth > 0) this.annotationGlyphs(s, piece, 0);
      else this.runs.show(s, piece, 0, visit);
    }
    this.tm = s.tm;
  }

  /** Glyphs of an annotation's appearance are not the page's text: they only move the text matrix. */
  private annotationGlyphs(s: WalkText, glyphs: GlyphArg[], extraSpacing: number): void {
    this.endOffRun();
    let advance = extraSpacing;
    const scale = (s.font?.fontMatrix[0] ?? 0.001) * s.fontSize;
    for (const g of glyphs) {
      advance += (typeof g.width === 'number' ? g.width : 0) * scale + s.charSpacing;
      if (g.originalCharCode === 0x20) advance += s.wordSpacing;
    }
    s.tm = multiply(s.tm, [1, 0, 0, 1, advance * s.hScale, 0]);
  }

  /**
   * Every glyph shown, at its position, before the run builder takes it: collected when it falls outside the
   * page box, and its paint told (null: visible).
   */
  private visitGlyph(s: WalkText, unicode: string, width: number, t: Matrix): HiddenPaint | null {
    const x = t[4];
    const y = t[5];
    const view = this.view;
    if (x + width >= view[0] && x <= view[2] && y >= view[1] && y <= view[3]) {
      if (this.offRun !== '') this.endOffRun();
    } else {
      if (this.offRun !== '' && Math.abs(y - this.offY) > 1) this.offRun += ' ';
      this.offRun += unicode;
      this.offY = y;
    }
    const unpainted = s.renderMode % 4 === 3 || s.fillAlpha < 0.05;
    // Most glyphs are painted in a visible colour: nothing more to tell.
    if ((!unpainted && !s.fillWhite) || unicode.trim() === '') return null;
    // Probe inside the glyph box rather than on its baseline, where a background may just end.
    const size = Math.hypot(t[2], t[3]);
    const [px, py] = [x + size * 0.25, y + size * 0.3];
    if (unpainted && !under(this.images, px, py)) return 'invisible_text';
    if (!unpainted && s.fillWhite && !under(this.backgrounds, px, py) && !under(this.images, px, py))
      return 'white_text';
    return null;
  }

  private endOffRun(): void {
    if (this.offRun.trim() !== '') this.offPage.push(this.offRun);
    this.offRun = '';
  }
}

function under(rects: Rect[], x: number, y: number): boolean {
  return rects.some((r) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1);
}

/**
 * Reads a page's operator list once: its text runs with their visible and hidden parts, the text painted
 * off the page, and the rules and marks the layout analysis uses.
 */
export function readOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpCodes,
  view: [number, number, number, number],
  options: ReadOptions,
): OperatorReading {
  const walker = new OperatorWalker(ops, view, options);
  for (let i = 0; i < fnArray.length; i++) {
    const raw = argsArray[i];
    walker.step(fnArray[i], Array.isArray(raw) ? raw : []);
  }
  walker.finish();
  return { runs: walker.runs.runs, offPage: walker.offPage, shapes: walker.shapes };
}
