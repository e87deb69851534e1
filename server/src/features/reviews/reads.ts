/** What the API reads of reviews: one review with its progress, a dossier's history, a stored report. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { dossierVersions, reviewCriteria, reviews } from '../../../../db/schema';
import { AppError, NotFoundError } from '../../lib/errors';
import { getExam } from '../referential';
import type { ReviewContext } from './context';
import type { ReviewRow } from './leases';
import type { GapReport, ReviewProgress } from './schemas';

type CriterionStatus = ReviewProgress['criteria'][number];

export async function getRow(ctx: ReviewContext, id: string) {
  const [row] = await ctx.db.select().from(reviews).where(eq(reviews.id, id));
  if (!row) throw new NotFoundError('Revue', id);
  return row;
}

function progressFrom(review: ReviewRow, rows: CriterionStatus[]): ReviewProgress {
  const exam = getExam(review.examId);
  const order = new Map(exam?.criteria.map((c, i) => [c.id, i]) ?? []);
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    status: review.status,
    total: rows.length,
    done: rows.filter((r) => r.status === 'done').length,
    failed: rows.filter((r) => r.status === 'failed').length,
    criteria: rows,
  };
}

export async function progress(ctx: ReviewContext, id: string): Promise<ReviewProgress> {
  const review = await getRow(ctx, id);
  const rows = await ctx.db
    .select({ id: reviewCriteria.criterionId, status: reviewCriteria.status })
    .from(reviewCriteria)
    .where(eq(reviewCriteria.reviewId, review.id));
  return progressFrom(review, rows);
}

/**
 * What `get` reads, in one query instead of three (review, then its version, then its criteria): the
 * database runs one statement at a time (PGlite on the server's event loop), so every round trip costs
 * throughput. Prepared once per service: drizzle then neither rebuilds nor re-plans its mapping on every
 * read, the hot path of `GET /api/reviews/:id`, which the web app polls while a review runs.
 */
export function prepareReviewRead(db: ReviewContext['db']) {
  return db
    .select({
      review: reviews,
      dossierId: dossierVersions.dossierId,
      version: dossierVersions.version,
      criteria: sql<CriterionStatus[] | string>`(
        select coalesce(
          json_agg(json_build_object('id', ${reviewCriteria.criterionId}, 'status', ${reviewCriteria.status})),
          '[]'::json
        )
        from ${reviewCriteria}
        where ${reviewCriteria.reviewId} = ${reviews.id}
      )`,
    })
    .from(reviews)
    .innerJoin(dossierVersions, eq(dossierVersions.id, reviews.versionId))
    .where(eq(reviews.id, sql.placeholder('id')))
    .prepare('reviews_get');
}

export async function getReview(read: ReturnType<typeof prepareReviewRead>, id: string) {
  const [found] = await read.execute({ id });
  if (!found) throw new NotFoundError('Revue', id);
  const row = found.review;
  // Both drivers parse json; a string would mean a driver configured to leave it raw.
  const criteria: CriterionStatus[] =
    typeof found.criteria === 'string' ? JSON.parse(found.criteria) : found.criteria;
  return {
    id: row.id,
    dossierId: found.dossierId,
    version: found.version,
    examId: row.examId,
    status: row.status,
    provider: row.provider,
    model: row.model,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    progress: progressFrom(row, criteria),
    report: (row.report as GapReport | null) ?? undefined,
    error: row.error ?? undefined,
  };
}

/** The reviews of every version of a dossier, oldest first (for the progress chart). */
export async function listForDossier(ctx: ReviewContext, dossierId: string) {
  const rows = await ctx.db
    .select({
      id: reviews.id,
      version: dossierVersions.version,
      status: reviews.status,
      createdAt: reviews.createdAt,
      provider: reviews.provider,
      model: reviews.model,
      report: reviews.report,
    })
    .from(reviews)
    .innerJoin(dossierVersions, eq(dossierVersions.id, reviews.versionId))
    // The candidate's own reviews (and legacy ones with no requester): calibration runs started by
    // an exam team on the same dossier are theirs, not part of the candidate's history.
    .where(
      and(
        eq(dossierVersions.dossierId, dossierId),
        sql`(${reviews.requestedBy} is null or ${reviews.requestedBy} = (select owner_id from dossiers where id = ${dossierId}))`,
      ),
    )
    .orderBy(asc(dossierVersions.version), asc(reviews.createdAt));
  return rows.map(({ report, createdAt, ...r }) => {
    const overall = (report as GapReport | null)?.overall;
    return {
      ...r,
      createdAt: createdAt.toISOString(),
      overall: overall ? { score: overall.score, level: overall.level, ready: overall.ready } : null,
    };
  });
}

/** A finished review's stored report; 409 while it runs. */
export async function storedReport(ctx: ReviewContext, id: string): Promise<GapReport> {
  const row = await getRow(ctx, id);
  if (row.status !== 'done' || !row.report) {
    throw new AppError('review_not_ready', 409, "Le rapport n'est pas encore prêt : la revue est en cours.");
  }
  return row.report as GapReport;
}

/**
 * The report with names for people to read: the dossier's title, the file of the reviewed version and
 * the candidate (exports show these, never a bare id).
 */
export async function namedReport(ctx: ReviewContext, id: string): Promise<GapReport> {
  const report = await storedReport(ctx, id);
  const [names] = await ctx.database.query<{ title: string; file_name: string; candidate: string | null }>(
    `select d.title, v.file_name, u.name as candidate
     from reviews r join dossier_versions v on v.id = r.version_id join dossiers d on d.id = v.dossier_id
     left join users u on u.id = d.owner_id where r.id = $1`,
    [id],
  );
  if (!report.dossier || !names) return report;
  return {
    ...report,
    dossier: { ...report.dossier, title: names.title, fileName: names.file_name, candidate: names.candidate },
  };
}
