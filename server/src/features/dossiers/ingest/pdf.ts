import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { UnprocessableError } from '../../../lib/errors';
import { metadataHidden } from './hidden';
import { buildLines, type Line, linesToText, type PositionedItem } from './pdf-lines';
import { type Matrix, multiply, type OpCodes, readOperators } from './pdf-ops';
import { type LoadedPage, pageLoader } from './pdf-pages';
import type { FontFacts } from './pdf-runs';
import { continuesTable, joinContinuation, type PageTable } from './pdf-tables';
import { findPageTables } from './pdf-unruled-tables';
import { installPdfjsPolyfills } from './pdfjs-polyfills';
import { sharingWorker } from './pdfjs-port';
import { numberedHeadingLevel } from './sections';
import type { HeadingHint, HiddenItem, RawDocument } from './types';
import { spaceSeparated } from './words';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** A font's face name says its weight (`ABCDEF+DejaVuSans-Bold`, `Helvetica-Bold`, `Arial,Black`). */
const BOLD_FACE = /bold|black|heavy|semibold|demibold|[-,]demi\b/i;
const FONT_MATRIX: Matrix = [0.001, 0, 0, 0.001, 0, 0];

export interface PdfFont extends FontFacts {
  bold: boolean;
}

function loadedFont(page: PdfPage, loadedName: string) {
  try {
    const objs = page.commonObjs;
    if (objs.has(loadedName))
      return objs.get(loadedName) as { name?: unknown; vertical?: unknown; fontMatrix?: unknown };
  } catch {
    // An unresolved font is read with the defaults.
  }
  return null;
}

/**
 * The fonts of a document as the runs need them, read once each from pdfjs's `commonObjs` (the operator
 * list resolves them before it is returned). An unresolved font reads as a regular 1/1000 font.
 */
export function fontReader(page: () => PdfPage): (loadedName: string) => PdfFont {
  const fonts = new Map<string, PdfFont>();
  return (loadedName) => {
    let font = fonts.get(loadedName);
    if (font !== undefined) return font;
    const data = loadedFont(page(), loadedName);
    const name = typeof data?.name === 'string' ? data.name : loadedName;
    const matrix = data?.fontMatrix;
    font = {
      loadedName,
      name,
      vertical: data?.vertical === true,
      fontMatrix:
        Array.isArray(matrix) && matrix.length === 6 && matrix.every(Number.isFinite)
          ? (matrix as Matrix)
          : FONT_MATRIX,
      bold: BOLD_FACE.test(name.replace(/^[A-Z]{6}\+/, '')),
    };
    fonts.set(loadedName, font);
    return font;
  };
}

/** Text smaller than this (points) cannot be read on paper: reported as hidden, not kept as text. */
const TINY_TEXT_PT = 2;
/** A page with fewer visible characters than this has no text layer worth the name (a scan, an image). */
const MIN_PAGE_CHARS = 5;
/** Hidden runs shorter than this (letters/digits) are noise (a white bullet, a stray space). */
const MIN_HIDDEN_CHARS = 3;
/** Lines at least this much larger than the body text are headings. */
const HEADING_RATIO = 1.15;

function corrupt(cause: unknown): UnprocessableError {
  const err = new UnprocessableError(
    'corrupt_file',
    "Le PDF est endommagé ou incomplet : il n'a pas pu être lu. Exportez-le à nouveau depuis Word (Fichier › Exporter › PDF) puis déposez-le.",
  );
  err.cause = cause;
  return err;
}

function mapOpenError(err: unknown): UnprocessableError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') {
    return new UnprocessableError(
      'encrypted_pdf',
      'Le PDF est protégé par un mot de passe : Préjury ne peut pas le lire. Exportez à nouveau le dossier en PDF sans protection, ou déposez le fichier Word (DOCX).',
    );
  }
  return corrupt(err);
}

/**
 * A PDF ends with `%%EOF` (possibly followed by a little whitespace or junk). pdfjs repairs files cut
 * short and silently drops what is missing; a dossier missing its end is refused instead, so quotes and
 * page counts are never computed on part of it.
 */
function looksTruncated(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.byteLength - 16_384)));
  return !tail.includes('%%EOF');
}

interface PageResult {
  /** Page height in reading space (y up from the bottom). */
  height: number;
  lines: Line[];
  tables: PageTable[];
  hidden: HiddenItem[];
  visibleChars: number;
}

