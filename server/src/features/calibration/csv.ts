/**
 * CSV in and out, strict, through csv-parse and csv-stringify. In: RFC 4180 records (quoted fields, doubled
 * quotes, line breaks inside quotes), with the delimiter of the header line (`,` `;` or tab: French
 * spreadsheets write `;`), a UTF-8 BOM or Windows-1252 bytes (Excel's « CSV » in France). Out: RFC 4180 with
 * CRLF and cells that a spreadsheet would run as a formula neutralised.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

/** One record and the line of the file it starts on (1 = the first line). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A problem with one line of the file, in French: shown to the exam team as it is. */
export interface CsvLineError {
  line: number;
  message: string;
}

export interface ParsedCsv {
  delimiter: ',' | ';' | '\t';
  /** Non-blank records, the header included. */
  records: CsvRecord[];
  /** Structural problems (an unclosed quote); parsing stops at the first one. */
  errors: CsvLineError[];
}

/** Thrown for bytes that are not a text file at all (a spreadsheet, an image, a PDF). */
export class NotTextError extends Error {
  override name = 'NotTextError';
}

/**
 * The text of a CSV upload. UTF-8 (BOM optional) first; bytes that are not valid UTF-8 are read as
 * Windows-1252, what Excel writes in France. NUL bytes or other control characters mean a binary file.
 */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), 'win1252');
  }
  if (hasControlCharacters(text)) throw new NotTextError('binary content');
  return text;
}

/** Tab, line feed and carriage return are the only control characters a CSV holds. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

function detectDelimiter(text: string): ParsedCsv['delimiter'] {
  const end = text.search(/\r|\n/);
  const first = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = (
    [
      [',', first.split(',').length - 1],
      [';', first.split(';').length - 1],
      ['\t', first.split('\t').length - 1],
    ] as const
  ).filter(([, n]) => n > 0);
  if (counts.length === 0) return ',';
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

const LINE_BREAK = /\r\n|\r|\n/g;
const lineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

/** Parses CSV text into records (blank lines skipped); see the module comment for what is accepted. */
export function parseCsv(input: string): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: CsvLineError[] = [];
  try {
    parse(text, {
      delimiter,
      // Rows of the wrong length and stray quotes inside a bare field are the caller's to judge, per line.
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Spaces around a field are dropped, so a quote after spaces still opens a quoted field.
      trim: true,
      on_record: (cells: string[], info) => {
        // `info.lines` is the line the record ends on; it starts as many lines earlier as it holds breaks.
        const line = info.lines - cells.reduce((n, cell) => n + lineBreaks(cell), 0);
        if (!(cells.length === 1 && cells[0] === '')) records.push({ line, cells });
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    errors.push({ line: failedRecordLine(text, records), message: messageOf(err) });
  }
  return { delimiter, records, errors };
}

/** The line where the record that failed starts: the first non-blank line after the last good record. */
function failedRecordLine(text: string, records: readonly CsvRecord[]): number {
  const lines = text.split(LINE_BREAK);
  const last = records.at(-1);
  let line = last ? last.line + last.cells.reduce((n, cell) => n + lineBreaks(cell), 0) + 1 : 1;
  while (line < lines.length && lines[line - 1].trim() === '') line += 1;
  return line;
}

function messageOf(err: CsvError): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'guillemet ouvert et jamais refermé : fin du fichier atteinte.';
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return 'texte après un guillemet fermant : doublez les guillemets à l’intérieur d’un champ (« "" »).';
  }
  return 'ligne illisible (guillemets mal placés ?).';
}

/** A cell as written: quoted when needed, and a leading `= + - @` neutralised (CSV formula injection). */
export function csvCell(value: string | number | null | undefined): string {
  return stringify([[value]], { ...WRITE, eof: false, bom: false });
}

const WRITE = {
  // Not a finite number (NaN, Infinity) is an empty cell, like null.
  cast: { number: (n: number) => (Number.isFinite(n) ? String(n) : '') },
  escape_formulas: true,
  // French spreadsheets split on `;` and tabs too: quote those as well as commas, quotes and line breaks.
  quoted_match: /[;\t\r\n]/,
  record_delimiter: 'windows',
} as const;

/** Rows to CSV text (comma, CRLF, UTF-8 BOM so that spreadsheets read accents right). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) {
  return stringify([header, ...rows] as (string | number | null)[][], { ...WRITE, bom: true });
}
