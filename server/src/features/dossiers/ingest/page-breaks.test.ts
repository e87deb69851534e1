import { describe, expect, it } from 'vitest';
import { mendPageBreaks } from './page-breaks';

const pages = (...texts: string[]) => texts.map((text, i) => ({ page: i + 1, text }));

describe('mendPageBreaks', () => {
  it('moves the end of a paragraph cut by a page break up to the page where it starts, and only that paragraph', () => {
    const cases: [string[], string[]][] = [
      [
        [
          'Intro.\n\nNous avons testé l’outil de scoring prédictif de',
          'HubSpot (IA) a été comparé à notre scoring manuel. Les écarts concernaient des clients récents.\n\nSuite.',
        ],
        [
          'Intro.\n\nNous avons testé l’outil de scoring prédictif de HubSpot (IA) a été comparé à notre scoring manuel. Les écarts concernaient des clients récents.',
          'Suite.',
        ],
      ],
      [
        ['Nous avons comparé les trois offres du marché sur', 'le prix et le délai\n\nDeuxième paragraphe.'],
        ['Nous avons comparé les trois offres du marché sur le prix et le délai', 'Deuxième paragraphe.'],
      ],
    ];
    for (const [input, expected] of cases)
      expect(mendPageBreaks(pages(...input))).toEqual(pages(...expected));
  });

  it('keeps a compound word cut at its hyphen as one word', () => {
    const out = mendPageBreaks(
      pages('Les indicateurs suivis par le service de la santé-', 'sécurité sont publiés.'),
    );
    expect(out[0]?.text).toBe('Les indicateurs suivis par le service de la santé-sécurité sont publiés.');
    expect(out[1]?.text).toBe('');
  });

  it('leaves pages alone when the sentence ended, or either side is a table row, list item, heading or label', () => {
    const untouched = [
      pages('Le plan a été validé en comité de direction.', 'La suite commence ici.'),
      pages('Le tableau suivant résume les actions retenues pour', 'Action | Responsable | Indicateur'),
      pages('Action | Responsable | Indicateur pour le suivi des', 'comptes relancés chaque mois.'),
      pages('Les actions retenues sont les suivantes pour le', '- relancer les comptes inactifs ;'),
      pages('Synthèse des constats', 'Le diagnostic montre trois faiblesses.'),
      pages('Nous avons choisi les trois actions suivantes parce que', '2. Plan d’actions'),
    ];
    for (const input of untouched.slice(0, 5)) expect(mendPageBreaks(input)).toEqual(input);
    const headingInput = untouched[5] ?? [];
    expect(mendPageBreaks(headingInput, (line, page) => page === 2 && line === '2. Plan d’actions')).toEqual(
      headingInput,
    );
  });

  it('mends a paragraph cut above the footnotes that close its page, the notes kept last on their page', () => {
    const out = mendPageBreaks(
      pages(
        'Le chiffre d’affaires progresse de 8 % sur les trois premiers\n\n1 Chiffres issus de Sage 50, hors boutique en ligne.\n\n2 Arrêtés au 30 septembre.',
        'trimestres, porté par la grande distribution régionale.\n\nLa suite.',
      ),
    );
    expect(out[0]?.text).toBe(
      'Le chiffre d’affaires progresse de 8 % sur les trois premiers trimestres, porté par la grande distribution régionale.\n\n1 Chiffres issus de Sage 50, hors boutique en ligne.\n\n2 Arrêtés au 30 septembre.',
    );
    expect(out[1]?.text).toBe('La suite.');
    // A body that ends its sentence before the notes is left alone.
    const ended = pages(
      'Le plan a été validé en comité.\n\n1 Le 6 janvier 2025.',
      'La suite commence ici pour tous.',
    );
    expect(mendPageBreaks(ended)).toEqual(ended);
  });
});
