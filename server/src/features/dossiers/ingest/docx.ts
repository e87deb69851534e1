import { UnprocessableError } from '../../../lib/errors';
import { type Numbering, readNumbering } from './docx-numbering';
import { readProperties, relatedPart, relationships } from './docx-parts';
import {
  chain,
  firstDefined,
  headingLevel,
  isShading,
  isWhiteHex,
  mergeProps,
  NAMESPACES,
  type NumPr,
  numberedPPr,
  numPrOf,
  onOff,
  type RunProps,
  readStyles,
  runProps,
  type Styles,
} from './docx-styles';
import { metadataHidden } from './hidden';
import { estimatePages, type LayoutBlock, WORDS_PER_PAGE } from './paginate';
import type { HeadingHint, HiddenItem, RawDocument } from './types';
import { countWords } from './words';
import { child, elements, parseXml, textContent, type XmlElement } from './xml';
import type { ZipArchive } from './zip';

/**
 * DOCX → pages of visible text. Reads WordprocessingML directly (no HTML conversion) because what
 * matters here is what mammoth-like converters drop: page breaks, hidden runs, comments, properties.
 *
 * Pages come from Word's own layout marks (`w:lastRenderedPageBreak`, written where Word last broke
 * pages) and from explicit breaks (`w:br w:type="page"`, `w:pageBreakBefore`, section breaks). Without
 * any, pages are estimated. Headers and footers live in other parts and are never read.
 */

type BreakKind = 'hard' | 'soft' | 'rendered';

interface Block extends LayoutBlock {
  page: number;
}

/**
 * Where a heading, hidden run or comment sits: before block `block`, on explicit page `page`. Hidden
 * runs add no block, so the block after them may already be on the next page: `page` disambiguates.
 */
interface Anchor {
  block: number;
  page: number;
}

interface HiddenRun extends Anchor {
  kind: string;
  text: string;
}

/** Accumulates blocks and page breaks as the document is walked. */
class Assembly {
  blocks: Block[] = [];
  hidden: HiddenRun[] = [];
  headings: (Anchor & { text: string; level: number })[] = [];
  commentAnchors = new Map<string, Anchor>();
  page = 1;
  sawRendered = false;
  sawExplicit = false;
  private textSinceBreak = false;
  private lastBreak: BreakKind | 'start' = 'start';
  private pendingNotes: string[] = [];

  /**
   * A page break. Word writes `lastRenderedPageBreak` right after an explicit break it honoured, so a
   * break with no text since the previous one is the same break, except two explicit breaks in a row
   * (a blank page). Breaks before any text (a leading break) are ignored.
   */
  pageBreak(kind: BreakKind): void {
    if (kind === 'rendered') this.sawRendered = true;
    else this.sawExplicit = true;
    if (!this.textSinceBreak && !(kind === 'hard' && this.lastBreak === 'hard')) return;
    this.flushNotes();
    this.page++;
    this.lastBreak = kind;
    this.textSinceBreak = false;
  }

  add(kind: LayoutBlock['kind'], text: string): void {
    if (text.trim() === '') return;
    this.blocks.push({ kind, text, page: this.page });
    this.textSinceBreak = true;
  }

  /** Footnotes print at the bottom of the page that calls them. */
  note(text: string): void {
    if (text.trim() !== '') this.pendingNotes.push(text);
  }

  flushNotes(): void {
    for (const n of this.pendingNotes) this.add('paragraph', n);
    this.pendingNotes = [];
  }

  get anchor(): Anchor {
    return { block: this.blocks.length, page: this.page };
  }
}

/** Where a paragraph's content goes: the body (breaks start pages), a table row, or a text box. */
type Context = 'body' | 'cell' | 'aside';

interface Walk {
  styles: Styles;
  numbering: Numbering;
  out: Assembly;
  footnotes: Map<string, XmlElement[]>;
  noteNumber: number;
}

/** Visible text and hidden runs of one paragraph, built run by run. */
class ParagraphText {
  text = '';
  hidden: { kind: string; text: string }[] = [];

  visible(s: string): void {
    this.text += s;
  }

  hide(kind: string, s: string): void {
    const last = this.hidden[this.hidden.length - 1];
    if (last !== undefined && last.kind === kind) last.text += s;
    else this.hidden.push({ kind, text: s });
    // Keep the words around a hidden run apart: « visible[caché]suite » → « visible suite ».
    if (this.text !== '' && !this.text.endsWith(' ')) this.text += ' ';
  }
}

