import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildTablePdf,
  CLOSING_PARAGRAPHS,
  INTRO_PARAGRAPHS,
  ROWS_ON_PAGE_1,
  RUNNING_HEADER_TEXT,
  TABLE_HEADER,
  TABLE_ROWS,
} from './fixtures/table-pdf';
import { parseDocumentInProcess } from './parse';
import type { PositionedItem } from './pdf-lines';
import { cellText } from './pdf-tables';
import type { ParsedDocument } from './types';

const line = (cells: string[]) => cells.join(' | ');

describe('PDF tables and paragraphs (pdf-lib, word-processor layout)', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = await parseDocumentInProcess(await buildTablePdf(), { fileName: 'negociation.pdf' });
  });

  it('reads each row of a ruled table as one line, its wrapped cells merged and in order', () => {
    const page1 = doc.pages[0].text;
    expect(page1).toContain([TABLE_HEADER, ...TABLE_ROWS.slice(0, ROWS_ON_PAGE_1)].map(line).join('\n'));
  });

  it('joins the table continued on the next page without its repeated header row', () => {
    const page2 = doc.pages[1].text;
    expect(page2.startsWith(TABLE_ROWS.slice(ROWS_ON_PAGE_1).map(line).join('\n'))).toBe(true);
    expect(doc.text.split(line(TABLE_HEADER)).length - 1).toBe(1);
  });

  it('keeps the table in the model as rows and cells, each row with its page and its line', () => {
    expect(doc.tables).toHaveLength(1);
    const [table] = doc.tables;
    expect(table).toMatchObject({ page: 1, pageEnd: 2, header: TABLE_HEADER });
    expect(table.rows.map((r) => r.cells)).toEqual([TABLE_HEADER, ...TABLE_ROWS]);
    expect(table.rows.map((r) => r.page)).toEqual([1, 1, 1, 1, 1, 2, 2]);
    for (const r of table.rows) expect(doc.pages[r.page - 1].text.slice(r.start, r.end)).toBe(line(r.cells));
  });

  it('reflows paragraphs that have no space between them, one block each', () => {
    const blocks = doc.text.split('\n\n');
    for (const p of [...INTRO_PARAGRAPHS, ...CLOSING_PARAGRAPHS]) expect(blocks).toContain(p);
  });

  it('drops the running header and the « Page n / N » footer', () => {
    expect(doc.text).not.toContain(RUNNING_HEADER_TEXT);
    expect(doc.text).not.toMatch(/Page \d \/ 3/);
    expect(doc.pages).toHaveLength(3);
  });
});

describe('cellText', () => {
  const at = (str: string, x: number, y: number, width: number): PositionedItem => ({
    str,
    x,
    y,
    width,
    size: 8,
    horizontal: true,
    hasEOL: false,
  });

  it('mends a figure a narrow cell cut at its edge, and keeps two figures a line apart', () => {
    // Cell 300–330, text from 303: « +0, » and « +1 » run to the edge, their digits on the next line.
    expect(cellText([at('+0,', 303, 500, 25), at('4 pt', 303, 490, 16)], 300, 330)).toBe('+0,4 pt');
    expect(cellText([at('+1', 303, 500, 25), at('1,2 %', 303, 490, 20)], 300, 330)).toBe('+11,2 %');
    // Short of the edge: two values.
    expect(cellText([at('+1', 303, 500, 8), at('2 %', 303, 490, 12)], 300, 330)).toBe('+1 2 %');
  });
});

describe('PDF tables without rules (pdf-lib, borders off)', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = await parseDocumentInProcess(await buildTablePdf({ ruled: false }), {
      fileName: 'sans-bordures.pdf',
    });
  });

  it('reads each row as one line from column alignment, its cells of up to four lines merged', () => {
    expect(doc.pages[0].text).toContain(
      [TABLE_HEADER, ...TABLE_ROWS.slice(0, ROWS_ON_PAGE_1)].map(line).join('\n'),
    );
  });

  it('joins the table continued on the next page and drops its repeated header row', () => {
    expect(doc.pages[1].text.startsWith(TABLE_ROWS.slice(ROWS_ON_PAGE_1).map(line).join('\n'))).toBe(true);
    expect(doc.text.split(line(TABLE_HEADER)).length - 1).toBe(1);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].rows.map((r) => r.cells)).toEqual([TABLE_HEADER, ...TABLE_ROWS]);
    expect(doc.tables[0].rows.map((r) => r.page)).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });

  it('leaves the paragraphs around the table whole', () => {
    const blocks = doc.text.split('\n\n');
    for (const p of [...INTRO_PARAGRAPHS, ...CLOSING_PARAGRAPHS]) expect(blocks).toContain(p);
  });
});

describe('a table over three pages (LibreOffice, header row repeated on each page)', () => {
  const ACTION_HEADER = ['Action', 'Responsable et moyens', 'Indicateur de suivi'];
  let doc: ParsedDocument;
  beforeAll(async () => {
    const file = new URL(
      '../../../../../evals/renderings/layout/plan-actions.libreoffice.pdf',
      import.meta.url,
    );
    doc = await parseDocumentInProcess(new Uint8Array(readFileSync(file)), { fileName: 'plan-actions.pdf' });
  });

  it('drops the repeated header row on every page it continues on, not only the second', () => {
    expect(doc.text.split(line(ACTION_HEADER)).length - 1).toBe(1);
    const table = doc.tables.find((t) => line(t.header) === line(ACTION_HEADER));
    expect(table).toMatchObject({ page: 1, pageEnd: 3 });
    expect(table?.rows.filter((r) => line(r.cells) === line(ACTION_HEADER))).toHaveLength(1);
    expect(table?.rows.at(-1)?.cells[0]).toBe(
      'Préparer le salon professionnel Egast de Strasbourg (second semestre)',
    );
  });
});
