import { describe, expect, it } from 'vitest';
import { fold, locateParts, measureFidelity } from './fidelity';
import { blocksFromMarkdown, sourceParts } from './source';

const SOURCE = `# Plan d’actions

Le plan reprend les constats du diagnostic et fixe trois priorités pour 2025.

Chaque action a un responsable, des moyens et un indicateur suivi chaque mois.

| Action | Responsable | Indicateur |
|---|---|---|
| Relancer les comptes inactifs | Commerciaux terrain | Taux de réactivation |
| Ouvrir deux cavistes | Responsable des ventes | Cavistes actifs |

- un point mensuel sur les indicateurs ;
- une revue semestrielle.
`;

const parts = sourceParts(blocksFromMarkdown(SOURCE));
const HEADER = 'Brasserie du Ried – plan d’actions';

/** What a faithful reader returns: one block per paragraph, one line per row, pages as rendered. */
const faithful = [
  {
    page: 1,
    text: [
      'Plan d’actions',
      'Le plan reprend les constats du diagnostic et fixe trois priorités pour 2025.',
      'Chaque action a un responsable, des moyens et un indicateur suivi chaque mois.',
      'Action | Responsable | Indicateur\nRelancer les comptes inactifs | Commerciaux terrain | Taux de réactivation',
    ].join('\n\n'),
  },
  {
    page: 2,
    text: [
      'Ouvrir deux cavistes | Responsable des ventes | Cavistes actifs',
      '- un point mensuel sur les indicateurs ;\n- une revue semestrielle.',
    ].join('\n\n'),
  },
];
const partPages = [1, 1, 1, 1, 1, 2, 2, 2];

function measure(pages: { page: number; text: string }[], expectedPages: number | null = 2) {
  return measureFidelity({
    parts,
    pages,
    header: HEADER,
    expectedPages,
    partPages: expectedPages ? partPages : null,
  });
}

describe('sourceParts', () => {
  it('reads headings, paragraphs, list items and table rows in order', () => {
    expect(parts.map((p) => [p.kind, p.cells.length, p.header])).toEqual([
      ['paragraph', 0, false],
      ['paragraph', 0, false],
      ['paragraph', 0, false],
      ['row', 3, true],
      ['row', 3, false],
      ['row', 3, false],
      ['paragraph', 0, false],
      ['paragraph', 0, false],
    ]);
  });

  it('joins a paragraph written over several source lines', () => {
    const [p] = sourceParts(blocksFromMarkdown('**Étude de cas**\nCandidat : Thomas Vial\n'));
    expect(p?.text).toBe('Étude de cas Candidat : Thomas Vial');
  });
});

describe('measureFidelity', () => {
  it('gives full marks to a faithful extraction', () => {
    const f = measure(faithful);
    expect(f.paragraphs).toEqual({ n: 5, intact: 5 });
    expect(f.rows).toEqual({ n: 3, intact: 3 });
    expect(f.headerFooterLines).toBe(0);
    expect(f.repeatedHeaderRows).toBe(0);
    expect(f.pages).toEqual({ expected: 2, actual: 2, located: 8, onPage: 8, exact: true });
  });

  it('fails paragraphs broken at every line into blocks', () => {
    const broken = faithful.map((p) => ({
      ...p,
      text: p.text.replace('constats du diagnostic ', 'constats du diagnostic\n\n'),
    }));
    expect(measure(broken).paragraphs).toEqual({ n: 5, intact: 4 });
  });

  it('fails paragraphs glued together', () => {
    const glued = faithful.map((p) => ({
      ...p,
      text: p.text.replace('pour 2025.\n\nChaque', 'pour 2025. Chaque'),
    }));
    expect(measure(glued).paragraphs).toEqual({ n: 5, intact: 3 });
  });

  it('fails table rows whose wrapped cells are interleaved or out of order', () => {
    const interleaved = faithful.map((p) => ({
      ...p,
      text: p.text
        .replace(
          'Relancer les comptes inactifs | Commerciaux terrain | Taux de réactivation',
          'Relancer les comptes | Commerciaux | Taux de\ninactifs | terrain | réactivation',
        )
        .replace(
          'Ouvrir deux cavistes | Responsable des ventes',
          'Responsable des ventes | Ouvrir deux cavistes',
        ),
    }));
    expect(measure(interleaved).rows).toEqual({ n: 3, intact: 1 });
  });

  it('counts a header row that comes back on the next page', () => {
    const repeated = faithful.map((p) =>
      p.page === 2 ? { ...p, text: `Action | Responsable | Indicateur\n${p.text}` } : p,
    );
    const f = measure(repeated);
    expect(f.repeatedHeaderRows).toBe(1);
    expect(f.rows.intact).toBe(3);
  });

  it('counts running headers and page numbers left in the text', () => {
    const decorated = faithful.map((p) => ({
      ...p,
      text: `${HEADER}\n\n${p.text}\n\nPage ${p.page} / 2`,
    }));
    expect(measure(decorated).headerFooterLines).toBe(4);
    const bare = faithful.map((p) => ({ ...p, text: `${p.text}\n\n${p.page}` }));
    expect(measure(bare).headerFooterLines).toBe(2);
  });

  it('fails pages when a part lands on another page or the page count differs', () => {
    const shifted = [
      { page: 1, text: faithful[0]?.text.replace(/\n\nAction[\s\S]*$/, '') ?? '' },
      {
        page: 2,
        text: `Action | Responsable | Indicateur\nRelancer les comptes inactifs | Commerciaux terrain | Taux de réactivation\n\n${faithful[1]?.text}`,
      },
    ];
    const f = measure(shifted);
    expect(f.pages.onPage).toBe(6);
    expect(f.pages.exact).toBe(false);
    expect(measure([{ page: 1, text: faithful.map((p) => p.text).join('\n\n') }]).pages.exact).toBe(false);
  });

  it('has no page verdict for a rendering without pages of its own', () => {
    expect(measure(faithful, null).pages.exact).toBeNull();
  });

  it('fails everything on a flat extraction that runs the whole text together', () => {
    const flat = [
      {
        page: 1,
        text: faithful
          .map((p) => p.text)
          .join(' ')
          .replace(/\s+/g, ' '),
      },
    ];
    const f = measure(flat);
    expect(f.paragraphs.intact).toBe(0);
    expect(f.rows.intact).toBe(0);
  });
});

