import type { Database } from '../../../../db/client';
import type { GapReport } from '../reviews';

/** One dossier's latest finished review, with its candidate, cohort and the trainers' work on it. */
export interface CohortReviewRow {
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
}

/**
 * The latest finished review of each dossier of the candidates of `cohortIds` (the trainer's queue and the
 * cohort view read the same rows): the latest version first, then the latest review; reviews someone
 * else requested on a candidate's dossier (calibration runs) do not count. `doneOnly` skips failed reviews
 * and those without a report, so a dossier whose latest review failed shows its latest good one.
 */
export function latestCohortReviews(
  database: Database,
  cohortIds: string[],
  filters: { examId?: string | undefined; candidateId?: string | undefined; doneOnly: boolean },
): Promise<CohortReviewRow[]> {
  return database.query<CohortReviewRow>(
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
     where m.cohort_id = any($1::uuid[])
       and (case when $4::boolean then r.status = 'done' and r.report is not null
                 else r.status in ('done', 'failed') end)
       and (r.requested_by is null or r.requested_by = d.owner_id)
       and ($2::text is null or r.exam_id = $2) and ($3::text is null or u.id = $3)
     order by d.id, v.version desc, r.created_at desc`,
    [cohortIds, filters.examId ?? null, filters.candidateId ?? null, filters.doneOnly],
  );
}
