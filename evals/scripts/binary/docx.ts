/**
 * The Word-like DOCX builder: styles, numbered lists, tables with a repeated header row, footnotes, an anchored
 * comment, a running header and a "Page n / N" footer; the archive re-zipped with fixed dates (byte-stable).
 */
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
import { type Block, plain, type Span } from '../../lib/source';
import { FIXED_DATE, FIXED_DATE_ISO, type Source } from './source';

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

type BodyElement = Paragraph | Table;

/** One group per section: a `section` block starts a new one (new page, its orientation and columns). */
interface SectionGroup {
  landscape: boolean;
  columns: number;
  children: BodyElement[];
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };

/** The elements of one block other than a paragraph or a section break. */
function docxBlock(block: Exclude<Block, { kind: 'paragraph' | 'section' }>): BodyElement[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[block.level], children: runsOf(block.spans) })];
    case 'bullet':
      return [
        new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: runsOf(block.spans) }),
      ];
    case 'ordered':
      return [
        new Paragraph({
          numbering: { reference: 'ordered', level: 0, instance: block.list },
          children: runsOf(block.spans),
        }),
      ];
    case 'table':
      return [docxTable(block), new Paragraph({ children: [] })];
    case 'hidden':
      return [
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
      ];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The body's sections and the footnotes its paragraphs reference (undefined when there are none). */
function docxBody(src: Pick<Source, 'meta' | 'blocks'>) {
  const groups: SectionGroup[] = [{ landscape: false, columns: 1, children: [] }];
  let children = groups[0]?.children ?? [];
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextNote = 1;
  const noteRuns = (notes: string[] | undefined) =>
    (notes ?? []).map((note) => {
      const id = nextNote++;
      footnotes[id] = { children: [new Paragraph({ children: [new TextRun({ text: note, size: 18 })] })] };
      return new FootnoteReferenceRun(id);
    });
  let commentPlaced = !src.meta.comment;
  for (const block of src.blocks) {
    if (block.kind === 'section') {
      groups.push({ landscape: block.landscape, columns: block.columns, children: [] });
      children = groups[groups.length - 1]?.children ?? [];
    } else if (block.kind === 'paragraph' && !commentPlaced) {
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
    } else if (block.kind === 'paragraph') {
      children.push(new Paragraph({ children: [...runsOf(block.spans), ...noteRuns(block.notes)] }));
    } else {
      children.push(...docxBlock(block));
    }
  }
  return { groups, footnotes: nextNote > 1 ? footnotes : undefined };
}

/** The reviewer's comment of the `comment` front-matter field, if any. */
function docxComments(meta: Source['meta']) {
  if (!meta.comment) return undefined;
  return {
    children: [
      {
        id: 0,
        author: meta.commentAuthor ?? meta.author ?? 'Auteur',
        initials: 'AU',
        date: FIXED_DATE,
        children: [new Paragraph({ children: [new TextRun(meta.comment)] })],
      },
    ],
  };
}

/** A level-0 list numbering: `•` bullets or `%1.` decimals, indented like Word's default. */
const listNumbering = (
  reference: string,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
) => ({
  reference,
  levels: [
    {
      level: 0,
      format,
      text,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720, hanging: 360 } } },
    },
  ],
});

/** One section's page (A4, portrait or landscape, 2.5 cm margins), columns, running header and footer. */
function docxSection(group: SectionGroup, meta: Source['meta']) {
  return {
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
  };
}

export async function buildDocx(src: Pick<Source, 'meta' | 'blocks'>): Promise<Uint8Array> {
  const { meta } = src;
  const { groups, footnotes } = docxBody(src);
  const doc = new Document({
    creator: meta.author,
    lastModifiedBy: meta.author,
    title: meta.title,
    subject: meta.subject,
    description: meta.description,
    keywords: meta.keywords,
    revision: 3,
    comments: docxComments(meta),
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
      },
    },
    numbering: {
      config: [
        listNumbering('bullets', LevelFormat.BULLET, '•'),
        listNumbering('ordered', LevelFormat.DECIMAL, '%1.'),
      ],
    },
    footnotes,
    sections: groups.map((group) => docxSection(group, meta)),
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