function hiddenKind(props: RunProps, shaded: boolean): string | null {
  if (props.vanish) return 'vanish';
  if (props.size !== undefined && props.size < 4) return 'tiny_text';
  if (props.color !== undefined && isWhiteHex(props.color) && !props.shaded && !shaded) return 'white_text';
  return null;
}

interface ParagraphEnv {
  walk: Walk;
  paraRun: RunProps;
  shaded: boolean;
  text: ParagraphText;
  onBreak: (kind: BreakKind) => void;
  /** Paragraphs of text boxes met inside the paragraph, emitted after it. */
  asides: XmlElement[];
}

function runText(run: XmlElement, env: ParagraphEnv): void {
  const { styles } = env.walk;
  const rPr = child(run, 'w:rPr');
  const charStyle = chain(styles, child(rPr, 'w:rStyle')?.attrs['w:val']);
  const props = mergeProps(env.paraRun, ...charStyle.map((s) => s.run).reverse(), runProps(rPr));
  const kind = hiddenKind(props, env.shaded);
  const emit = (s: string) => (kind === null ? env.text.visible(s) : env.text.hide(kind, s));
  for (const c of elements(run)) {
    switch (c.name) {
      case 'w:t':
        emit(textContent(c));
        break;
      case 'w:tab':
      case 'w:ptab':
        emit('\t');
        break;
      case 'w:br':
        if (c.attrs['w:type'] === 'page') env.onBreak('hard');
        else emit('\n');
        break;
      case 'w:cr':
        emit('\n');
        break;
      case 'w:lastRenderedPageBreak':
        env.onBreak('rendered');
        break;
      case 'w:noBreakHyphen':
        emit('-');
        break;
      case 'w:softHyphen':
        emit('\u00AD');
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const note = env.walk.footnotes.get(`${c.name}:${c.attrs['w:id']}`);
        if (note !== undefined) {
          const n = ++env.walk.noteNumber;
          emit(String(n));
          env.walk.out.note(`${n} ${note.map((p) => paragraphPlainText(p, env.walk)).join(' ')}`);
        }
        break;
      }
      case 'w:commentReference':
        anchorComment(c, env.walk);
        break;
      case 'w:drawing':
      case 'w:pict':
      case 'mc:AlternateContent':
      case 'w:object':
        env.asides.push(...textBoxes(c));
        break;
      default:
        // w:delText and w:instrText (deleted text, field codes) and anything else: not visible text.
        break;
    }
  }
}

function anchorComment(el: XmlElement, walk: Walk): void {
  const id = el.attrs['w:id'];
  if (id !== undefined && !walk.out.commentAnchors.has(id)) walk.out.commentAnchors.set(id, walk.out.anchor);
}

/** Text-box content (`w:txbxContent`), skipping the VML fallback copy of the same box. */
function textBoxes(el: XmlElement): XmlElement[] {
  if (el.name === 'mc:Fallback') return [];
  if (el.name === 'w:txbxContent') return [el];
  return elements(el).flatMap(textBoxes);
}

function inline(nodes: XmlElement[], env: ParagraphEnv): void {
  for (const c of nodes) {
    switch (c.name) {
      case 'w:r':
        runText(c, env);
        break;
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:fldSimple':
      case 'w:ins':
      case 'w:moveTo':
      case 'w:dir':
      case 'w:bdo':
        inline(elements(c), env);
        break;
      case 'w:sdt':
        inline(elements(child(c, 'w:sdtContent') ?? c), env);
        break;
      case 'w:commentRangeStart':
        anchorComment(c, env.walk);
        break;
      case 'm:oMath':
      case 'm:oMathPara':
        env.text.visible(
          elements(c)
            .flatMap(function mathText(e: XmlElement): string[] {
              return e.name === 'm:t' ? [textContent(e)] : elements(e).flatMap(mathText);
            })
            .join(''),
        );
        break;
      default:
        // w:del / w:moveFrom (tracked deletions), bookmarks, proofing marks: nothing visible.
        break;
    }
  }
}

interface ParagraphInfo {
  level: number;
  list: boolean;
  numPr: NumPr | undefined;
  pageBreakBefore: boolean;
  sectionBreak: boolean;
  shaded: boolean;
  run: RunProps;
}

