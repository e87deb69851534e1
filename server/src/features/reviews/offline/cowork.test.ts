import { describe, expect, it } from 'vitest';
import { analyzeCriterionDetailed } from './analyzer';
import { classify, criterionLexicon } from './candidates';
import { coworkParts, describesCowork } from './cowork';
import { criterionInput } from './test-sections';

const coworkInput = (sections: [string, string][]) =>
  criterionInput('b2-strategie-commerciale', 'collaboration', sections);

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A committee, its rhythm, the departments in it and the rule binding them, stated plainly. */
const METHOD: [string, string][] = [
  [
    'Travailler avec les autres services',
    "Chez Reliures Vernet, le projet est piloté par un comité qui se réunit le premier lundi du mois : la gérante, le chef d'atelier, la comptable et la chargée de développement. Chacun y apporte un chiffre : le carnet de commandes, la charge de l'atelier sur huit semaines et la marge réalisée par commande. Depuis un retard de novembre 2023, toute commande de plus de 50 livres est signée par le chef d'atelier avant d'être confirmée au client.",
  ],
];

/** The same departments named, with no meeting, rhythm nor rule. */
const NAMED_ONLY: [string, string][] = [
  [
    'Travailler avec les autres services',
    "Chez Reliures Vernet, la chargée de développement travaille avec l'atelier et la comptable sur les commandes de 2024, qui ont atteint 320 livres.",
  ],
];

describe('coworkParts', () => {
  it.each([
    ['un comite qui se reunit le premier lundi du mois', ['meeting', 'rhythm']],
    ["toute commande est signee par le chef d'atelier", ['departments', 'rule']],
    ['le marche croit de 3 % par an', []],
  ])('reads « %s » as %j', (text, parts) => {
    expect(coworkParts(fold(text))).toEqual(parts);
  });
});

describe('describesCowork', () => {
  it('reads a meeting, its rhythm, its departments and its rule, about the company, as an explained method', () => {
    const input = coworkInput(METHOD);
    const { relevant } = classify(input, criterionLexicon(input.exam, input.criterion));
    expect(describesCowork(relevant)).toBe(true);
    expect(analyzeCriterionDetailed(input).grade.score).toBeGreaterThanOrEqual(3);
  });

  it('does not read departments merely named as a method', () => {
    const input = coworkInput(NAMED_ONLY);
    const { relevant } = classify(input, criterionLexicon(input.exam, input.criterion));
    expect(describesCowork(relevant)).toBe(false);
  });
});
