import { describe, expect, it } from 'vitest';
import type { DossierText } from '../grade-schema';
import { countFigures, FIGURELESS, figurelessScore, figureRate, isFigureless } from './figureless';
import { PLAIN_CASE, STUFFED_CASE } from './test-case-facts';

function dossier(text: string): DossierText {
  return { text, pages: [{ page: 1, text }], language: 'fr', words: text.split(/\s+/).length };
}

const RECITED =
  'Nous avons réalisé une étude de marché complète. Le Business Model Canvas nous permet de formaliser notre modèle économique et notre proposition de valeur. Le seuil de rentabilité sera atteint rapidement grâce à une politique de prix adaptée et le besoin en fonds de roulement sera maîtrisé. Nous fixerons des objectifs SMART et un plan de relance à J+2, J+7 et J+30 pour transformer les leads. ';
const APPLIED =
  "En 2023, l'entreprise a réalisé 1,2 M€ de chiffre d'affaires avec 14 salariés et 310 clients actifs. Les 18 premiers clients font 61 % du CA ; le panier moyen est de 420 €. Nous visons 25 nouveaux comptes d'ici juin 2025 pour un budget de 8 000 €. ";

describe('figureless drafts', () => {
  it('leaves out numbering, headings, relative days and tool names glued to letters', () => {
    expect(countFigures('# 3. Plan 2024\n1. Le 4P et le K1\n2) B2B à J+7\n12\n')).toBe(0);
    expect(countFigures('Le CA atteint 4,2 M€ (+12 %) sur 1 200 clients.')).toBe(3);
  });

  it('reads a dossier that recites the course in the first person as figureless', () => {
    const d = dossier(RECITED.repeat(4));
    expect(figureRate(d)).toBe(0);
    expect(isFigureless(d)).toBe(true);
  });

  it('does not read a dossier with its company figures as figureless', () => {
    const d = dossier((RECITED + APPLIED).repeat(3));
    expect(figureRate(d)).toBeGreaterThan(6);
    expect(isFigureless(d)).toBe(false);
  });

  it('does not read a plain-worded case with a handful of figures as figureless', () => {
    const d = dossier(PLAIN_CASE);
    expect(figureRate(d)).toBeLessThan(FIGURELESS.perThousandWords);
    expect(isFigureless(d)).toBe(false);
  });

  it('reads keyword-stuffed course prose in « nous » as figureless', () => {
    const d = dossier(STUFFED_CASE);
    expect(figureRate(d)).toBeLessThan(FIGURELESS.perThousandWords);
    expect(isFigureless(d)).toBe(true);
  });

  it('does not judge a text too short to be a dossier', () => {
    expect(isFigureless(dossier('Nous avons une stratégie.'))).toBe(false);
  });

  it('holds a figureless criterion at 1 and keeps lower scores', () => {
    expect(figurelessScore(3, true)).toBe(1);
    expect(figurelessScore(0, true)).toBe(0);
    expect(figurelessScore(3, false)).toBe(3);
  });
});
