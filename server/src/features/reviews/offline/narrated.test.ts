/**
 * Narrated evidence (narrated.ts, scoring.ts `narratedRecord`, issue #16, branch grader-support-18): a dossier built
 * on lived experience backs its reasons with the company's events — dated or with a named actor, in the past, with
 * their result — where a market study gives figures and sources. On text written for these tests; each fails on the
 * engine before the rule.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import { type CriterionSignals, scoreFromSignals } from './analyzer';
import { classify, computeSignals, criterionLexicon } from './candidates';
import { isNarratedEvent } from './narrated';
import { sectioned } from './test-sections';

describe('isNarratedEvent: a past event with its date or a named actor', () => {
  it.each([
    ['En mars 2024, Mme Royer a refusé notre premier devis de tonte.', 'fr', true],
    ['Le 12 mai, nous avons livré les deux premiers chantiers.', 'fr', true],
    ['M. Dubreuil a confirmé la commande en ajoutant deux sites.', 'fr', true],
    ['In week 3 Lan called the factory and the defects stopped.', 'en', true],
    // The present, advice, and a past with neither date nor name are no event told.
    ['Une négociation se prépare toujours en amont avec le client.', 'fr', false],
    ['Nous avons appris beaucoup de choses pendant ce projet.', 'fr', false],
    ['The buyer usually decides after a second meeting.', 'en', false],
  ] as const)('%s → %s', (text, lang, expected) => {
    expect(isNarratedEvent(text, lang)).toBe(expected);
  });
});

// A criterion developed and covered, argued in six sentences, backed by one figure and no named source.
const argued: CriterionSignals = {
  expected: ['negociation', 'objections', 'marge'],
  found: ['negociation', 'objections'],
  notions: ['negociation'],
  notionsFound: ['negociation'],
  appliedNotions: ['negociation'],
  developedNotions: ['negociation'],
  genericSentences: 0,
  developedConcepts: ['negociation', 'objections'],
  relevantSentences: 12,
  developedSentences: 6,
  arguedSentences: 6,
  quantifiedSentences: 1,
  sourceScore: 0,
  pages: [1, 2],
  passages: 2,
  plainDeveloped: 0,
  stuffedMentions: 0,
  stuffedConcepts: [],
};

describe('narrated results back a developed criterion for 3', () => {
  it('reads 2 unsupported, 3 with events and their results told in two passages', () => {
    expect(scoreFromSignals(argued)).toBe(2);
    expect(scoreFromSignals({ ...argued, narratedResults: 3, narratedPassages: 2 })).toBe(3);
  });

  it('keeps 2 for one anecdote, and for events among textbook prose', () => {
    expect(scoreFromSignals({ ...argued, narratedResults: 3, narratedPassages: 1 })).toBe(2);
    expect(scoreFromSignals({ ...argued, narratedResults: 1, narratedPassages: 1 })).toBe(2);
    expect(
      scoreFromSignals({ ...argued, narratedResults: 3, narratedPassages: 2, genericSentences: 3 }),
    ).toBe(2);
  });
});

describe('a negotiation told as it went: its events and their results are counted', () => {
  const FULL = getExam('b4-negociation-complexe') as Exam;
  const criterion = FULL.criteria.find((c) => c.id === 'K4');
  if (!criterion) throw new Error('K4');
  const { dossier, passages } = sectioned([
    {
      heading: 'Le premier tour de la négociation',
      paragraphs: [
        'Les Serres Vallet vendent des plants de tomates aux jardineries de la Drôme.',
        'En février 2024, M. Giraud, acheteur des Jardineries du Rhône, a refusé notre tarif parce que son fournisseur italien livrait moins cher.',
        'Il demandait 12 % de remise sur 40 000 plants.',
      ],
    },
    {
      heading: 'La conclusion de la négociation',
      paragraphs: [
        'Le 3 avril, nous avons proposé une livraison en deux fois contre 5 % de remise seulement, car nos serres pouvaient étaler la production.',
        'Le contrat a été signé pour 38 000 plants, soit 61 000 € et une marge de 24 % pour nous.',
        'Les deux parties y gagnent : M. Giraud a eu ses plants à temps et nous avons gardé un client important.',
      ],
    },
  ]);

  it('counts the dated events followed by their figures, in two passages', () => {
    const { relevant, stuffed } = classify(
      { exam: FULL, criterion, dossier, passages },
      criterionLexicon(FULL, criterion),
    );
    const signals = computeSignals(criterionLexicon(FULL, criterion), relevant, stuffed);
    expect(signals.narratedResults).toBeGreaterThanOrEqual(2);
    expect(signals.narratedPassages).toBe(2);
  });
});

describe('narrated results back a concise criterion for 3 as well', () => {
  // Three argued sentences among four of the company's prose facts, one figure among the reasons, no source.
  const concise: CriterionSignals = {
    ...argued,
    relevantSentences: 9,
    developedSentences: 3,
    arguedSentences: 3,
    appliedFacts: 4,
  };

  it('reads 2 with one figure among its reasons, 3 with a record of events and their results', () => {
    expect(scoreFromSignals(concise)).toBe(2);
    expect(scoreFromSignals({ ...concise, narratedResults: 2, narratedPassages: 2 })).toBe(3);
    expect(scoreFromSignals({ ...concise, narratedResults: 2, narratedPassages: 1 })).toBe(2);
  });
});
