import { desc, inArray } from 'drizzle-orm';
import { reviewDecisions } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { getCompetency } from '../referential/index';
import { latestCohortReviews } from './cohort-reviews';
import type { TrainerDeps } from './deps';
import { type QueueFlag, queueSignals } from './queue-signals';

/**
 * The latest finished review of each dossier of the trainer's cohorts, most in need of a human
 * first (checked ones last), with optional filters.
 */
export async function queue(
  deps: TrainerDeps,
  actor: Actor,
  filters: {
    examId?: string;
    cohortId?: string;
    candidateId?: string;
    flag?: QueueFlag;
    include?: 'all' | 'unchecked';
  },
) {
  if (actor.trainerCohortIds.length === 0) return [];
  const cohortIds = filters.cohortId
    ? actor.trainerCohortIds.filter((id) => id === filters.cohortId)
    : actor.trainerCohortIds;
  if (cohortIds.length === 0) return [];
  const rows = await latestCohortReviews(deps.database, cohortIds, {
    examId: filters.examId,
    candidateId: filters.candidateId,
    doneOnly: false,
  });
  const items = rows.map((r) => {
    const { flags, priority } = queueSignals(r.status, r.report);
    return {
      reviewId: r.review_id,
      dossierId: r.dossier_id,
      version: r.version,
      candidate: r.candidate,
      candidateId: r.candidate_id,
      cohort: r.cohort_id && r.cohort ? { id: r.cohort_id, name: r.cohort } : null,
      examId: r.exam_id,
      status: r.status,
      flags,
      priority,
      overall: r.report ? { score: r.report.overall.score, ready: r.report.overall.ready } : null,
      decisions: r.decisions,
      checked: r.checked,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
  return items
    .filter((i) => !filters.flag || i.flags.includes(filters.flag))
    .filter((i) => filters.include !== 'unchecked' || !i.checked)
    .sort(
      (a, b) =>
        Number(a.checked) - Number(b.checked) ||
        b.priority - a.priority ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

/**
 * Per competency, how the cohort's dossiers score (latest finished review of each dossier, the
 * trainer's decision where there is one, else the AI's score): what the whole group misses.
 */
export async function cohortView(
  deps: TrainerDeps,
  actor: Actor,
  filters: { cohortId?: string; examId?: string },
) {
  const { db } = deps.database;
  const { database } = deps;
  const cohortIds = filters.cohortId
    ? actor.trainerCohortIds.filter((id) => id === filters.cohortId)
    : actor.trainerCohortIds;
  const cohorts = cohortIds.length
    ? await database.query<{ id: string; name: string }>(
        'select id, name from cohorts where id = any($1::uuid[]) order by name',
        [cohortIds],
      )
    : [];
  const rows = cohortIds.length
    ? await latestCohortReviews(deps.database, cohortIds, { examId: filters.examId, doneOnly: true })
    : [];
  const reviewIds = rows.map((r) => r.review_id);
  const decided = reviewIds.length
    ? await db
        .select()
        .from(reviewDecisions)
        .where(inArray(reviewDecisions.reviewId, reviewIds))
        .orderBy(desc(reviewDecisions.createdAt))
    : [];
  const finalScore = (reviewId: string, criterionId: string, ai: number) =>
    decided.find((d) => d.reviewId === reviewId && d.criterionId === criterionId)?.score ?? ai;
  const byCompetency = new Map<string, number[]>();
  for (const { review_id, report } of rows) {
    if (!report) continue; // not with doneOnly
    const scores = new Map<string, number[]>();
    for (const c of report.criteria) {
      if (c.status !== 'done') continue;
      for (const comp of c.competencies) {
        const list = scores.get(comp) ?? [];
        list.push(finalScore(review_id, c.id, c.score));
        scores.set(comp, list);
      }
    }
    for (const [comp, list] of scores) {
      const all = byCompetency.get(comp) ?? [];
      // A dossier's level on a competency is the rounded mean of its criteria; the histogram counts
      // these levels and the average is taken over the same levels, so the two always agree (an
      // average over unrounded means once said 1,5 beside a lone dossier drawn at 2/4).
      all.push(Math.min(4, Math.max(0, Math.round(list.reduce((a, b) => a + b, 0) / list.length))));
      byCompetency.set(comp, all);
    }
  }
  const competencies = [...byCompetency.entries()]
    .map(([id, values]) => {
      const counts = [0, 0, 0, 0, 0];
      for (const v of values) counts[v] += 1;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return {
        id,
        text: getCompetency(id)?.text ?? id,
        counts,
        mean: Math.round(mean * 100) / 100,
        n: values.length,
      };
    })
    .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return { cohorts, examId: filters.examId ?? null, reviews: rows.length, competencies };
}

/** Trainers' decisions as human scores for calibration: the latest per (review, criterion). */
export async function humanScores(deps: TrainerDeps, organizationId: string, examId?: string) {
  const { database } = deps;
  return database.query<{
    review_id: string;
    exam_id: string;
    criterion_id: string;
    human: number;
    ai: number;
  }>(
    `select distinct on (rd.review_id, rd.criterion_id)
       rd.review_id, r.exam_id, rd.criterion_id, rd.score as human, rd.ai_score as ai
     from review_decisions rd
     join reviews r on r.id = rd.review_id
     join dossier_versions v on v.id = r.version_id
     join dossiers d on d.id = v.dossier_id
     join memberships m on m.user_id = d.owner_id
     where m.organization_id = $1 and ($2::text is null or r.exam_id = $2)
     order by rd.review_id, rd.criterion_id, rd.created_at desc`,
    [organizationId, examId ?? null],
  );
}
