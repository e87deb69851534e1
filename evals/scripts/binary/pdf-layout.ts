/**
 * The pdf-lib page layout of a word-processor export: A4, 2.5 cm margins, wrapped text with French typography's
 * non-breaking rules, widow control, lists, tables that repeat their header row, hidden text, running header and
 * "Page n / N" footer.
 */
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { Block, Span } from '../../lib/source';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 70.87; // 2.5 cm
const TEXT_WIDTH = A4.width - 2 * MARGIN;
export const BODY = { size: 10.5, leading: 15.8, after: 6.5 };
export const TABLE = { size: 8.5, leading: 11, pad: 3.5 };
export const HEADINGS = {
  1: { size: 16, before: 6, after: 10 },
  2: { size: 13, before: 12, after: 6 },
  3: { size: 11.5, before: 8, after: 4 },
} as const;

/** Characters that Helvetica's WinAnsi encoding lacks, written as a word processor's PDF export would fall back. */
const WINANSI_FALLBACKS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '≈': '~',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2011': '-',
  '₂': '2',
  '−': '-',
};

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

/** One unbreakable word, possibly in several fonts (`**Total**,`). */
interface Token {
  parts: { text: string; font: PDFFont }[];
}

const tokenText = (t: Token) => t.parts.map((p) => p.text).join('');
const tokenWidth = (t: Token, size: number) =>
  t.parts.reduce((w, p) => w + p.font.widthOfTextAtSize(p.text, size), 0);

