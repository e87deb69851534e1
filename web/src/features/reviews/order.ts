import type { CriterionResult, GapReport } from '../../lib/api';

export interface OrderedCriterion {
  criterion: CriterionResult;
  /** 1-based rank in the report's priorities; null for criteria the report does not prioritise. */
  rank: number | null;
  reason: string | null;
}

/** The criteria in the report's priority order, then any criterion the priorities leave out. */
export function criteriaByPriority(report: GapReport): OrderedCriterion[] {
  const byId = new Map(report.criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const ordered: OrderedCriterion[] = [];
  for (const priority of report.priorities) {
    const criterion = byId.get(priority.criterionId);
    if (!criterion || seen.has(criterion.id)) continue;
    seen.add(criterion.id);
    ordered.push({ criterion, rank: ordered.length + 1, reason: priority.reason });
  }
  for (const criterion of report.criteria) {
    if (!seen.has(criterion.id)) ordered.push({ criterion, rank: null, reason: null });
  }
  return ordered;
}
