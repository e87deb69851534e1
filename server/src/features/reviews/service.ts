/**
 * Reviews: requested through the API, run as jobs, resumable. Each criterion's result is stored as it
 * finishes, so a crash loses at most the criteria in flight and a failed criterion is retried alone.
 * This file orchestrates; the parts are modules of their own: `cache-key.ts` (when a review is reused),
 * `rate-limit.ts` (the hourly allowance), `leases.ts` (which worker holds a review), `grading-input.ts`
 * (injections stripped), `grade-criterion.ts`, `finish.ts` (the report) and `reads.ts`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import pLimit from 'p-limit';
import type { Database } from '../../../../db/client';
import { disclosures, dossiers, dossierVersions, reviewCriteria, reviews } from '../../../../db/schema';
import { AppError, NotFoundError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { getExam } from '../referential';
import { reviewCacheKey } from './cache-key';
import { type ReviewContext, reviewContext } from './context';
import { finish } from './finish';
import { gradeCriterion } from './grade-criterion';
import type { Grader } from './grader';
import { gradingDossier, strippedPassages } from './grading-input';
import { claim, releaseAllLeases, unfinished } from './leases';
import { PROMPT_VERSION } from './prompts';
import { spendReviewAllowance } from './rate-limit';
import {
  getReview,
  getRow,
  listForDossier,
  namedReport,
  prepareReviewRead,
  progress,
  storedReport,
} from './reads';
import type { Retriever } from './retrieval';
import { defaultRubric, type Rubric } from './rubric';

export type { ReviewProgress } from './schemas';

export interface ReviewServiceDeps {
  database: Database;
  retriever: Retriever;
  grader: Grader;
  /** Second opinion used to flag low confidence when the grader is a model. */
  offlineGrader: Grader;
  logger: Logger;
  /** Per-criterion calls running at once within one review. */
  concurrency: number;
  /** Hands a review to the job queue (or runs it, in the command-line tool). */
  enqueue: (reviewId: string) => Promise<void>;
  /** How long a worker's claim on a review lasts without progress before another may take it over. */
  leaseMs?: number;
  /** Whether e-mail addresses and phone numbers are redacted before text goes to a model (recorded with each transfer). */
  redactPii?: boolean;
  /** The exam teams' rubric versions; without it every review uses `defaultRubric`. */
  rubrics?: RubricSource;
  /**
   * Embeds a version's passages that have no vector yet (an upload whose embeddings failed); true when
   * all have one. Without it, or when it fails, retrieval uses full-text search alone and the report says so.
   */
  embedMissing?: (versionId: string) => Promise<boolean>;
  /** Told whenever a review or one of its criteria changes state (wakes progress streams). */
  onProgress?: (reviewId: string) => void;
  /** Called once a review has finished (done or failed): tells its requester. */
  onFinished?: (reviewId: string, status: 'done' | 'failed') => Promise<void>;
}

/** Where a review's rubric comes from (the calibration feature's rubric versions). */
export interface RubricSource {
  /**
   * The rubric to grade a dossier with, marked used (it can no longer change): the version `versionId`,
   * the built-in default when `versionId` is null, else the exam's active version for the owner's
   * organisation. `id` null means the built-in default.
   */
  forReview(input: {
    examId: string;
    ownerId: string | null;
    versionId?: string | null;
  }): Promise<{ id: string | null; rubric: Rubric }>;
  /** A stored version, to run a review requested with it. */
  byId(id: string): Promise<Rubric>;
}

async function loadVersion(ctx: ReviewContext, dossierId: string, version: number) {
  const [row] = await ctx.db
    .select()
    .from(dossierVersions)
    .where(and(eq(dossierVersions.dossierId, dossierId), eq(dossierVersions.version, version)));
  if (!row) throw new NotFoundError('Version du dossier', `${dossierId} v${version}`);
  return row;
}

