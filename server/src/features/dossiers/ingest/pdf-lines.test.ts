import { describe, expect, it } from 'vitest';
import { buildLines, linesToText, type PositionedItem } from './pdf-lines';

const item = (
  str: string,
  x: number,
  y: number,
  size = 11,
  extra: Partial<PositionedItem> = {},
): PositionedItem => ({
  str,
  x,
  y,
  width: str.length * size * 0.5,
  size,
  horizontal: true,
  hasEOL: false,
  ...extra,
});

describe('buildLines', () => {
  it('finds paragraphs with no space between them: a sentence ending short of the edge, a run-in heading', () => {
    // Body lines of 80 characters reach the right edge (70 + 440); the same pitch throughout, as
    // LibreOffice lays out its default body text.
    const full = (text: string) => text.padEnd(80, ' x').slice(0, 80);
    const text = linesToText(
      buildLines(
        [
          item('2.1 Méthode', 70, 700),
          item(full('Nous avons combiné une étude documentaire et des entretiens menés'), 70, 686),
          item('auprès de douze clients.', 70, 672),
          item(full('Les entretiens ont duré une heure en moyenne et ont été enregistrés'), 70, 658),
          item('avec leur accord.', 70, 644),
        ],
        { pageWidth: 580 },
      ),
    );
    expect(text.split('\n\n')).toHaveLength(3);
    expect(text.split('\n\n')[0]).toBe('2.1 Méthode');
  });

  it('orders lines top to bottom and items left to right, whatever the content order', () => {
    const lines = buildLines([
      item('monde', 115, 700),
      item('Bonjour', 70, 700),
      item('Seconde ligne', 70, 686),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Bonjour monde', 'Seconde ligne']);
  });

  it('separates table cells with « | » but a bullet or heading number with a space', () => {
    const lines = buildLines([
      item('PME', 72, 600),
      item('2,4 M€', 252, 600),
      item('+12 %', 382, 600),
      item('•', 78, 580),
      item('Conquérir', 96, 580),
      item('1.2', 72, 560, 13),
      item('Analyse', 110, 560, 13),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['PME | 2,4 M€ | +12 %', '• Conquérir', '1.2 Analyse']);
  });

  it('keeps a superscript on its line, and drops a run painted twice (simulated bold)', () => {
    const lines = buildLines([
      item('marché', 70, 700),
      item('1', 103, 704, 7),
      item('Titre', 70, 650),
      item('Titre', 70.3, 650),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['marché1', 'Titre']);
  });

  it('starts paragraphs on wider gaps and font size changes', () => {
    const lines = buildLines([
      item('Titre de partie', 70, 760, 16),
      item('Ligne un', 70, 730),
      item('ligne deux', 70, 716),
      item('ligne trois.', 70, 702),
      item('Nouveau paragraphe', 70, 680),
      item('qui continue', 70, 666),
    ]);
    expect(linesToText(lines)).toBe(
      'Titre de partie\n\nLigne un\nligne deux\nligne trois.\n\nNouveau paragraphe\nqui continue',
    );
  });

  it('sets apart a bold heading barely larger than the body, with the gap of a line, and its text', () => {
    // A library's layout: an 11.5 pt bold heading over 10.5 pt text, 15.8 pt apart as body lines are.
    const full = (text: string) => text.padEnd(84, ' x').slice(0, 84);
    const bold = { bold: true };
    const text = linesToText(
      buildLines(
        [
          // Longer than a run-in heading: only its weight and size tell it from the text.
          item('4.2 Professional practices and stakeholders in a complex organisation', 70, 700, 11.5, bold),
          item(full('I use three complementary frameworks, knowing that they describe'), 70, 684.2, 10.5),
          item('national tendencies.', 70, 668.4, 10.5),
        ],
        { pageWidth: 580 },
      ),
    );
    expect(text).toBe(
      `4.2 Professional practices and stakeholders in a complex organisation\n\n${full('I use three complementary frameworks, knowing that they describe')}\nnational tendencies.`,
    );
  });

  it('keeps a bold phrase that fills a line inside its sentence', () => {
    const full = (text: string) => text.padEnd(84, ' x').slice(0, 84);
    const lines = buildLines(
      [
        item(
          full('Le challenge fixé par les propriétaires est de faire passer les ventes de'),
          70,
          700,
          10.5,
        ),
        item(full('20 % à 40 % du chiffre d’affaires'), 70, 686, 10.5, { bold: true }),
        item('Avant 2026, selon le plan.', 70, 672, 10.5),
      ],
      { pageWidth: 580 },
    );
    expect(lines.map((l) => l.paragraphStart)).toEqual([false, false, false]);
  });

  it('measures each font size against its own line pitch: table text does not set the body’s', () => {
    // Full lines ending a sentence: only the spacing tells the paragraphs apart.
    const full = (text: string) => `${text.padEnd(83, ' x').slice(0, 83)}.`;
    const lines = buildLines(
      [
        // Small text with a loose pitch (padded table rows), more lines of it than of body text.
        ...[0, 1, 2, 3, 4].map((i) => item(`Cellule ${i}`, 70, 790 - 18 * i, 8.5)),
        item(full('Le marché croît'), 70, 680, 10.5),
        item(full('de 3 % par an'), 70, 664.2, 10.5),
        item(full('selon la fédération'), 70, 648.4, 10.5),
        // 22.3 pt: a paragraph's spacing over a 15.8 pt pitch, under 1.3 × the small text's (scaled).
        item(full('Le PVC représente'), 70, 626.1, 10.5),
        item(full('55 % du marché'), 70, 610.3, 10.5),
      ],
      { pageWidth: 580 },
    );
    expect(lines.slice(5).map((l) => l.paragraphStart)).toEqual([true, false, false, true, false]);
  });

  it('reads a two-column stretch column by column, between full-width text', () => {
    // Columns 70–290 and 310–530, baselines offset as CSS columns set them; a title and a closing line
    // across the page.
    const words = (n: number, k: number) => `colonne ${n} ligne ${k} texte courant qui remplit`;
    const left = [0, 1, 2, 3, 4].map((k) => item(words(1, k), 70, 700 - 14 * k, 10, { width: 220 }));
    const right = [0, 1, 2, 3, 4].map((k) => item(words(2, k), 310, 705 - 14 * k, 10, { width: 220 }));
    const lines = buildLines(
      [
        item('Titre de la page sur toute la largeur du texte', 70, 740, 14, { width: 460 }),
        // Content order interleaves the columns, as a PDF may paint them.
        ...left.flatMap((l, k) => [l, right[k]]),
        item('Une dernière ligne de texte courant sur toute la largeur de la page.', 70, 600, 10, {
          width: 460,
        }),
      ],
      { pageWidth: 600 },
    );
    expect(lines.map((l) => l.text)).toEqual([
      'Titre de la page sur toute la largeur du texte',
      ...[0, 1, 2, 3, 4].map((k) => words(1, k)),
      ...[0, 1, 2, 3, 4].map((k) => words(2, k)),
      'Une dernière ligne de texte courant sur toute la largeur de la page.',
    ]);
  });

  it('keeps an unruled table of short cells as rows, not columns', () => {
    const rows = ['TPE', 'PME', 'ETI', 'Grands comptes', 'Total'].map((label, k) => [
      item(label, 70, 700 - 14 * k),
      item(`${k + 1},1 M€`, 330, 700 - 14 * k),
    ]);
    expect(buildLines(rows.flat()).map((l) => l.text)).toEqual([
      'TPE | 1,1 M€',
      'PME | 2,1 M€',
      'ETI | 3,1 M€',
      'Grands comptes | 4,1 M€',
      'Total | 5,1 M€',
    ]);
  });

  it('joins a footnote number raised above its note, and reads a justified line’s wide gaps as spaces', () => {
    const lines = buildLines([
      item('1', 71, 142, 7, { width: 4 }),
      item('Chiffres issus de Sage 50.', 75, 137, 9),
      // A justified line of a narrow column, painted word by word with even, wide gaps.
      ...['réactivation', 'des', 'comptes', 'CHR.'].reduce<PositionedItem[]>((out, word) => {
        const x = out.length === 0 ? 70 : out[out.length - 1].x + out[out.length - 1].width + 16;
        out.push(item(word, x, 700, 10));
        return out;
      }, []),
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      'réactivation des comptes CHR.',
      '1 Chiffres issus de Sage 50.',
    ]);
  });

  it('keeps the space a blank item stood for between two fonts, however narrow the gap', () => {
    const bold = item('Traitement', 90.87, 262.5, 10.5, { width: 53.68, bold: true });
    const rest = item(': chaque information', 146.63, 262.5, 10.5, { spaceBefore: true });
    expect(buildLines([bold, rest]).map((l) => l.text)).toEqual(['Traitement : chaque information']);
    expect(buildLines([bold, { ...rest, spaceBefore: false }]).map((l) => l.text)).toEqual([
      'Traitement: chaque information',
    ]);
  });

  it('appends rotated text after the flow, cut at pdfjs line ends', () => {
    const rotated = { horizontal: false };
    const lines = buildLines([
      item('Corps', 70, 700),
      item('Note ', 20, 400, 9, rotated),
      item('verticale', 20, 430, 9, { ...rotated, hasEOL: true }),
      item('Autre', 20, 300, 9, { ...rotated, hasEOL: true }),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Corps', 'Note verticale', 'Autre']);
  });

  it('keeps a line ending on a colon with what the word processor wrapped after it, lower-case', () => {
    // LibreOffice's bulleted list: the bullet at 88, the text at 106, wrapped lines under the text. « negotiation »
    // did not fit after « 2020): », so the line is short of the edge but the sentence runs on.
    // A full line reaches the right edge (106 + 80 × 5.5).
    const first = 'Sales Manager, Fromagerie Delmas, Rungis (2020 – today): management of one team';
    const items = [
      item('•', 88, 700),
      item(first, 106, 700),
      item('3 salespeople.', 106, 686),
      item('•', 88, 672),
      item('Key Account Manager, Boissons du Sud, Marseille, Provence (2016 – 2020):', 106, 672),
      item('negotiation with central purchasing of supermarkets.', 106, 658),
      item('Languages:', 70, 644),
      item('French (native), English (good level)', 70, 630),
    ];
    const text = linesToText(buildLines(items, { pageWidth: 580 }));
    expect(text.split('\n\n')).toEqual([
      [
        `• ${first}`,
        '3 salespeople.',
        '• Key Account Manager, Boissons du Sud, Marseille, Provence (2016 – 2020):',
        'negotiation with central purchasing of supermarkets.',
      ].join('\n'),
      'Languages:',
      'French (native), English (good level)',
    ]);
  });
});
