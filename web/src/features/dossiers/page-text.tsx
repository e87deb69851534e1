import type { ReactNode } from 'react';
import styles from './page-text.module.css';

/** A highlighted range of a page's text, with the attributes of its `<mark>`. */
export interface PageMark {
  range: [number, number];
  key: string | number;
  className?: string;
  quote?: number;
}

/** A table row of the page: where it lies in the page's text (one line, cells joined by ` | `). */
export interface PageRow {
  start: number;
  end: number;
  /** The table's header row. */
  header: boolean;
}

type Segment = { kind: 'text'; start: number; end: number } | { kind: 'table'; rows: PageRow[] };

/** The page cut into running text and tables: consecutive row lines make one table. */
export function segmentsOf(length: number, rows: PageRow[]): Segment[] {
  const sorted = [...rows].filter((r) => r.start >= 0 && r.end <= length).sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const row of sorted) {
    if (row.start < at) continue;
    const last = segments[segments.length - 1];
    if (last?.kind === 'table' && row.start <= at + 1 && !row.header) last.rows.push(row);
    else {
      if (row.start > at) segments.push({ kind: 'text', start: at, end: row.start });
      segments.push({ kind: 'table', rows: [row] });
    }
    at = row.end;
  }
  if (at < length) segments.push({ kind: 'text', start: at, end: length });
  return segments;
}

/** Cell ranges of a row line: between the `|` separators, spaces trimmed. */
export function cellRanges(text: string, start: number, end: number): [number, number][] {
  const cells: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '|') {
      let a = from;
      let b = i;
      while (a < b && text[a] === ' ') a++;
      while (b > a && text[b - 1] === ' ') b--;
      cells.push([a, b]);
      from = i + 1;
    }
  }
  return cells;
}

function marked(text: string, start: number, end: number, marks: PageMark[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = start;
  for (const m of marks) {
    const a = Math.max(m.range[0], start);
    const b = Math.min(m.range[1], end);
    if (b <= a) continue;
    if (a > at) parts.push(text.slice(at, a));
    parts.push(
      <mark key={`${m.key}-${a}`} className={m.className} data-quote={m.quote}>
        {text.slice(a, b)}
      </mark>,
    );
    at = b;
  }
  if (at < end) parts.push(text.slice(at, end));
  return parts;
}

/**
 * A page of the dossier's extracted text: running text as written, tables as tables (a row per line of
 * the text, its cells in columns, the header row as column headings), with the marks highlighted.
 */
export function PageText({ text, rows, marks = [] }: { text: string; rows: PageRow[]; marks?: PageMark[] }) {
  const sortedMarks = [...marks].sort((a, b) => a.range[0] - b.range[0]);
  return (
    <div className={styles.pageText}>
      {segmentsOf(text.length, rows).map((s) => {
        if (s.kind === 'text') {
          // The line break that ends a table is the table's, not the text's.
          const start = s.start > 0 && text[s.start] === '\n' ? s.start + 1 : s.start;
          return <span key={`t${s.start}`}>{marked(text, start, s.end, sortedMarks)}</span>;
        }
        const [first, ...rest] = s.rows;
        const head = first.header ? first : null;
        const body = head ? rest : s.rows;
        return (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls on its own, so keyboard users must be able to focus and scroll it (WCAG 2.1.1)
          <div className={styles.pageTableWrap} key={`r${first.start}`} tabIndex={0}>
            <table className={styles.pageTable}>
              {head && (
                <thead>
                  <tr>
                    {cellRanges(text, head.start, head.end).map(([a, b]) => (
                      <th key={a} scope="col" className={`${styles.pageTableCell} ${styles.pageTableHead}`}>
                        {marked(text, a, b, sortedMarks)}
                      </th>
                    ))}
                  </tr>
                </thead>
              )}
              <tbody>
                {body.map((row) => (
                  <tr key={row.start}>
                    {cellRanges(text, row.start, row.end).map(([a, b]) => (
                      <td key={a} className={styles.pageTableCell}>
                        {marked(text, a, b, sortedMarks)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}

/** The table rows of each page, from the API's tables. */
export function rowsByPage(
  tables: { header: string[]; rows: { page: number; start: number; end: number; cells: string[] }[] }[],
): Map<number, PageRow[]> {
  const byPage = new Map<number, PageRow[]>();
  for (const table of tables) {
    table.rows.forEach((row, i) => {
      const list = byPage.get(row.page) ?? [];
      list.push({ start: row.start, end: row.end, header: i === 0 });
      byPage.set(row.page, list);
    });
  }
  return byPage;
}
