import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import type { Actor } from '../../lib/actor';
import { visibleDossiers } from '../accounts';
import type { DossierOverview, DossierOverviewQuery } from './schemas';

/** `%` and `_` typed in a search are letters, not patterns. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Row extends Record<string, unknown> {
  id: string;
  title: string;
  exam_id: string;
  owner_id: string;
  owner_name: string;
  owner_email: string;
  cohort_id: string | null;
  cohort_name: string | null;
  versions: number;
  latest_version: number;
  updated_at: Date | string;
  review_id: string | null;
  review_version: number | null;
  review_status: 'queued' | 'running' | 'done' | 'failed' | null;
  review_score: number | string | null;
  review_ready: 'pret' | 'presque' | 'pas_encore' | null;
  review_at: Date | string | null;
  total: number;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/**
 * The staff's list of dossiers (exam team and admin: their organisation; trainers: their cohorts): who the
 * candidate is, their cohort, the exam, how many versions, and the latest review with its score and verdict.
 * Filtered and paged in the database; the same visibility rule as every dossier route.
 */
export function createOverviewService(deps: { database: Database }) {
  const { db } = deps.database;
  return {
    async dossiers(actor: Actor, query: DossierOverviewQuery): Promise<DossierOverview> {
      const filters: SQL[] = [visibleDossiers(actor)];
      if (query.examId) filters.push(sql`dossiers.exam_id = ${query.examId}`);
      if (query.cohortId) filters.push(sql`m.cohort_id = ${query.cohortId}`);
      if (query.q) {
        const like = `%${likeEscape(query.q)}%`;
        filters.push(sql`(u.name ilike ${like} or u.email ilike ${like})`);
      }
      if (query.status === 'none') filters.push(sql`lr.id is null`);
      if (query.status === 'pending') filters.push(sql`lr.status in ('queued', 'running')`);
      if (query.status === 'done') filters.push(sql`lr.status = 'done'`);
      if (query.status === 'failed') filters.push(sql`lr.status = 'failed'`);
      const offset = (query.page - 1) * query.pageSize;
      const result = await db.execute<Row>(sql`
        select dossiers.id, dossiers.title, dossiers.exam_id, u.id as owner_id, u.name as owner_name,
          u.email as owner_email, c.id as cohort_id, c.name as cohort_name,
          v.versions, v.latest_version, coalesce(v.updated_at, dossiers.created_at) as updated_at,
          lr.id as review_id, lr.version as review_version, lr.status as review_status,
          lr.score as review_score, lr.ready as review_ready, lr.created_at as review_at,
          count(*) over ()::int as total
        from dossiers
        join users u on u.id = dossiers.owner_id
        left join memberships m on m.user_id = u.id
        left join cohorts c on c.id = m.cohort_id
        left join lateral (
          select count(*)::int as versions, coalesce(max(dv.version), 0)::int as latest_version,
            max(dv.created_at) as updated_at
          from dossier_versions dv where dv.dossier_id = dossiers.id
        ) v on true
        left join lateral (
          select r.id, dv.version, r.status, r.created_at,
            (r.report -> 'overall' ->> 'score')::float8 as score, r.report -> 'overall' ->> 'ready' as ready
          from reviews r join dossier_versions dv on dv.id = r.version_id
          where dv.dossier_id = dossiers.id
          order by dv.version desc, r.created_at desc
          limit 1
        ) lr on true
        where ${sql.join(filters, sql` and `)}
        order by coalesce(v.updated_at, dossiers.created_at) desc, dossiers.id
        limit ${query.pageSize} offset ${offset}`);
      const rows = (result as unknown as { rows: Row[] }).rows;
      const cohortScope =
        actor.role === 'trainer'
          ? sql`c.id in (select ct.cohort_id from cohort_trainers ct where ct.user_id = ${actor.userId})`
          : sql`c.organization_id = ${actor.organizationId}`;
      const cohorts = await db.execute<{ id: string; name: string }>(
        sql`select c.id, c.name from cohorts c where ${cohortScope} order by c.name`,
      );
      let total = rows[0]?.total ?? 0;
      if (rows.length === 0 && offset > 0) {
        // Past the last page: still say how many there are, so the pager can go back.
        const counted = await db.execute<{ n: number }>(sql`
          select count(*)::int as n from dossiers
          join users u on u.id = dossiers.owner_id
          left join memberships m on m.user_id = u.id
          left join lateral (
            select r.id, r.status from reviews r join dossier_versions dv on dv.id = r.version_id
            where dv.dossier_id = dossiers.id order by dv.version desc, r.created_at desc limit 1
          ) lr on true
          where ${sql.join(filters, sql` and `)}`);
        total = (counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
      }
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        cohorts: (cohorts as unknown as { rows: { id: string; name: string }[] }).rows,
        items: rows.map((r) => ({
          dossierId: r.id,
          title: r.title,
          examId: r.exam_id,
          candidate: { id: r.owner_id, name: r.owner_name, email: r.owner_email },
          cohort: r.cohort_id && r.cohort_name ? { id: r.cohort_id, name: r.cohort_name } : null,
          versions: Number(r.versions ?? 0),
          latestVersion: Number(r.latest_version ?? 0),
          updatedAt: iso(r.updated_at),
          latestReview:
            r.review_id && r.review_status && r.review_version !== null && r.review_at
              ? {
                  id: r.review_id,
                  version: Number(r.review_version),
                  status: r.review_status,
                  score: r.review_score === null ? null : Number(r.review_score),
                  ready: r.review_ready,
                  at: iso(r.review_at),
                }
              : null,
        })),
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
