/**
 * The offline analyzer's lexicon, its one public entry point: what the jury expects to read, as data, and the
 * small logic that matches it. Other modules (the analyzer, the coaching feature) import this file only.
 *
 * Three sources, merged per exam and per criterion by `getExamLexicon`:
 * (a) the criterion's own content words, lightly stemmed, minus stopwords;
 * (b) the texts of the competencies the criterion maps to (same treatment, lower weight);
 * (c) a curated domain lexicon of methods and concepts (`CONCEPTS`), mapped to exams and criteria by
 *     `EXAM_CONCEPTS`.
 *
 * Matching is case- and accent-insensitive (texts and patterns are folded by `fold`) and respects French word
 * boundaries (a letter or digit on either side of a match rejects it, so `rse` does not match `course`).
 *
 * Pattern syntax (folded, lower case, no accents): a space matches any run of spaces or hyphens (` ?` makes it
 * optional: `e ?mailing` matches « e-mailing », « emailing »); an apostrophe matches `'` or `’` with optional
 * spaces around; `*` after a letter means "any letters follow" (`concurren*`). Everything else is a regular
 * expression (`s?`, `(a|b)`, `[123]`, `\\d`): `*` is never used as a quantifier.
 *
 * Layout: data modules (`*.data.ts`: concepts, exam concepts, core notions, markers, stopwords, generic names)
 * and logic modules (`fold.ts` folding, `stems.ts` stemming and word index, `patterns.ts` the pattern
 * compiler and concept matching, `depth.ts` depth signals, `exam-lexicon.ts` the per-exam compilation).
 */
export {
  CONCEPT_IDS,
  CONCEPTS,
  type ConceptDefinition,
  type ConceptId,
} from './concepts.data';
export { EXAM_DOMAIN_CONCEPTS } from './core-notions.data';
export { type DepthSignals, depthSignals } from './depth';
export {
  type CriterionRule,
  type DeliverableRule,
  EXAM_CONCEPTS,
  type ExamConceptMap,
} from './exam-concepts.data';
export {
  buildCriterionLexicon,
  CORE_WEIGHT,
  type CriterionLexicon,
  conceptRecommendation,
  type DeliverableLexicon,
  domainStems,
  type ExamLexicon,
  type ExpectedConcept,
  examLanguage,
  getExamLexicon,
  RELATED_WEIGHT,
} from './exam-lexicon';
export { fold, lowerText } from './fold';
export {
  type CompiledConcept,
  type ConceptHit,
  compiledConceptList,
  compileTerms,
  findConcepts,
  termAnchors,
  termSource,
} from './patterns';
export { contentStems, countStems, indexText, type StemTerm, stemIn, type TextIndex } from './stems';
export type { MatchLanguage } from './types';
