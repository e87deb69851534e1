import { describe, expect, it } from 'vitest';
import { detectTables } from './tables';

const HEADER = 'Action | Responsable | Indicateur';
const row = (n: number) => `Action ${n} | Équipe ${n} | Indicateur ${n}`;

describe('detectTables', () => {
  it('joins a table whose last row runs alone onto the next page', () => {
    const tables = detectTables([
      { page: 1, text: `Introduction.\n\n${HEADER}\n${row(1)}\n${row(2)}` },
      { page: 2, text: `${row(3)}\n${row(4)}` },
      { page: 3, text: `${row(5)}\n\nConclusion.` },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ page: 1, pageEnd: 3, header: HEADER.split(' | ') });
    expect(tables[0].rows.map((r) => [r.page, r.cells[0]])).toEqual([
      [1, 'Action'],
      [1, 'Action 1'],
      [1, 'Action 2'],
      [2, 'Action 3'],
      [2, 'Action 4'],
      [3, 'Action 5'],
    ]);
  });

  it('does not take a lone row line that continues nothing for a table', () => {
    expect(detectTables([{ page: 1, text: `${row(1)}\n\nUn paragraphe.` }])).toEqual([]);
    // After a paragraph closing the page before, a row line opening the page continues nothing.
    const tables = detectTables([
      { page: 1, text: `${HEADER}\n${row(1)}\n\nUn paragraphe qui ferme la page.` },
      { page: 2, text: `${row(2)}\n\nSuite.` },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].pageEnd).toBe(1);
  });

  it('does not join a lone row with another number of columns', () => {
    const tables = detectTables([
      { page: 1, text: `${HEADER}\n${row(1)}` },
      { page: 2, text: 'Seulement | deux cellules\n\nSuite.' },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toHaveLength(2);
  });
});
