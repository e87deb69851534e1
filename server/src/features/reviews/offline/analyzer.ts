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
import { canvasScore, synthesisesModel } from './canvas';
import { describesCowork } from './cowork';
import { evidenceCandidates, pickEvidence } from './evidence';
import {
  denseRationale,
  type EvidenceFacts,
  levelledRationale,
  missingList,
  rationale,
  recommendationList,
  thinRationale,
} from './feedback';
import { FIGURELESS, figurelessRationale, figurelessScore, isFigureless } from './figureless';
import type { MatchLanguage } from './lexicon';
import { appliedShare, factDensity, passageSetKey, perDossier } from './passage-reading';
import { anchoredScore, readRubricCriterion } from './rubric-reading';
import {
  arguedCaseScore,
  arguesItsFigures,
  type CriterionSignals,
  factDenseScore,
  levelledScore,
  notionCeiling,
  SCORING_THRESHOLDS,
  scoreFromSignals,
  thinDraft,
  thinScore,
} from './scoring';
import { describesWatch } from './watch';

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

/** What one criterion's reading yields before the draft's level is read (`draftLevel`). */
interface BaseAnalysis {
  lexicon: ReturnType<typeof withRubric>;
  relevant: ReturnType<typeof classify>['relevant'];
  stuffed: ReturnType<typeof classify>['stuffed'];
  signals: CriterionSignals;
  /** The score from the signals alone (what the evidence is chosen for). */
  computed: 0 | 1 | 2 | 3 | 4;
  /** With the rubric version's anchors and the notion ceiling. */
  score: 0 | 1 | 2 | 3 | 4;
}

/** One criterion read from the passages: signals, score from them, and the rubric version's anchors. */
function baseAnalysis(input: AnalyzeInput, lang: MatchLanguage): BaseAnalysis {
  const key = `${lang}\u0000${input.criterion.id}\u0000${objectId(input.rubric)}\u0000${passageSetKey(input.passages)}`;
  return baseMemo(input.dossier, key, () => {
    const referential = input.exam.criteria.find((c) => c.id === input.criterion.id) ?? input.criterion;
    const reading = input.rubric
      ? readRubricCriterion(input.exam, referential.text, input.rubric, lang)
      : null;
    const lexicon = withRubric(criterionLexicon(input.exam, input.criterion), reading);
    const { relevant, stuffed } = classify(input, lexicon);
    const share = appliedShare(input.dossier, lang, input.passages);
    const signals: CriterionSignals = {
      ...computeSignals(lexicon, relevant, stuffed),
      // A course is marked as a course (scoring.ts `scoreFromSignals`).
      courseDraft: share < SCORING_THRESHOLDS.courseShare,
    };
    // A business model laid out in one place about the company is its synthesis (canvas.ts).
    const canvas = lexicon.notions.length === 1 && lexicon.notions[0] === 'business_model';
    // A watch method described about the company is explicit (watch.ts).
    const watch = lexicon.notions.includes('veille') && describesWatch(relevant);
    // A method of working with the other departments described about the company is explained (cowork.ts).
    const cowork = lexicon.notions[0] === 'coordination' && describesCowork(relevant);
    const computed = canvasScore(
      scoreFromSignals(signals),
      (canvas && synthesisesModel(relevant)) || watch || cowork,
    );
    const score = reading
      ? (Math.min(
          anchoredScore(
            computed,
            reading,
            relevant.map((c) => c.facts.index),
          ),
          Math.max(computed, notionCeiling(signals)),
        ) as BaseAnalysis['score'])
      : computed;
    return { lexicon, relevant, stuffed, signals, computed, score };
  });
}

const baseMemo = perDossier<BaseAnalysis>();
const levelMemo = perDossier<DraftLevel>();

/** How many of the exam's criteria the draft establishes at 3 or more, on the same passages. */
export interface DraftLevel {
  atLeast3: number;
  /** Criteria read at 0 or 1 (scoring.ts `thinDraft`). */
  atMost1: number;
  /** Criteria holding at least one argued statement about the company (scoring.ts `arguesItsFigures`). */
  argued: number;
  criteria: number;
}

/**
 * The draft's level over every criterion of the exam, each read as it is graded (its rubric version's
 * criterion), on the passages this criterion is given: memoised per dossier, passage set and rubric version, so
 * a review reads each criterion once.
 */
