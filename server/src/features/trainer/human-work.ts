import type { GapReport, ReasonCode } from '../reviews';
import { overallVerdict } from '../reviews';
import type { TrainerDeps } from './deps';
import type { Decision, ReviewCheck } from './schemas';

/**
 * The people's side of a review in one round trip: the latest decision per criterion and the check
 * (both usually absent). The report and `GET …/decisions` both read it.
 */
export async function humanWork(
  deps: TrainerDeps,
  reviewId: string,
): Promise<{ decisions: Decision[]; check: ReviewCheck | null }> {
  const rows = await deps.database.query<{
    kind: 'decision' | 'check';
    criterion_id: string;
    ai_score: number;
    score: number;
    reason: ReasonCode;
    comment: string | null;
    by: string;
    at: Date | string;
  }>(
    `select * from (
       select distinct on (criterion_id) 'decision' as kind, criterion_id, ai_score, score, reason, comment,
         decided_by_name as by, created_at as at
       from review_decisions where review_id = $1 order by criterion_id, created_at desc) d
     union all
     select 'check', null, null, null, null, comment, checked_by_name, created_at from review_checks where review_id = $1`,
    [reviewId],
  );
  const iso = (at: Date | string) => new Date(at).toISOString();
  const check = rows.find((r) => r.kind === 'check');
  return {
    decisions: rows
      .filter((r) => r.kind === 'decision')
      .map((r) => ({
        criterionId: r.criterion_id,
        aiScore: r.ai_score,
        score: r.score,
        reason: r.reason,
        comment: r.comment,
        by: r.by,
        at: iso(r.at),
      })),
    check: check ? { by: check.by, comment: check.comment, at: iso(check.at) } : null,
  };
}

/**
 * The report as people read it: each criterion carries the trainer's latest decision beside the
 * AI's own score (never replacing it), and the report the trainer's check and comment.
 */
export async function annotate(deps: TrainerDeps, reviewId: string, report: GapReport): Promise<GapReport> {
  const { decisions, check } = await humanWork(deps, reviewId);
  if (decisions.length === 0 && !check) return report;
  const byCriterion = new Map(decisions.map((d) => [d.criterionId, d]));
  const criteria = report.criteria.map((c) => {
    const d = byCriterion.get(c.id);
    return d
      ? { ...c, decision: { score: d.score, reason: d.reason, comment: d.comment, by: d.by, at: d.at } }
      : c;
  });
  const decided = criteria.filter((c) => c.decision).length;
  // The AI's overall stays as it is; the adjusted one sits beside it, computed by the same rule with
  // each decided criterion at the trainer's score (a decided criterion counts as assessed).
  const adjusted =
    decided > 0
      ? overallVerdict(
          criteria.map((c) => (c.decision ? { ...c, score: c.decision.score, status: 'done' as const } : c)),
          report.deliverables,
          report.format,
        )
      : null;
  return {
    ...report,
    criteria,
    ...(adjusted
      ? {
          overallAfterTrainer: {
            score: adjusted.score,
            level: adjusted.level,
            ready: adjusted.ready,
            decided,
            total: criteria.length,
          },
        }
      : {}),
    ...(check ? { check } : {}),
  };
}