describe('footnotes', () => {
  const noted = sourceParts(
    blocksFromMarkdown('La remise baisse depuis le printemps.\n\nTrois dérogations accordées au semestre.\n'),
  );
  const run = (text: string) =>
    measureFidelity({
      parts: noted,
      pages: [{ page: 1, text }],
      header: '',
      expectedPages: null,
      partPages: null,
    });

  it('reads a paragraph with its footnote call, and the numbered note apart, as intact', () => {
    expect(
      run('La remise baisse depuis le printemps.1\n\n1 Trois dérogations accordées au semestre.').paragraphs,
    ).toEqual({ n: 2, intact: 2 });
  });

  it('fails a note run into the body text', () => {
    expect(
      run('La remise baisse depuis le printemps.1 Trois dérogations accordées au semestre.').paragraphs
        .intact,
    ).toBe(0);
  });
});

describe('fold', () => {
  it('folds typography, not words', () => {
    expect(fold('l’offre ≥ 20 %\u202fnet — ﬁn')).toBe("l'offre >= 20 % net - fin");
    expect(fold('offre')).not.toBe(fold('offres'));
  });
});

describe('locateParts', () => {
  const row = (cells: string[]) => ({ kind: 'row' as const, text: cells.join(' | '), cells, header: false });
  it('finds each part after the previous one, so a repeated phrase lands on its own page', () => {
    const pages = ['Action Responsable Indicateur intro', 'Action Responsable Indicateur suite'];
    const located = locateParts(
      [
        { kind: 'paragraph', text: 'Action Responsable Indicateur intro', cells: [], header: false },
        { kind: 'paragraph', text: 'Action Responsable Indicateur suite', cells: [], header: false },
      ],
      pages,
    );
    expect(located).toEqual([1, 2]);
  });

  it("finds a row on the cursor's page when a table read column by column put the cursor past it", () => {
    // pdftotext: the row's first cell, then the header row's cells (empty first cell), then the figures.
    const pages = [
      'Projection Nouvelles cliniques signées 2024 2025 150 260',
      'Scénario Nouvelles cliniques 2025 Pessimiste 150 260',
    ];
    const located = locateParts(
      [
        { kind: 'paragraph', text: 'Projection', cells: [], header: false },
        row(['', '2024', '2025']),
        row(['Nouvelles cliniques signées', '150', '260']),
        row(['Scénario', 'Nouvelles cliniques 2025']),
      ],
      pages,
    );
    expect(located).toEqual([1, 1, 1, 2]);
  });

  it.each([
    {
      what: 'a row whose first cell pdftotext cut at its hyphen, on its own page',
      pages: [
        'Étape Lead 8 % Rendez- sortants Qualification par l’inside sales 45 % 275',
        'Missions Inside sales Qualification des leads 275 rendez-vous Commercial Rendez-vous, essais 45',
      ],
      rows: [['Étape'], ['Lead', '8 %'], ['Rendez-vous', 'Qualification par l’inside sales', '45 %', '275']],
      expected: [1, 1, 1],
    },
    {
      what: 'two rows whose first cells open alike, told apart by their whole first cell',
      pages: [
        'Action Relancer les comptes inactifs Commerciaux',
        'Action Relancer les comptes inactifs (second semestre) Commerciaux',
      ],
      rows: [
        ['Action'],
        ['Relancer les comptes inactifs', 'Commerciaux'],
        ['Relancer les comptes inactifs (second semestre)', 'Commerciaux'],
      ],
      expected: [1, 1, 2],
    },
  ])('finds $what', ({ pages, rows, expected }) => {
    expect(locateParts(rows.map(row), pages)).toEqual(expected);
  });
});
