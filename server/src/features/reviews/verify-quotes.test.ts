import { describe, expect, it } from 'vitest';
import type { DossierText } from './grade-schema';
import {
  applyVerification,
  capUnverified,
  normaliseForMatch,
  normaliseWithMap,
  verifyEvidence,
} from './verify-quotes';

function dossierOf(pages: string[]): DossierText {
  const entries = pages.map((text, index) => ({ page: index + 1, text }));
  return {
    text: entries.map((page) => page.text).join('\n\n'),
    pages: entries,
    language: 'fr',
    words: entries.reduce((n, page) => n + page.text.split(/\s+/).length, 0),
  };
}

const P1 =
  'Cycléa SAS conçoit et assemble en Haute-Savoie des vélos à assistance électrique (VAE).\nDepuis 2021, l’entreprise a créé une unité d’affaires dédiée aux « vélos cargo professionnels ».';
const P2 =
  "Nous avons organisé une veille en quatre étapes sur dix semaines (janvier–mars 2024).\nLe marché français du vélo cargo a progressé de 12 % en 2023 selon l'Observatoire du cycle, malgré un repli global des volumes de 18 %.";
const P3 =
  'La gouvernance repose sur un comité de direction de cinq membres qui se réunit chaque semaine ; le développe-\nment commercial est piloté par la directrice commerciale. Le choix straté\u00ADgique est assumé.';
const dossier = dossierOf([P1, P2, P3]);

describe('normalisation', () => {
  it('folds case, quotes, dashes, soft hyphens, hyphenated line breaks and whitespace', () => {
    expect(normaliseForMatch('L’Entreprise  «  Vélo\u00A0Cargo » — 2024\n')).toBe(
      'l\'entreprise"vélo cargo"- 2024',
    );
    expect(normaliseForMatch('déve-\n  loppement straté\u00ADgique')).toBe('développement stratégique');
    expect(normaliseForMatch('e\u0301te\u0301 ﬁnancier')).toBe('été financier');
  });

  it('maps every normalised character back to the original', () => {
    const original = 'A  «\u00A0b »';
    const { text, starts, ends } = normaliseWithMap(original);
    // Spaces next to a double quote are dropped, so « b » and "b" normalise alike.
    expect(text).toBe('a"b"');
    expect(original.slice(starts[1], ends[3])).toBe('«\u00A0b »');
  });
});