function hiddenItem(kind: string, text: string, page: number): HiddenItem | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if ((clean.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < MIN_HIDDEN_CHARS) return null;
  return { kind, location: `page ${page}`, text: clean, page };
}

interface HiddenPiece {
  kind: string;
  text: string;
  /** Baseline and size in reading space, to tell a wrapped line from a separate block. */
  y: number;
  size: number;
  /** Visible text came between this piece and the previous one. */
  afterVisible: boolean;
}

/**
 * Hidden pieces of the same kind on the same or the next line, with no visible text between them, are
 * one hidden item (a white paragraph wrapped over several lines).
 */
function mergeHidden(pieces: HiddenPiece[], page: number): HiddenItem[] {
  const merged: HiddenPiece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    const near = last !== undefined && Math.abs(last.y - p.y) <= 2 * Math.max(last.size, p.size);
    if (last !== undefined && last.kind === p.kind && near && !p.afterVisible) {
      last.text += ` ${p.text}`;
      last.y = p.y;
    } else merged.push({ ...p });
  }
  return merged.flatMap((m) => hiddenItem(m.kind, m.text, page) ?? []);
}

/** The page box, corners in order (pdfjs's text pass tests glyphs against it). */
export function pageView(page: PdfPage): [number, number, number, number] {
  const [x0, y0, x1, y1] = page.view;
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
}

interface PdfjsTools {
  ops: OpCodes;
  normalize: (text: string) => string;
  fontOf: (loadedName: string) => PdfFont;
}

function readPage(
  { page, operators, annotations }: LoadedPage,
  pageNumber: number,
  tools: PdfjsTools,
): PageResult {
  const view = pageView(page);
  const { runs, offPage, shapes } = readOperators(
    operators.fnArray,
    operators.argsArray,
    tools.ops,
    view,
    tools,
  );
  // Reading space: the page as displayed (its /Rotate applied), y growing upwards from the bottom.
  const viewport = page.getViewport({ scale: 1 });
  const toReading = viewport.transform as Matrix;

  const hiddenPieces: HiddenPiece[] = [];
  let afterVisible = false;
  const positioned: PositionedItem[] = [];
  for (const run of runs) {
    const [a, b, c, d, e, f] = multiply(toReading, run.transform);
    const size = Math.hypot(c, d);
    if (run.visible.trim() !== '' && size < TINY_TEXT_PT) {
      hiddenPieces.push({ kind: 'tiny_text', text: run.str, y: f, size, afterVisible });
      afterVisible = false;
      continue;
    }
    for (const h of run.hidden) {
      hiddenPieces.push({ ...h, y: f, size, afterVisible });
      afterVisible = false;
    }
    if (run.visible.trim() !== '') afterVisible = true;
    const before = positioned[positioned.length - 1];
    positioned.push({
      // A space painted as an item of its own (pdf-lib between two fonts) may be narrower than a gap.
      spaceBefore:
        before !== undefined &&
        before.str !== '' &&
        before.str.trim() === '' &&
        Math.abs(before.y - (viewport.height - f)) < 1,
      str: run.visible,
      x: e,
      y: viewport.height - f,
      width: run.width,
      size,
      // Device space flips y: upright text has a positive `a` and a negative `d` there.
      horizontal: Math.abs(b) < 1e-3 && Math.abs(c) < 1e-3 && a > 0 && d < 0,
      hasEOL: run.hasEOL,
      bold: run.fontName !== null && tools.fontOf(run.fontName).bold,
    });
  }

  const rules = shapes.rules.map((r) => {
    const [ax, ay] = applyPoint(toReading, r.x0, r.y0);
    const [bx, by] = applyPoint(toReading, r.x1, r.y1);
    const [y0, y1] = [viewport.height - ay, viewport.height - by];
    return { x0: Math.min(ax, bx), y0: Math.min(y0, y1), x1: Math.max(ax, bx), y1: Math.max(y0, y1) };
  });
  const { tables, rest } = findPageTables(
    positioned.filter((p) => p.horizontal),
    rules,
  );
  const marks = shapes.marks.map((m) => {
    const [x, y] = applyPoint(toReading, m.x, m.y);
    return { x, y: viewport.height - y, size: m.size };
  });
  const lines = buildLines([...rest, ...positioned.filter((p) => !p.horizontal)], {
    tables,
    pageWidth: viewport.width,
    marks,
  });
  const hidden = [
    ...mergeHidden(hiddenPieces, pageNumber),
    ...offPage.flatMap((t) => hiddenItem('off_page', t, pageNumber) ?? []),
    ...commentsOf(annotations, pageNumber),
  ];
  const visibleChars = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  return { height: viewport.height, lines, tables, hidden, visibleChars };
}

