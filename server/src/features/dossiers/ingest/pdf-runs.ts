/**
 * Text runs built from the glyphs of a pdfjs operator list, the way pdfjs's own `getTextContent` builds its
 * text items (pdf.js `src/core/evaluator.js`, `getTextContent`, v5.6): a run goes on while glyphs follow each
 * other on one baseline in one font and size; a gap between a tenth of an em and 0.6 em inside a run is a
 * space, a wider one ends the run with a space item, a move to another line ends it with `hasEOL`;
 * whitespace glyphs are not kept but leave one space; ligatures and compatibility characters are
 * normalised (pdfjs's `normalizeUnicode`, given in). Reading the operator list once instead of running
 * pdfjs's text pass as well halves the work per page, and since each character comes from a glyph whose
 * paint is known, a run splits into its visible and hidden parts exactly (no alignment of two streams).
 * Same thresholds and order as pdfjs, so the lines built from the runs are the text pdfjs gave.
 */
import type { HiddenPaint, Matrix } from './pdf-ops';

/** What a run needs to know of a font (pdfjs's font object, read from `commonObjs`). */
export interface FontFacts {
  /** pdfjs's id of the loaded font (`g_d0_f1`): runs say which font they are painted in. */
  loadedName: string;
  /** The font's own name (`ABCDEF+Calibri-Bold`): two resources of one font do not cut a run. */
  name: string;
  vertical: boolean;
  /** Glyph space to text space; 1/1000 except for Type 3 fonts. */
  fontMatrix: Matrix;
}

/** The text state the walk keeps (PDF text state plus the CTM), shared with the run builder. */
export interface TextState {
  ctm: Matrix;
  /** Text matrix and text line matrix; replaced, never mutated in place, by the walk. */
  tm: Matrix;
  tlm: Matrix;
  font: FontFacts | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
}

/** One text item, as pdfjs's text content gives it, with its visible and hidden parts. */
export interface TextRun {
  /** The whole run's text (visible and hidden). */
  str: string;
  /** The run's text without its hidden characters. */
  visible: string;
  /** Hidden parts of the run, in order. */
  hidden: { kind: HiddenPaint; text: string }[];
  /** Text rendering matrix at the run's start (page space), font size included. */
  transform: Matrix;
  width: number;
  fontName: string | null;
  hasEOL: boolean;
}

/** A glyph of the operator list (pdfjs `Glyph`, structured-cloned). */
export interface GlyphArg {
  unicode?: unknown;
  width?: unknown;
  vmetric?: unknown;
  originalCharCode?: unknown;
}

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;
/** pdfjs's glyph categories (`getCharUnicodeCategory`), the same expression, quirks included. */
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const SPACE = 'space';

interface Category {
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}
const categories = new Map<string, Category>();
/** The same by code for one UTF-16 unit (most glyphs): a number is looked up faster than a string. */
const unitCategories = new Map<number, Category>();
function categoryOf(unicode: string): Category {
  if (unicode.length === 1) {
    const code = unicode.charCodeAt(0);
    let c = unitCategories.get(code);
    if (c === undefined) {
      c = categoryByExpression(unicode);
      unitCategories.set(code, c);
    }
    return c;
  }
  return categoryByExpression(unicode);
}

function categoryByExpression(unicode: string): Category {
  let c = categories.get(unicode);
  if (c === undefined) {
    const groups = SPECIAL_CHAR.exec(unicode);
    c = {
      isWhitespace: !!groups?.[1],
      isZeroWidthDiacritic: !!groups?.[2],
      isInvisibleFormatMark: !!groups?.[3],
    };
    categories.set(unicode, c);
  }
  return c;
}

