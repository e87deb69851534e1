/**
 * Reading fidelity: how much of a source's structure a rendering's extracted text gives back, measured
 * against the source (Markdown or DOCX blocks, `source.ts`), the truth:
 *
 * - **paragraphs intact**: share of source headings, paragraphs and list items that equal one extracted block
 *   (`\n\n`-separated) or one line of a block, once whitespace is collapsed. A paragraph cut in two, or glued
 *   to its neighbour, is not intact. A paragraph that a page break cuts may be the last block of a page
 *   followed by the first of the next: the page break is the document's, not the reader's.
 * - **rows intact**: share of table rows (header rows included) found as one line whose ` | `-separated cells
 *   are the source's cells, in order, and nothing else.
 * - **header/footer lines**: lines that carry the running header or a page number ("Page 3 / 7", "3"), beyond
 *   those the source itself contains.
 * - **repeated header rows**: a table's header row read more times than the source has it (a table over two
 *   pages whose header row comes back).
 * - **pages**: the page count, and the page each source part starts on against the rendering's own (found by
 *   `locateParts` on `pdftotext`'s pages when the rendering was built, stored in the manifest).
 *
 * Comparison folds what is typography, not structure: Unicode compatibility forms (ligatures, no-break
 * spaces), curly quotes, dashes and the WinAnsi fallbacks a PDF library writes (`≥` as `>=`).
 */
import type { SourcePart } from './source';

