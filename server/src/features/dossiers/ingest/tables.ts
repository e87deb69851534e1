import type { PageText, TableInfo, TableRowInfo } from '../../../../../db/schema';

/** The separator between the cells of a table row in the text. */
export const CELL_SEPARATOR = ' | ';

/** A line of the text that is a table row: cells joined by ` | `. */
const ROW = / \| |^\| | \|$/;

/** The cells of a row line (an empty cell reads `a | | c`). */
export function rowCells(line: string): string[] {
  return line.split('|').map((c) => c.trim());
}

interface Block {
  rows: TableRowInfo[];
  /** The table is the first/last block of its page (it may continue across the break). */
  opensPage: boolean;
  closesPage: boolean;
}

/**
 * Runs of at least two row lines inside one blank-line-separated block of a page, and a single row line
 * opening the page (it can only be the last row of a table continued from the page before).
 */
function pageTables(page: PageText): Block[] {
  const out: Block[] = [];
  const lines = page.text.split('\n');
  let offset = 0;
  let run: TableRowInfo[] = [];
  let firstBlock = true;
  let runOpens = false;
  const flush = (closes: boolean) => {
    if (run.length >= 2 || (run.length === 1 && runOpens))
      out.push({ rows: run, opensPage: runOpens, closesPage: closes });
    run = [];
  };
  lines.forEach((line, i) => {
    if (ROW.test(line)) {
      if (run.length === 0) runOpens = firstBlock;
      run.push({ page: page.page, start: offset, end: offset + line.length, cells: rowCells(line) });
    } else {
      flush(false);
      if (line.trim() !== '') firstBlock = false;
    }
    offset += line.length + 1;
    if (i === lines.length - 1) flush(true);
  });
  return out;
}

/**
 * The tables of a document, from its page texts: every block of two or more ` | ` lines is a table whose
 * first row is its header. A table ending a page and one opening the next with as many columns are one
 * table, even when a single row runs on (a PDF's repeated header row has already been dropped by the
 * parser). Offsets are page-relative.
 */
export function detectTables(pages: PageText[]): TableInfo[] {
  const tables: TableInfo[] = [];
  /** The last table read, and whether it ends its page (only then may the next page continue it). */
  let previous: { table: TableInfo; closesPage: boolean } | null = null;
  for (const page of pages) {
    const blocks = pageTables(page);
    blocks.forEach((block, i) => {
      const continues =
        i === 0 &&
        block.opensPage &&
        previous?.closesPage &&
        previous.table.pageEnd === page.page - 1 &&
        previous.table.header.length === block.rows[0].cells.length;
      if (continues && previous) {
        previous.table.rows.push(...block.rows);
        previous.table.pageEnd = page.page;
        previous.closesPage = block.closesPage;
        return;
      }
      // A lone row line that continues nothing is not a table.
      if (block.rows.length < 2) return;
      const table: TableInfo = {
        page: page.page,
        pageEnd: page.page,
        header: block.rows[0].cells,
        rows: block.rows,
      };
      tables.push(table);
      previous = { table, closesPage: block.closesPage };
    });
    if (blocks.length === 0 && page.text.trim() !== '') previous = null;
  }
  return tables;
}
