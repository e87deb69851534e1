/**
 * The reviews feature's front door: other features import only this file. The review engine (rubric,
 * prompts, graders, quote checks, the offline analyzer's sentence reading) and the report's types.
 */
export { overallVerdict } from './aggregate';
export { REASON_CODES, REASON_LABELS, type ReasonCode } from './decision-reasons';
export type { DossierText, GradingPassage } from './grade-schema';
export { createModelGrader, createOfflineGrader, type GradeOutput } from './grader';
export { stripInjections } from './injection';
export { type SentenceFacts, sentenceFacts } from './offline/analyzer';
export {
  CONCEPTS,
  type ConceptId,
  compileTerms,
  countStems,
  examLanguage,
  findConcepts,
  getExamLexicon,
  indexText,
  type StemTerm,
} from './offline/lexicon';
export { sentencesOfPassage } from './offline/sentences';
export {
  neutraliseFence,
  newDossierFence,
  PROMPT_VERSION,
  passagesFromPages,
  renderPassages,
  renderPrompt,
} from './prompts';
export type { Retriever } from './retrieval';
export { dossierReviewRoutes, reviewRoutes, versionReviewRoutes } from './routes';
export {
  DEFAULT_RUBRIC_VERSION,
  defaultRubric,
  type Rubric,
  type RubricCriterion,
  RubricSchema,
  rubricHash,
  rubricProblems,
} from './rubric';
export { type CriterionResult, type GapReport, ReportDecisionSchema } from './schemas';
export type { ReviewService, RubricSource } from './service';
export { MIN_QUOTE_LENGTH, normaliseForMatch, verifyEvidence } from './verify-quotes';
