/**
 * CSV in and out, small and strict. In: RFC 4180 records (quoted fields, doubled quotes, line breaks inside
 * quotes), with the delimiter of the header line (`,` `;` or tab: French spreadsheets write `;`), a UTF-8
 * BOM or Windows-1252 bytes (Excel's « CSV » in France). Out: RFC 4180 with CRLF and cells that a
 * spreadsheet would run as a formula neutralised.
 */
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

/** Parses CSV text into records (blank lines skipped); see the module comment for what is accepted. */
export function parseCsv(input: string): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: CsvLineError[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let endOfRecord = false;
    while (i < text.length && !endOfRecord) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
          }
        } else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
          cell += ch;
          i += 1;
        }
      } else if (ch === '"' && cell.trim() === '') {
        // A quote opens a quoted field only at its start (spaces before it are dropped).
        quoted = true;
        cell = '';
        i += 1;
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        i += 1;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        endOfRecord = true;
      } else {
        cell += ch;
        i += 1;
      }
    }
    if (quoted) {
      errors.push({ line: start, message: 'guillemet ouvert et jamais refermé : fin du fichier atteinte.' });
      break;
    }
    cells.push(cell);
    if (cells.length === 1 && cells[0].trim() === '') continue;
    records.push({ line: start, cells });
  }
  return { delimiter, records, errors };
}

/** A cell as written: quoted when needed, and a leading `= + - @` neutralised (CSV formula injection). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text (comma, CRLF, UTF-8 BOM so that spreadsheets read accents right). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
