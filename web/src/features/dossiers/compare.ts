import type { GapReport } from '../../lib/api';

export interface ComparisonRow {
  id: string;
  text: string;
  /** Scores in report A and B; null when the criterion failed or is absent there. */
  a: number | null;
  b: number | null;
  /** B − A, or null when either side has no score. */
  delta: number | null;
}

function scoreOf(report: GapReport, id: string): number | null {
  const c = report.criteria.find((x) => x.id === id);
  return c && c.status === 'done' ? c.score : null;
}

/** Criterion by criterion, A against B (B is expected to be the later draft). */
export function compareReports(a: GapReport, b: GapReport): { rows: ComparisonRow[]; overallDelta: number } {
  const ids = [...new Set([...a.criteria.map((c) => c.id), ...b.criteria.map((c) => c.id)])];
  const rows = ids.map((id) => {
    const text = (a.criteria.find((c) => c.id === id) ?? b.criteria.find((c) => c.id === id))?.text ?? '';
    const sa = scoreOf(a, id);
    const sb = scoreOf(b, id);
    return { id, text, a: sa, b: sb, delta: sa === null || sb === null ? null : sb - sa };
  });
  return { rows, overallDelta: b.overall.score - a.overall.score };
}