describe('verifyEvidence', () => {
  it('verifies a quote of a table row, with or without its cell separators, on the row’s page', () => {
    const tableDossier = dossierOf([
      'Cartographie des interlocuteurs.',
      'Interlocuteur | Rôle | Position\nPhilippe Auger, directeur général | Décideur final | Favorable\nClaire Roussel, acheteuse | Négociatrice | Neutre',
    ]);
    const row = 'Philippe Auger, directeur général | Décideur final | Favorable';
    expect(verifyEvidence([{ quote: row, page: 1 }], tableDossier).verified).toEqual([
      { quote: row, page: 2 },
    ]);
    // Graders often quote the cells without the separators: the dossier's own wording comes back.
    expect(
      verifyEvidence([{ quote: 'général Décideur final Favorable', page: 2 }], tableDossier).verified,
    ).toEqual([{ quote: 'général | Décideur final | Favorable', page: 2 }]);
  });

  it('keeps an exact quote with its page', () => {
    const quote = 'Nous avons organisé une veille en quatre étapes sur dix semaines';
    expect(verifyEvidence([{ quote, page: 2 }], dossier)).toEqual({
      verified: [{ quote, page: 2 }],
      dropped: [],
    });
  });

  it('accepts whitespace, quote and case variants and returns the dossier’s own text', () => {
    const result = verifyEvidence(
      [
        {
          quote:
            'depuis 2021,   l\'entreprise a créé une unité d\'affaires dédiée aux "vélos cargo professionnels"',
          page: 1,
        },
        { quote: 'sur dix semaines (janvier-mars 2024). Le marché', page: 2 },
      ],
      dossier,
    );
    expect(result.dropped).toEqual([]);
    expect(result.verified).toEqual([
      {
        quote:
          'Depuis 2021, l’entreprise a créé une unité d’affaires dédiée aux « vélos cargo professionnels »',
        page: 1,
      },
      { quote: 'sur dix semaines (janvier–mars 2024).\nLe marché', page: 2 },
    ]);
  });

  it('joins hyphenated line breaks and ignores soft hyphens', () => {
    const result = verifyEvidence(
      [
        { quote: 'le développement commercial est piloté par la directrice commerciale', page: 3 },
        { quote: 'Le choix stratégique est assumé.', page: 3 },
      ],
      dossier,
    );
    expect(result.verified).toEqual([
      { quote: 'le développe-\nment commercial est piloté par la directrice commerciale', page: 3 },
      { quote: 'Le choix straté\u00ADgique est assumé.', page: 3 },
    ]);
  });

  it('corrects a wrong page: the model’s page is only a hint', () => {
    const quote = 'malgré un repli global des volumes de 18 %';
    expect(verifyEvidence([{ quote, page: 7 }], dossier).verified).toEqual([{ quote, page: 2 }]);
  });

  it('prefers the hinted page when the quote appears on several pages', () => {
    const repeated = dossierOf([
      'Le chiffre d’affaires progresse.',
      'Intro. Le chiffre d’affaires progresse.',
    ]);
    expect(
      verifyEvidence([{ quote: "Le chiffre d'affaires progresse", page: 2 }], repeated).verified,
    ).toEqual([{ quote: 'Le chiffre d’affaires progresse', page: 2 }]);
  });

  it('accepts a near-verbatim quote (similarity ≥ 0.9) and returns the dossier’s wording', () => {
    const result = verifyEvidence(
      [
        {
          quote:
            "Le marché français du vélo cargo a progressé de 12% en 2023 selon l'Observatoire du Cycle, malgré un repli global du volume de 18 %",
          page: 2,
        },
      ],
      dossier,
    );
    expect(result.dropped).toEqual([]);
    expect(result.verified).toEqual([
      {
        quote:
          "Le marché français du vélo cargo a progressé de 12 % en 2023 selon l'Observatoire du cycle, malgré un repli global des volumes de 18 %",
        page: 2,
      },
    ]);
  });

  it('rejects a paraphrase and an invented quote', () => {
    const result = verifyEvidence(
      [
        {
          quote:
            "Selon l'Observatoire, les ventes de vélos cargo en France ont augmenté de 12 % l'an dernier",
          page: 2,
        },
        { quote: 'Nous avons signé un partenariat exclusif avec La Poste pour 2025.', page: 1 },
      ],
      dossier,
    );
    expect(result.verified).toEqual([]);
    expect(result.dropped.map((item) => item.reason)).toEqual(['not_found', 'not_found']);
    expect(result.dropped[0].similarity ?? 0).toBeLessThan(0.9);
  });

  it('drops quotes that are too short or too long, and duplicates', () => {
    const quote = 'Le marché français du vélo cargo a progressé de 12 %';
    const result = verifyEvidence(
      [
        { quote: 'vélo cargo', page: 1 },
        { quote: `${P2} `.repeat(6), page: 2 },
        { quote, page: 2 },
        { quote: quote.toUpperCase(), page: 2 },
      ],
      dossier,
    );
    expect(result.verified).toEqual([{ quote, page: 2 }]);
    expect(result.dropped.map((item) => item.reason)).toEqual(['too_short', 'too_long', 'duplicate']);
  });

  it('verifies a quote elided with « […] », each piece verbatim and in order', () => {
    const result = verifyEvidence(
      [{ quote: 'Nous avons organisé une veille […] sur dix semaines', page: 2 }],
      dossier,
    );
    expect(result.verified).toEqual([
      { quote: 'Nous avons organisé une veille […] sur dix semaines', page: 2 },
    ]);
    const reversed = verifyEvidence(
      [{ quote: 'sur dix semaines […] Nous avons organisé une veille', page: 2 }],
      dossier,
    );
    expect(reversed.verified).toEqual([]);
  });

  it('keeps the model’s page when the dossier has no pages', () => {
    const unpaged: DossierText = { text: P2, pages: [], language: 'fr', words: 30 };
    expect(verifyEvidence([{ quote: 'une veille en quatre étapes', page: 4 }], unpaged).verified).toEqual([
      { quote: 'une veille en quatre étapes', page: 4 },
    ]);
  });

  it('finds near-verbatim quotes in a long dossier by anchoring on rare words', () => {
    const filler = (n: number) =>
      `Page ${n}. Le marché évolue et les concurrents investissent dans la distribution et le service après-vente. `.repeat(
        25,
      );
    const pages = Array.from({ length: 150 }, (_, index) => filler(index + 1));
    pages[120] +=
      'La société Vélobox a réduit ses délais de livraison de 9 jours à 4 jours grâce au hub de Chambéry.';
    const big = dossierOf(pages);
    const result = verifyEvidence(
      [
        {
          quote:
            'La société Vélobox a réduit ses délais de livraison de 9 à 4 jours grâce au hub de Chambéry',
          page: 3,
        },
      ],
      big,
    );
    expect(result.verified).toEqual([
      {
        quote:
          'La société Vélobox a réduit ses délais de livraison de 9 jours à 4 jours grâce au hub de Chambéry',
        page: 121,
      },
    ]);
  });
});

describe('capUnverified and applyVerification', () => {
  it('caps a criterion without verified evidence at 1', () => {
    expect(capUnverified(3, 0)).toBe(1);
    expect(capUnverified(4, 0)).toBe(1);
    expect(capUnverified(1, 0)).toBe(1);
    expect(capUnverified(0, 0)).toBe(0);
    expect(capUnverified(4, 2)).toBe(4);
  });

  it('verifies a whole grade and flags what was dropped', () => {
    const { grade, flags, dropped } = applyVerification(
      {
        score: 3,
        rationale: 'Veille décrite.',
        evidence: [{ quote: 'Nous avons signé un partenariat exclusif avec La Poste.', page: 1 }],
        missing: [],
        recommendations: [],
      },
      dossier,
    );
    expect(grade.score).toBe(1);
    expect(grade.evidence).toEqual([]);
    expect(dropped).toHaveLength(1);
    expect(flags.map((flag) => flag.code)).toEqual(['unverified_quote', 'no_evidence']);
    expect(flags[1].message).toBe('Aucune citation vérifiée dans le dossier : note ramenée de 3 à 1.');
  });
});
