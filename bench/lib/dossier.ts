/**
 * Generated dossiers for the benchmarks: realistic French dossier text (the paragraphs, lists, tables and
 * headings of the gold dossiers in `evals/cases/`), laid out on A4 pages by the ingestion fixtures' own
 * builders (pdf-lib, docx) so that every page is full but never overflows, with a running header and
 * page numbers like a word processor's export.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { buildDocx } from '../../server/src/features/dossiers/ingest/fixtures/build-docx';
import { buildPdf } from '../../server/src/features/dossiers/ingest/fixtures/build-pdf';
import type { Block, PageSpec } from '../../server/src/features/dossiers/ingest/fixtures/dossier';
import { getExam, listExams } from '../../server/src/features/referential/index';

const CASES_DIR = new URL('../../evals/cases/', import.meta.url);

/** The builder's layout (build-pdf.ts): A4, 72 pt margins, Helvetica 11/14, footer at 30 pt. */
const TOP = 842 - 72;
const BOTTOM = 64;
const TEXT_WIDTH = 595 - 2 * 72;
const BODY = 11;
const LEADING = 14;
/** Table columns start at 72, 252 and 382 pt (build-pdf.ts) and are not wrapped. */
const COLUMN_WIDTHS = [172, 122, 140];

/**
 * Words per full page. A dossier « structuré et illustré » is not wall-to-wall text: this leaves room for
 * headings, tables and lists, and matches the ~450 words a page Préjury assumes when it estimates pages.
 */
export const WORDS_PER_PAGE = 420;

function clean(line: string): string {
  return line
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown of the gold dossiers → a flat list of blocks (headings, paragraphs, list items, tables). */
export function blocksFromMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] = [];
  const flushTable = () => {
    if (table.length > 1) blocks.push({ kind: 'table', rows: table.map((row) => row.slice(0, 3)) });
    table = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('|')) {
      if (!/^\|[\s:|-]+\|$/.test(line)) table.push(line.slice(1, -1).split('|').map(clean));
      continue;
    }
    flushTable();
    if (line === '') continue;
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length <= 2 ? 1 : 2, text: clean(heading[2]) });
      continue;
    }
    const item = /^(?:[-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const text = clean(item[1]);
      blocks.push(text.length <= 78 ? { kind: 'list', items: [text] } : { kind: 'paragraph', text });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: clean(line) });
  }
  flushTable();
  return blocks;
}

function caseBlocks(examId: string, quality: 'strong' | 'partial'): Block[] {
  try {
    return blocksFromMarkdown(readFileSync(new URL(`${examId}/${quality}.md`, CASES_DIR), 'utf8'));
  } catch {
    return [];
  }
}

/**
 * The text bank: the lead exam's strong then partial dossier first (so a review of that exam reads an
 * on-topic dossier), then the other French exams' dossiers, cycled as long as needed.
 */
function bank(leadExamId: string): Block[] {
  const french = listExams()
    .filter((e) => e.modalities.language === 'fr' && e.id !== leadExamId)
    .map((e) => e.id);
  const order = [leadExamId, ...french];
  return [
    ...caseBlocks(leadExamId, 'strong'),
    ...caseBlocks(leadExamId, 'partial'),
    ...order.slice(1).flatMap((id) => caseBlocks(id, 'strong')),
    ...order.slice(1).flatMap((id) => caseBlocks(id, 'partial')),
  ];
}

function wrapCount(text: string, font: PDFFont, size: number, width: number): number {
  let lines = 0;
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) > width && line !== '') {
      lines++;
      line = word;
    } else line = candidate;
  }
  return lines + (line === '' ? 0 : 1);
}

function fitCell(text: string, font: PDFFont, width: number): string {
  if (font.widthOfTextAtSize(text, 10) <= width) return text;
  const words = text.split(' ');
  let out = '';
  for (const word of words) {
    const next = out === '' ? word : `${out} ${word}`;
    if (font.widthOfTextAtSize(next, 10) > width) break;
    out = next;
  }
  return out === '' ? text.slice(0, 12) : out;
}

/** Replaces what the standard fonts (WinAnsi) cannot draw: `₂` → `2`, `→` → `->`, else `?`. */
function winAnsi(font: PDFFont): (text: string) => string {
  const known = new Map<string, string>();
  const fallback: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '≈': '~', '✓': 'v' };
  const drawable = (ch: string) => {
    try {
      font.widthOfTextAtSize(ch, BODY);
      return true;
    } catch {
      return false;
    }
  };
  return (text) =>
    Array.from(text, (ch) => {
      let out = known.get(ch);
      if (out === undefined) {
        const folded = ch.normalize('NFKD').replace(/\p{M}+/gu, '');
        out = drawable(ch) ? ch : (fallback[ch] ?? (folded !== ch && drawable(folded) ? folded : '?'));
        known.set(ch, out);
      }
      return out;
    }).join('');
}

function mapText(block: Block, fix: (text: string) => string): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: fix(block.text) };
    case 'list':
      return { ...block, items: block.items.map(fix) };
    case 'table':
      return { ...block, rows: block.rows.map((row) => row.map(fix)) };
    default:
      return block;
  }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export interface BenchDossier {
  pages: PageSpec[];
  header: string;
  /** Visible words laid out (header and footer excluded). */
  words: number;
}

/**
 * `pageCount` full pages: a cover page, then the text bank laid out page after page (a paragraph that does
 * not fit is split between sentences, as a word processor would), each page holding at most
 * `WORDS_PER_PAGE` words and never running into the footer.
 */
