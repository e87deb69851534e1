import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { reviewChecks, reviewDecisions, reviews } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, ValidationError } from '../../lib/errors';
import { audit } from '../accounts';
import { getCompetency } from '../referential';
import type { GapReport, ReasonCode } from '../reviews';
import { overallVerdict } from '../reviews';
import type { Decision, QUEUE_FLAGS, ReviewCheck } from './schemas';

type QueueFlag = (typeof QUEUE_FLAGS)[number];

/** How much each signal pushes a review up the queue: what most needs a human comes first. */
const WEIGHTS: Record<QueueFlag, number> = {
  prompt_injection: 100,
  hidden_text: 80,
  review_failed: 60,
  criterion_failed: 50,
  unverified_quote: 40,
  keyword_stuffing: 30,
  low_confidence: 25,
  borderline: 15,
};

export type { Decision, ReviewCheck } from './schemas';

/** The signals of a review that call for a human, from its report (or its failure). */
export function queueSignals(
  status: string,
  report: GapReport | null,
): { flags: QueueFlag[]; priority: number } {
  const found = new Map<QueueFlag, number>();
  const add = (flag: QueueFlag, times = 1) => found.set(flag, (found.get(flag) ?? 0) + times);
  if (status === 'failed' || !report) add('review_failed');
  if (report) {
    const all = [...report.flags, ...report.criteria.flatMap((c) => c.flags)];
    for (const f of all) {
      if (f.code === 'prompt_injection' || f.code === 'hidden_text' || f.code === 'keyword_stuffing')
        add(f.code);
      if (f.code === 'unverified_quote') add('unverified_quote');
      if (f.code === 'low_confidence') add('low_confidence');
    }
    const failed = report.criteria.filter((c) => c.status === 'failed').length;
    if (failed > 0) add('criterion_failed', failed);
    if (report.overall.ready === 'presque') add('borderline');
  }
  // One point per signal kind at full weight, repeats add a little (capped) so two kinds beat one repeated.
  let priority = 0;
  for (const [flag, times] of found) priority += WEIGHTS[flag] + Math.min(times - 1, 5) * 2;
  return { flags: [...found.keys()].sort((a, b) => WEIGHTS[b] - WEIGHTS[a]), priority };
}

