/**
 * Rewrites: tuning cases that re-word another tuning case of the same exam (`rewriteOf`), same content in
 * other words. The AI overall of a rewrite against its original's is what the wording alone costs; the
 * check `rewrite_matches_original` records it on each rewrite. Reported, never a gate: it shows whether the
 * grader reads content or words, and may fail while the grader is being fixed.
 */
import type { CheckRecord } from './gates';

/** The largest |rewrite − original| AI overall for the same content read the same. */
export const REWRITE_MAX_DELTA = 0.3;

export const REWRITE_CHECK = 'rewrite_matches_original';

/** One rewrite beside its original (AI overall scores of the first pass; null when not reviewed). */
export interface RewriteRow {
  id: string;
  original: string;
  overall: number | null;
  originalOverall: number | null;
  /** Rewrite minus original, rounded to 0.01; null when either was not scored. */
  delta: number | null;
}

interface ScoredCase {
  id: string;
  examId: string;
  rewriteOf: string | null;
  aiOverall: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Every rewrite of the run whose original ran too, sorted by id. */
export function rewriteRows(cases: readonly ScoredCase[]): RewriteRow[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return cases
    .filter((c): c is ScoredCase & { rewriteOf: string } => c.rewriteOf !== null && byId.has(c.rewriteOf))
    .map((c) => {
      const originalOverall = byId.get(c.rewriteOf)?.aiOverall ?? null;
      const delta =
        c.aiOverall === null || originalOverall === null ? null : round2(c.aiOverall - originalOverall);
      return { id: c.id, original: c.rewriteOf, overall: c.aiOverall, originalOverall, delta };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `rewrite_matches_original` for each row, as the run records checks (first pass, case level). */
export function rewriteChecks(rows: readonly RewriteRow[], examIdOf: (id: string) => string): CheckRecord[] {
  return rows.map((row) => {
    const passed = row.delta !== null && Math.abs(row.delta) <= REWRITE_MAX_DELTA;
    const detail =
      row.delta === null
        ? `not scored (rewrite ${row.overall ?? '—'}, original ${row.originalOverall ?? '—'})`
        : `AI overall ${row.overall} vs ${row.originalOverall} for ${row.original} (Δ ${row.delta > 0 ? '+' : ''}${row.delta}, at most ±${REWRITE_MAX_DELTA})`;
    return {
      name: REWRITE_CHECK,
      passed,
      detail,
      subject: row.id,
      examId: examIdOf(row.id),
      kind: 'case' as const,
      pass: 0,
    };
  });
}

const cell = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** The text report's « Rewrites » table; nothing when the run has no rewrite. */
export function rewritesText(
  rows: readonly RewriteRow[],
  table: (headers: string[], rows: string[][], align: ('l' | 'r')[]) => string,
): string[] {
  if (rows.length === 0) return [];
  const failing = rows.filter((r) => r.delta === null || Math.abs(r.delta) > REWRITE_MAX_DELTA).length;
  return [
    '',
    `Rewrites (same content, other words; ${REWRITE_CHECK}: |Δ| ≤ ${REWRITE_MAX_DELTA}, reported, not gated — ${rows.length - failing}/${rows.length} within)`,
    table(
      ['case', 'original', 'original AI', 'rewrite AI', 'Δ'],
      rows.map((r) => [
        r.id,
        r.original,
        cell(r.originalOverall),
        cell(r.overall),
        r.delta === null ? '—' : `${r.delta > 0 ? '+' : ''}${r.delta.toFixed(2)}`,
      ]),
      ['l', 'l', 'r', 'r', 'r'],
    ),
  ];
}