function paragraphInfo(p: XmlElement, styles: Styles): ParagraphInfo {
  const pPr = child(p, 'w:pPr');
  const styleChain = chain(styles, child(pPr, 'w:pStyle')?.attrs['w:val'] ?? styles.defaultParagraph);
  const sectPr = child(pPr, 'w:sectPr');
  const sectionType = child(sectPr, 'w:type')?.attrs['w:val'] ?? 'nextPage';
  return {
    level: headingLevel(pPr, styleChain),
    list: firstDefined([numberedPPr(pPr), ...styleChain.map((s) => s.numbered)]) ?? false,
    numPr: firstDefined([numPrOf(pPr), ...styleChain.map((s) => s.numPr)]),
    pageBreakBefore:
      firstDefined([onOff(child(pPr, 'w:pageBreakBefore')), ...styleChain.map((s) => s.pageBreakBefore)]) ??
      false,
    sectionBreak: sectPr !== undefined && sectionType !== 'continuous',
    shaded: isShading(child(pPr, 'w:shd')),
    run: mergeProps(styles.defaults, ...styleChain.map((s) => s.run).reverse()),
  };
}

/** A paragraph's visible text, for footnotes and comments (no breaks, no hidden-content reporting). */
function paragraphPlainText(p: XmlElement, walk: Walk): string {
  const info = paragraphInfo(p, walk.styles);
  const env: ParagraphEnv = {
    walk: { ...walk, out: new Assembly() },
    paraRun: info.run,
    shaded: info.shaded,
    text: new ParagraphText(),
    onBreak: () => {},
    asides: [],
  };
  inline(elements(p), env);
  return env.text.text.trim();
}

function recordHidden(text: ParagraphText, walk: Walk): void {
  for (const h of text.hidden) {
    if (h.text.trim() !== '') walk.out.hidden.push({ kind: h.kind, text: h.text.trim(), ...walk.out.anchor });
  }
  text.hidden = [];
}

/** Walks a paragraph; returns its visible text when `context` is not the body (cells, text boxes). */
function paragraph(
  p: XmlElement,
  walk: Walk,
  context: Context,
  shaded: boolean,
  onBreak?: (k: BreakKind) => void,
): string {
  const info = paragraphInfo(p, walk.styles);
  const out = walk.out;
  const text = new ParagraphText();
  const kind: LayoutBlock['kind'] = info.level > 0 ? 'heading' : info.list ? 'list' : 'paragraph';
  const label = kind === 'list' ? walk.numbering.label(info.numPr) : '';
  const emit = () => {
    const visible = text.text.replace(/[ \t]+\n/g, '\n').trim();
    recordHidden(text, walk);
    if (visible !== '') {
      if (info.level > 0) out.headings.push({ text: visible, level: info.level, ...out.anchor });
      out.add(kind, kind === 'list' ? `${label}${visible}` : visible);
    }
    text.text = '';
  };
  const env: ParagraphEnv = {
    walk,
    paraRun: info.run,
    shaded: shaded || info.shaded,
    text,
    asides: [],
    onBreak:
      context === 'body'
        ? (k) => {
            emit();
            out.pageBreak(k);
          }
        : (k) => onBreak?.(k),
  };
  if (context === 'body' && info.pageBreakBefore) out.pageBreak('soft');
  inline(elements(p), env);
  let result = '';
  if (context === 'body') emit();
  else {
    result = text.text.trim();
    recordHidden(text, walk);
  }
  for (const box of env.asides) blockContainer(box, walk, 'aside', shaded);
  if (context === 'body' && info.sectionBreak) out.pageBreak('soft');
  return result;
}

/** Renders a table as rows of ` | `-separated cells; a row crossing a page break moves to the next page. */
function table(tbl: XmlElement, walk: Walk, context: Context, shaded: boolean): string[] {
  const styleId = child(child(tbl, 'w:tblPr'), 'w:tblStyle')?.attrs['w:val'];
  const tableShaded = shaded || chain(walk.styles, styleId).some((s) => s.shaded);
  const rows: string[] = [];
  const out = walk.out;
  const flush = () => {
    if (context === 'body' && rows.length > 0) out.add('table', rows.splice(0).join('\n'));
  };
  for (const tr of rowsOf(tbl)) {
    let rowBreak: BreakKind | null = null;
    const cells = cellsOf(tr).map((tc) => {
      const cellShaded = tableShaded || isShading(child(child(tc, 'w:tcPr'), 'w:shd'));
      return cellText(tc, walk, cellShaded, (k) => {
        rowBreak ??= k;
      });
    });
    if (rowBreak !== null && context === 'body') {
      flush();
      out.pageBreak(rowBreak);
    }
    if (cells.some((c) => c !== '')) rows.push(cells.join(' | '));
  }
  flush();
  return rows;
}

function rowsOf(tbl: XmlElement): XmlElement[] {
  return elements(tbl).flatMap((c) =>
    c.name === 'w:tr'
      ? [c]
      : c.name === 'w:sdt' || c.name === 'w:customXml'
        ? rowsOf(child(c, 'w:sdtContent') ?? c)
        : [],
  );
}

