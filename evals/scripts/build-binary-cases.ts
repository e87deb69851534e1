/**
 * Builds the binary eval cases (DOCX and PDF) from the Markdown-ish sources in `evals/scripts/sources/`.
 *
 *   npx tsx evals/scripts/build-binary-cases.ts [--heldout] [name filter…]
 *
 * Each source starts with a front-matter block (`out`, `title`, `author`, `header`, optional `subject`,
 * `description`, `keywords`, `comment`, `commentAuthor`) followed by a Markdown subset: `#`–`###` headings,
 * one paragraph per line, `- ` and `1. ` lists, pipe tables, `**bold**` and `*italic*`. Directive lines plant
 * the hidden text the adversarial cases need:
 *
 * - `@white: text`  — text in white, normal size (DOCX `color: FFFFFF`, PDF `rgb(1, 1, 1)`);
 * - `@vanish: text` — DOCX hidden run (`w:vanish`); in a PDF, treated like `@tiny`;
 * - `@tiny: text`   — white text at 1 pt;
 * - `@pagebreak`    — forces a new page.
 *
 * The output is byte-stable: dates are fixed, and DOCX archives are re-zipped with fixed entry dates, so
 * rebuilding without changing a source leaves `git status` clean. The PDFs are laid out like a word-processor
 * export (A4, 2.5 cm margins, running header, "Page n / N" footer, ≈450 words per page of running text).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { type Block, plain, type Span } from '../lib/source';

const here = path.dirname(fileURLToPath(import.meta.url));
// `--heldout`: the held-out part's sources (`cases/heldout/sources/`), written under `cases/heldout/`.
const heldout = process.argv.includes('--heldout');
const casesDir = path.resolve(here, '..', 'cases', ...(heldout ? ['heldout'] : []));
export const sourcesDir = heldout ? path.join(casesDir, 'sources') : path.join(here, 'sources');

/** Every date written into the files, so that a rebuild is byte-identical. */
const FIXED_DATE = new Date('2024-06-14T09:30:00Z');
const FIXED_DATE_ISO = '2024-06-14T09:30:00Z';

// ---------------------------------------------------------------------------------------------------------------
// Source parsing
// ---------------------------------------------------------------------------------------------------------------

export interface Source {
  file: string;
  meta: Record<string, string>;
  blocks: Block[];
}

/** `**bold**` and `*italic*` only; anything else is literal text. */
function parseInline(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) spans.push({ text: text.slice(last, at), bold: false, italic: false });
    if (m[1] !== undefined) spans.push({ text: m[1], bold: true, italic: false });
    else spans.push({ text: m[2] ?? '', bold: false, italic: true });
    last = at + m[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), bold: false, italic: false });
  return spans;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

export function parseSource(file: string): Source {
  const raw = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (!fm) throw new Error(`${file}: missing front matter`);
  const meta: Record<string, string> = {};
  for (const line of (fm[1] ?? '').split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (kv?.[1]) meta[kv[1]] = kv[2] ?? '';
  }
  if (!meta.out) throw new Error(`${file}: front matter needs "out"`);

  const lines = raw.slice(fm[0].length).split('\n');
  const blocks: Block[] = [];
  let listNo = 0;
  let inOrdered = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (!/^\d+\.\s/.test(line)) inOrdered = false;
    if (line.trim() === '') continue;
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const directive = /^@(white|vanish|tiny):\s*(.*)$/.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: (heading[1]?.length ?? 1) as 1 | 2 | 3,
        spans: parseInline(heading[2] ?? ''),
      });
    } else if (line === '@pagebreak') {
      blocks.push({ kind: 'pagebreak' });
    } else if (directive) {
      blocks.push({
        kind: 'hidden',
        mode: directive[1] as 'white' | 'vanish' | 'tiny',
        text: directive[2] ?? '',
      });
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        const cells = splitRow(lines[i] ?? '');
        if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      i--;
      const [header = [], ...body] = rows;
      blocks.push({
        kind: 'table',
        header: header.map(parseInline),
        rows: body.map((r) => r.map(parseInline)),
      });
    } else if (/^[-*]\s/.test(line)) {
      blocks.push({ kind: 'bullet', spans: parseInline(line.slice(2)) });
    } else if (/^\d+\.\s/.test(line)) {
      if (!inOrdered) listNo++;
      inOrdered = true;
      const m = /^(\d+)\.\s+(.*)$/.exec(line);
      blocks.push({
        kind: 'ordered',
        index: Number(m?.[1] ?? 1),
        list: listNo,
        spans: parseInline(m?.[2] ?? ''),
      });
    } else {
      blocks.push({ kind: 'paragraph', spans: parseInline(line) });
    }
  }
  return { file, meta, blocks };
}

// ---------------------------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------------------------

