import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvCell, decodeCsv, NotTextError, parseCsv, toCsv } from './csv';

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads commas, CRLF, a BOM, and skips blank lines', () => {
    expect(parseCsv('\ufeffa,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n')).toEqual({
      delimiter: ',',
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['1', '2', '3'] },
        { line: 4, cells: ['4', '5', '6'] },
      ],
      errors: [],
    });
  });

  it('takes the delimiter of the header line: semicolons (French spreadsheets) and tabs', () => {
    expect(parseCsv('dossier_id;criterion_id;score\nx;K1;3').delimiter).toBe(';');
    expect(cells('dossier_id;criterion_id;score\nx;K1;3')).toEqual([
      ['dossier_id', 'criterion_id', 'score'],
      ['x', 'K1', '3'],
    ]);
    expect(cells('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    // A comma inside quotes does not count when choosing.
    expect(parseCsv('"a,b";c;d\n1;2;3').delimiter).toBe(';');
  });

  it('reads quoted fields: doubled quotes, delimiters and line breaks inside, line numbers kept', () => {
    const parsed = parseCsv('a,b\n"x, ""y""",2\n"multi\nline",3\nlast,4');
    expect(parsed.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '2'] },
      { line: 3, cells: ['multi\nline', '3'] },
      { line: 5, cells: ['last', '4'] },
    ]);
  });

  it('keeps empty cells and a missing last line break', () => {
    expect(cells('a,b,c\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('reports a quote never closed, at the line where the record starts', () => {
    const parsed = parseCsv('a,b\n1,2\n"open,3\n4,5');
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2]);
    expect(parsed.errors).toEqual([
      { line: 3, message: 'guillemet ouvert et jamais refermé : fin du fichier atteinte.' },
    ]);
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8, and Windows-1252 (Excel in France) when the bytes are not UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('correcteur;note\nJérôme;3'))).toBe(
      'correcteur;note\nJérôme;3',
    );
    expect(decodeCsv(iconv.encode('correcteur;note\nJérôme;3', 'win1252'))).toBe('correcteur;note\nJérôme;3');
  });

  it('refuses binary content (a spreadsheet, a PDF)', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(() => decodeCsv(xlsx)).toThrow(NotTextError);
    expect(() => decodeCsv(new TextEncoder().encode('%PDF-1.7\n\u0001\u0002'))).toThrow(NotTextError);
  });
});

describe('writing CSV', () => {
  it('quotes what needs it and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes a BOM, a header and CRLF lines that parse back', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x;y', 1],
        ['z', null],
      ],
    );
    expect(text).toBe('\ufeffa,b\r\n"x;y",1\r\nz,\r\n');
    expect(cells(text)).toEqual([
      ['a', 'b'],
      ['x;y', '1'],
      ['z', ''],
    ]);
  });
});