function applyPoint(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Share of the page height at its top and bottom where running headers and footers are set. */
const MARGIN_BAND = 0.12;

/**
 * A one-page document has no second page to show what repeats: its running header and footer are told
 * by their place instead, a line in the top or bottom margin band, smaller than the body text and set
 * apart from it by more than two lines' space.
 */
function dropMarginLines(page: PageResult): void {
  const body = page.lines.filter((l) => !l.table && l.size > 0);
  if (body.length < 3) return;
  const weights = new Map<number, number>();
  for (const l of body) weights.set(l.size, (weights.get(l.size) ?? 0) + l.text.length);
  const bodySize = [...weights].sort((a, b) => b[1] - a[1])[0][0];
  const apart = (a: Line, b: Line | undefined) => b === undefined || Math.abs(a.y - b.y) > 2.2 * bodySize;
  const drop = new Set<Line>();
  const [first, second] = [body[0], body[1]];
  if (first.y > (1 - MARGIN_BAND) * page.height && first.size < 0.95 * bodySize && apart(first, second))
    drop.add(first);
  const [last, beforeLast] = [body[body.length - 1], body[body.length - 2]];
  if (last.y < MARGIN_BAND * page.height && last.size < 0.95 * bodySize && apart(last, beforeLast))
    drop.add(last);
  page.lines = page.lines.filter((l) => !drop.has(l));
}

/** Lines of a page allowed around a table that runs on: running header/footer and page number. */
const EDGE_LINES = 3;

/**
 * A table that ends its page and one that starts the next with the same columns are one table: the
 * repeated header row goes, a row the page break cut is mended, and the rest stay on the next page.
 */
function joinTablesAcrossPages(pages: PageResult[]): void {
  for (let n = 0; n + 1 < pages.length; n++) {
    const [a, b] = [pages[n], pages[n + 1]];
    const lastIndex = a.lines.findLastIndex((l) => l.table !== undefined);
    const firstIndex = b.lines.findIndex((l) => l.table !== undefined);
    if (lastIndex < 0 || firstIndex < 0) continue;
    if (a.lines.length - 1 - lastIndex > EDGE_LINES || firstIndex > EDGE_LINES) continue;
    const previous = a.lines[lastIndex].table as PageTable;
    const next = b.lines[firstIndex].table as PageTable;
    if (!continuesTable(previous, next)) continue;
    const kept = new Set(joinContinuation(previous, next));
    next.rows = next.rows.filter((r) => kept.has(r));
    b.lines = b.lines.filter((l) => l.table !== next || (l.cells !== undefined && kept.has(l.cells)));
  }
}

/** Comments, sticky notes, free-text boxes: annotation contents are not part of the page's text. */
function commentsOf(annots: unknown[], pageNumber: number): HiddenItem[] {
  const out: HiddenItem[] = [];
  for (const a of annots) {
    if (typeof a !== 'object' || a === null) continue;
    const { subtype, contentsObj, contents } = a as {
      subtype?: unknown;
      contentsObj?: { str?: unknown };
      contents?: unknown;
    };
    if (subtype === 'Link' || subtype === 'Popup' || subtype === 'Widget') continue;
    const text =
      typeof contentsObj?.str === 'string' ? contentsObj.str : typeof contents === 'string' ? contents : '';
    const item = hiddenItem('comment', text, pageNumber);
    if (item) out.push(item);
  }
  return out;
}

const INFO_FIELDS = ['Title', 'Subject', 'Keywords', 'Author', 'Creator', 'Producer'] as const;

async function readMetadata(
  doc: PdfDocument,
): Promise<{ metadata: Record<string, unknown>; hidden: HiddenItem[] }> {
  const metadata: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  try {
    const { info } = await doc.getMetadata();
    const record = info as Record<string, unknown>;
    for (const key of INFO_FIELDS) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() !== '') {
        const name = key.charAt(0).toLowerCase() + key.slice(1);
        metadata[name] = value.trim();
        if (key !== 'Producer') fields[name] = value;
      }
    }
    const custom = record.Custom;
    if (typeof custom === 'object' && custom !== null) {
      const props: Record<string, string> = {};
      for (const [k, v] of Object.entries(custom)) {
        if (typeof v === 'string' && v.trim() !== '') {
          props[k] = v.trim();
          fields[`custom:${k}`] = v;
        }
      }
      if (Object.keys(props).length > 0) metadata.custom = props;
    }
  } catch {
    // Unreadable metadata never prevents reading the text.
  }
  return { metadata, hidden: metadataHidden(fields) };
}

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

