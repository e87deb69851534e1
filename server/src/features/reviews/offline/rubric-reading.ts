/**
 * What the offline analyzer reads of a rubric version (issue #16): its level descriptors and its anchors, so
 * that an exam team's calibration moves offline scores, not only through the weights.
 *
 * - **Descriptors.** The concepts the version's « satisfaisant » and « excellent » descriptors name, compared
 *   with those the default descriptors name for the same criterion: a concept the team added is expected
 *   (a draft without it covers less), a concept the team removed is no longer expected (unless it is one of
 *   the criterion's core notions, which no wording can remove). The default rubric therefore reads as no
 *   change at all.
 * - **Anchors.** An anchor is an excerpt and the score a jury gave it. A draft sentence that takes up most of
 *   an anchor's content words is a draft at that anchor's level: the score is kept within one point of it.
 */
import type { Exam } from '../../referential';
import { genericDescriptors, handWrittenDescriptors, type RubricCriterion } from '../rubric';
import {
  type ConceptId,
  contentStems,
  countStems,
  findConcepts,
  fold,
  type MatchLanguage,
  type StemTerm,
  type TextIndex,
} from './lexicon';

/** Share of an anchor's content words a sentence must contain to be « at the anchor's level ». */
export const ANCHOR_MATCH_SHARE = 0.6;
/** Anchors shorter than this (in content words) are too vague to match a sentence. */
const MIN_ANCHOR_STEMS = 4;

/** The rubric version's reading for one criterion. */
export interface RubricReading {
  /** Concepts the version's descriptors 3–4 name and the default ones do not. */
  added: ConceptId[];
  /** Concepts the default descriptors 3–4 name and the version's do not. */
  removed: ConceptId[];
  anchors: { score: number; stems: StemTerm[] }[];
}

function conceptsOf(descriptors: RubricCriterion['descriptors'], lang: MatchLanguage): Set<ConceptId> {
  return new Set(findConcepts(fold(`${descriptors[3]} ${descriptors[4]}`), lang).map((h) => h.id));
}

/** Reads one criterion of a rubric version against the default descriptors of the referential's criterion. */
export function readRubricCriterion(
  exam: Pick<Exam, 'id'>,
  referentialText: string,
  rubric: RubricCriterion,
  lang: MatchLanguage,
): RubricReading {
  const base = handWrittenDescriptors(exam.id, referentialText) ?? genericDescriptors(referentialText);
  const before = conceptsOf(base, lang);
  const after = conceptsOf(rubric.descriptors, lang);
  return {
    added: [...after].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !after.has(id)),
    anchors: rubric.anchors
      .map((a) => ({ score: a.score, stems: contentStems(a.excerpt) }))
      .filter((a) => a.stems.length >= MIN_ANCHOR_STEMS),
  };
}

/**
 * The score kept within one point of the anchors a draft sentence matches; unchanged when none does.
 * `indexes` are the word indexes of the draft's relevant sentences.
 */
export function anchoredScore(
  score: 0 | 1 | 2 | 3 | 4,
  reading: RubricReading,
  indexes: readonly TextIndex[],
): 0 | 1 | 2 | 3 | 4 {
  const matched = reading.anchors.filter((a) =>
    indexes.some((index) => countStems(a.stems, index) >= Math.ceil(ANCHOR_MATCH_SHARE * a.stems.length)),
  );
  if (matched.length === 0) return score;
  const low = Math.min(...matched.map((a) => a.score)) - 1;
  const high = Math.max(...matched.map((a) => a.score)) + 1;
  return Math.min(Math.max(score, low), high) as 0 | 1 | 2 | 3 | 4;
}
