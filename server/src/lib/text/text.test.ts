import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { looseFind, fold as webFold } from '../../../../web/src/lib/text';
import { verifyEvidence } from '../../features/reviews/verify-quotes';
import { findQuote, fold, foldWithMap, looseFold, lowerText, normaliseForMatch } from '.';

const page = [
  "L’entreprise « Vélo Cargo » vise une croissance de 30\u00a0% d'ici 2026 grâce à une straté-",
  'gie de différenciation | fondée sur la qualité et la mise en œuvre d’un SAV de proximité.',
  'Le marché lyonnais — très concurrentiel — compte 12 acteurs.',
].join('\n');
const dossier = { text: page, pages: [{ page: 1, text: page }], language: 'fr', words: 60 };

const quotes = [
  'l\'entreprise "Vélo Cargo" vise une croissance', // quotes and apostrophes, « » spacing
  'une stratégie de différenciation fondée sur la qualité', // hyphenated line break and a table bar
  'la mise en oeuvre d’un SAV de proximité', // ligature
  'Le marché lyonnais - très concurrentiel - compte 12 acteurs', // dashes
  'de 30 % d’ici 2026', // non-breaking space
  'une croissance de 45 % par an', // not there
  'Le marche lyonnais compte douze acteurs', // not there
];

describe('one text module for the server and the web app', () => {
  it('the web app finds exactly the quotes the server verifies, at the same place', () => {
    for (const quote of quotes) {
      const server = verifyEvidence([{ quote, page: 1 }], dossier).verified[0]?.quote ?? null;
      const range = looseFind(page, quote);
      const web = range && page.slice(range[0], range[1]);
      expect({ quote, web }).toEqual({ quote, web: server });
    }
    // And the verified quotes are not all-or-nothing: some are there, some are not.
    expect(quotes.map((quote) => findQuote(page, quote) !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('the web app still finds looser matches (accents) after the quote rules', () => {
    const range = looseFind(page, 'LE MARCHE LYONNAIS');
    expect(range && page.slice(range[0], range[1])).toBe('Le marché lyonnais');
    expect(webFold('  Négociation   COMMERCIALE\n complexe ')).toBe('negociation commerciale complexe');
  });

  it('folds keep their documented forms', () => {
    expect(lowerText('L’Été – à')).toBe("l'été - à");
    expect(fold('L’Œuvre – Été\u00a0RSE')).toBe("l'oeuvre - ete rse");
    expect(looseFold('« Mise  en  Œuvre… »')).toBe('" mise en oeuvre... "');
    expect(normaliseForMatch('déve-\n  loppement « Vélo »')).toBe('développement"vélo"');
  });

  it('maps every folded character back to where it came from', () => {
    const source = 'Œuvre\u00a0| é\u0301t';
    const { text, starts, ends } = foldWithMap(source);
    // The lone combining accent folds to nothing: `é` + `◌́` reads as one `e`.
    expect(text).toBe('oeuvre et');
    expect(starts.map((s, i) => source.slice(s, ends[i]))).toEqual([
      'Œ',
      'Œ',
      'u',
      'v',
      'r',
      'e',
      '\u00a0',
      'é',
      't',
    ]);
  });

  it('is pure: imports nothing but its own files (the web app bundles it)', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const imports = sources.flatMap((f) =>
      ts.preProcessFile(readFileSync(`${dir}/${f}`, 'utf8'), true, true).importedFiles.map((i) => i.fileName),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => !name.startsWith('./'))).toEqual([]);
  });
});

describe('subscript digits', () => {
  it('fold, match and verify « CO₂ » as « CO2 », however the dossier wrote it', () => {
    expect(fold('Émissions de CO₂ et H₂O')).toBe(fold('Émissions de CO2 et H2O'));
    expect(looseFold('CO₂')).toBe('co2');
    expect(normaliseForMatch('CO₂ évité')).toBe(normaliseForMatch('CO2 évité'));
    const text = 'Le calcul de l’impact (bouteilles, CO₂) suit la méthode de l’ADEME.';
    const { verified } = verifyEvidence(
      [{ quote: "Le calcul de l'impact (bouteilles, CO2) suit la méthode de l'ADEME", page: 1 }],
      { text, pages: [{ page: 1, text }], language: 'fr', words: 12 },
    );
    expect(verified.map((v) => v.quote)).toEqual([text.slice(0, -1)]);
  });
});