const runsOf = (spans: Span[], extra: { size?: number } = {}) =>
  spans.map((s) => new TextRun({ text: s.text, bold: s.bold, italics: s.italic, ...extra }));

function docxTable(block: Extract<Block, { kind: 'table' }>): Table {
  const columns = block.header.length;
  // Column widths follow the longest cell text, within bounds, over a 9 026-twip text width (A4, 2.5 cm margins).
  const natural = block.header.map((_, c) =>
    Math.min(60, Math.max(8, ...[block.header, ...block.rows].map((r) => plain(r[c] ?? []).length))),
  );
  const total = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((n) => Math.round((n / total) * 9026));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (spans: Span[], c: number, head: boolean) =>
    new TableCell({
      width: { size: widths[c] ?? 1000, type: WidthType.DXA },
      borders,
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          spacing: { after: 0 },
          children: runsOf(
            spans.map((s) => ({ ...s, bold: s.bold || head })),
            { size: 18 },
          ),
        }),
      ],
    });
  return new Table({
    width: { size: 9026, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((s, c) => cell(s, c, true)) }),
      ...block.rows.map(
        (r) =>
          new TableRow({
            children: Array.from({ length: columns }, (_, c) => cell(r[c] ?? [], c, false)),
          }),
      ),
    ],
  });
}

export async function buildDocx(src: Pick<Source, 'meta' | 'blocks'>): Promise<Uint8Array> {
  const { meta } = src;
  // One group per section: a `section` block starts a new one (new page, its orientation and columns).
  const groups: { landscape: boolean; columns: number; children: (Paragraph | Table)[] }[] = [
    { landscape: false, columns: 1, children: [] },
  ];
  let children = groups[0]?.children ?? [];
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextNote = 1;
  const noteRuns = (notes: string[] | undefined) =>
    (notes ?? []).map((note) => {
      const id = nextNote++;
      footnotes[id] = { children: [new Paragraph({ children: [new TextRun({ text: note, size: 18 })] })] };
      return new FootnoteReferenceRun(id);
    });
  const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };
  let commentPlaced = !meta.comment;
  for (const block of src.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: headingLevels[block.level], children: runsOf(block.spans) }));
        break;
      case 'paragraph':
        if (!commentPlaced) {
          // The comment is anchored on the first body paragraph, as a reviewer's note would be.
          children.push(
            new Paragraph({
              children: [
                new CommentRangeStart(0),
                ...runsOf(block.spans),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
          );
          commentPlaced = true;
        } else {
          children.push(new Paragraph({ children: [...runsOf(block.spans), ...noteRuns(block.notes)] }));
        }
        break;
      case 'section':
        groups.push({ landscape: block.landscape, columns: block.columns, children: [] });
        children = groups[groups.length - 1]?.children ?? [];
        break;
      case 'bullet':
        children.push(
          new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: runsOf(block.spans) }),
        );
        break;
      case 'ordered':
        children.push(
          new Paragraph({
            numbering: { reference: 'ordered', level: 0, instance: block.list },
            children: runsOf(block.spans),
          }),
        );
        break;
      case 'table':
        children.push(docxTable(block));
        children.push(new Paragraph({ children: [] }));
        break;
      case 'hidden':
        children.push(
          new Paragraph({
            children: [
              block.mode === 'vanish'
                ? new TextRun({ text: block.text, vanish: true })
                : new TextRun({
                    text: block.text,
                    color: 'FFFFFF',
                    size: block.mode === 'tiny' ? 2 : undefined,
                  }),
            ],
          }),
        );
        break;
      case 'pagebreak':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }

  const doc = new Document({
    creator: meta.author,
    lastModifiedBy: meta.author,
    title: meta.title,
    subject: meta.subject,
    description: meta.description,
    keywords: meta.keywords,
    revision: 3,
    comments: meta.comment
      ? {
          children: [
            {
              id: 0,
              author: meta.commentAuthor ?? meta.author ?? 'Auteur',
              initials: 'AU',
              date: FIXED_DATE,
              children: [new Paragraph({ children: [new TextRun(meta.comment)] })],
            },
          ],
        }
      : undefined,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    footnotes: nextNote > 1 ? footnotes : undefined,
    sections: groups.map((group) => ({
      properties: {
        page: {
          size: group.landscape
            ? { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }
            : { width: 11906, height: 16838 },
          margin: { top: 1417, bottom: 1417, left: 1417, right: 1417, header: 708, footer: 708 },
        },
        column: group.columns > 1 ? { count: group.columns, space: 708 } : undefined,
      },
      headers: {
        default: new Header({
          children: [
            new Paragraph({
              children: [new TextRun({ text: meta.header ?? meta.title ?? '', color: '666666', size: 18 })],
            }),
          ],
        }),
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new TextRun({
                  children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                  size: 18,
                }),
              ],
            }),
          ],
        }),
      },
      children: group.children,
    })),
  });
  return stabilizeDocx(await Packer.toBuffer(doc));
}

