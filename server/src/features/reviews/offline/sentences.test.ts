import { describe, expect, it } from 'vitest';
import type { DossierText, GradingPassage } from '../grade-schema';
import { findQuotePage, sentencesOfPassage, splitSentences } from './sentences';

function texts(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

function dossierOf(pages: string[]): DossierText {
  const pageTexts = pages.map((text, i) => ({ page: i + 1, text }));
  const text = pageTexts.map((p) => p.text).join('\n\n');
  return { text, pages: pageTexts, language: 'fr', words: text.split(/\s+/).length };
}

describe('splitSentences', () => {
  it('splits at sentence ends and keeps offsets verbatim', () => {
    const text =
      "Le marché croît de 4 %. Les clients attendent des délais courts !\tPourquoi ? Parce que l'offre évolue.";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Le marché croît de 4 %.',
      'Les clients attendent des délais courts !',
      'Pourquoi ?',
      "Parce que l'offre évolue.",
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split on French abbreviations, initials, decimals or dotted acronyms', () => {
    expect(
      texts(
        "M. Dupont l'a confirmé (p. 12), cf. annexe 3, etc. Le CA de 12.5 M€ progresse de 3,5 % et 150 k€ sont investis. La société S.A. Durand et J. Martin valident. Fin.",
      ),
    ).toEqual([
      "M. Dupont l'a confirmé (p. 12), cf. annexe 3, etc. Le CA de 12.5 M€ progresse de 3,5 % et 150 k€ sont investis.",
      'La société S.A. Durand et J. Martin valident.',
      'Fin.',
    ]);
  });

  it('does not split after a point followed by lower case, and keeps a closing quote with its sentence', () => {
    expect(texts('Le taux... reste stable. Il a dit « oui. » Puis il est parti.')).toEqual([
      'Le taux... reste stable.',
      'Il a dit « oui. »',
      'Puis il est parti.',
    ]);
  });

  it('splits headings, bullets and paragraphs but joins lines a PDF wrapped', () => {
    const text = [
      '1. Analyse PESTEL',
      'Le marché est porteur selon',
      "Xerfi, qui prévoit 4 % de croissance d'ici",
      '2026.',
      '- Politique : la loi AGEC impose la fin du plastique',
      '• Économique : inflation de 4,9 %',
      '',
      'Nouveau paragraphe sans point final',
      '',
      'Suite du dossier.',
    ].join('\n');
    expect(texts(text)).toEqual([
      'Analyse PESTEL',
      "Le marché est porteur selon\nXerfi, qui prévoit 4 % de croissance d'ici\n2026.",
      'Politique : la loi AGEC impose la fin du plastique',
      'Économique : inflation de 4,9 %',
      'Nouveau paragraphe sans point final',
      'Suite du dossier.',
    ]);
  });

  it('cuts very long runs at a semicolon or comma, never inside a word', () => {
    const item = 'un indicateur de suivi mensuel du portefeuille clients';
    const text = Array.from({ length: 14 }, (_, i) => `${item} ${i}`).join('; ');
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(400);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(sentences.map((s) => s.text).join(' ')).toBe(text);
  });

  it('drops pieces without a letter or digit', () => {
    expect(texts('…\n\n***\n\nTexte.')).toEqual(['Texte.']);
  });
});

describe('findQuotePage', () => {
  const dossier = dossierOf([
    'Introduction du dossier. Le marché croît de 4 %.',
    'Le marché croît de 4 %. La concurrence se\nrenforce nettement.',
    'Conclusion : nous préconisons un plan',
  ]);

  it('finds the page of an exact quote, preferring the given range', () => {
    expect(findQuotePage(dossier, 'Introduction du dossier.')).toBe(1);
    expect(findQuotePage(dossier, 'Le marché croît de 4 %.')).toBe(1);
    expect(findQuotePage(dossier, 'Le marché croît de 4 %.', { page: 2, pageEnd: 3 })).toBe(2);
  });

  it('ignores whitespace differences and finds a quote running over a page break by its beginning', () => {
    expect(findQuotePage(dossier, 'La concurrence se renforce nettement.')).toBe(2);
    const crossing = dossierOf(['Le budget prévisionnel de la campagne atteint', '45 000 € sur trois ans.']);
    expect(
      findQuotePage(crossing, 'Le budget prévisionnel de la campagne atteint 45 000 € sur trois ans.'),
    ).toBe(1);
  });

  it('returns null for a quote that is not in the dossier', () => {
    expect(findQuotePage(dossier, 'Une phrase inventée par le modèle.')).toBeNull();
  });
});

describe('sentencesOfPassage', () => {
  it('gives each sentence of a passage spanning pages the page it starts on', () => {
    const dossier = dossierOf([
      'Titre\n\nLe marché croît de 4 % selon Xerfi. La concurrence se renforce.',
      'Les prix baissent de 2 %. Nous préconisons une offre premium.',
    ]);
    const start = dossier.text.indexOf('Le marché');
    const passage: GradingPassage = {
      id: 'x',
      ordinal: 1,
      page: 1,
      pageEnd: 2,
      section: null,
      annex: false,
      text: dossier.text.slice(start),
      relevance: 1,
    };
    expect(sentencesOfPassage(passage, dossier).map((s) => [s.text, s.page])).toEqual([
      ['Le marché croît de 4 % selon Xerfi.', 1],
      ['La concurrence se renforce.', 1],
      ['Les prix baissent de 2 %.', 2],
      ['Nous préconisons une offre premium.', 2],
    ]);
  });

  it('keeps the passage page for a single-page passage, without a dossier', () => {
    const passage: GradingPassage = {
      id: 'y',
      ordinal: 0,
      page: 7,
      pageEnd: 7,
      section: 'Marché',
      annex: false,
      text: 'Une phrase. Une autre.',
      relevance: 0.4,
    };
    expect(sentencesOfPassage(passage).map((s) => [s.page, s.passageId])).toEqual([
      [7, 'y'],
      [7, 'y'],
    ]);
  });
});