function cellsOf(tr: XmlElement): XmlElement[] {
  return elements(tr).flatMap((c) =>
    c.name === 'w:tc'
      ? [c]
      : c.name === 'w:sdt' || c.name === 'w:customXml'
        ? cellsOf(child(c, 'w:sdtContent') ?? c)
        : [],
  );
}

function cellText(tc: XmlElement, walk: Walk, shaded: boolean, onBreak: (k: BreakKind) => void): string {
  const parts: string[] = [];
  for (const c of elements(tc)) {
    if (c.name === 'w:p') parts.push(paragraph(c, walk, 'cell', shaded, onBreak));
    else if (c.name === 'w:tbl') parts.push(table(c, walk, 'cell', shaded).join(' ; '));
    else if (c.name === 'w:sdt') parts.push(cellText(child(c, 'w:sdtContent') ?? c, walk, shaded, onBreak));
  }
  return parts
    .filter((p) => p !== '')
    .join(' ')
    .replace(/\s*\n\s*/g, ' ');
}

/** Body, text box, content control: paragraphs and tables in order. */
function blockContainer(container: XmlElement, walk: Walk, context: Context, shaded: boolean): void {
  for (const c of elements(container)) {
    switch (c.name) {
      case 'w:p':
        if (context === 'aside') walk.out.add('paragraph', paragraph(c, walk, 'cell', shaded));
        else paragraph(c, walk, context, shaded);
        break;
      case 'w:tbl':
        if (context === 'aside') walk.out.add('table', table(c, walk, 'cell', shaded).join('\n'));
        else table(c, walk, context, shaded);
        break;
      case 'w:sdt':
        blockContainer(child(c, 'w:sdtContent') ?? c, walk, context, shaded);
        break;
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
        blockContainer(c, walk, context, shaded);
        break;
      case 'mc:AlternateContent':
        blockContainer(child(c, 'mc:Choice') ?? c, walk, context, shaded);
        break;
      default:
        break;
    }
  }
}

function readNotes(zip: ZipArchive, part: string, kind: 'footnote' | 'endnote'): [string, XmlElement[]][] {
  const xml = zip.text(part);
  if (xml === null) return [];
  return elements(parseXml(xml, NAMESPACES), `w:${kind}`)
    .filter((n) => (n.attrs['w:type'] ?? 'normal') === 'normal')
    .map((n) => [`w:${kind}Reference:${n.attrs['w:id']}`, elements(n, 'w:p')]);
}

function readComments(zip: ZipArchive, part: string, walk: Walk): Map<string, string> {
  const xml = zip.text(part);
  const out = new Map<string, string>();
  if (xml === null) return out;
  for (const c of elements(parseXml(xml, NAMESPACES), 'w:comment')) {
    const text = elements(c, 'w:p')
      .map((p) => paragraphPlainText(p, walk))
      .filter((t) => t !== '')
      .join(' ');
    if (text !== '') out.set(c.attrs['w:id'] ?? '', text);
  }
  return out;
}

/** A page made of explicit breaks only can hold several printed pages: beyond this, split it. */
const OVERFULL_PAGE = 2 * WORDS_PER_PAGE;

/**
 * Final page of each block. Word's rendered breaks are trusted as they are. Explicit breaks alone are
 * trusted unless a "page" is overfull (then it is split by estimation); no break at all: estimated.
 */
function paginate(out: Assembly): { pageOfBlock: number[]; estimated: boolean } {
  const explicit = out.blocks.map((b) => b.page);
  if (out.sawRendered) return { pageOfBlock: explicit, estimated: false };
  if (!out.sawExplicit) return { pageOfBlock: estimatePages(out.blocks), estimated: true };
  const pageOfBlock: number[] = [];
  let estimated = false;
  let next = 1;
  const last = explicit[explicit.length - 1] ?? 1;
  for (let page = 1; page <= last; page++) {
    const indices = explicit.flatMap((p, i) => (p === page ? [i] : []));
    const blocks = indices.map((i) => out.blocks[i]);
    const weight = blocks.reduce((sum, b) => sum + countWords(b.text) + (b.kind === 'heading' ? 30 : 4), 0);
    if (weight > OVERFULL_PAGE) {
      estimated = true;
      const local = estimatePages(blocks);
      for (const [k, i] of indices.entries()) pageOfBlock[i] = next + local[k] - 1;
      next += local[local.length - 1];
    } else {
      for (const i of indices) pageOfBlock[i] = next;
      next++;
    }
  }
  return { pageOfBlock, estimated };
}

