/**
 * Core notions per criterion: the notions without which a criterion is not addressed (issue #16). The list
 * lives with the held-out cases (`cases/heldout/core-notions.json`, frozen with them) and each held-out gold
 * criterion says which of them the draft addresses. It is the gold's reading, written without looking at the
 * analyzer: the evals use it to check that no criterion whose core notions are all absent scores above 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { getExam } from '../../server/src/features/referential/index';
import { HELDOUT_DIR } from './freeze';

export const CORE_NOTIONS_FILE = 'core-notions.json';

export const CoreNotionsSchema = z.strictObject({
  note: z.string(),
  exams: z.record(z.string(), z.record(z.string(), z.array(z.string().min(1)).min(1))),
});
/** examId → criterionId → notions. */
export type CoreNotions = Record<string, Record<string, string[]>>;

/**
 * Reads and validates the core notions of the held-out part: every exam it names must exist, and every
 * criterion of such an exam must have notions, no more. Returns null when there is no file.
 */
export function loadCoreNotions(
  casesRoot: string,
): { ok: true; value: CoreNotions | null } | { ok: false; problems: string[] } {
  const file = path.join(casesRoot, HELDOUT_DIR, CORE_NOTIONS_FILE);
  if (!existsSync(file)) return { ok: true, value: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, problems: [`not valid JSON (${(err as Error).message})`] };
  }
  const parsed = CoreNotionsSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  const problems: string[] = [];
  for (const [examId, criteria] of Object.entries(parsed.data.exams)) {
    const exam = getExam(examId);
    if (!exam) {
      problems.push(`unknown exam "${examId}"`);
      continue;
    }
    const ids = exam.criteria.map((c) => c.id);
    const missing = ids.filter((id) => !(id in criteria));
    const unknown = Object.keys(criteria).filter((id) => !ids.includes(id));
    if (missing.length > 0) problems.push(`${examId}: no core notions for ${missing.join(', ')}`);
    if (unknown.length > 0) problems.push(`${examId}: unknown criteria ${unknown.join(', ')}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data.exams };
}

/**
 * Problems of one gold reading against the core notions: every criterion must list the notions the draft
 * addresses (possibly none), each one of the criterion's; a criterion with none addressed cannot be gold
 * above 1 (rubric v1: « mentioned, not analysed » at most).
 */
export function goldNotionProblems(
  examId: string,
  criteria: Record<string, { score: number; notions?: string[] }>,
  notions: CoreNotions | null,
): string[] {
  const forExam = notions?.[examId];
  if (!forExam)
    return [`no core notions defined for exam "${examId}" in ${HELDOUT_DIR}/${CORE_NOTIONS_FILE}`];
  const problems: string[] = [];
  for (const [id, gold] of Object.entries(criteria)) {
    const allowed = forExam[id] ?? [];
    if (gold.notions === undefined) {
      problems.push(`gold.criteria.${id}.notions is required in the held-out part (may be [])`);
      continue;
    }
    const unknown = gold.notions.filter((n) => !allowed.includes(n));
    if (unknown.length > 0)
      problems.push(
        `gold.criteria.${id}.notions: unknown ${unknown.map((n) => `"${n}"`).join(', ')} (has ${allowed.map((n) => `"${n}"`).join(', ')})`,
      );
    if (gold.notions.length === 0 && gold.score > 1)
      problems.push(
        `gold.criteria.${id}: score ${gold.score} with none of its core notions addressed (at most 1)`,
      );
  }
  return problems;
}

/** A criterion whose core notions the gold finds all absent. */
export function coreNotionsAbsent(gold: { notions?: string[] }): boolean {
  return gold.notions !== undefined && gold.notions.length === 0;
}
