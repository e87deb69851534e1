import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { DossierText } from '../grade-schema';
import { type CriterionSignals, scoreFromSignals } from './analyzer';
import { type Candidate, criterionLexicon } from './candidates';
import { evidenceCandidates } from './evidence';
import { sentenceFacts } from './passage-reading';

/**
 * The plain-words bar for 3 (scoring.ts `plainSatisfactory`, issue #16): a strong draft written without the
 * lexicon's vocabulary states the company's figures in sentences of their own and argues in the next ones.
 */
describe('plainSatisfactory: argued sentences and prose facts with the company figures reach 3', () => {
  // A prospection criterion (portfolio): four expected concepts, core notion « portefeuille » applied.
  const plain: CriterionSignals = {
    expected: ['portefeuille', 'crm', 'scoring', 'segmentation'],
    found: ['portefeuille'],
    notions: ['portefeuille', 'crm', 'scoring'],
    notionsFound: ['portefeuille'],
    appliedNotions: ['portefeuille'],
    developedNotions: ['portefeuille'],
    genericSentences: 0,
    developedConcepts: ['portefeuille'],
    relevantSentences: 9,
    developedSentences: 3,
    arguedSentences: 3,
    quantifiedSentences: 1,
    sourceScore: 0,
    pages: [1],
    passages: 1,
    plainDeveloped: 0,
    appliedFacts: 3,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it.each<[string, number, CriterionSignals]>([
    ['three argued sentences and three prose facts with the company figures', 3, plain],
    // Without its facts, the same reasoning is too short for 3: what the engine gave before.
    ['the same reasoning without the facts', 2, { ...plain, appliedFacts: 0 }],
    // Facts complete developed reasoning; they do not replace it.
    [
      'two developed sentences and many facts',
      2,
      { ...plain, developedSentences: 2, arguedSentences: 2, appliedFacts: 6 },
    ],
    ['developed by figures but argued once', 2, { ...plain, arguedSentences: 1 }],
    // A draft naming most of the criterion's concepts is judged by the coverage bar.
    [
      'the vocabulary used (three concepts of four)',
      2,
      {
        ...plain,
        found: ['portefeuille', 'crm', 'scoring'],
        notionsFound: ['portefeuille', 'crm', 'scoring'],
      },
    ],
    // A section the criterion's words point to is not enough: a core notion must be applied to the company.
    [
      'no core notion applied, plain section only',
      2,
      { ...plain, found: [], notionsFound: [], appliedNotions: [], developedNotions: [], plainDeveloped: 3 },
    ],
    // One figure among the reasoning and no fact about the company beside it: not supported enough for 3.
    [
      'one figure, no prose fact',
      2,
      { ...plain, appliedFacts: 0, developedSentences: 5, arguedSentences: 5 },
    ],
  ])('%s → %i', (_, expected, signals) => {
    expect(scoreFromSignals(signals)).toBe(expected);
  });
});

describe('evidenceCandidates: the plain paragraphs back a notion named once (issue #16)', () => {
  const exam = getExam('b3-prospection');
  if (!exam) throw new Error('b3-prospection missing from the referential');
  const portfolio = exam.criteria.find((c) => c.text.includes('portefeuille'));
  if (!portfolio) throw new Error('no portfolio criterion');
  const lexicon = criterionLexicon(exam, portfolio);
  const dossier: DossierText = { text: '', pages: [], language: 'fr', words: 0 };
  let order = 0;
  const candidate = (text: string, extra: Partial<Candidate>): Candidate => {
    order++;
    return {
      sentence: { text, start: order * 100, end: order * 100 + text.length, page: 1, passageId: `p${order}` },
      order,
      passageRelevance: 1,
      facts: sentenceFacts(dossier, 'fr', text),
      concepts: [],
      notions: [],
      applied: true,
      generic: false,
      backsNotion: false,
      inherited: [],
      bySection: false,
      ownHits: 0,
      competencyHits: 0,
      developed: false,
      statement: true,
      argued: false,
      quantified: false,
      source: 0,
      appliedFact: false,
      experience: false,
      ...extra,
    };
  };
  // The notion named once, in a statement that argues nothing; the analysis in the paragraphs around it.
  const naming = candidate('Notre portefeuille compte 212 clients actifs.', {
    concepts: ['portefeuille'],
    notions: ['portefeuille'],
    quantified: true,
    appliedFact: true,
  });
  const argued = [
    "Si l'un des trente gros clients part, c'est quinze petits artisans qui disparaissent, donc ils sont suivis de près.",
    'La moitié des clients endormis avait oublié de nous rappeler, ce qui montre que notre suivi est en cause.',
    'Les garages achètent peu alors qu’ils ont des besoins réguliers, donc ils seront notre première cible.',
  ].map((text) => candidate(text, { bySection: true, developed: true, argued: true }));
  const signals = (score3: boolean): CriterionSignals => ({
    expected: ['portefeuille', 'crm', 'scoring', 'segmentation'],
    found: ['portefeuille'],
    notions: [...lexicon.notions],
    notionsFound: ['portefeuille'],
    appliedNotions: ['portefeuille'],
    developedNotions: [],
    genericSentences: 0,
    developedConcepts: [],
    relevantSentences: 4,
    developedSentences: score3 ? 3 : 2,
    arguedSentences: score3 ? 3 : 2,
    quantifiedSentences: 1,
    sourceScore: 0,
    pages: [1],
    passages: 4,
    plainDeveloped: score3 ? 3 : 2,
    appliedFacts: score3 ? 3 : 0,
    stuffedMentions: 0,
    stuffedConcepts: [],
  });

  it('adds the developed sentences of the sections about the criterion when the analysis is at the bar for 3', () => {
    expect(scoreFromSignals(signals(true))).toBe(3);
    const pool = evidenceCandidates(lexicon, [naming, ...argued], [], signals(true), 3);
    expect(pool.map((c) => c.sentence.text)).toEqual([naming, ...argued].map((c) => c.sentence.text));
  });

  it('keeps the sentences naming the notion alone below that bar', () => {
    expect(scoreFromSignals(signals(false))).toBeLessThan(3);
    const pool = evidenceCandidates(
      lexicon,
      [naming, ...argued],
      [],
      signals(false),
      scoreFromSignals(signals(false)),
    );
    expect(pool.map((c) => c.sentence.text)).toEqual([naming.sentence.text]);
  });
});

describe('the plain-words section reading needs an argued sentence (grader-weak-5)', () => {
  // A criterion none of whose core notions is named, read through sections its words point to.
  const base: CriterionSignals = {
    expected: ['amelioration_continue', 'plan_action'],
    found: [],
    notions: ['amelioration_continue', 'plan_action'],
    notionsFound: [],
    appliedNotions: [],
    developedNotions: [],
    genericSentences: 0,
    developedConcepts: [],
    relevantSentences: 12,
    developedSentences: 3,
    arguedSentences: 0,
    quantifiedSentences: 3,
    sourceScore: 3,
    pages: [1],
    passages: 1,
    plainDeveloped: 3,
    plainFacts: 3,
    plainArgued: 0,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it('three sourced figures (« Selon les comptes annuels, le CA atteint 15,8 M€ ») address nothing: 1', () => {
    expect(scoreFromSignals(base)).toBe(1);
  });

  it('the same section arguing in plain words with its figures still addresses the criterion: 2', () => {
    expect(scoreFromSignals({ ...base, arguedSentences: 2, plainArgued: 2 })).toBe(2);
  });

  // « Excellent » is quantified throughout (after cases-4b): a generic essay's criterion, ten argued sentences,
  // its core notions named, one figure (the size of a cited study) and one source.
  const essay: CriterionSignals = {
    ...base,
    expected: ['intercultural_theory', 'cultural_differences', 'stereotypes'],
    found: ['intercultural_theory', 'cultural_differences', 'stereotypes'],
    notions: ['intercultural_theory', 'cultural_differences', 'stereotypes'],
    notionsFound: ['intercultural_theory', 'cultural_differences', 'stereotypes'],
    appliedNotions: ['cultural_differences'],
    developedConcepts: ['intercultural_theory', 'cultural_differences'],
    developedSentences: 10,
    arguedSentences: 9,
    quantifiedSentences: 1,
    sourceScore: 1,
    plainDeveloped: 0,
  };

  it('one figure is not enough for « excellent »: 3; three quantified sentences are: 4', () => {
    expect([scoreFromSignals(essay), scoreFromSignals({ ...essay, quantifiedSentences: 3 })]).toEqual([3, 4]);
  });
});
