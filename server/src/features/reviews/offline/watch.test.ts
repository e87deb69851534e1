import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { DossierText, GradingPassage } from '../grade-schema';
import { analyzeCriterionDetailed } from './analyzer';
import { classify, criterionLexicon } from './candidates';
import { describesWatch, watchParts } from './watch';

/** A dossier of one page, one passage per section: its heading, then its paragraph. */
function dossierOf(sections: [string, string][]): { dossier: DossierText; passages: GradingPassage[] } {
  const text = sections.map(([heading, paragraph]) => `${heading}\n\n${paragraph}`).join('\n\n');
  const passages = sections.map(([heading, paragraph], i) => ({
    id: `p${i}`,
    ordinal: i,
    page: 1,
    pageEnd: 1,
    section: heading,
    annex: false,
    text: paragraph,
    relevance: 1,
  }));
  return {
    dossier: { text, pages: [{ page: 1, text }], language: 'fr', words: text.split(/\s+/).length },
    passages,
  };
}

const EXAM_ID = 'b1-diagnostics-strategiques';

function watchInput(sections: [string, string][]) {
  const exam = getExam(EXAM_ID);
  if (!exam) throw new Error(`exam ${EXAM_ID} missing`);
  const criterion = exam.criteria.find((c) => c.text.includes('veille'));
  if (!criterion) throw new Error('no watch criterion');
  return { exam, criterion, ...dossierOf(sections) };
}

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
