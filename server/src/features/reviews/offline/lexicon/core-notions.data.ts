/**
 * Exam-wide domain concepts: the words every part of an exam's dossier uses (« RSE » in the Audit RSE, « salon »
 * in the Salon commercial). Naming them shows the candidate is on topic, never that one criterion is addressed
 * (issue #16: a generic sentence about « la démarche RSE » earned 2/4 on four criteria). A criterion's **core
 * notions** are its curated core concepts (`EXAM_CONCEPTS`) minus these; without one of them in the draft the
 * criterion is not addressed, and its evidence must contain one.
 *
 * Exam-wide *words* of the criteria texts (« performance », « commerciale ») are found by rule in the lexicon
 * (`domainStems`), not listed here.
 */
import type { ConceptId } from './concepts.data';

export const EXAM_DOMAIN_CONCEPTS: Readonly<Record<string, readonly ConceptId[]>> = {
  'b1-audit-rse': ['rse'],
  'b5-pilotage-performance': ['pilotage_performance'],
};
