import { describe, expect, it } from 'vitest';
import { analyzeCriterionDetailed } from './analyzer';
import { classify, criterionLexicon } from './candidates';
import { criterionInput } from './test-sections';
import { describesWatch, watchParts } from './watch';

const watchInput = (sections: [string, string][]) =>
  criterionInput('b1-diagnostics-strategiques', 'veille', sections);

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A watch described plainly: tool, rhythm, record, reliability, and where the figures come from. */
const METHOD: [string, string][] = [
  [
    "D'où viennent nos informations",
    "Dès octobre 2024, j'ai tenu un dossier partagé avec la directrice, où chaque information est notée avec sa source, sa date et une appréciation. Une alerte hebdomadaire sur la presse régionale alimente ce dossier ; une fois par mois, nous faisons le tri ensemble. Nos sources sur le secteur sont les chiffres de la Fédération des industries nautiques (rapport annuel 2024). Ce que nous n'avions que d'une personne, nous l'avons vérifié auprès d'une deuxième source.",
  ],
];

/** Sources listed without a word of how the watch runs. */
const SOURCES_ONLY: [string, string][] = [
  [
    'Nos sources',
    'Pour le secteur, nous nous sommes appuyés sur les chiffres publiés par la Fédération des industries nautiques en 2024. Pour les concurrents, nous avons lu leurs sites et leurs comptes de 2023.',
  ],
];

describe('watchParts', () => {
  it.each([
    ['chaque information est notee avec sa source, sa date', ['record']],
    ['une alerte hebdomadaire alimente ce dossier partage', ['tool', 'rhythm']],
    ["ce qui ne venait que d'une personne est reste a verifier", ['reliability']],
    ['le marche croit de 3 % par an', []],
  ])('reads « %s » as %j', (text, parts) => {
    expect(watchParts(fold(text))).toEqual(parts);
  });
});

describe('describesWatch', () => {
  it('reads a tool, a rhythm, a record and a check about the company, with a source, as an explicit method', () => {
    const input = watchInput(METHOD);
    const { relevant } = classify(input, criterionLexicon(input.exam, input.criterion));
    expect(describesWatch(relevant)).toBe(true);
    expect(analyzeCriterionDetailed(input).grade.score).toBeGreaterThanOrEqual(3);
  });

  it('does not read a list of sources as a method', () => {
    const input = watchInput(SOURCES_ONLY);
    const { relevant } = classify(input, criterionLexicon(input.exam, input.criterion));
    expect(describesWatch(relevant)).toBe(false);
  });
});