/** Requests a review of a dossier version; an identical finished or running one is reused. */
async function request(
  ctx: ReviewContext,
  dossierId: string,
  version: number,
  options: { requestedBy?: string; perHourLimit?: number; rubricVersionId?: string | null } = {},
) {
  const { db, grader } = ctx;
  const row = await loadVersion(ctx, dossierId, version);
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  const exam = getExam(dossier.examId);
  if (!exam) throw new AppError('unknown_exam', 422, `Épreuve inconnue : ${dossier.examId}`);
  const { id: rubricVersionId, rubric } = ctx.rubrics
    ? await ctx.rubrics.forReview({
        examId: exam.id,
        ownerId: dossier.ownerId,
        versionId: options.rubricVersionId,
      })
    : { id: null, rubric: defaultRubric(exam.id) };
  const key = reviewCacheKey(row, exam, rubric, grader);
  const [existing] = await db
    .select({ id: reviews.id, status: reviews.status })
    .from(reviews)
    .where(
      and(
        eq(reviews.versionId, row.id),
        eq(reviews.cacheKey, key),
        inArray(reviews.status, ['queued', 'running', 'done']),
      ),
    )
    .orderBy(desc(reviews.createdAt))
    .limit(1);
  if (existing) return { id: existing.id, status: existing.status, reused: true };
  await spendReviewAllowance(ctx.ledger, options.requestedBy, options.perHourLimit);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reviews)
      .values({
        versionId: row.id,
        examId: exam.id,
        provider: grader.provider,
        model: grader.model,
        rubricVersion: rubric.version,
        rubricVersionId,
        promptVersion: PROMPT_VERSION,
        cacheKey: key,
        requestedBy: options.requestedBy ?? null,
      })
      .returning({ id: reviews.id });
    await tx
      .insert(reviewCriteria)
      .values(exam.criteria.map((c) => ({ reviewId: created.id, criterionId: c.id })));
    if (grader.provider !== 'offline') {
      // The record of transfers: this version's text goes to an external provider.
      await tx.insert(disclosures).values({
        versionId: row.id,
        provider: grader.provider,
        model: grader.model,
        purpose: 'review',
        redacted: ctx.redactPii ?? true,
      });
    }
    return created.id;
  });
  await ctx.enqueue(id);
  return { id, status: 'queued' as const, reused: false };
}

/** Marks a failed criterion pending again and requeues the review; the other criteria stand. */
async function retryCriterion(ctx: ReviewContext, reviewId: string, criterionId: string) {
  const row = await getRow(ctx, reviewId);
  const updated = await ctx.db
    .update(reviewCriteria)
    .set({ status: 'pending', error: null, updatedAt: new Date() })
    .where(
      and(
        eq(reviewCriteria.reviewId, reviewId),
        eq(reviewCriteria.criterionId, criterionId),
        eq(reviewCriteria.status, 'failed'),
      ),
    )
    .returning();
  if (updated.length === 0) {
    throw new AppError(
      'not_retriable',
      409,
      `Le critère ${criterionId} n'est pas en échec : rien à relancer.`,
    );
  }
  await ctx.db.update(reviews).set({ status: 'queued', finishedAt: null }).where(eq(reviews.id, row.id));
  ctx.moved(row.id);
  await ctx.enqueue(reviewId);
}