export class PdfLayout {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];
  readonly replaced = new Set<string>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  space(height: number) {
    this.y -= height;
  }

  sanitize(text: string): string {
    let out = '';
    for (const ch of text) {
      const fallback = WINANSI_FALLBACKS[ch];
      if (fallback !== undefined) {
        out += fallback;
        this.replaced.add(ch);
        continue;
      }
      try {
        this.fonts.regular.encodeText(ch);
        out += ch;
      } catch {
        out += '?';
        this.replaced.add(ch);
      }
    }
    return out;
  }

  fontFor(span: Span, forceBold = false): PDFFont {
    const bold = span.bold || forceBold;
    if (bold && span.italic) return this.fonts.boldItalic;
    if (bold) return this.fonts.bold;
    if (span.italic) return this.fonts.italic;
    return this.fonts.regular;
  }

  /**
   * Splits spans into breakable words. French typography keeps `:`, `;`, `?`, `!`, `»`, `%` and units with the
   * word before them, `«` with the word after, and digit groups (`1 214`) together, so no line starts with them.
   */
  tokens(spans: Span[], forceBold = false): Token[] {
    const words: Token[] = [];
    let current: Token = { parts: [] };
    for (const span of spans) {
      const font = this.fontFor(span, forceBold);
      const pieces = this.sanitize(span.text).split(/ +/);
      for (const [i, piece] of pieces.entries()) {
        if (i > 0 && current.parts.length > 0) {
          words.push(current);
          current = { parts: [] };
        }
        if (piece !== '') current.parts.push({ text: piece, font });
      }
    }
    if (current.parts.length > 0) words.push(current);

    const out: Token[] = [];
    for (const word of words) {
      const prev = out[out.length - 1];
      const text = tokenText(word);
      const prevText = prev ? tokenText(prev) : '';
      const glue =
        prev !== undefined &&
        (/^[:;!?»%]+[.,)]?$/.test(text) ||
          /^(k€|M€|Md€|€|%|pts?|h|j|t|km|m²|hl|kWh)[.,;:)]?$/.test(text) ||
          /(^|\s)«$/.test(prevText) ||
          (/(^|\s)\d{1,3}$/.test(prevText) && /^\d{3}(\D|$)/.test(text)));
      if (prev && glue)
        prev.parts.push({ text: ' ', font: word.parts[0]?.font ?? this.fonts.regular }, ...word.parts);
      else out.push(word);
    }
    return out;
  }

  /** Wraps tokens into lines no wider than `width`. */
  wrap(tokens: Token[], size: number, width: number): Token[][] {
    const lines: Token[][] = [];
    let line: Token[] = [];
    let used = 0;
    for (const token of tokens) {
      const w = tokenWidth(token, size);
      const space = line.length > 0 ? this.fonts.regular.widthOfTextAtSize(' ', size) : 0;
      if (line.length > 0 && used + space + w > width) {
        lines.push(line);
        line = [];
        used = 0;
      }
      used += (line.length > 0 ? space : 0) + w;
      line.push(token);
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  drawLine(line: Token[], x: number, y: number, size: number, color = rgb(0.1, 0.1, 0.1)) {
    let cx = x;
    for (const [i, token] of line.entries()) {
      if (i > 0) cx += this.fonts.regular.widthOfTextAtSize(' ', size);
      for (const part of token.parts) {
        this.page.drawText(part.text, { x: cx, y, size, font: part.font, color });
        cx += part.font.widthOfTextAtSize(part.text, size);
      }
    }
  }

  /** A block of wrapped text; lines flow onto the next page, keeping at least two lines together. */
  text(
    spans: Span[],
    opts: { size: number; leading: number; indent?: number; bold?: boolean; keepWith?: number },
  ) {
    const indent = opts.indent ?? 0;
    const lines = this.wrap(this.tokens(spans, opts.bold), opts.size, TEXT_WIDTH - indent);
    this.ensure(opts.leading * Math.min(lines.length, 2) + (opts.keepWith ?? 0));
    for (const [i, line] of lines.entries()) {
      // Widow control: the last line of a paragraph does not sit alone at the top of a page.
      const room = lines.length - i === 2 && i > 0 ? 2 : 1;
      if (this.y - opts.leading * room < MARGIN) this.newPage();
      this.y -= opts.leading;
      this.drawLine(line, MARGIN + indent, this.y + (opts.leading - opts.size) / 2, opts.size);
    }
  }

  listItem(marker: string, spans: Span[]) {
    const indent = 20;
    const lines = this.wrap(this.tokens(spans), BODY.size, TEXT_WIDTH - indent);
    this.ensure(BODY.leading * Math.min(lines.length, 2));
    for (const [i, line] of lines.entries()) {
      if (this.y - BODY.leading < MARGIN) this.newPage();
      this.y -= BODY.leading;
      const baseline = this.y + (BODY.leading - BODY.size) / 2;
      if (i === 0) {
        this.page.drawText(marker, { x: MARGIN + 6, y: baseline, size: BODY.size, font: this.fonts.regular });
      }
      this.drawLine(line, MARGIN + indent, baseline, BODY.size);
    }
    this.y -= 2.5;
  }

  table(block: Extract<Block, { kind: 'table' }>) {
    const rows = [block.header, ...block.rows];
    const columns = block.header.length;
    const measure = (spans: Span[], head: boolean) =>
      this.tokens(spans, head).map((t) => tokenWidth(t, TABLE.size));
    // Natural width: the cell on one line; minimum: its longest unbreakable token.
    const natural = Array.from({ length: columns }, () => 0);
    const minimum = Array.from({ length: columns }, () => 0);
    for (const [r, row] of rows.entries()) {
      for (let c = 0; c < columns; c++) {
        const widths = measure(row[c] ?? [], r === 0);
        const space = this.fonts.regular.widthOfTextAtSize(' ', TABLE.size);
        const one = widths.reduce((a, b) => a + b, 0) + space * Math.max(0, widths.length - 1);
        natural[c] = Math.max(natural[c] ?? 0, one + 2 * TABLE.pad);
        minimum[c] = Math.max(minimum[c] ?? 0, Math.max(0, ...widths) + 2 * TABLE.pad);
      }
    }
    const sumNatural = natural.reduce((a, b) => a + b, 0);
    let widths: number[];
    if (sumNatural <= TEXT_WIDTH) {
      widths = natural.map((n) => (n / sumNatural) * TEXT_WIDTH);
    } else {
      // Give every column its minimum, then share what is left in proportion to what each still wants.
      const base = minimum.map((m) => Math.min(m, TEXT_WIDTH / columns));
      const left = TEXT_WIDTH - base.reduce((a, b) => a + b, 0);
      const want = natural.map((n, c) => Math.max(0, n - (base[c] ?? 0)));
      const sumWant = want.reduce((a, b) => a + b, 0) || 1;
      widths = base.map((b, c) => b + (left * (want[c] ?? 0)) / sumWant);
    }

    const layoutRow = (row: Span[][], head: boolean) => {
      const cells = Array.from({ length: columns }, (_, c) =>
        this.wrap(this.tokens(row[c] ?? [], head), TABLE.size, (widths[c] ?? 0) - 2 * TABLE.pad),
      );
      const height = Math.max(1, ...cells.map((l) => l.length)) * TABLE.leading + 2 * TABLE.pad;
      return { cells, height, head };
    };
    const drawRow = (row: ReturnType<typeof layoutRow>) => {
      const top = this.y;
      let x = MARGIN;
      for (let c = 0; c < columns; c++) {
        const w = widths[c] ?? 0;
        this.page.drawRectangle({
          x,
          y: top - row.height,
          width: w,
          height: row.height,
          borderColor: rgb(0.55, 0.55, 0.55),
          borderWidth: 0.5,
          color: row.head ? rgb(0.85, 0.89, 0.95) : undefined,
        });
        for (const [i, line] of (row.cells[c] ?? []).entries()) {
          const baseline = top - TABLE.pad - (i + 1) * TABLE.leading + (TABLE.leading - TABLE.size) / 2 + 1;
          this.drawLine(line, x + TABLE.pad, baseline, TABLE.size);
        }
        x += w;
      }
      this.y = top - row.height;
    };

    const header = layoutRow(block.header, true);
    const body = block.rows.map((r) => layoutRow(r, false));
    this.ensure(header.height + (body[0]?.height ?? 0));
    drawRow(header);
    for (const row of body) {
      if (this.y - row.height < MARGIN) {
        this.newPage();
        drawRow(header); // a table that breaks repeats its header row, as Word does
      }
      drawRow(row);
    }
    this.y -= 10;
  }

  hidden(mode: 'white' | 'vanish' | 'tiny', text: string) {
    const white = rgb(1, 1, 1);
    if (mode === 'white') {
      const lines = this.wrap(this.tokens([{ text, bold: false, italic: false }]), BODY.size, TEXT_WIDTH);
      for (const line of lines) {
        this.ensure(BODY.leading);
        this.y -= BODY.leading;
        this.drawLine(line, MARGIN, this.y + 3, BODY.size, white);
      }
      return;
    }
    // 1-pt white text: one line is enough, it is far narrower than the text width.
    this.ensure(2);
    this.y -= 1.5;
    this.drawLine(this.tokens([{ text, bold: false, italic: false }], false), MARGIN, this.y, 1, white);
  }

  /** Running header and "Page n / N" footer on every page, drawn once the page count is known. */
  decorate(header: string) {
    const total = this.pages.length;
    const grey = rgb(0.4, 0.4, 0.4);
    const headerText = this.sanitize(header);
    for (const [i, page] of this.pages.entries()) {
      page.drawText(headerText, {
        x: MARGIN,
        y: A4.height - 42,
        size: 8.5,
        font: this.fonts.regular,
        color: grey,
      });
      page.drawLine({
        start: { x: MARGIN, y: A4.height - 47 },
        end: { x: A4.width - MARGIN, y: A4.height - 47 },
        thickness: 0.5,
        color: grey,
      });
      const footer = `Page ${i + 1} / ${total}`;
      const w = this.fonts.regular.widthOfTextAtSize(footer, 9);
      page.drawText(footer, { x: (A4.width - w) / 2, y: 36, size: 9, font: this.fonts.regular, color: grey });
    }
  }
}