export async function benchDossier(
  pageCount: number,
  leadExamId = 'b1-diagnostics-strategiques',
): Promise<BenchDossier> {
  const exam = getExam(leadExamId);
  if (!exam) throw new Error(`unknown exam ${leadExamId}`);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fix = winAnsi(font);
  const source = bank(leadExamId).map((block) => mapText(block, fix));
  let cursor = 0;
  /** Blocks pushed back to the next page, taken before the bank. */
  const carry: Block[] = [];
  const next = (): Block => {
    const held = carry.pop();
    if (held) return held;
    const block = source[cursor % source.length];
    cursor++;
    return block;
  };

  const pages: PageSpec[] = [
    {
      blocks: [
        { kind: 'heading', level: 1, text: `Dossier professionnel — ${exam.case}` },
        {
          kind: 'paragraph',
          text: `Titre RNCP « Manager du développement commercial » — ${exam.bloc}, étude de cas « ${exam.case} ».`,
        },
        {
          kind: 'paragraph',
          text: 'Présenté par Camille Roux, promotion 2024, en alternance chez Cycléa SAS.',
        },
      ],
    },
  ];
  let total = pages[0].blocks.reduce((n, b) => n + (b.kind === 'paragraph' ? words(b.text) : 0), 0);
  while (pages.length < pageCount) {
    const blocks: Block[] = [];
    let y = TOP;
    let pageWords = 0;
    for (;;) {
      const block = next();
      if (block.kind === 'heading') {
        const size = block.level === 1 ? 16 : 13;
        const need = 12 + wrapCount(block.text, bold, size, TEXT_WIDTH) * size * 1.3;
        // A heading never ends a page: it needs room for two lines of what follows.
        if (y - need - 2 * LEADING < BOTTOM && blocks.length > 0) {
          carry.push(block);
          break;
        }
        blocks.push(block);
        y -= need;
      } else if (block.kind === 'paragraph') {
        const sentences = block.text.split(/(?<=[.!?;:])\s+/);
        let taken = '';
        let rest = sentences;
        for (let i = 1; i <= sentences.length; i++) {
          const candidate = sentences.slice(0, i).join(' ');
          const lines = wrapCount(candidate, font, BODY, TEXT_WIDTH);
          const full = y - lines * LEADING - 8 < BOTTOM || pageWords + words(candidate) > WORDS_PER_PAGE;
          // On an empty page the first sentence always goes in, however long: no endless loop.
          if (full && !(i === 1 && blocks.length === 0)) break;
          taken = candidate;
          rest = sentences.slice(i);
        }
        if (taken !== '') {
          blocks.push({ kind: 'paragraph', text: taken });
          y -= wrapCount(taken, font, BODY, TEXT_WIDTH) * LEADING + 8;
          pageWords += words(taken);
        }
        if (rest.length > 0) {
          carry.push({ kind: 'paragraph', text: rest.join(' ') });
          if (blocks.length > 0) break;
        }
      } else if (block.kind === 'list') {
        if (block.items.some((item) => font.widthOfTextAtSize(item, BODY) > TEXT_WIDTH - 20)) {
          carry.push({ kind: 'paragraph', text: block.items.join(' ') });
          continue;
        }
        if (y - LEADING - 8 < BOTTOM || pageWords + words(block.items.join(' ')) > WORDS_PER_PAGE) {
          carry.push(block);
          break;
        }
        // Consecutive items read as one list.
        const last = blocks[blocks.length - 1];
        if (last?.kind === 'list') {
          last.items.push(...block.items);
          y -= LEADING;
        } else {
          blocks.push({ kind: 'list', items: [...block.items] });
          y -= LEADING + 8;
        }
        pageWords += words(block.items.join(' '));
      } else if (block.kind === 'table') {
        const rows = block.rows
          .slice(0, 8)
          .map((row) => row.map((c, i) => fitCell(c, font, COLUMN_WIDTHS[i])));
        const tableWords = words(rows.flat().join(' '));
        if (y - rows.length * 16 - 8 < BOTTOM || pageWords + tableWords > WORDS_PER_PAGE) {
          // A table taller than a page is left out; otherwise it opens the next page.
          if (blocks.length === 0) continue;
          carry.push(block);
          break;
        }
        blocks.push({ kind: 'table', rows });
        y -= rows.length * 16 + 8;
        pageWords += tableWords;
      }
      if (y - 2 * LEADING < BOTTOM || pageWords >= WORDS_PER_PAGE - 10) break;
    }
    // A heading never ends a page: it moves to the next one with what it introduces.
    while (blocks.length > 1 && blocks[blocks.length - 1].kind === 'heading') {
      carry.push(blocks.pop() as Block);
    }
    pages.push({ blocks });
    total += pageWords;
  }
  const header = `Dossier professionnel – Camille Roux – ${exam.bloc} ${exam.case}`;
  return { pages, header, words: total };
}

/** The dossier as a PDF (running header, « Page n / N » footer). */
export function dossierPdf(dossier: BenchDossier): Promise<Uint8Array> {
  return buildPdf(dossier.pages, {
    header: dossier.header,
    footer: (n, total) => `Page ${n} / ${total}`,
    metadata: { title: 'Dossier professionnel', author: 'Camille Roux' },
  });
}

/** The same dossier as a DOCX with a page break between pages (running header). */
export function dossierDocx(dossier: BenchDossier): Promise<Uint8Array> {
  return buildDocx(dossier.pages, { header: dossier.header, pageBreaks: true });
}
