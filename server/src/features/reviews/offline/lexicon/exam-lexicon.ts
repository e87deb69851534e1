import type { CompetencyId, Criterion, Deliverable, Exam } from '../../../referential';
import { competencyIndex } from '../../../referential/index';
import { CONCEPTS, type ConceptDefinition, type ConceptId } from './concepts.data';
import { EXAM_DOMAIN_CONCEPTS } from './core-notions.data';
import { EXAM_CONCEPTS } from './exam-concepts.data';
import { fold } from './fold';
import { findConcepts, termSource } from './patterns';
import { contentStems, type StemTerm } from './stems';
import { DOCUMENT_WORDS } from './stopwords.data';
import type { MatchLanguage } from './types';

/** A concept expected by a criterion, with its weight (core 1, related 0.6). */
export interface ExpectedConcept {
  id: ConceptId;
  weight: number;
  core: boolean;
  /** An exam-wide domain concept (`EXAM_DOMAIN_CONCEPTS`): on topic, but it addresses no criterion. */
  domain: boolean;
}

/** What the analyzer looks for when grading one criterion. */
export interface CriterionLexicon {
  criterionId: string;
  concepts: ExpectedConcept[];
  /**
   * Core notions: the core concepts that are not exam-wide domain words. Without one of them the criterion
   * is not addressed (score 0 or 1), and each piece of evidence must contain one or back one. Empty when the
   * lexicon has no curated rule for the criterion.
   */
  notions: ConceptId[];
  /** Every core notion must be developed for the criterion to be met (`CriterionRule.linksNotions`). */
  linksNotions: boolean;
  /** (a) Content words of the criterion's text, minus the exam-wide ones (`domainStems`). */
  ownStems: StemTerm[];
  /** (b) Content words of its competencies' texts (lower weight, ranking only). */
  competencyStems: StemTerm[];
  /** True when no curated rule matched and concepts were inferred from the criterion's wording. */
  inferred: boolean;
}

/** What shows that a deliverable is in the dossier. */
export interface DeliverableLexicon {
  deliverableId: string;
  concepts: ConceptId[];
  stems: StemTerm[];
}

/** Everything the offline analyzer needs for one exam, compiled once. */
export interface ExamLexicon {
  examId: string;
  lang: MatchLanguage;
  criteria: ReadonlyMap<string, CriterionLexicon>;
  deliverables: ReadonlyMap<string, DeliverableLexicon>;
}

/** Weight of a core concept in evidence ranking; related concepts weigh `RELATED_WEIGHT`. */
export const CORE_WEIGHT = 1;
/** Weight of a related concept: it broadens coverage but matters less than the criterion's core. */
export const RELATED_WEIGHT = 0.6;
/** Competency words are many and only rank evidence; the first ones suffice. */
const MAX_COMPETENCY_STEMS = 40;

/** The language patterns are matched in for an exam: its required language. */
export function examLanguage(exam: Pick<Exam, 'modalities'>): MatchLanguage {
  return exam.modalities.language === 'en' ? 'en' : 'fr';
}

function ruleMatches(match: string, text: string): boolean {
  return new RegExp(termSource(match)).test(fold(text));
}

/** Concepts named by the wording itself: the fallback when no curated rule fits a criterion. */
function inferConcepts(text: string, lang: MatchLanguage): Omit<ExpectedConcept, 'domain'>[] {
  return findConcepts(fold(text), lang).map((hit) => ({ id: hit.id, weight: CORE_WEIGHT, core: true }));
}

/** The fix for a missing concept, worded for the exam when the lexicon has a version for it. */
export function conceptRecommendation(id: ConceptId, examId: string): string {
  const def: ConceptDefinition = CONCEPTS[id];
  return def.recommendationByExam?.[examId] ?? def.recommendation;
}

/** A word used by at least this many of an exam's criteria, and this share of them, is exam-wide. */
const DOMAIN_STEM_MIN_CRITERIA = 3;
const DOMAIN_STEM_SHARE = 1 / 3;

/**
 * Words of the criteria texts that the whole exam shares (« performance » and « commerciale » in the
 * Pilotage de la performance): they say the draft is on topic, not which criterion a sentence addresses.
 */