/** Trainers' work on AI reviews: the queue, score decisions, checks, the cohort view. */
export function createTrainerService(deps: {
  database: Database;
  /** Called after a review is marked as checked: tells its candidate. */
  onChecked?: (reviewId: string, by: string) => Promise<void>;
  /** Called after a decision or a check is stored: what a finished report's JSON depends on changed. */
  onChanged?: (reviewId: string) => void;
}) {
  const { database } = deps;
  const { db } = database;

  /**
   * The people's side of a review in one round trip: the latest decision per criterion and the check
   * (both usually absent). The report and `GET …/decisions` both read it.
   */
  async function humanWork(reviewId: string): Promise<{ decisions: Decision[]; check: ReviewCheck | null }> {
    const rows = await database.query<{
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

  return {
    /**
     * The report as people read it: each criterion carries the trainer's latest decision beside the
     * AI's own score (never replacing it), and the report the trainer's check and comment.
     */
    async annotate(reviewId: string, report: GapReport): Promise<GapReport> {
      const { decisions, check } = await humanWork(reviewId);
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
              criteria.map((c) =>
                c.decision ? { ...c, score: c.decision.score, status: 'done' as const } : c,
              ),
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
    },

    decisions: humanWork,

    /** Records a trainer's decision on one criterion (append-only: the history stays). */
    async decide(
      actor: Actor,
      reviewId: string,
      criterionId: string,
      input: { score: number; reason: ReasonCode; comment?: string },
    ) {
      const [review] = await db.select().from(reviews).where(eq(reviews.id, reviewId));
      if (!review) throw new AppError('not_found', 404, `Analyse introuvable : ${reviewId}`);
      const report = review.report as GapReport | null;
      if (review.status !== 'done' || !report) {
        throw new AppError(
          'review_not_done',
          409,
          "L'analyse n'est pas terminée : rien à valider pour l'instant.",
        );
      }
      const criterion = report.criteria.find((c) => c.id === criterionId);
      if (!criterion)
        throw new AppError('not_found', 404, `Critère inconnu dans cette analyse : ${criterionId}`);
      const comment = input.comment?.trim() || null;
      if (input.reason === 'agree' && input.score !== criterion.score) {
        throw new ValidationError(
          "« D'accord » garde la note de l'IA : choisissez un motif pour une autre note.",
        );
      }
      if (input.reason === 'other' && !comment)
        throw new ValidationError('Le motif « Autre » demande un commentaire.');
      const decision = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(reviewDecisions)
          .values({
            reviewId,
            criterionId,
            aiScore: criterion.score,
            score: input.score,
            reason: input.reason,
            comment,
            decidedBy: actor.userId,
            decidedByName: actor.name,
          })
          .returning();
        await audit(tx, actor, {
          action: 'review.decision',
          targetType: 'review',
          targetId: reviewId,
          detail: { criterionId, aiScore: criterion.score, score: input.score, reason: input.reason },
        });
        return row;
      });
      deps.onChanged?.(reviewId);
      return {
        criterionId,
        aiScore: decision.aiScore,
        score: decision.score,
        reason: decision.reason as ReasonCode,
        comment: decision.comment,
        by: decision.decidedByName,
        at: decision.createdAt.toISOString(),
      };
    },

    /** Marks a review as checked by a trainer, with an optional comment for the candidate. */
    async check(actor: Actor, reviewId: string, input: { comment?: string }) {
      const [review] = await db
        .select({ status: reviews.status })
        .from(reviews)
        .where(eq(reviews.id, reviewId));
      if (!review) throw new AppError('not_found', 404, `Analyse introuvable : ${reviewId}`);
      if (review.status !== 'done')
        throw new AppError('review_not_done', 409, "L'analyse n'est pas terminée.");
      const comment = input.comment?.trim() || null;
      const values = {
        reviewId,
        checkedBy: actor.userId,
        checkedByName: actor.name,
        comment,
        createdAt: new Date(),
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(reviewChecks)
          .values(values)
          .onConflictDoUpdate({ target: reviewChecks.reviewId, set: values });
        await audit(tx, actor, {
          action: 'review.check',
          targetType: 'review',
          targetId: reviewId,
          detail: { comment: comment !== null },
        });
      });
      deps.onChanged?.(reviewId);
      await deps.onChecked?.(reviewId, actor.name);
      return { by: actor.name, comment, at: values.createdAt.toISOString() };
    },

    /**
     * The latest finished review of each dossier of the trainer's cohorts, most in need of a human
     * first (checked ones last), with optional filters.
     */
    async queue(
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
      const rows = await database.query<{
        review_id: string;
        dossier_id: string;
        version: number;
        exam_id: string;
        status: 'done' | 'failed';
        report: GapReport | null;
        created_at: Date | string;
        candidate_id: string;
        candidate: string;
        cohort_id: string | null;
        cohort: string | null;
        decisions: number;
        checked: boolean;
      }>(
        `select distinct on (d.id)
           r.id as review_id, d.id as dossier_id, v.version, r.exam_id, r.status, r.report, r.created_at,
           u.id as candidate_id, u.name as candidate, c.id as cohort_id, c.name as cohort,
           (select count(distinct rd.criterion_id)::int from review_decisions rd where rd.review_id = r.id) as decisions,
           exists (select 1 from review_checks rc where rc.review_id = r.id) as checked
         from reviews r
         join dossier_versions v on v.id = r.version_id
         join dossiers d on d.id = v.dossier_id
         join users u on u.id = d.owner_id
         join memberships m on m.user_id = u.id and m.role = 'candidate'
         left join cohorts c on c.id = m.cohort_id
         where m.cohort_id = any($1::uuid[]) and r.status in ('done', 'failed')
           and (r.requested_by is null or r.requested_by = d.owner_id)
           and ($2::text is null or r.exam_id = $2) and ($3::text is null or u.id = $3)
         order by d.id, v.version desc, r.created_at desc`,
        [cohortIds, filters.examId ?? null, filters.candidateId ?? null],
      );
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
    },

    /**
     * Per competency, how the cohort's dossiers score (latest finished review of each dossier, the
     * trainer's decision where there is one, else the AI's score): what the whole group misses.
     */
    async cohortView(actor: Actor, filters: { cohortId?: string; examId?: string }) {
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
        ? await database.query<{ review_id: string; report: GapReport }>(
            `select distinct on (d.id) r.id as review_id, r.report
             from reviews r
             join dossier_versions v on v.id = r.version_id
             join dossiers d on d.id = v.dossier_id
             join memberships m on m.user_id = d.owner_id and m.role = 'candidate'
             where m.cohort_id = any($1::uuid[]) and r.status = 'done' and r.report is not null
               and (r.requested_by is null or r.requested_by = d.owner_id)
               and ($2::text is null or r.exam_id = $2)
             order by d.id, v.version desc, r.created_at desc`,
            [cohortIds, filters.examId ?? null],
          )
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
    },

    /** Trainers' decisions as human scores for calibration: the latest per (review, criterion). */
    async humanScores(organizationId: string, examId?: string) {
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
    },
  };
}

export type TrainerService = ReturnType<typeof createTrainerService>;