/** Bookmarks (Word exports them from heading styles): reliable headings with their page. */
async function outlineHints(doc: PdfDocument): Promise<HeadingHint[]> {
  const hints: HeadingHint[] = [];
  const visit = async (nodes: OutlineNode[], level: number) => {
    for (const node of nodes) {
      try {
        const dest = typeof node.dest === 'string' ? await doc.getDestination(node.dest) : node.dest;
        const target = Array.isArray(dest) ? dest[0] : null;
        let index: number | null = null;
        if (typeof target === 'number') index = target;
        else if (typeof target === 'object' && target !== null && 'num' in target)
          index = await doc.getPageIndex(target as Parameters<PdfDocument['getPageIndex']>[0]);
        if (index !== null && node.title.trim() !== '')
          hints.push({ page: index + 1, text: node.title, level: Math.min(level, 6), source: 'outline' });
      } catch {
        // A broken bookmark is skipped.
      }
      await visit(node.items ?? [], level + 1);
    }
  };
  try {
    await visit(((await doc.getOutline()) ?? []) as OutlineNode[], 1);
  } catch {
    return [];
  }
  return hints;
}

/** Lines of a size at least this much larger than the body's, used only by short lines, are headings too. */
const MINOR_HEADING_RATIO = 1.05;
/** A heading line has at most this many words. */
const HEADING_WORDS = 15;
/** Lines of running text hold this many words on average (headings, fewer). */
const PROSE_LINE_WORDS = 9;

function words(lines: Line[]): number {
  return lines.reduce((n, l) => n + spaceSeparated(l.text).nonEmpty, 0);
}

/** A table row: ruled, or cells apart on one baseline (a table without rules). */
function isRow(line: Line): boolean {
  return line.table !== undefined || line.text.includes(' | ');
}

/** The lines of each paragraph (a `paragraphStart` line and those that follow it), tables left out. */
function paragraphsOf(pages: Line[][]): Line[][] {
  const out: Line[][] = [];
  for (const lines of pages) {
    let current: Line[] | null = null;
    for (const line of lines) {
      if (isRow(line)) {
        current = null;
        continue;
      }
      if (current === null || line.paragraphStart || line.size !== current[0].size) {
        current = [];
        out.push(current);
      }
      current.push(line);
    }
  }
  return out;
}

/**
 * The body text's size: the one most characters of prose use. Prose is a paragraph of several lines or
 * one that ends a sentence (a run of headings with no text between them is one paragraph of short lines);
 * table rows are left out, since dossiers full of tables often set them smaller
 * and they would outweigh the text (every paragraph would then pass for a heading), and so are short
 * standalone lines, which outweigh the text in a nearly empty draft made of headings.
 */
function bodySize(paragraphs: Line[][]): number {
  const weigh = (keep: (p: Line[]) => boolean) => {
    const weights = new Map<number, number>();
    for (const p of paragraphs.filter(keep))
      for (const l of p) weights.set(l.size, (weights.get(l.size) ?? 0) + l.text.length);
    return [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  };
  const prose = (p: Line[]) =>
    /[.!?…:;»)]$/u.test(p[p.length - 1].text.trim()) ||
    (p.length >= 2 && words(p) / p.length >= PROSE_LINE_WORDS);
  return weigh(prose) ?? weigh(() => true) ?? 0;
}

/**
 * Headings from font size: lines clearly larger than the body text, or slightly larger in a size that only
 * short standalone lines use (a LibreOffice « Titre 3 » at 12 pt over 11 pt text), ranked by size into
 * levels. Consecutive heading lines of one size are one heading.
 */
