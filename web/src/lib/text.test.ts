import { describe, expect, it } from 'vitest';
import { fold, looseFind, looseIncludes, looseWordRanges } from './text';

describe('loose text matching', () => {
  it('ignores case, accents, typographic quotes and whitespace runs', () => {
    expect(fold('  Négociation   COMMERCIALE\n complexe ')).toBe('negociation commerciale complexe');
    expect(fold('l’entreprise « RSE »')).toBe(fold('l\'entreprise " RSE "'));
    expect(looseIncludes('Construire un plan de découverte (SIMAC, SONCAS)', 'soncas')).toBe(true);
    expect(looseIncludes('Critères ESG', 'criteres esg')).toBe(true);
    expect(looseIncludes('Critères ESG', 'RSE')).toBe(false);
  });

  it('maps a match back to the original text, across line breaks and non-breaking spaces', () => {
    const page = 'Nous visons :\nréduire de 30\u00a0% les\n\némissions de CO2.';
    const range = looseFind(page, 'réduire de 30 % les émissions');
    expect(range).not.toBeNull();
    const [start, end] = range ?? [0, 0];
    expect(page.slice(start, end)).toBe('réduire de 30\u00a0% les\n\némissions');
  });

  it('returns null when the quote is not there', () => {
    expect(looseFind('Un texte court.', 'un autre texte')).toBeNull();
  });

  it('finds each word of a query, merged and in order', () => {
    const text = 'La négociation commerciale complexe';
    const ranges = looseWordRanges(text, 'complexe negociation');
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['négociation', 'complexe']);
  });
});
