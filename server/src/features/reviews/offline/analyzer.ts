/**
 * The offline analyzer: Préjury's deterministic grader when no model is configured.
 *
 * For one criterion it measures two things in the passages it is given:
 * - coverage: which of the criterion's expected concepts (lexicon/) appear, distinct concepts counting,
 *   not repetitions;
 * - depth: for each relevant sentence, whether it is quantified (figures, %, €), sourced (« selon », named
 *   institutions, URLs, years in parentheses), argued (« car », « donc », « ce qui », « because »…), analytical
 *   (« montre », « révèle ») or prescriptive (« nous préconisons »).
 * The score follows `SCORING_THRESHOLDS` (see `scoreFromSignals`). Evidence is up to three verbatim sentences
 * with their page. Keyword-stuffed sentences (stuffing.ts) never count as analysis.
 *
 * Same input, same output: no randomness, no clock, passages processed in document order.
 *
 * The parts: candidates.ts (which sentences are about the criterion and what each shows), scoring.ts (the
 * thresholds and the 0–4 score), evidence.ts (what may be quoted), feedback.ts (rationale, missing,
 * recommendations). This module joins them and is the entry point the grader, coaching and evals use.
 */
import type { CriterionGrade } from '../grade-schema';
import {
  type AnalyzeInput,
  classify,
  computeSignals,
  criterionLexicon,
  matchLanguage,
  withRubric,
} from './candidates';
import { evidenceCandidates, pickEvidence } from './evidence';
import { type EvidenceFacts, missingList, rationale, recommendationList } from './feedback';
import { appliedShare } from './passage-reading';
import { anchoredScore, readRubricCriterion } from './rubric-reading';
import { type CriterionSignals, notionCeiling, SCORING_THRESHOLDS, scoreFromSignals } from './scoring';

export { type AnalyzeInput, matchLanguage } from './candidates';
export { type SentenceFacts, sentenceFacts } from './passage-reading';
export {
  addressed,
  type CriterionSignals,
  SCORING_THRESHOLDS,
  scoreFromSignals,
  support,
} from './scoring';

/** A grade with the signals it was computed from. */
export interface CriterionAnalysis {
  grade: CriterionGrade;
  signals: CriterionSignals;
}

// ── Entry points ─────────────────────────────────────────────────────────────────────────────────────

/** Grades one criterion and returns the signals behind the score (for explanations, tests and evals). */
export function analyzeCriterionDetailed(input: AnalyzeInput): CriterionAnalysis {
  const referential = input.exam.criteria.find((c) => c.id === input.criterion.id) ?? input.criterion;
  const lang = matchLanguage(input.exam, input.dossier);
  const reading = input.rubric ? readRubricCriterion(input.exam, referential.text, input.rubric, lang) : null;
  const lexicon = withRubric(criterionLexicon(input.exam, input.criterion), reading);
  const { relevant, stuffed } = classify(input, lexicon);
  const share = appliedShare(input.dossier, lang, input.passages);
  const signals: CriterionSignals = {
    ...computeSignals(lexicon, relevant, stuffed),
    // A course is marked as a course (scoring.ts `scoreFromSignals`).
    courseDraft: share < SCORING_THRESHOLDS.courseShare,
  };
  const computed = scoreFromSignals(signals);
  const score = reading
    ? (Math.min(
        anchoredScore(
          computed,
          reading,
          relevant.map((c) => c.facts.index),
        ),
        Math.max(computed, notionCeiling(signals)),
      ) as CriterionGrade['score'])
    : computed;
  const evidencePool = evidenceCandidates(lexicon, relevant, stuffed, signals, computed);
  const chosen = score === 0 ? [] : pickEvidence(evidencePool, lexicon, input.dossier, input.exam);
  const quoted: EvidenceFacts = {
    quantified: chosen.some((c) => c.facts.signals.quantities > 0),
    sourced: chosen.some((c) => c.facts.signals.strongSources > 0),
  };
  return {
    grade: {
      score,
      rationale: rationale(score, signals),
      evidence: chosen.map((c) => ({ quote: c.sentence.text, page: c.sentence.page })),
      missing: missingList(input.criterion, lexicon, signals, score, quoted),
      recommendations: recommendationList(input.criterion, lexicon, signals, score, quoted, input.exam.id),
    },
    signals,
  };
}

/**
 * Grades one criterion deterministically from the passages: score 0–4, verbatim evidence with pages, what is
 * missing and how to fix it, in French.
 */
export function analyzeCriterion(input: AnalyzeInput): CriterionGrade {
  return analyzeCriterionDetailed(input).grade;
}
