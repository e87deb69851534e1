import { describe, expect, it } from 'vitest';
import { type CriterionSignals, scoreFromSignals } from './analyzer';
import { isSituatedExperience } from './experience';

describe('isSituatedExperience: a located first-person episode (branch grader-strong-3)', () => {
  it.each([
    ['In Lisbon, our buyer cancelled the tasting because we had sent the samples too late.', true],
    ['I lost my first Polish order because I insisted on a written offer at the first meeting.', true],
    ['We learned that Japanese partners expect the agenda a week before.', true],
    // General truths, advice and the present tense are not episodes; nor is a past without a place or a people.
    ['Cultural differences matter because people communicate in different ways.', false],
    ['Hofstede defines power distance as the acceptance of inequality.', false],
    ['I learned a lot from this experience because it was difficult.', false],
  ])('%s → %s', (text, expected) => {
    expect(isSituatedExperience(text)).toBe(expected);
  });
});

describe('a lived, located episode supports argued reasons for partial credit', () => {
  // An intercultural criterion argued in three sentences, none with a figure or a named source.
  const argued: CriterionSignals = {
    expected: ['professional_practices', 'complex_org', 'parties_prenantes'],
    found: ['professional_practices', 'complex_org'],
    notions: ['professional_practices', 'complex_org', 'parties_prenantes'],
    notionsFound: ['professional_practices', 'complex_org'],
    appliedNotions: ['professional_practices', 'complex_org'],
    developedNotions: ['professional_practices'],
    genericSentences: 0,
    developedConcepts: ['professional_practices'],
    relevantSentences: 8,
    developedSentences: 3,
    arguedSentences: 3,
    quantifiedSentences: 0,
    sourceScore: 0,
    pages: [1],
    passages: 1,
    plainDeveloped: 0,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it('scores 1 without support, 2 when one of its reasons is a located episode', () => {
    expect(scoreFromSignals(argued)).toBe(1);
    expect(scoreFromSignals({ ...argued, experiences: 1 })).toBe(2);
  });

  it('never reaches 3 on episodes alone', () => {
    expect(scoreFromSignals({ ...argued, experiences: 3, developedSentences: 8, arguedSentences: 8 })).toBe(
      2,
    );
  });
});

describe('a school episode is no professional experience (grader-weak-5, after cases-4b)', () => {
  const school = [
    'At first we had some misunderstandings because the German student wanted to plan everything.',
    'I remember a trip to Germany with my class where our host was annoyed because we were late.',
    'During a group project I worked with two exchange students from China and Germany.',
  ];
  const work = [
    'In Stockholm, our agent refused to call a buyer on a Friday afternoon.',
    'I lost my first Danish deal because I pushed for a decision too early.',
  ];
  it('reads the school anecdotes out and keeps the episodes at work', () => {
    expect([...school, ...work].filter(isSituatedExperience)).toEqual(work);
  });
});
