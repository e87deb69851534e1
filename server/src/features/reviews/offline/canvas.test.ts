import { describe, expect, it } from 'vitest';
import { analyzeCriterionDetailed } from './analyzer';
import { classify, criterionLexicon } from './candidates';
import { CANVAS, canvasBlocks, canvasScore, synthesisesModel } from './canvas';
import { criterionInput } from './test-sections';

const businessModelInput = (sections: [string, string][]) =>
  criterionInput('b1-diagnostics-strategiques', 'business model', sections);

/** A plain-worded synthesis of a boatyard's model, in one section, with its figures and no connective. */
const SYNTHESIS: [string, string] = [
  'Le modèle économique en bref',
  `Le Chantier Kermor vend de l'entretien, du gardiennage à terre et de la pose d'électronique. Ses clients sont des particuliers propriétaires de voiliers de 7 à 14 mètres, pour la plupart à moins de 50 km. Les revenus les plus réguliers viennent du gardiennage, payé d'avance en octobre, et des contrats d'entretien annuels (210 bateaux). Ses ressources clés sont le terre-plein, le hangar et l'équipe de 27 salariés ; ses coûts principaux sont les salaires (54 % du chiffre d'affaires) et l'énergie.`,
];

/** The same facts scattered over the draft, one block per section. */
const SCATTERED: [string, string][] = [
  ['Le chantier', `Le Chantier Kermor vend de l'entretien et du gardiennage depuis 1986.`],
  [
    'Le modèle économique',
    `Ses clients sont des particuliers propriétaires de voiliers, 640 bateaux suivis.`,
  ],
  ["L'équipe", `L'équipe compte 27 salariés et travaille surtout de mars à juin.`],
  ['Les comptes', `Les salaires pèsent 54 % du chiffre d'affaires du chantier.`],
];

describe('canvasBlocks', () => {
  it.each([
    ["ses coûts principaux sont les salaires (54 % du chiffre d'affaires)", ['revenue', 'costs']],
    ['ses clients sont des particuliers propriétaires de voiliers', ['clients']],
    ["l'atelier vend une tuile rare a des couvreurs specialises", ['offer', 'resources']],
    ['la saison commence en mars', []],
  ])('reads « %s » as %j', (text, blocks) => {
    expect(canvasBlocks(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())).toEqual(blocks);
  });
});

describe('synthesisesModel', () => {
  it('reads the blocks laid out in one passage about the company as the synthesis', () => {
    const input = businessModelInput([SYNTHESIS]);
    const { relevant } = classify(input, criterionLexicon(input.exam, input.criterion));
    expect(synthesisesModel(relevant)).toBe(true);
  });

  it('does not read blocks scattered over several passages as a synthesis', () => {
    const input = businessModelInput(SCATTERED);
    const { relevant } = classify(input, criterionLexicon(input.exam, input.criterion));
    expect(synthesisesModel(relevant)).toBe(false);
  });

  it('lifts the business model criterion of a plain-worded synthesis to 3', () => {
    const { grade } = analyzeCriterionDetailed(businessModelInput([SYNTHESIS]));
    expect(grade.score).toBeGreaterThanOrEqual(CANVAS.score);
  });
});

describe('canvasScore', () => {
  it('raises a criterion read short to the synthesis level, never lowers one', () => {
    expect(canvasScore(1, true)).toBe(3);
    expect(canvasScore(1, false)).toBe(1);
    expect(canvasScore(4, true)).toBe(4);
  });
});
