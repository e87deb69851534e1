import { describe, expect, it } from 'vitest';
import type { SectionInfo } from '../../../../../db/schema';
import { detectLanguage, mixedLanguageWarning, sample, sectionLanguage } from './language';

const FR =
  "L'entreprise distribue des solutions de gestion aux petites et moyennes entreprises de la région. Notre stratégie commerciale vise à conquérir de nouveaux clients.";
const EN =
  'The company sells management software to small and medium businesses in the region. Our sales strategy aims to win new customers and grow recurring revenue.';
const DE =
  'Das Unternehmen verkauft Verwaltungssoftware an kleine und mittlere Unternehmen in der Region. Unsere Vertriebsstrategie zielt darauf ab, neue Kunden zu gewinnen.';

describe('detectLanguage', () => {
  it('detects French, English and German', () => {
    expect(detectLanguage(FR)).toBe('fr');
    expect(detectLanguage(EN)).toBe('en');
    expect(detectLanguage(DE)).toBe('de');
  });

  it('returns null under 60 characters', () => {
    expect(detectLanguage('Bonjour à tous.')).toBeNull();
  });

  it('samples long texts deterministically', () => {
    const long = `${FR} `.repeat(400);
    expect(detectLanguage(long)).toBe('fr');
  });

  it('reads a long text through stretches spread over all of it, not its beginning alone', () => {
    // Two pages of English, then ten of German: German, as most of the text is.
    const text = `${`${EN} `.repeat(20)}${`${DE} `.repeat(100)}`;
    expect(detectLanguage(text)).toBe('de');
    const picked = sample(text);
    expect(picked.length).toBeLessThanOrEqual(1_000);
    expect(picked).toContain('company');
    expect(picked).toContain('Unternehmen');
    // Stretches start and end on whole words.
    for (const word of picked.split(' ')) expect(`${EN} ${DE}`.split(' ')).toContain(word);
  });
});

describe('sectionLanguage', () => {
  it('tells the language of a section long enough to matter, and none for a short one', () => {
    expect(sectionLanguage(`${EN} `.repeat(3))).toBe('en');
    expect(sectionLanguage(FR)).toBeNull();
  });
});

describe('mixedLanguageWarning', () => {
  const section = (
    title: string,
    start: number,
    end: number,
    language: string,
    annex = false,
  ): SectionInfo => ({
    title,
    level: 1,
    page: 1,
    pageEnd: 1,
    start,
    end,
    language,
    annex,
  });

  it('warns about significant sections in another language, annexes aside', () => {
    const en = `${EN} `.repeat(3);
    const fr = `${FR} `.repeat(3);
    const text = fr + en + en;
    const sections = [
      section('Introduction', 0, fr.length, 'fr'),
      section('Market study', fr.length, fr.length + en.length, 'en'),
      section('Annex', fr.length + en.length, text.length, 'en', true),
    ];
    const warning = mixedLanguageWarning('fr', sections, text);
    expect(warning).toMatchObject({ code: 'mixed_language', page: 1 });
    expect(warning?.message).toContain('« Market study » (p. 1, anglais)');
    expect(warning?.message).not.toContain('Annex');
  });

  it('ignores short sections', () => {
    expect(mixedLanguageWarning('fr', [section('Title', 0, EN.length, 'en')], EN)).toBeNull();
  });
});
