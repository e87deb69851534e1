/**
 * Issue #16, strong drafts in plain words (scoring.ts `reportsCase`), on text written for these tests (not the
 * eval cases): under a heading naming a criterion's core notion, a case reported in statements about the
 * company — what was done, what happened, its figures — with one reason is a criterion partly treated (2),
 * not a mention (1).
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import type { DossierText, GradingPassage } from '../grade-schema';
import { analyzeCriterionDetailed, type CriterionSignals, scoreFromSignals } from './analyzer';

describe('reportsCase: the company’s case reported under the criterion’s heading', () => {
  const reported: CriterionSignals = {
    expected: ['reussite_mission', 'fidelisation'],
    found: ['reussite_mission'],
    notions: ['reussite_mission'],
    notionsFound: ['reussite_mission'],
    appliedNotions: ['reussite_mission'],
    developedNotions: ['reussite_mission'],
    genericSentences: 0,
    developedConcepts: ['reussite_mission'],
    relevantSentences: 6,
    developedSentences: 1,
    arguedSentences: 1,
    quantifiedSentences: 0,
    sourceScore: 0,
    pages: [2],
    passages: 1,
    plainDeveloped: 0,
    appliedFacts: 1,
    reportedStatements: 6,
    reportedFigures: 1,
    stuffedMentions: 0,
    stuffedConcepts: [],
  };

  it.each<[string, number, CriterionSignals]>([
    ['one reason and six statements about the company, one with a figure', 2, reported],
    // What the engine gave before: one developed sentence is a mention.
    [
      'the same reason without the reported case',
      1,
      { ...reported, reportedStatements: 0, reportedFigures: 0 },
    ],
    ['facts reported without a single reason', 1, { ...reported, developedSentences: 0, arguedSentences: 0 }],
    ['a case reported with no figure anywhere', 1, { ...reported, reportedFigures: 0 }],
    ['too short a report', 1, { ...reported, reportedStatements: 3 }],
    // Never more than partial on its own.
    ['a long report with one reason', 2, { ...reported, reportedStatements: 12, reportedFigures: 6 }],
  ])('%s → %i', (_, expected, signals) => {
    expect(scoreFromSignals(signals)).toBe(expected);
  });
});

function dossierOf(
  section: string,
  paragraphs: string[],
): { dossier: DossierText; passages: GradingPassage[] } {
  const text = paragraphs.join(' ');
  const passages = [{ id: 'p0', ordinal: 0, page: 2, pageEnd: 2, section, annex: false, text, relevance: 1 }];
  return {
    dossier: {
      text: `${section}\n\n${text}`,
      pages: [{ page: 2, text }],
      language: 'fr',
      words: text.split(/\s+/).length,
    },
    passages,
  };
}

const PROSPECTION = getExam('b3-prospection') as Exam;
const MISSION = PROSPECTION.criteria.find((c) => /réussite d'une mission/i.test(c.text));

/** A mission told as it happened, by the company's salesperson, with one reason for its success. */
const MISSION_TOLD = [
  'En octobre 2023, la cuisine centrale de la commune de Valréas nous a appelés pour une fuite de gaz un samedi.',
  'Notre technicien est arrivé dans l’heure et a remis l’installation en service le soir même.',
  'Le lundi, j’ai apporté au directeur le relevé des huit appareils de la cuisine, avec leur âge et leur état.',
  'Il a signé un contrat d’entretien pour ses trois sites en décembre, soit 9 600 € par an.',
  'La commune a ensuite recommandé Thermi-Sud à deux collèges du canton, que j’ai rencontrés en janvier.',
  'Ce qui a réussi, c’est la visite préparée avec des faits, parce que le directeur voyait ses propres appareils et pas une plaquette.',
];

describe('a mission reported under its heading (analyzer)', () => {
  it('scores a case told with its figures and one reason as partly treated, not as a mention', () => {
    if (!MISSION) throw new Error('no mission criterion');
    const { dossier, passages } = dossierOf('Une mission qui a réussi : la commune de Valréas', MISSION_TOLD);
    const { grade, signals } = analyzeCriterionDetailed({
      exam: PROSPECTION,
      criterion: MISSION,
      passages,
      dossier,
    });
    expect(signals.reportedStatements).toBeGreaterThanOrEqual(5);
    expect(grade.score).toBeGreaterThanOrEqual(2);
  });

  it('leaves the same facts under a heading that names only the company at a mention', () => {
    if (!MISSION) throw new Error('no mission criterion');
    const { dossier, passages } = dossierOf('Thermi-Sud en 2023', MISSION_TOLD);
    const { signals } = analyzeCriterionDetailed({
      exam: PROSPECTION,
      criterion: MISSION,
      passages,
      dossier,
    });
    expect(signals.reportedStatements ?? 0).toBe(0);
  });
});