function layoutHints(pages: Line[][]): HeadingHint[] {
  const paragraphs = paragraphsOf(pages);
  const body = bodySize(paragraphs);
  const short = (l: Line) => /\p{L}/u.test(l.text) && spaceSeparated(l.text).pieces <= HEADING_WORDS;
  // Sizes some longer paragraph uses: text set a little larger (a quote, a lead), not headings.
  const prose = new Set(paragraphs.filter((p) => p.length > 2 || !p.every(short)).map((p) => p[0].size));
  const isHeading = (l: Line) =>
    !isRow(l) &&
    short(l) &&
    (l.size >= body * HEADING_RATIO || (l.size >= body * MINOR_HEADING_RATIO && !prose.has(l.size)));
  const sizes = [
    ...new Set(
      pages
        .flat()
        .filter(isHeading)
        .map((l) => l.size),
    ),
  ].sort((a, b) => b - a);
  const hints: HeadingHint[] = [];
  pages.forEach((lines, index) => {
    let previousHeading = false;
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      const last = hints[hints.length - 1];
      // A heading wrapped over two lines goes on in its size, even on a line with no letter (« 2025 »).
      const continues =
        previousHeading &&
        previous !== undefined &&
        !isRow(line) &&
        previous.size === line.size &&
        !line.paragraphStart &&
        spaceSeparated(line.text).pieces <= HEADING_WORDS;
      previousHeading = isHeading(line) || (continues && previousHeading);
      if (!previousHeading) return;
      if (
        continues &&
        // Headings with no text between them follow each other like a wrapped one, but each has its number.
        numberedHeadingLevel(line.text) === 0 &&
        last
      ) {
        last.text += ` ${line.text}`;
        return;
      }
      hints.push({
        page: index + 1,
        text: line.text,
        level: Math.min(sizes.indexOf(line.size) + 1, 3),
        source: 'layout',
      });
    });
  });
  return hints;
}

function noTextLayer(): UnprocessableError {
  return new UnprocessableError(
    'no_text_layer',
    'Le PDF ne contient pas de texte lisible : il semble numérisé (pages en images). Exportez le dossier en PDF directement depuis Word (Fichier › Exporter › PDF), faites-le passer par un logiciel de reconnaissance de caractères (OCR), ou déposez le fichier Word (DOCX).',
  );
}

/**
 * Parses a PDF page by page: visible text rebuilt into lines, hidden text (white, tiny, off-page,
 * unpainted) and annotations reported apart, metadata and bookmarks read. Throws 422 `encrypted_pdf`,
 * `corrupt_file` or `no_text_layer`.
 */
export async function parsePdf(bytes: Uint8Array, mediaType: string): Promise<RawDocument> {
  installPdfjsPolyfills();
  if (looksTruncated(bytes)) throw corrupt(new Error('missing %%EOF'));
  const worker = await sharingWorker();
  let doc: PdfDocument;
  try {
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    doc = await getDocumentProxy(bytes.slice(), { verbosity: 0, worker });
  } catch (err) {
    worker.destroy();
    throw mapOpenError(err);
  }
  try {
    const pdfjs = await getResolvedPDFJS();
    let current: PdfPage | null = null;
    const tools: PdfjsTools = {
      ops: pdfjs.OPS as unknown as OpCodes,
      normalize: pdfjs.normalizeUnicode,
      fontOf: fontReader(() => current as PdfPage),
    };
    const pages: PageResult[] = [];
    const load = pageLoader(doc);
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const loaded = await load(n);
        current = loaded.page;
        pages.push(readPage(loaded, n, tools));
        // Operator lists and fonts are cached per page: free them as we go on long documents.
        loaded.page.cleanup();
      } catch (err) {
        throw corrupt(err);
      }
    }
    const withText = pages.filter((p) => p.visibleChars >= MIN_PAGE_CHARS).length;
    if (withText <= Math.floor(pages.length * 0.2)) throw noTextLayer();
    const { metadata, hidden: metaHidden } = await readMetadata(doc);
    const outline = await outlineHints(doc);
    joinTablesAcrossPages(pages);
    if (pages.length === 1) dropMarginLines(pages[0]);
    const lineSets = pages.map((p) => p.lines);
    return {
      format: 'pdf',
      mediaType,
      pages: lineSets.map((lines, i) => ({ page: i + 1, text: linesToText(lines) })),
      pagesEstimated: false,
      headings: outline.length > 0 ? outline : layoutHints(lineSets),
      hidden: [...pages.flatMap((p) => p.hidden), ...metaHidden],
      warnings: pages.flatMap((p, i) =>
        p.visibleChars < MIN_PAGE_CHARS
          ? [
              {
                code: 'page_without_text',
                message: `La page ${i + 1} ne contient pas de texte lisible (image ou page numérisée) : son contenu ne peut pas être analysé.`,
                page: i + 1,
              },
            ]
          : [],
      ),
      metadata: { ...metadata, pageCount: doc.numPages },
      layout: { stripRunningLines: true, joinLines: true, reflow: true },
    };
  } finally {
    await doc.destroy();
    worker.destroy();
  }
}
