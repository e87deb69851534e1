import type { ReactNode } from 'react';

/** One column of a table's head. */
export interface Column {
  /** What the header says: text, or an `<abbr>` with its long form. */
  label: ReactNode;
  /** React key, when the label is not a string. */
  key?: string;
  /** Said to screen readers only (an actions column needs a name, not a visible one). */
  hidden?: boolean;
  /** A number column: aligned right, like its cells (`num`). */
  num?: boolean;
  /** The header cell's own class (the caller's CSS Module). */
  className?: string;
}

function join(...classes: (string | false | undefined)[]): string | undefined {
  return classes.filter(Boolean).join(' ') || undefined;
}

/** `<thead>` with one `<th scope="col">` per column, so pages pass their columns as data, not markup. */
export function TableHead({
  columns,
  cellClassName,
}: {
  columns: readonly Column[];
  cellClassName?: string;
}) {
  return (
    <thead>
      <tr>
        {columns.map((c, index) => (
          <th
            key={c.key ?? (typeof c.label === 'string' ? c.label : index)}
            scope="col"
            className={join(c.num && 'num', cellClassName, c.className)}
          >
            {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A `data-table` that may be wider than the screen: it scrolls sideways inside a keyboard-focusable region
 * (axe scrollable-region-focusable, WCAG 2.1.1). The body's rows come from the caller.
 */
export function DataTable({
  columns,
  caption,
  captionClassName,
  className,
  foot,
  children,
}: {
  columns: readonly Column[];
  caption?: ReactNode;
  /** `visually-hidden` where the heading above already says it. */
  captionClassName?: string;
  /** Added to `data-table` (the caller's CSS Module). */
  className?: string;
  /** The footer's rows (totals). */
  foot?: ReactNode;
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be keyboard-focusable (axe scrollable-region-focusable, WCAG 2.1.1)
    <div className="table-scroll" tabIndex={0}>
      <table className={join('data-table', className)}>
        {caption && <caption className={captionClassName}>{caption}</caption>}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}

/**
 * A chart's numbers as a table for screen readers (the chart itself is `aria-hidden`): not shown, and not
 * in a scroll region since it is never on screen.
 */
export function ScreenReaderTable({
  columns,
  caption,
  children,
}: {
  columns: readonly Column[];
  caption: ReactNode;
  children: ReactNode;
}) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}

/** The lines a refused CSV file must fix (roster import, jury scores import): line number, problem. */
export function LineErrorsTable({
  caption,
  line,
  problem,
  rows,
}: {
  caption: string;
  /** The two column headers, in the importer's words. */
  line: string;
  problem: string;
  rows: readonly { line: number; message: string }[];
}) {
  return (
    <DataTable caption={caption} columns={[{ label: line }, { label: problem }]}>
      {rows.map((row) => (
        <tr key={`${row.line}-${row.message}`}>
          <td className="num">{row.line}</td>
          <td>{row.message}</td>
        </tr>
      ))}
    </DataTable>
  );
}