/** Runs (or resumes) a review: the job handler. Safe to call twice: the lease lets one worker in. */
async function run(ctx: ReviewContext, reviewId: string, workerId: string = randomUUID()) {
  const started = performance.now();
  const review = await claim(ctx, reviewId, workerId);
  if (!review) return;
  const exam = getExam(review.examId);
  if (!exam) throw new Error(`unknown exam ${review.examId}`);
  const rubric =
    review.rubricVersionId && ctx.rubrics
      ? await ctx.rubrics.byId(review.rubricVersionId)
      : defaultRubric(exam.id);
  const [version] = await ctx.db
    .select()
    .from(dossierVersions)
    .where(eq(dossierVersions.id, review.versionId));
  const grading = gradingDossier(version);
  const rows = strippedPassages(await ctx.retriever.allPassages(version.id));
  const whole = ctx.retriever.fitsWhole(rows) ? ctx.retriever.whole(rows) : null;
  // An upload whose embeddings failed is embedded now; if that fails again, full-text search alone.
  let semantic = true;
  if (!whole && ctx.embedMissing) {
    semantic = await ctx.embedMissing(version.id).catch((err: unknown) => {
      ctx.logger.warn({ reviewId, kind: (err as { kind?: string }).kind }, 're-embedding failed');
      return false;
    });
  }
  const todo = await ctx.db
    .select({ id: reviewCriteria.criterionId })
    .from(reviewCriteria)
    .where(
      and(
        eq(reviewCriteria.reviewId, review.id),
        inArray(reviewCriteria.status, ['pending', 'running', 'failed']),
      ),
    );
  const todoIds = new Set(todo.map((t) => t.id));
  const fenceId = randomBytes(6).toString('hex');
  // Prompt tokens the provider served from its cache in this run (resumed runs count their own calls).
  let cachedPromptTokens = 0;
  let tokensReported = true;
  const limit = pLimit(Math.max(1, ctx.concurrency));
  await Promise.all(
    exam.criteria
      .filter((c) => todoIds.has(c.id))
      .map((criterion) =>
        limit(async () => {
          const query = `${criterion.text} ${criterion.competencies.join(' ')}`;
          const passages = whole ?? (await ctx.retriever.search(version.id, rows, query, { semantic }));
          const retrieval = whole
            ? 'whole'
            : 'textOnly' in passages && passages.textOnly
              ? 'text_only'
              : 'hybrid';
          const graded = await gradeCriterion(ctx, {
            reviewId: review.id,
            exam,
            rubric,
            criterion,
            passages,
            dossier: grading.dossier,
            fenceId,
            retrieval,
          });
          cachedPromptTokens += graded.usage.cachedPromptTokens;
          if (!graded.usageReported) tokensReported = false;
          await claim(ctx, review.id, workerId);
        }),
      ),
  );
  const durationMs = Math.round(performance.now() - started);
  await finish(ctx, {
    review,
    exam,
    rubric,
    version,
    workerId,
    durationMs,
    cachedPromptTokens,
    grading,
    tokensReported,
  });
  ctx.logger.info({ reviewId, criteria: exam.criteria.length, graded: todoIds.size }, 'review finished');
}

export function createReviewService(deps: ReviewServiceDeps) {
  const ctx = reviewContext(deps);
  const read = prepareReviewRead(ctx.db);
  return {
    request: (dossierId: string, version: number, options?: Parameters<typeof request>[3]) =>
      request(ctx, dossierId, version, options),
    get: (id: string) => getReview(read, id),
    progress: (id: string) => progress(ctx, id),
    /** The reviews of every version of a dossier, oldest first (for the progress chart). */
    listForDossier: (dossierId: string) => listForDossier(ctx, dossierId),
    retryCriterion: (reviewId: string, criterionId: string) => retryCriterion(ctx, reviewId, criterionId),
    run: (reviewId: string, workerId?: string) => run(ctx, reviewId, workerId),
    unfinished: () => unfinished(ctx),
    releaseAllLeases: () => releaseAllLeases(ctx),
    /** The report with the dossier's title, file and candidate, for exports. */
    namedReport: (id: string) => namedReport(ctx, id),
    /** A finished review's stored report (409 while it runs). */
    report: (id: string) => storedReport(ctx, id),
    /**
     * The rubric a review was graded with: the stored version it names, else the built-in default of its
     * exam (what `run` used). Shown beside the scores so candidates and trainers read what a level means.
     */
    rubric: (id: string) => reviewRubric(ctx, id),
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;

async function reviewRubric(ctx: ReviewContext, id: string): Promise<Rubric> {
  const row = await getRow(ctx, id);
  return row.rubricVersionId && ctx.rubrics
    ? ctx.rubrics.byId(row.rubricVersionId)
    : defaultRubric(row.examId);
}