/** Fixes the core-property timestamps and the zip entry dates, keeping the entry order. */
async function stabilizeDocx(buffer: Uint8Array): Promise<Uint8Array> {
  const input = await JSZip.loadAsync(buffer);
  const output = new JSZip();
  for (const entry of Object.values(input.files)) {
    if (entry.dir) continue;
    let data: string | Uint8Array = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml') {
      data = new TextDecoder()
        .decode(data)
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${FIXED_DATE_ISO}$2`);
    }
    output.file(entry.name, data, { date: FIXED_DATE, createFolders: false });
  }
  return output.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------------------------

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 70.87; // 2.5 cm
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const BODY = { size: 10.5, leading: 15.8, after: 6.5 };
const TABLE = { size: 8.5, leading: 11, pad: 3.5 };
const HEADINGS = {
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

interface Fonts {
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

class PdfLayout {
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

export async function buildPdf(
  src: Pick<Source, 'meta' | 'blocks'>,
): Promise<{ bytes: Uint8Array; pages: number; replaced: string[] }> {
  const { meta } = src;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    boldItalic: await doc.embedFont(StandardFonts.HelveticaBoldOblique),
  };
  doc.setTitle(meta.title ?? '');
  doc.setAuthor(meta.author ?? '');
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords) doc.setKeywords(meta.keywords.split(/\s*,\s*/));
  doc.setCreator('Préjury evals — build-binary-cases.ts');
  doc.setProducer('pdf-lib');
  doc.setLanguage(meta.lang ?? 'fr-FR');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);

  const layout = new PdfLayout(doc, fonts);
  let notes: string[] = [];
  const flushNotes = () => {
    for (const note of notes) {
      layout.text([{ text: note, bold: false, italic: false }], { size: TABLE.size, leading: TABLE.leading });
      layout.space(3);
    }
    notes = [];
  };
  for (const [i, block] of src.blocks.entries()) {
    const next = src.blocks[i + 1];
    switch (block.kind) {
      case 'heading': {
        const h = HEADINGS[block.level];
        if (i > 0) layout.space(h.before);
        // Keep a heading with the first lines of what follows it.
        const keepWith = next?.kind === 'table' ? 60 : BODY.leading * 3;
        layout.text(block.spans, { size: h.size, leading: h.size * 1.3, bold: true, keepWith });
        layout.space(h.after);
        break;
      }
      case 'paragraph':
        layout.text(block.spans, { size: BODY.size, leading: BODY.leading });
        layout.space(BODY.after);
        notes.push(...(block.notes ?? []));
        break;
      case 'bullet':
        layout.listItem('•', block.spans);
        if (next?.kind !== 'bullet') layout.space(BODY.after);
        break;
      case 'ordered':
        layout.listItem(`${block.index}.`, block.spans);
        if (next?.kind !== 'ordered') layout.space(BODY.after);
        break;
      case 'table':
        layout.space(2);
        layout.table(block);
        break;
      case 'hidden':
        layout.hidden(block.mode, block.text);
        break;
      case 'pagebreak':
        layout.newPage();
        break;
      case 'section':
        // A library's simple layout: a new portrait, one-column page; the section's notes close the previous one.
        flushNotes();
        layout.newPage();
        break;
    }
  }
  flushNotes();
  layout.decorate(meta.header ?? meta.title ?? '');
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: layout.pages.length, replaced: [...layout.replaced] };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const only = process.argv.slice(2).filter((a) => a !== '--heldout');
  const files = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const name of files) {
    const src = parseSource(path.join(sourcesDir, name));
    const out = path.join(casesDir, src.meta.out ?? '');
    const words = src.blocks
      .flatMap((b) => {
        if (b.kind === 'table') return [...b.header, ...b.rows.flat()].map(plain);
        if (b.kind === 'hidden') return [b.text];
        if (b.kind === 'pagebreak' || b.kind === 'section') return [];
        return [plain(b.spans)];
      })
      .join(' ')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (out.endsWith('.docx')) {
      writeFileSync(out, await buildDocx(src));
      console.log(`${path.relative(process.cwd(), out)}  ${words} words`);
    } else if (out.endsWith('.pdf')) {
      const { bytes, pages, replaced } = await buildPdf(src);
      writeFileSync(out, bytes);
      const note = replaced.length > 0 ? `  (replaced for WinAnsi: ${replaced.join(' ')})` : '';
      console.log(`${path.relative(process.cwd(), out)}  ${words} words, ${pages} pages${note}`);
    } else {
      throw new Error(`${name}: "out" must end in .docx or .pdf`);
    }
  }
}

// Run only as a command: `build-renderings.ts` imports the builders.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
