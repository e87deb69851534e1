import { describe, expect, it } from 'vitest';
import { locateQuote } from './locate-quote';

const pages = [
  { page: 1, text: 'Audit RSE de la société Transalp.\nSommaire' },
  { page: 2, text: 'La directive CSRD impose un reporting\nde durabilité dès 2025.' },
  { page: 3, text: 'Objectif : réduire de 30 %   les émissions liées au transport.' },
];

describe('locateQuote', () => {
  it('finds the quote on the page the report gives, whitespace-insensitively', () => {
    const location = locateQuote(pages, 2, 'impose un reporting de durabilité');
    expect(location.page).toBe(2);
    const [start, end] = location.range ?? [0, 0];
    expect(pages[1].text.slice(start, end)).toBe('impose un reporting\nde durabilité');
  });

  it('looks on the other pages when the page is off (estimated page breaks)', () => {
    const location = locateQuote(pages, 2, 'réduire de 30 % les émissions');
    expect(location.page).toBe(3);
    const [start, end] = location.range ?? [0, 0];
    expect(pages[2].text.slice(start, end)).toBe('réduire de 30 %   les émissions');
  });

  it('falls back to the given page, without a range, when the quote is nowhere', () => {
    expect(locateQuote(pages, 3, 'une phrase absente du dossier')).toEqual({ page: 3, range: null });
  });
});
