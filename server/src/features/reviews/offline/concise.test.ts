/**
 * The concise bar for 3 (scoring.ts `conciseSatisfactory`, issue #16): the same strong dossier written in
 * half the words argues in fewer sentences and states the company's figures in the sentences around them.
 */
import { describe, expect, it } from 'vitest';
import { type CriterionSignals, scoreFromSignals } from './analyzer';

/** A portfolio criterion of a concise draft: three developed sentences, two argued, the vocabulary used. */
const concise: CriterionSignals = {
  expected: ['portefeuille', 'segmentation', 'scoring', 'crm', 'ia'],
  found: ['portefeuille', 'scoring', 'crm', 'ia'],
  notions: ['portefeuille', 'segmentation', 'scoring'],
  notionsFound: ['portefeuille', 'scoring'],
  appliedNotions: ['portefeuille', 'scoring'],
  developedNotions: ['scoring'],
  genericSentences: 0,
  developedConcepts: ['scoring', 'crm', 'ia'],
  relevantSentences: 30,
  developedSentences: 3,
  arguedSentences: 2,
  quantifiedSentences: 2,
  sourceScore: 1,
  pages: [1, 2],
  passages: 2,
  plainDeveloped: 0,
  appliedFacts: 8,
  stuffedMentions: 0,
  stuffedConcepts: [],
};

describe('conciseSatisfactory: prose facts with the company figures weigh half a developed sentence', () => {
  it('reaches 3 with three developed sentences, two argued, and the company figures around them', () => {
    expect(scoreFromSignals(concise)).toBe(3);
  });

  it('stays at 2 with too few facts to make up the bar', () => {
    expect(scoreFromSignals({ ...concise, appliedFacts: 3 })).toBe(2);
  });

  it('stays at 2 when figures carry no argued reasoning (a dashboard, a figure-dense draft)', () => {
    expect(scoreFromSignals({ ...concise, arguedSentences: 1, appliedFacts: 20 })).toBe(2);
  });

  it('stays at 2 when no core notion is applied to the company', () => {
    expect(scoreFromSignals({ ...concise, appliedNotions: [], notionsFound: ['portefeuille'] })).toBeLessThan(
      3,
    );
  });

  it('stays at 2 when the expected concepts are not covered by developed sentences', () => {
    expect(scoreFromSignals({ ...concise, developedConcepts: ['crm'] })).toBe(2);
  });
});

describe('conciseSatisfactory needs a passage dense in the company figures', () => {
  it('stays at 2 when fewer facts than developed sentences make up the bar (a padded thin draft)', () => {
    expect(scoreFromSignals({ ...concise, developedSentences: 4, arguedSentences: 4, appliedFacts: 2 })).toBe(
      2,
    );
    expect(scoreFromSignals({ ...concise, developedSentences: 4, arguedSentences: 4, appliedFacts: 4 })).toBe(
      3,
    );
  });
});