/** `tm × [1 0 0 1 x y]`, a new matrix. */
function translated(m: Matrix, x: number, y: number): Matrix {
  return [m[0], m[1], m[2], m[3], m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdfjs `getCurrentTextTransform`: CTM × Tm × [size·hScale 0 0 size 0 rise]. */
export function textTransform(s: TextState): Matrix {
  const { tm, ctm } = s;
  const a = tm[0] * s.fontSize * s.hScale;
  const b = tm[1] * s.fontSize * s.hScale;
  const c = tm[2] * s.fontSize;
  const d = tm[3] * s.fontSize;
  const e = tm[2] * s.rise + tm[4];
  const f = tm[3] * s.rise + tm[5];
  return [
    ctm[0] * a + ctm[2] * b,
    ctm[1] * a + ctm[3] * b,
    ctm[0] * c + ctm[2] * d,
    ctm[1] * c + ctm[3] * d,
    ctm[0] * e + ctm[2] * f + ctm[4],
    ctm[1] * e + ctm[3] * f + ctm[5],
  ];
}

/** Scripts written right to left (pdfjs `bidi` counts these as R, AL or AN). */
const RTL = /[\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff]/;
const RTL_RUN =
  /[\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff](?:[\s\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff]*[\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff])?/g;
const reverse = (s: string) => [...s].reverse().join('');

/**
 * Right-to-left text is painted in visual order: back to reading order. A simplified bidi (pdfjs runs the
 * full algorithm): a run mostly right-to-left is reversed with its left-to-right stretches kept in order,
 * right-to-left stretches of a left-to-right run are reversed in place.
 */
export function logicalOrder(str: string): string {
  if (!RTL.test(str)) return str;
  const rtlChars = str.match(RTL_RUN)?.join('').replace(/\s/g, '').length ?? 0;
  if (rtlChars / str.length < 0.3 && str.length > 4) return str.replace(RTL_RUN, reverse);
  const parts = str.split(/([\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff\s]+)/);
  return parts
    .reverse()
    .map((p) => (RTL.test(p) ? reverse(p) : p))
    .join('');
}

/**
 * A run's characters back into its visible text and its hidden parts: whitespace goes with the text it
 * sits in; where visible text resumes after a hidden part, a space keeps the words apart.
 */
function splitVisible(chars: string[], kinds: (HiddenPaint | typeof SPACE | null)[]) {
  let visible = '';
  const hidden: TextRun['hidden'] = [];
  let lastKind: HiddenPaint | null = null;
  chars.forEach((ch, i) => {
    const kind = kinds[i];
    if (kind === SPACE) {
      if (lastKind === null) visible += ch;
      else hidden[hidden.length - 1].text += ch;
      return;
    }
    if (kind === null) {
      if (lastKind !== null && visible !== '' && !/\s$/.test(visible)) visible += ' ';
      visible += ch;
    } else if (lastKind === kind) hidden[hidden.length - 1].text += ch;
    else hidden.push({ kind, text: ch });
    lastKind = kind;
  });
  return { visible, hidden: hidden.map((h) => ({ kind: h.kind, text: h.text.trim() })) };
}

/** Builds a page's text runs from the glyphs shown, in content order (pdfjs's `textContentItem`). */
export class RunBuilder {
  readonly runs: TextRun[] = [];
  private initialized = false;
  private str: string[] = [];
  private kinds: (HiddenPaint | typeof SPACE | null)[] = [];
  private anyHidden = false;
  private totalWidth = 0;
  private totalHeight = 0;
  private width = 0;
  private height = 0;
  private vertical = false;
  private prevTransform: Matrix | null = null;
  private prevTextRise = 0;
  private textAdvanceScale = 0;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  private trackingSpaceMin = Number.POSITIVE_INFINITY;
  private negativeSpaceMax = Number.NEGATIVE_INFINITY;
  private notASpace = Number.NEGATIVE_INFINITY;
  private transform: Matrix | null = null;
  private fontName: string | null = null;
  private hasEOL = false;
  private twoLastChars = [' ', ' '];
  private twoLastCharsPos = 0;
  /** Font and size of the current run (pdfjs's `currentTextState`). */
  private runFont: { size: number; font: FontFacts | null } | null = null;
  private readonly saved: {
    prevTransform: Matrix | null;
    prevTextRise: number;
    twoLastChars: string[];
    twoLastCharsPos: number;
    runFont: { size: number; font: FontFacts | null } | null;
  }[] = [];

  constructor(
    private readonly view: [number, number, number, number],
    private readonly normalize: (s: string) => string,
  ) {}

  /**
   * Shows a string of glyphs (one piece of a `TJ` array) and then its spacing: pdfjs's
   * `buildTextContentItem`. `visit` sees every glyph at its position, before it is taken or skipped, with
   * its width, and tells its paint (null: painted).
   */
  show(
    s: TextState,
    glyphs: GlyphArg[],
    extraSpacing: number,
    visit: (unicode: string, width: number, transform: Matrix) => HiddenPaint | null,
  ): void {
    const font = s.font;
    if (font === null) return;
    this.checkFont(s, font);
    const baseCharSpacing = font.vertical ? -s.charSpacing : s.charSpacing;
    if (glyphs.length === 0) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) this.advance(s, font, charSpacing);
      return;
    }
    const scale = font.fontMatrix[0] * s.fontSize;
    // The text rendering matrix last computed, and the text matrix it was computed from: a glyph that
    // follows another with no spacing between them starts where the previous one's transform says.
    let lastTm: Matrix | null = null;
    let lastTransform: Matrix | null = null;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i];
      const unicode = typeof glyph.unicode === 'string' ? glyph.unicode : '';
      const current = s.tm === lastTm && lastTransform !== null ? lastTransform : textTransform(s);
      const kind = visit(unicode, (typeof glyph.width === 'number' ? glyph.width : 0) * scale, current);
      const category = categoryOf(unicode);
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = baseCharSpacing + (i + 1 === glyphs.length ? extraSpacing : 0);
      let glyphWidth = typeof glyph.width === 'number' ? glyph.width : 0;
      if (font.vertical) {
        const vmetric = glyph.vmetric as number[] | null | undefined;
        glyphWidth = Array.isArray(vmetric) ? vmetric[0] : -glyphWidth;
      }
      let scaledDim = glyphWidth * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += s.wordSpacing;
      if (category.isWhitespace) {
        this.advance(s, font, charSpacing + (font.vertical ? -scaledDim : scaledDim));
        this.saveLastChar(' ');
        continue;
      }
      if (!category.isZeroWidthDiacritic && !this.compareWithLastPosition(s, font, scaledDim, current)) {
        s.tm = font.vertical ? translated(s.tm, 0, scaledDim) : translated(s.tm, scaledDim * s.hScale, 0);
        continue;
      }
      this.ensureItem(s, font);
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      if (!font.vertical) {
        scaledDim *= s.hScale;
        s.tm = translated(s.tm, scaledDim, 0);
        this.width += scaledDim;
      } else {
        s.tm = translated(s.tm, 0, scaledDim);
        scaledDim = Math.abs(scaledDim);
        this.height += scaledDim;
      }
      if (scaledDim) {
        this.prevTransform = textTransform(s);
        this.prevTextRise = s.rise;
        lastTm = s.tm;
        lastTransform = this.prevTransform;
      }
      if (this.saveLastChar(unicode)) this.push(' ', SPACE);
      this.push(unicode, kind);
      if (charSpacing) this.advance(s, font, charSpacing);
    }
  }

  /**
   * A form XObject is read by pdfjs's text pass as a stream of its own: the run ends before it, and inside it
   * positions compare with nothing before; after it, the page goes on where it was.
   */
  enterForm(): void {
    this.flush();
    this.saved.push({
      prevTransform: this.prevTransform,
      prevTextRise: this.prevTextRise,
      twoLastChars: [...this.twoLastChars],
      twoLastCharsPos: this.twoLastCharsPos,
      runFont: this.runFont,
    });
    this.prevTransform = null;
    this.prevTextRise = 0;
    this.resetLastChars();
    this.runFont = null;
  }

  leaveForm(): void {
    this.flush();
    const saved = this.saved.pop();
    if (saved === undefined) return;
    this.prevTransform = saved.prevTransform;
    this.prevTextRise = saved.prevTextRise;
    this.twoLastChars = saved.twoLastChars;
    this.twoLastCharsPos = saved.twoLastCharsPos;
    this.runFont = saved.runFont;
  }

  /** A new text matrix may change the scale advances are measured in (pdfjs `updateAdvanceScale`). */
  updateAdvanceScale(s: TextState): void {
    if (!this.initialized) return;
    const scale = Math.hypot(s.tlm[0], s.tlm[1]) * Math.hypot(s.ctm[0], s.ctm[1]);
    if (scale === this.textAdvanceScale) return;
    if (!this.vertical) {
      this.totalWidth += this.width * this.textAdvanceScale;
      this.width = 0;
    } else {
      this.totalHeight += this.height * this.textAdvanceScale;
      this.height = 0;
    }
    this.textAdvanceScale = scale;
  }

  /** Ends the current run (an XObject or an image comes between, or the page ends). */
  flush(): void {
    if (!this.initialized) return;
    if (!this.vertical) this.totalWidth += this.width * this.textAdvanceScale;
    else this.totalHeight += this.height * this.textAdvanceScale;
    const str = logicalOrder(this.normalize(this.str.join('')));
    let visible: string;
    let hidden: TextRun['hidden'] = [];
    if (!this.anyHidden) visible = str;
    else {
      const chars: string[] = [];
      const kinds: (HiddenPaint | typeof SPACE | null)[] = [];
      this.str.forEach((piece, i) => {
        for (const ch of this.normalize(piece)) {
          chars.push(ch);
          kinds.push(/\s/.test(ch) ? SPACE : this.kinds[i]);
        }
      });
      const split = splitVisible(chars, kinds);
      visible = logicalOrder(split.visible);
      hidden = split.hidden.map((h) => ({ kind: h.kind, text: logicalOrder(h.text) }));
    }
    this.runs.push({
      str,
      visible,
      hidden,
      transform: this.transform as Matrix,
      width: Math.abs(this.totalWidth),
      fontName: this.fontName,
      hasEOL: this.hasEOL,
    });
    this.initialized = false;
    this.str = [];
    this.kinds = [];
    this.anyHidden = false;
  }

  private push(piece: string, kind: HiddenPaint | typeof SPACE | null): void {
    this.str.push(piece);
    this.kinds.push(kind);
    if (kind !== null && kind !== SPACE) this.anyHidden = true;
  }

  private advance(s: TextState, font: FontFacts, spacing: number): void {
    s.tm = font.vertical ? translated(s.tm, 0, -spacing) : translated(s.tm, spacing * s.hScale, 0);
  }

  /** A change of size, or of font (not merely of resource name), ends the run. */
  private checkFont(s: TextState, font: FontFacts): void {
    const current = this.runFont;
    if (current === null) {
      this.runFont = { size: s.fontSize, font };
      return;
    }
    const otherFont =
      current.font !== font &&
      (current.font === null || current.font.name !== font.name || current.font.vertical !== font.vertical);
    if (current.size !== s.fontSize || otherFont) {
      this.flush();
      this.runFont = { size: s.fontSize, font };
    }
  }

  private saveLastChar(char: string): boolean {
    const nextPos = (this.twoLastCharsPos + 1) % 2;
    const ret = this.twoLastChars[this.twoLastCharsPos] !== ' ' && this.twoLastChars[nextPos] === ' ';
    this.twoLastChars[this.twoLastCharsPos] = char;
    this.twoLastCharsPos = nextPos;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    return (
      this.twoLastChars[this.twoLastCharsPos] !== ' ' &&
      this.twoLastChars[(this.twoLastCharsPos + 1) % 2] === ' '
    );
  }

  private resetLastChars(): void {
    this.twoLastChars[0] = ' ';
    this.twoLastChars[1] = ' ';
    this.twoLastCharsPos = 0;
  }

  private ensureItem(s: TextState, font: FontFacts): void {
    if (this.initialized) return;
    this.fontName = font.loadedName;
    const trm = textTransform(s);
    this.transform = trm;
    if (!font.vertical) {
      this.width = this.totalWidth = 0;
      this.height = this.totalHeight = Math.hypot(trm[2], trm[3]);
      this.vertical = false;
    } else {
      this.width = this.totalWidth = Math.hypot(trm[0], trm[1]);
      this.height = this.totalHeight = 0;
      this.vertical = true;
    }
    this.textAdvanceScale = Math.hypot(s.tlm[0], s.tlm[1]) * Math.hypot(s.ctm[0], s.ctm[1]);
    const size = s.fontSize;
    this.trackingSpaceMin = size * TRACKING_SPACE_FACTOR;
    this.notASpace = size * NOT_A_SPACE_FACTOR;
    this.negativeSpaceMax = size * NEGATIVE_SPACE_FACTOR;
    this.spaceInFlowMin = size * SPACE_IN_FLOW_MIN_FACTOR;
    this.spaceInFlowMax = size * SPACE_IN_FLOW_MAX_FACTOR;
    this.hasEOL = false;
    this.initialized = true;
  }

  private pushWhitespace(width: number, transform: Matrix | null, fontName: string | null) {
    this.runs.push({
      str: ' ',
      visible: ' ',
      hidden: [],
      transform: transform as Matrix,
      width,
      fontName,
      hasEOL: false,
    });
  }

  private appendEOL(s: TextState): void {
    this.resetLastChars();
    if (this.initialized) {
      this.hasEOL = true;
      this.flush();
    } else {
      this.runs.push({
        str: '',
        visible: '',
        hidden: [],
        transform: textTransform(s),
        width: 0,
        fontName: s.font?.loadedName ?? null,
        hasEOL: true,
      });
    }
  }

  private addFakeSpaces(s: TextState, width: number, transform: Matrix | null, orientation: number): boolean {
    if (orientation * this.spaceInFlowMin <= width && width <= orientation * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.push(' ', SPACE);
      }
      return false;
    }
    const fontName = this.fontName;
    const w = this.vertical ? 0 : width;
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(w), transform ?? textTransform(s), fontName);
    return true;
  }

  /**
   * Where the next glyph stands against the end of the previous one: same run, a space, a new run or a new
   * line (pdfjs `compareWithLastPosition`). False when the glyph lies outside the page box.
   */
  private compareWithLastPosition(
    s: TextState,
    font: FontFacts,
    glyphWidth: number,
    current: Matrix,
  ): boolean {
    let posX = current[4];
    let posY = current[5];
    const [v0, v1, v2, v3] = this.view;
    if (font.vertical) {
      if (posX < v0 || posX > v2 || posY + glyphWidth < v1 || posY > v3) return false;
    } else if (posX + glyphWidth < v0 || posX > v2 || posY < v1 || posY > v3) return false;
    const prev = this.prevTransform;
    if (prev === null) return true;
    let lastPosX = prev[4];
    let lastPosY = prev[5];
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (current[0] && current[1] === 0 && current[2] === 0) rotate = current[0] > 0 ? 0 : 180;
    else if (current[1] && current[0] === 0 && current[3] === 0) rotate = current[1] > 0 ? 90 : 270;
    if (rotate === 90) {
      [posX, posY] = [posY, posX];
      [lastPosX, lastPosY] = [lastPosY, lastPosX];
    } else if (rotate === 180) [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
    else if (rotate === 270) {
      [posX, posY] = [-posY, -posX];
      [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
    } else if (rotate === -1) {
      [posX, posY] = inverseRotation(posX, posY, current);
      [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, prev);
    }
    if (font.vertical) return this.compareVertical(s, posX, posY, lastPosX, lastPosY);
    const advanceX = (posX - lastPosX) / this.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const orientation = Math.sign(this.width || this.totalWidth);
    if (advanceX < orientation * this.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * this.height) {
        this.appendEOL(s);
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    const riseDelta = s.rise - this.prevTextRise;
    const advanceYCorrected = riseDelta === 0 ? advanceY : advanceY - (current[3] / s.fontSize) * riseDelta;
    if (Math.abs(advanceYCorrected) > this.height) {
      this.appendEOL(s);
      return true;
    }
    if (advanceX <= orientation * this.notASpace) this.resetLastChars();
    if (advanceX <= orientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(advanceX), this.prevTransform, this.fontName);
      } else this.width += advanceX;
    } else if (!this.addFakeSpaces(s, advanceX, this.prevTransform, orientation)) {
      if (this.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(advanceX), this.prevTransform, this.fontName);
      } else this.width += advanceX;
    }
    if (Math.abs(advanceY) > this.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  private compareVertical(s: TextState, posX: number, posY: number, lastPosX: number, lastPosY: number) {
    const advanceY = (lastPosY - posY) / this.textAdvanceScale;
    const advanceX = posX - lastPosX;
    const orientation = Math.sign(this.height || this.totalHeight);
    if (advanceY < orientation * this.negativeSpaceMax) {
      if (Math.abs(advanceX) > 0.5 * this.width) {
        this.appendEOL(s);
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(advanceX) > this.width) {
      this.appendEOL(s);
      return true;
    }
    if (advanceY <= orientation * this.notASpace) this.resetLastChars();
    if (advanceY <= orientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(0, this.prevTransform, this.fontName);
      } else this.height += advanceY;
    } else if (!this.addFakeSpaces(s, advanceY, this.prevTransform, orientation)) {
      if (this.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(0, this.prevTransform, this.fontName);
      } else this.height += advanceY;
    }
    if (Math.abs(advanceX) > this.width * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }
}

function inverseRotation(x: number, y: number, m: Matrix): [number, number] {
  const scale = Math.hypot(m[0], m[1]);
  return [(m[0] * x + m[1] * y) / scale, (m[2] * x + m[3] * y) / scale];
}
