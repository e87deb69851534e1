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
});
