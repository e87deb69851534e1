/**
 * The selection per exam of the methods a candidate can use in a dossier (the curated data is
 * `methods.data.ts`).
 *
 * A method is selected for an exam when it serves at least one of the exam's deliverables or criteria. What a
 * method serves is read from the offline analyzer's lexicon (`EXAM_CONCEPTS`: the concepts each criterion and
 * deliverable expects), so the brief, the coach and the analyzer agree on what the jury looks for; a few
 * methods also name their own terms (« entonnoir », « business model ») matched against the referential's
 * wording. Nothing here is generated: every explanation is written and reviewed by hand.
 */

import { fold } from '../../lib/text';
import type { Criterion, Exam } from '../referential';
import { CONCEPTS, compileTerms, getExamLexicon } from '../reviews';
import { METHODS, type MethodDefinition } from './methods.data';

export { METHODS, type MethodDefinition } from './methods.data';

/** Weight of a deliverable or core criterion a method serves; related criteria count half. */
const SERVED_WEIGHT = 1;
const RELATED_SERVED_WEIGHT = 0.5;
/** A curated tip for the exam means the pairing was judged important by hand. */
const TIP_BONUS = 2;
/** At most this many methods per exam: beyond, the list stops being advice. */
export const MAX_METHODS_PER_EXAM = 12;

/** A method selected for an exam, with what it serves there. */
export interface MethodFit {
  method: MethodDefinition;
  /** Deliverable ids (`L1`…) the method serves, in the exam's order. */
  deliverables: string[];
  /** Criterion ids (`K1`…) the method serves, core or related, in the exam's order. */
  criteria: string[];
  /** Criteria it serves through a core concept (the criterion's heart, not its periphery). */
  coreCriteria: string[];
  /** Relevance used for ranking (deliverables and core criteria 1, related criteria 0.5, tip 2). */
  score: number;
}

const termRegexes = new Map<string, RegExp | null>();

function methodTerms(method: MethodDefinition): RegExp | null {
  if (!termRegexes.has(method.id)) {
    const terms = [...(method.terms ?? []), ...(method.termsOf ? CONCEPTS[method.termsOf].fr : [])];
    termRegexes.set(method.id, terms.length > 0 ? compileTerms(terms) : null);
  }
  return termRegexes.get(method.id) ?? null;
}

function namesTerms(method: MethodDefinition, text: string): boolean {
  const regex = methodTerms(method);
  return regex !== null && fold(text).search(regex) >= 0;
}

/** How a method relates to one criterion: through its core concepts, its related ones, or not at all. */
export function methodServesCriterion(
  method: MethodDefinition,
  exam: Exam,
  criterion: Criterion,
): 'core' | 'related' | null {
  const lexicon = getExamLexicon(exam).criteria.get(criterion.id);
  const concepts = new Set(method.concepts);
  if (lexicon?.concepts.some((c) => c.core && concepts.has(c.id)) || namesTerms(method, criterion.text)) {
    return 'core';
  }
  if (lexicon?.concepts.some((c) => !c.core && concepts.has(c.id))) return 'related';
  return null;
}

function fitOf(method: MethodDefinition, exam: Exam): MethodFit {
  const lexicon = getExamLexicon(exam);
  const concepts = new Set(method.concepts);
  const deliverables = exam.deliverables
    .filter(
      (d) =>
        (lexicon.deliverables.get(d.id)?.concepts ?? []).some((c) => concepts.has(c)) ||
        namesTerms(method, d.text),
    )
    .map((d) => d.id);
  const coreCriteria: string[] = [];
  const criteria: string[] = [];
  let related = 0;
  for (const criterion of exam.criteria) {
    const relation = methodServesCriterion(method, exam, criterion);
    if (!relation) continue;
    criteria.push(criterion.id);
    if (relation === 'core') coreCriteria.push(criterion.id);
    else related++;
  }
  const score =
    SERVED_WEIGHT * (deliverables.length + coreCriteria.length) +
    RELATED_SERVED_WEIGHT * related +
    (method.tips?.[exam.id] ? TIP_BONUS : 0);
  return { method, deliverables, criteria, coreCriteria, score };
}

// Pure function of the exam's content; exams are static data, so memoising by id is safe.
const fitsCache = new Map<string, MethodFit[]>();

/**
 * The methods that fit an exam, most relevant first: every catalogue method serving at least one
 * deliverable or core criterion of the exam (or two related criteria), at most `MAX_METHODS_PER_EXAM`.
 */
export function methodsForExam(exam: Exam): MethodFit[] {
  const key = `${exam.id}\u0000${exam.criteria.map((c) => c.text).join('\u0001')}`;
  const cached = fitsCache.get(key);
  if (cached) return cached;
  const fits = METHODS.map((method) => fitOf(method, exam))
    .filter((fit) => fit.score >= SERVED_WEIGHT)
    .sort((a, b) => b.score - a.score || METHODS.indexOf(a.method) - METHODS.indexOf(b.method))
    .slice(0, MAX_METHODS_PER_EXAM);
  fitsCache.set(key, fits);
  return fits;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The one-paragraph French explanation of a method for one exam: what it is, how to use it, which
 * deliverables and criteria of this dossier it serves, and the exam's curated tip when there is one.
 */
export function explainMethod(fit: MethodFit, exam: Exam): string {
  const { method } = fit;
  const deliverables = fit.deliverables.map((id) => {
    const text = exam.deliverables.find((d) => d.id === id)?.text ?? '';
    return `${id} (« ${truncate(text, 70)} »)`;
  });
  const parts: string[] = [];
  if (deliverables.length > 0) parts.push(`nourrit ${joinFr(deliverables)}`);
  if (fit.criteria.length > 0) {
    parts.push(`répond ${fit.criteria.length > 1 ? 'aux critères' : 'au critère'} ${joinFr(fit.criteria)}`);
  }
  const where = parts.length > 0 ? ` Dans ce dossier, cet outil ${parts.join(' et ')}.` : '';
  const tip = method.tips?.[exam.id];
  return `${method.what} ${method.how}${where}${tip ? ` ${tip}` : ''}`;
}

/** « a, b et c ». */
export function joinFr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