function pageTexts(
  blocks: Block[],
  pageOfBlock: number[],
  lastPage: number,
): { page: number; text: string }[] {
  const pages = Array.from({ length: lastPage }, (_, i) => ({ page: i + 1, text: '' }));
  blocks.forEach((b, i) => {
    const page = pages[pageOfBlock[i] - 1];
    const previous = blocks[i - 1];
    const glue =
      previous?.kind === 'list' && b.kind === 'list' && pageOfBlock[i - 1] === pageOfBlock[i] ? '\n' : '\n\n';
    page.text = page.text === '' ? b.text : page.text + glue + b.text;
  });
  return pages;
}

/**
 * Parses a DOCX archive (already checked against zip bombs) into raw pages, heading hints, hidden content
 * and metadata. Throws 422 `corrupt_file` when the main document is missing or not valid XML.
 */
export function parseDocx(zip: ZipArchive, mediaType: string): RawDocument {
  try {
    return parsePackage(zip, mediaType);
  } catch (err) {
    if (err instanceof UnprocessableError) throw err;
    throw new UnprocessableError(
      'corrupt_file',
      "Le document Word est endommagé : son contenu n'a pas pu être lu. Ouvrez-le dans Word, enregistrez-le à nouveau (ou exportez-le en PDF) puis déposez-le.",
    );
  }
}

function parsePackage(zip: ZipArchive, mediaType: string): RawDocument {
  const main =
    relationships(zip, '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'word/document.xml';
  const documentXml = zip.text(main) ?? zip.text('word/document.xml');
  if (documentXml === null) throw new Error('missing main document part');
  const rels = relationships(zip, main);
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const styles = readStyles(zip.text(relatedPart(rels, '/styles', `${folder}styles.xml`)));
  const numbering = readNumbering(zip.text(relatedPart(rels, '/numbering', `${folder}numbering.xml`)));
  const walk: Walk = { styles, numbering, out: new Assembly(), footnotes: new Map(), noteNumber: 0 };
  for (const [id, paras] of [
    ...readNotes(zip, relatedPart(rels, '/footnotes', `${folder}footnotes.xml`), 'footnote'),
    ...readNotes(zip, relatedPart(rels, '/endnotes', `${folder}endnotes.xml`), 'endnote'),
  ])
    walk.footnotes.set(id, paras);

  const root = parseXml(documentXml, NAMESPACES);
  const body = child(root, 'w:body');
  if (body === undefined) throw new Error('missing w:body');
  // A coloured page background (w:background) makes white text readable on screen and in the PDF export.
  const background = child(root, 'w:background')?.attrs['w:color'];
  const pageShaded = background !== undefined && background !== 'auto' && !isWhiteHex(background);
  blockContainer(body, walk, 'body', pageShaded);
  walk.out.flushNotes();

  const out = walk.out;
  const { pageOfBlock, estimated } = paginate(out);
  const lastPage = pageOfBlock.reduce((max, p) => Math.max(max, p), 1);
  const pageOf = (anchor: Anchor): number => {
    const { block, page } = anchor;
    if (out.blocks[block]?.page === page) return pageOfBlock[block];
    if (block > 0 && out.blocks[block - 1]?.page === page) return pageOfBlock[block - 1];
    // A page holding no visible block (only hidden text): its explicit number, unless pages were estimated.
    return estimated ? (pageOfBlock[Math.min(block, out.blocks.length - 1)] ?? 1) : Math.min(page, lastPage);
  };

  const hidden: HiddenItem[] = out.hidden.map((h) => {
    const page = pageOf(h);
    return { kind: h.kind, location: `page ${page}`, text: h.text, page };
  });
  for (const [id, text] of readComments(zip, relatedPart(rels, '/comments', `${folder}comments.xml`), walk)) {
    const anchor = out.commentAnchors.get(id);
    if (anchor === undefined) hidden.push({ kind: 'comment', location: 'commentaire', text });
    else hidden.push({ kind: 'comment', location: `page ${pageOf(anchor)}`, text, page: pageOf(anchor) });
  }
  const { metadata, fields } = readProperties(zip);
  hidden.push(...metadataHidden(fields));

  const headings: HeadingHint[] = out.headings.map((h) => ({
    page: pageOf(h),
    text: h.text,
    level: h.level,
    source: 'style',
  }));
  return {
    format: 'docx',
    mediaType,
    pages: pageTexts(out.blocks, pageOfBlock, lastPage),
    pagesEstimated: estimated,
    headings,
    hidden,
    warnings: [],
    metadata,
    layout: { stripRunningLines: false, joinLines: false },
  };
}
