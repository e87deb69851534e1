/**
 * A candidate's qualities claimed in the first person are no experience (issue #16, branch grader-weak-3): the
 * voice that reports what the candidate did is not enough when it only lists adjectives.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import { analyzeCriterionDetailed } from './analyzer';
import { isApplied } from './applied';
import { depthSignals, fold } from './lexicon';
import { isSelfPortrait } from './self-portrait';

const applied = (s: string) => {
  const folded = fold(s);
  return isApplied(folded, depthSignals(s, folded, 'en').quantities, new Set());
};

describe('a self-portrait is not an experience', () => {
  it.each([
    ['I am a dynamic, motivated and open-minded person.', true],
    ['I adapt easily to new situations and I enjoy working with people from different backgrounds.', true],
    ['I developed my adaptability and my curiosity in every job.', true],
    ['I consider myself a flexible and tolerant person, because diversity is a richness.', true],
    ["J'ai appris à être rigoureux et autonome.", true],
    // Experiences: a figure, a date, a place, what was done.
    ['I learned to be patient when I managed a team of 6 people in Madrid in 2022.', false],
    ['In 2021 I opened our Lyon branch with two Spanish colleagues.', false],
    [
      'I realised that for them a written rule protects everybody, and that this was not a lack of flexibility.',
      false,
    ],
    ['I reorganised the weekly meeting so that the Polish drivers could speak first.', false],
  ] as const)('%s → self-portrait: %s', (sentence, portrait) => {
    expect(isSelfPortrait(fold(sentence), false)).toBe(portrait);
    expect(applied(sentence)).toBe(!portrait);
  });

  it('keeps a first-person claim naming one of the dossier’s places or employers applied', () => {
    expect(isSelfPortrait(fold('I am adaptable, as my years at Nordalis showed.'), true)).toBe(false);
  });
});

describe('an English letter of qualities scores 1 at most on the candidate’s profile', () => {
  const exam = getExam('b6-management-interculturel') as Exam;
  const LETTER = [
    'I developed my adaptability and my curiosity in every job, which makes me a good manager for a multicultural team.',
    'I learned to be open-minded and tolerant, because, as Hofstede (2001) explains, cultures differ.',
    'I improved my flexibility and my empathy, so I would quickly find my place in your international team.',
    'I showed my motivation and my team spirit, since international teams need managers who listen.',
    'I worked on my patience and my rigour, therefore, according to Meyer (2014), I can build trust in every culture.',
  ];
  const text = LETTER.join('\n\n');
  const dossier = { text, pages: [{ page: 1, text }], language: 'en', words: text.split(/\s+/).length };
  const passages = LETTER.map((p, i) => ({
    id: `p${i}`,
    ordinal: i,
    page: 1,
    pageEnd: 1,
    section: 'Cover letter',
    annex: false,
    text: p,
    relevance: 1,
  }));

  it('credits no criterion above 1 for adjectives', () => {
    for (const criterion of exam.criteria) {
      const { grade, signals } = analyzeCriterionDetailed({ exam, criterion, passages, dossier });
      expect(signals.developedSentences).toBeLessThanOrEqual(1);
      expect(grade.score).toBeLessThanOrEqual(1);
    }
  });
});
