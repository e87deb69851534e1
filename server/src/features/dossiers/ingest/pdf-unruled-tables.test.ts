import { describe, expect, it } from 'vitest';
import type { PositionedItem } from './pdf-lines';
import { findUnruledTables } from './pdf-unruled-tables';

/** One item per text, at its x on baseline y; width estimated at half an em a character. */
function row(y: number, ...cells: [number, string][]): PositionedItem[] {
  return cells.map(([x, str]) => ({
    str,
    x,
    y,
    width: str.length * 5,
    size: 10,
    horizontal: true,
    hasEOL: false,
  }));
}

describe('findUnruledTables', () => {
  it('finds a three-column table, a cell wrapped over three lines kept in its row (row spacing)', () => {
    const items = [
      ...row(700, [70, 'Action'], [230, 'Responsable'], [390, 'Indicateur']),
      ...row(680, [70, 'Relancer les comptes'], [230, 'Commerciaux'], [390, 'Taux de']),
      ...row(668, [70, 'CHR inactifs depuis'], [390, 'réactivation']),
      ...row(656, [70, 'six mois']),
      ...row(636, [70, 'Former les vendeurs'], [230, 'OPCO'], [390, 'Remise moyenne']),
    ];
    const { tables, rest } = findUnruledTables(items);
    expect(rest).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toEqual([
      ['Action', 'Responsable', 'Indicateur'],
      ['Relancer les comptes CHR inactifs depuis six mois', 'Commerciaux', 'Taux de réactivation'],
      ['Former les vendeurs', 'OPCO', 'Remise moyenne'],
    ]);
    expect(tables[0].columns.slice(0, -1)).toEqual([70, 230, 390]);
  });

  it('without row spacing, starts a row where the first column has text (a label and value list too)', () => {
    const cases: [PositionedItem[], string[][]][] = [
      [
        [
          ...row(700, [70, 'Atout'], [250, 'Effet']),
          ...row(688, [70, 'Marque locale'], [250, 'Fidélité des cafés']),
          ...row(676, [250, 'et des cavistes']),
          ...row(664, [70, 'Brasseur primé'], [250, 'Image']),
        ],
        [
          ['Atout', 'Effet'],
          ['Marque locale', 'Fidélité des cafés et des cavistes'],
          ['Brasseur primé', 'Image'],
        ],
      ],
      // Tab-aligned labels and values: two columns, a value wrapped under itself kept whole.
      [
        [
          ...row(700, [70, 'Entreprise :'], [200, 'Brasserie du Ried']),
          ...row(686, [70, 'Effectif :'], [200, '18 salariés']),
          ...row(672, [70, 'Marchés :'], [200, 'cafés, hôtels et restaurants,']),
          ...row(660, [200, 'cavistes et grande distribution']),
        ],
        [
          ['Entreprise :', 'Brasserie du Ried'],
          ['Effectif :', '18 salariés'],
          ['Marchés :', 'cafés, hôtels et restaurants, cavistes et grande distribution'],
        ],
      ],
    ];
    for (const [items, rows] of cases)
      expect(findUnruledTables(items).tables.map((t) => t.rows)).toEqual([rows]);
  });

  it('leaves prose alone: labels whose text runs back to the margin, numbered items, justified lines', () => {
    // « Forces : » then text that wraps to the left margin across the label's column: a paragraph.
    const labelled = [
      ...row(700, [70, 'Forces :'], [130, 'une marque connue dans tout le Bas-Rhin et une équipe']),
      ...row(686, [70, 'commerciale stable, qui connaît ses clients depuis des années et les visite']),
      ...row(672, [70, 'Faiblesses :'], [150, 'peu de présence en grande distribution, prix élevés']),
      ...row(658, [70, 'par rapport aux marques nationales, stocks tendus pendant la saison d’été']),
      ...row(644, [70, 'Menaces :'], [140, 'la hausse du prix du malt et la concurrence des bières']),
    ];
    // Numbered items with a hanging indent: the number is a marker, not a column.
    const numbered = [
      ...row(600, [70, '1.'], [90, 'Relancer les comptes inactifs depuis six mois']),
      ...row(586, [90, 'avec l’appui de l’assistante commerciale']),
      ...row(572, [70, '2.'], [90, 'Ouvrir deux cavistes partenaires par trimestre']),
      ...row(558, [70, '3.'], [90, 'Former les commerciaux à la négociation']),
    ];
    // Justified lines painted word by word: their wide gaps are spaces.
    const words = (y: number, list: string[]) =>
      row(y, ...list.map((w, i): [number, string] => [70 + i * 70, w]));
    const justified = [
      ...words(500, ['Le', 'chiffre', 'd’affaires', 'progresse', 'de', 'huit']),
      ...words(486, ['pour', 'cent', 'sur', 'les', 'trois', 'premiers']),
      ...words(472, ['trimestres', 'porté', 'par', 'la', 'grande', 'surface']),
    ];
    for (const items of [labelled, numbered, justified]) {
      const { tables, rest } = findUnruledTables(items);
      expect(tables).toEqual([]);
      expect(rest).toHaveLength(items.length);
    }
  });

  it('needs three aligned lines, and stops at a paragraph crossing its columns', () => {
    const two = [
      ...row(700, [70, 'Prix'], [250, '4,20 €']),
      ...row(686, [70, 'Marge'], [250, '33 %']),
      ...row(672, [70, 'Le prix de vente conseillé est fixé avec les distributeurs chaque année.']),
    ];
    expect(findUnruledTables(two).tables).toEqual([]);
    const three = [
      ...row(700, [70, 'Prix'], [250, '4,20 €']),
      ...row(686, [70, 'Marge'], [250, '33 %']),
      ...row(672, [70, 'Volume'], [250, '1 200 hl']),
      ...row(652, [70, 'Le prix de vente conseillé est fixé avec les distributeurs chaque année.']),
      ...row(638, [70, 'Fin.']),
    ];
    const { tables, rest } = findUnruledTables(three);
    expect(tables[0]?.rows).toEqual([
      ['Prix', '4,20 €'],
      ['Marge', '33 %'],
      ['Volume', '1 200 hl'],
    ]);
    expect(rest.map((i) => i.str)).toEqual([
      'Le prix de vente conseillé est fixé avec les distributeurs chaque année.',
      'Fin.',
    ]);
  });

  it('finds nothing where lines cut by wide gaps do not line up (a caption and its figure, a date apart)', () => {
    const items = [
      ...row(700, [70, 'Figure 1'], [200, 'Évolution du chiffre d’affaires']),
      ...row(686, [70, 'Source : Sage 50'], [330, 'mars 2025']),
      ...row(672, [70, 'Signé à Strasbourg'], [420, 'le 6 janvier']),
    ];
    expect(findUnruledTables(items)).toEqual({ tables: [], rest: items });
  });

  it('keeps figures wider than their right-aligned header in its column', () => {
    // Headers « Réalisé » and « Objectif » end at 300 and 400, as do the figures under them.
    const right = (end: number, str: string): [number, string] => [end - str.length * 5, str];
    const items = [
      ...row(700, [70, 'Indicateur'], right(300, 'Réalisé'), right(400, 'Objectif')),
      ...row(686, [70, 'Chiffre d’affaires (€)'], right(300, '3 200 000'), right(400, '3 450 000')),
      ...row(672, [70, 'Clients actifs'], right(300, '335'), right(400, '360')),
      ...row(658, [70, 'Taux de service'], right(300, '91 %'), right(400, '97 %')),
    ];
    expect(findUnruledTables(items).tables.map((t) => t.rows)).toEqual([
      [
        ['Indicateur', 'Réalisé', 'Objectif'],
        ['Chiffre d’affaires (€)', '3 200 000', '3 450 000'],
        ['Clients actifs', '335', '360'],
        ['Taux de service', '91 %', '97 %'],
      ],
    ]);
  });
});
