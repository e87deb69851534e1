import { describe, expect, it } from 'vitest';
import type { DossierText } from '../grade-schema';
import { CASE_FACTS, caseFactRate, statesCaseFact, statesOwnCase } from './case-facts';
import { fold } from './lexicon';
import { PLAIN_CASE, STUFFED_CASE } from './test-case-facts';

function dossier(text: string, language = 'fr'): DossierText {
  return { text, pages: [{ page: 1, text }], language, words: text.split(/\s+/).length };
}

describe('the company’s facts other than figures', () => {
  it('reads dates, quantities in words, other names, refusals and told events as facts of the case', () => {
    const others = new Set(['delaunay']);
    const read = (s: string) => statesCaseFact(s, fold(s), others, 'fr');
    expect(read('Nous avons arrêté les marchés de Noël.')).toBe(true);
    expect(read('Elle a commandé une dizaine de fûts reconditionnés.')).toBe(true);
    expect(read('La maison Delaunay veut une chauffe régulière.')).toBe(true);
    expect(read('Nous ne vendons pas aux particuliers.')).toBe(true);
    expect(read('Nous fixerons des objectifs SMART pour chaque commercial.')).toBe(false);
    // « a été » is no season, « du neuf » and « des tiers » no count.
    expect(read('Un plan d’action a été défini pour le neuf et les tiers.')).toBe(false);
  });

  it('reads a plain-worded case with few figures above the bar', () => {
    const rate = caseFactRate(dossier(PLAIN_CASE));
    expect(rate).toBeGreaterThanOrEqual(CASE_FACTS.perThousandWords);
    expect(statesOwnCase(dossier(PLAIN_CASE))).toBe(true);
  });

  it('reads course prose in « nous » under the bar', () => {
    expect(caseFactRate(dossier(STUFFED_CASE))).toBeLessThan(CASE_FACTS.perThousandWords / 2);
    expect(statesOwnCase(dossier(STUFFED_CASE))).toBe(false);
  });

  it('does not count the company’s own name from the title as another’s', () => {
    const text = `# Fûts Prestige\n\n${'Fûts Prestige propose une offre de qualité à ses clients. '.repeat(20)}`;
    expect(caseFactRate(dossier(text))).toBe(0);
  });

  it('reads an English case by its dates, counts and refusals', () => {
    const text =
      'In March we stopped selling to retailers. We do not discount. Two buyers in Leeds came back. '.repeat(
        10,
      );
    expect(statesOwnCase(dossier(text, 'en'))).toBe(true);
  });
});