function draftLevel(input: AnalyzeInput, lang: MatchLanguage): DraftLevel {
  const key = `${lang}\u0000${objectId(input.examRubric)}\u0000${passageSetKey(input.passages)}`;
  return levelMemo(input.dossier, key, () => {
    let atLeast3 = 0;
    let atMost1 = 0;
    let argued = 0;
    for (const criterion of input.exam.criteria) {
      const rubric =
        criterion.id === input.criterion.id
          ? input.rubric
          : input.examRubric?.find((c) => c.id === criterion.id);
      // A criterion credited only by the section its notion heads (`toldCase`) counts as read without that
      // pairing: recognising a notion moves the draft's level neither down nor up (issue #16).
      const base = baseAnalysis({ ...input, criterion, rubric }, lang);
      const unpaired =
        base.signals.toldCase === true ? scoreFromSignals({ ...base.signals, pairedCase: false }) : 4;
      if (Math.min(base.score, unpaired) >= 3) atLeast3++;
      if (base.score <= 1) atMost1++;
      if (base.signals.arguedSentences > 0) argued++;
    }
    return { atLeast3, atMost1, argued, criteria: input.exam.criteria.length };
  });
}

/** A number per object for memo keys (rubric versions are compared by identity, as a review holds one). */
const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function objectId(value: object | undefined): number {
  if (!value) return 0;
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return id;
}

/** Grades one criterion and returns the signals behind the score (for explanations, tests and evals). */
export function analyzeCriterionDetailed(input: AnalyzeInput): CriterionAnalysis {
  const lang = matchLanguage(input.exam, input.dossier);
  const { lexicon, relevant, stuffed, signals, computed, score: read } = baseAnalysis(input, lang);
  const evidencePool = evidenceCandidates(lexicon, relevant, stuffed, signals, computed);
  const chosen = read === 0 ? [] : pickEvidence(evidencePool, lexicon, input.dossier, input.exam);
  // A draft established on most criteria gives the analyzer's doubt to the rest (scoring.ts `levelledScore`); a thin
  // one takes it from its isolated developed criteria (`thinScore`). Nothing found stays 0 either way.
  const level = read === 0 ? null : draftLevel(input, lang);
  const established =
    level !== null && level.atLeast3 >= SCORING_THRESHOLDS.establishedShare * level.criteria;
  const doubt = { ceiling: notionCeiling(signals), quoted: chosen.length > 0 };
  // A draft dense with the company's facts in most of its sections gives the analyzer's doubt to a criterion it
  // finds short when the first reading does not (issue #16, scoring.ts `factDenseScore`: nine strong drafts under
  // the established bar +0.22 to +0.78, every criterion moved rated 3–4 by its jury, no partial or weak draft moved).
  const density = level !== null && !established ? factDensity(input.dossier, lang, input.passages) : null;
  const dense =
    density !== null &&
    density.perThousandWords >= SCORING_THRESHOLDS.factDense.perThousandWords &&
    density.passageShare >= SCORING_THRESHOLDS.factDense.passageShare &&
    // Figures in every section with no reasoning anywhere are a dashboard, not analysis read too short.
    level !== null &&
    arguesItsFigures(level);
  const thin = density !== null && level !== null && thinDraft(level, density);
  // A criterion argued on the company's case without its own figure is partly treated, outside thin and figureless
  // drafts (scoring.ts `arguedOnCase`); the draft's level stays read from the first reading.
  const figurelessDraft = isFigureless(input.dossier);
  const argued = arguedCaseScore(read, signals, !thin && !figurelessDraft);
  const levelled = established
    ? levelledScore(argued, { established, ...doubt })
    : thinScore(factDenseScore(argued, { dense, ...doubt }), thin);
  // A draft that states almost no figure recites the course, whatever its « nous » (figureless.ts).
  const figureless = read > FIGURELESS.ceiling && figurelessDraft;
  const score = figurelessScore(levelled, figureless);
  const quoted: EvidenceFacts = {
    quantified: chosen.some((c) => c.facts.signals.quantities > 0),
    sourced: chosen.some((c) => c.facts.signals.strongSources > 0),
  };
  return {
    grade: {
      score,
      rationale: figureless
        ? figurelessRationale(rationale(score, signals))
        : level && score !== argued
          ? density
            ? thin
              ? thinRationale(score, argued, signals, { ...level, ...density })
              : denseRationale(score, argued, signals, density)
            : levelledRationale(score, argued, signals, level)
          : rationale(score, signals),
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
