import { describe, expect, it } from 'vitest';
import { type CriterionSignals, scoreFromSignals } from './analyzer';
import { arguedCaseScore, arguedOnCase } from './scoring';

/**
 * A criterion argued on the company's case without a figure in its own sentences (scoring.ts `arguedOnCase`,
 * issue #16): partly treated (2) in a draft that is neither thin nor figureless, « mentioned » (1) otherwise.
 */
describe('arguedOnCase: reasons about the company without their own figure read as partly treated', () => {
  // A pricing criterion: « Nous tenons nos tarifs parce que nos poseurs vendent le conseil, pas la remise. Si
  // nous baissons nos prix, nous perdons ce qui nous distingue. » — two argued sentences, the core notion « prix »
  // itself argued, no figure in them (the company's figures are elsewhere in the draft).
  const argued: CriterionSignals = {
    expected: ['mix_marketing', 'positionnement', 'concurrence', 'marge'],
    found: ['mix_marketing', 'positionnement'],
    notions: ['mix_marketing', 'positionnement'],
    notionsFound: ['mix_marketing', 'positionnement'],
    appliedNotions: ['mix_marketing'],
    developedNotions: ['mix_marketing'],
    genericSentences: 1,
    developedConcepts: ['mix_marketing', 'positionnement'],
    relevantSentences: 14,
    developedSentences: 3,
    arguedSentences: 3,
    quantifiedSentences: 0,
    sourceScore: 0,
    pages: [2],
    passages: 2,
    plainDeveloped: 0,
    plainFacts: 0,
    plainArgued: 0,
    appliedFacts: 2,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it('the support bar alone holds it at 1 (« argumenté sans être étayé »)', () => {
    expect(scoreFromSignals(argued)).toBe(1);
  });

  it('argued on the case, its notion developed: 2 in a draft neither thin nor figureless', () => {
    expect(arguedOnCase(argued)).toBe(true);
    expect(arguedCaseScore(1, argued, true)).toBe(2);
  });

  it('in a thin or figureless draft the same reasons are the lesson recited: 1', () => {
    expect(arguedCaseScore(1, argued, false)).toBe(1);
  });

  it('textbook sentences over half of the developed ones: the course, not the case', () => {
    expect(arguedOnCase({ ...argued, genericSentences: 2 })).toBe(false);
  });

  it('fewer than two argued sentences, or no core notion itself developed: mentioned', () => {
    expect(arguedOnCase({ ...argued, arguedSentences: 1 })).toBe(false);
    expect(arguedOnCase({ ...argued, developedNotions: [] })).toBe(false);
  });

  it('a course draft or a notion met only in definitions stays at 1', () => {
    expect(arguedOnCase({ ...argued, courseDraft: true })).toBe(false);
    expect(arguedOnCase({ ...argued, appliedNotions: [] })).toBe(false);
  });

  it('only a score of 1 moves: 0 stays 0, a backed criterion keeps its own reading', () => {
    expect(arguedCaseScore(0, argued, true)).toBe(0);
    expect(arguedCaseScore(2, argued, true)).toBe(2);
    expect(arguedOnCase({ ...argued, quantifiedSentences: 1 })).toBe(false);
  });
});