export function domainStems(exam: Pick<Exam, 'id' | 'criteria' | 'modalities'>): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const c of exam.criteria)
    for (const s of contentStems(criterionWording(exam, c)))
      counts.set(s.stem, (counts.get(s.stem) ?? 0) + 1);
  const min = Math.max(DOMAIN_STEM_MIN_CRITERIA, Math.ceil(DOMAIN_STEM_SHARE * exam.criteria.length));
  return new Set([...counts].filter(([, n]) => n >= min).map(([stem]) => stem));
}

function criterionRule(exam: Pick<Exam, 'id'>, criterion: Pick<Criterion, 'text'>) {
  return EXAM_CONCEPTS[exam.id]?.criteria.find((r) => ruleMatches(r.match, criterion.text));
}

/** The criterion's words as a draft in the exam's language would use them: its text, and its translation. */
function criterionWording(exam: Pick<Exam, 'id' | 'modalities'>, criterion: Pick<Criterion, 'text'>): string {
  const en = examLanguage(exam) === 'en' ? criterionRule(exam, criterion)?.en : undefined;
  return en ? `${criterion.text} ${en}` : criterion.text;
}

function competencyText(id: CompetencyId): string {
  return competencyIndex.get(id)?.competency.text ?? '';
}

/** Builds the lexicon of one criterion of an exam (exported for criteria graded outside their exam list). */
export function buildCriterionLexicon(exam: Exam, criterion: Criterion): CriterionLexicon {
  const lang = examLanguage(exam);
  const rule = criterionRule(exam, criterion);
  const domain = new Set<ConceptId>(EXAM_DOMAIN_CONCEPTS[exam.id] ?? []);
  const concepts: ExpectedConcept[] = (
    rule
      ? [
          ...rule.core.map((id) => ({ id, weight: CORE_WEIGHT, core: true })),
          ...(rule.related ?? []).map((id) => ({ id, weight: RELATED_WEIGHT, core: false })),
        ]
      : inferConcepts(criterion.text, lang)
  ).map((c) => ({ ...c, domain: domain.has(c.id) }));
  const notions = rule ? concepts.filter((c) => c.core && !c.domain).map((c) => c.id) : [];
  const examWide = domainStems(exam);
  const ownStems = contentStems(criterionWording(exam, criterion)).filter((s) => !examWide.has(s.stem));
  const own = new Set(ownStems.map((s) => s.stem));
  // Ranking only, at a low weight: the first words of the competencies are enough and keep matching cheap.
  const competencyStems = contentStems(criterion.competencies.map(competencyText).join(' '))
    .filter((s) => !own.has(s.stem))
    .slice(0, MAX_COMPETENCY_STEMS);
  return {
    criterionId: criterion.id,
    concepts,
    notions,
    linksNotions: rule?.linksNotions === true,
    ownStems,
    competencyStems,
    inferred: !rule,
  };
}

function buildDeliverableLexicon(exam: Exam, deliverable: Deliverable): DeliverableLexicon {
  const rule = EXAM_CONCEPTS[exam.id]?.deliverables.find((r) => ruleMatches(r.match, deliverable.text));
  const concepts = rule
    ? [...rule.concepts]
    : inferConcepts(deliverable.text, examLanguage(exam)).map((c) => c.id);
  return {
    deliverableId: deliverable.id,
    concepts,
    stems: contentStems(deliverable.text, { exclude: DOCUMENT_WORDS }),
  };
}

const examCache = new Map<string, ExamLexicon>();
/** Bounded: exam objects may be rebuilt per request, and each rubric version is a new key. */
const EXAM_CACHE_MAX = 64;

function examSignature(exam: Exam): string {
  return JSON.stringify([
    exam.id,
    exam.modalities.language,
    exam.criteria.map((c) => [c.id, c.text, c.competencies]),
    exam.deliverables.map((d) => [d.id, d.text]),
  ]);
}

/** The compiled lexicon of an exam, memoised by the exam's content (not its identity). */
export function getExamLexicon(exam: Exam): ExamLexicon {
  const key = examSignature(exam);
  const cached = examCache.get(key);
  if (cached) return cached;
  const lexicon: ExamLexicon = {
    examId: exam.id,
    lang: examLanguage(exam),
    criteria: new Map(exam.criteria.map((c) => [c.id, buildCriterionLexicon(exam, c)])),
    deliverables: new Map(exam.deliverables.map((d) => [d.id, buildDeliverableLexicon(exam, d)])),
  };
  if (examCache.size >= EXAM_CACHE_MAX) examCache.clear();
  examCache.set(key, lexicon);
  return lexicon;
}