const FALLBACKS: [RegExp, string][] = [
  [/[’‘ʼ`]/g, "'"],
  [/[“”«»]/g, '"'],
  [/[‐‑‒–—−]/g, '-'],
  [/≥/g, '>='],
  [/≤/g, '<='],
  [/→/g, '->'],
  [/≈/g, '~'],
  [/\u00ad/g, ''],
];

/** Text as compared: NFKC, typographic variants folded, whitespace collapsed. */
export function fold(text: string): string {
  let out = text.normalize('NFKC');
  for (const [re, to] of FALLBACKS) out = out.replace(re, to);
  return out.replace(/\s+/g, ' ').trim();
}

const MARKER = /^(?:[-•*▪◦‣·]\s+|\d{1,3}[.)]\s+|#{1,6}\s+|\d{1,2}\s+(?=\p{L}))/u;
/** A footnote call: one or two digits glued to the end of a word or sentence (« printemps.1 »). */
const NOTE_CALL = /(?<=[\p{L}.)"])\s?\d{1,2}(?=[\s.,;:!?)]|$)/gu;

/**
 * A block or line as a unit: folded, without a list marker, Markdown heading hashes, a footnote's number or
 * footnote calls (the source has notes as paragraphs of their own, without numbers). Applied to both sides.
 */
export function foldUnit(text: string): string {
  return fold(text).replace(MARKER, '').replace(NOTE_CALL, '').replace(/"\s+/g, '"').replace(/\s+"/g, '"');
}

function cellsOf(line: string): string[] {
  return line
    .split(/\s*\|\s*|\t+/)
    .map((c) => foldUnit(c))
    .filter((c) => c !== '');
}

const rowKey = (cells: string[]) =>
  cells
    .map((c) => foldUnit(c))
    .filter((c) => c !== '')
    .join('\u0000');

/** A line that is a page number (« 3 », « 3 / 7 », « Page 3 sur 7 »), or that carries « Page 3 / 7 ». */
const PAGE_NUMBER =
  /^(?:page\s*)?\d{1,4}(?:\s*(?:\/|sur|of)\s*\d{1,4})?$|\bpage\s*\d{1,4}\s*(?:\/|sur|of)\s*\d{1,4}\b/i;

export interface PageText {
  page: number;
  text: string;
}

export interface Fidelity {
  paragraphs: { n: number; intact: number };
  rows: { n: number; intact: number };
  /** Lines carrying the running header or a page number, beyond the source's own. */
  headerFooterLines: number;
  /** Header rows read more often than the source has them. */
  repeatedHeaderRows: number;
  pages: {
    /** The rendering's page count, null when it has no pages of its own (Markdown, DOCX). */
    expected: number | null;
    actual: number;
    /** Source parts whose page is known in the rendering. */
    located: number;
    /** Of those, parts the extraction puts on the same page. */
    onPage: number;
    /** Page count equal and every located part on its page; null when the rendering has no pages. */
    exact: boolean | null;
  };
  /** A few parts that were not read intact, cut to 80 characters, to see what went wrong. */
  examples: string[];
}

/** The word in the text, whole or cut in two by a column too narrow for it (« Éca rt »). */
function holdsWord(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  for (let k = 2; k <= word.length - 2; k++) {
    if (text.includes(`${word.slice(0, k)} ${word.slice(k)}`)) return true;
  }
  return false;
}

/**
 * Where each part starts, as a page number (1-based), searching forward from the previous part's place so that
 * a repeated phrase is found where it belongs. A part's anchor is the first words of its text (of its first
 * cell for a row). Null when a part cannot be found.
 */
export function locateParts(parts: SourcePart[], pages: string[]): (number | null)[] {
  // A compound word cut at its hyphen (« Santé-\nsécurité ») is one word again; cells are plain text.
  // Plain folding here (no footnote-call stripping: « CA 12,6 » must keep its number).
  const folded = pages.map((p) =>
    fold(p.replace(/-\n(?=\p{L})/gu, '-'))
      .replace(/\|/g, ' ')
      .replace(/\s+/g, ' '),
  );
  let page = 0;
  let offset = 0;
  return parts.map((part) => {
    const source = part.kind === 'row' ? (part.cells.find((c) => c.trim() !== '') ?? part.text) : part.text;
    // A few words, enough to be specific (« E — Climat », not « E — »), few enough to sit on one line of a
    // narrow table cell.
    const words = fold(source).replace(MARKER, '').split(' ');
    let anchor = '';
    for (const [i, word] of words.entries()) {
      if (i >= (part.kind === 'row' ? 3 : 5) && anchor.length >= 12) break;
      anchor = anchor === '' ? word : `${anchor} ${word}`;
      if (part.kind === 'row' && anchor.length >= 12) break;
    }
    if (anchor === '') return null;
    // A row's whole first cell first: rows of two tables may open alike (« Relancer les comptes CHR inactifs
    // depuis six mois » and the same « (second semestre) » on the next page).
    const whole = words.join(' ');
    const anchors = part.kind === 'row' && whole !== anchor ? [whole, anchor] : [anchor];
    // A row's page also holds the first word of each of its other cells: a phrase met earlier in the prose
    // (« Panier moyen ») is not the row.
    const others = part.kind === 'row' ? part.cells.slice(1).map((c) => fold(c).split(' ')[0] ?? '') : [];
    const holdsRow = (text: string) => others.every((w) => w === '' || holdsWord(text, w));
    const cells = part.kind === 'row' ? part.cells.slice(1).map((c) => fold(c)) : [];
    const holdsCells = (text: string) => cells.every((c) => text.includes(c));
    // On the cursor's page, where the row is expected, the first three letters of each other cell's first word
    // will do: a narrow column cuts words, and pdftotext may read the halves in any order (« rt … Éca »).
    const prefixes = others.map((w) => w.slice(0, 3));
    const at = (a: string, p: number) => {
      const text = folded[p] ?? '';
      const i = text.indexOf(a, p === page ? offset : 0);
      const holds = p === page ? prefixes.every((w) => text.includes(w)) : holdsRow(text);
      return i >= 0 && holds ? i : -1;
    };
    for (const a of anchors) {
      const i = at(a, page);
      if (i >= 0) {
        offset = i + a.length;
        return page + 1;
      }
    }
    if (part.kind === 'row') {
      // `pdftotext` reads a table column by column: a row whose first cell comes after its neighbours' cells
      // (a header row with an empty first cell found first) is still on the cursor's page, before the cursor,
      // not on a later page that holds the same words (« Nouvelles cliniques » in another table); and a first
      // cell cut at its hyphen (« Rendez-|vous ») may have its second half read after the other cells. Only
      // with the whole of every other cell on the page: a short first cell (« Clients ») is met everywhere.
      const text = folded[page] ?? '';
      const cut = /^\S{4,}-/u.exec(whole)?.[0];
      for (const a of cut ? [whole, cut] : [whole]) {
        if (text.includes(a) && holdsCells(text)) return page + 1;
      }
    }
    for (const a of anchors) {
      for (let p = page + 1; p < folded.length; p++) {
        const i = at(a, p);
        if (i >= 0) {
          page = p;
          offset = i + a.length;
          return p + 1;
        }
      }
    }
    // Out of order (a column or a float read elsewhere): the nearest page before the cursor that holds it,
    // the cursor's own page first; the cursor stays where it is.
    for (const a of anchors) {
      for (let p = page; p >= 0; p--) {
        const text = folded[p] ?? '';
        if (text.includes(a) && holdsRow(text)) return p + 1;
      }
    }
    return null;
  });
}

/** Measures one rendering's extracted pages against its source parts. */
export function measureFidelity(input: {
  parts: SourcePart[];
  pages: PageText[];
  header: string;
  expectedPages: number | null;
  partPages: (number | null)[] | null;
}): Fidelity {
  const { parts, pages } = input;
  const blocksPerPage = pages.map((p) =>
    p.text
      .split(/\n[ \t]*\n/)
      .map((b) => b.trim())
      .filter((b) => b !== ''),
  );
  const units = new Set<string>();
  const lines: string[] = [];
  for (const [i, blocks] of blocksPerPage.entries()) {
    for (const block of blocks) {
      units.add(foldUnit(block));
      for (const line of block.split('\n')) {
        if (line.trim() === '') continue;
        units.add(foldUnit(line));
        lines.push(line);
      }
    }
    const next = blocksPerPage[i + 1];
    const last = blocks[blocks.length - 1];
    if (last && next?.[0]) units.add(foldUnit(`${last} ${next[0]}`));
  }

  const examples: string[] = [];
  const example = (kind: string, text: string) => {
    if (examples.length < 4) examples.push(`${kind}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`);
  };

  const paragraphs = parts.filter((p) => p.kind === 'paragraph');
  let paragraphsIntact = 0;
  for (const p of paragraphs) {
    if (units.has(foldUnit(p.text))) paragraphsIntact++;
    else example('paragraph', p.text);
  }

  const lineRows = new Map<string, number>();
  for (const line of lines) {
    const key = rowKey(cellsOf(line));
    if (key !== '') lineRows.set(key, (lineRows.get(key) ?? 0) + 1);
  }
  const rows = parts.filter((p) => p.kind === 'row');
  let rowsIntact = 0;
  for (const r of rows) {
    if (lineRows.has(rowKey(r.cells))) rowsIntact++;
    else example('row', r.cells.join(' | '));
  }
  const sourceRowCount = new Map<string, number>();
  for (const r of rows) sourceRowCount.set(rowKey(r.cells), (sourceRowCount.get(rowKey(r.cells)) ?? 0) + 1);
  let repeatedHeaderRows = 0;
  for (const key of new Set(rows.filter((x) => x.header).map((x) => rowKey(x.cells)))) {
    repeatedHeaderRows += Math.max(0, (lineRows.get(key) ?? 0) - (sourceRowCount.get(key) ?? 0));
  }

  const header = fold(input.header);
  const isRunning = (text: string) => {
    const f = fold(text).replace(MARKER, '');
    return (header !== '' && f.includes(header)) || PAGE_NUMBER.test(f);
  };
  const inSource = parts.filter((p) => isRunning(p.kind === 'row' ? p.cells.join(' | ') : p.text)).length;
  const headerFooterLines = Math.max(0, lines.filter(isRunning).length - inSource);

  const expected = input.expectedPages;
  let located = 0;
  let onPage = 0;
  if (input.partPages) {
    const actual = locateParts(
      parts,
      pages.map((p) => p.text),
    );
    for (const [i, page] of input.partPages.entries()) {
      if (page === null) continue;
      located++;
      if (actual[i] === page) onPage++;
      else if (examples.length < 6) example(`page ${actual[i] ?? '?'} for ${page}`, parts[i]?.text ?? '');
    }
  }
  return {
    paragraphs: { n: paragraphs.length, intact: paragraphsIntact },
    rows: { n: rows.length, intact: rowsIntact },
    headerFooterLines,
    repeatedHeaderRows,
    pages: {
      expected,
      actual: pages.length,
      located,
      onPage,
      exact: expected === null ? null : expected === pages.length && onPage === located,
    },
    examples,
  };
}
