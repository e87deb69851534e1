import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { disclosures, dossiers, dossierVersions, reviewCriteria, reviews } from '../../../../db/schema';
import { AppError, NotFoundError } from '../../lib/errors';
import { createUsageLedger } from '../../lib/ledger';
import { LlmError } from '../../lib/llm/errors';
import type { Logger } from '../../lib/logger';
import { getExam } from '../referential/index';
import type { Criterion, Exam } from '../referential/types';
import { aggregateReport } from './aggregate';
import { formatChecks } from './format-checks';
import type { DossierText, GradingPassage } from './grade-schema';
import { type Grader, OFFLINE_ANALYZER_VERSION } from './grader';
import { detectInjections, stripInjections } from './injection';
import { checkDeliverables } from './offline/deliverables';
import { detectKeywordStuffing } from './offline/stuffing';
import { PROMPT_VERSION, passagesFromPages } from './prompts';
import type { Retriever } from './retrieval';
import { defaultRubric, type Rubric, rubricHash } from './rubric';
import { type CriterionResult, type Flag, type GapReport, LEVELS } from './schemas';
import { capUnverified, verifyEvidence } from './verify-quotes';

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

export interface ReviewProgress {
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  criteria: { id: string; status: 'pending' | 'running' | 'done' | 'failed' }[];
}

type ReviewRow = typeof reviews.$inferSelect;
type CriterionStatus = ReviewProgress['criteria'][number];
type VersionRow = typeof dossierVersions.$inferSelect;

/** Score gap between the model and the offline analyzer above which a human should look. */
const LOW_CONFIDENCE_GAP = 2;

/** Stuffed lines needed before the report flags the dossier as keyword-stuffed. */
const MIN_STUFFED_SPANS = 3;

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  });
  await Promise.all(workers);
}

function failedResult(criterion: Criterion, weight: number, message: string): CriterionResult {
  return {
    id: criterion.id,
    text: criterion.text,
    competencies: criterion.competencies,
    status: 'failed',
    score: 0,
    level: 'absent',
    rationale: "L'évaluation de ce critère a échoué ; elle peut être relancée sans refaire les autres.",
    evidence: [],
    missing: [],
    recommendations: [],
    flags: [{ code: 'criterion_failed', message: `Évaluation échouée : ${message}` }],
    weight,
  };
}

/**
 * Reviews: requested through the API, run as jobs, resumable. Each criterion's result is stored as it
 * finishes, so a crash loses at most the criteria in flight and a failed criterion is retried alone.
 */
export function createReviewService(deps: ReviewServiceDeps) {
  const { database, retriever, grader, logger } = deps;
  const { db } = database;
  const ledger = createUsageLedger(database);
  const leaseMs = deps.leaseMs ?? 120_000;
  const moved = deps.onProgress ?? (() => {});

  function cacheKey(version: VersionRow, exam: Exam, rubric: Rubric) {
    return createHash('sha256')
      .update(
        JSON.stringify([
          version.sha256,
          exam.id,
          rubricHash(rubric),
          PROMPT_VERSION,
          grader.provider,
          grader.model,
          grader.offline ? OFFLINE_ANALYZER_VERSION : '',
        ]),
      )
      .digest('hex');
  }

  async function loadVersion(dossierId: string, version: number) {
    const [row] = await db
      .select()
      .from(dossierVersions)
      .where(and(eq(dossierVersions.dossierId, dossierId), eq(dossierVersions.version, version)));
    if (!row) throw new NotFoundError('Version du dossier', `${dossierId} v${version}`);
    return row;
  }

  async function progressOf(review: ReviewRow): Promise<ReviewProgress> {
    const rows = await db
      .select({ id: reviewCriteria.criterionId, status: reviewCriteria.status })
      .from(reviewCriteria)
      .where(eq(reviewCriteria.reviewId, review.id));
    return progressFrom(review, rows);
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

  // What `get` reads, in one query instead of three (review, then its version, then its criteria): the
  // database runs one statement at a time (PGlite on the server's event loop), so every round trip costs
  // throughput. Prepared once: drizzle then neither rebuilds nor re-plans its mapping on every read, the
  // hot path of `GET /api/reviews/:id`, which the web app polls while a review runs.
  const reviewWithProgress = db
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

  async function getRow(id: string) {
    const [row] = await db.select().from(reviews).where(eq(reviews.id, id));
    if (!row) throw new NotFoundError('Revue', id);
    return row;
  }

  /** Takes (or renews) this worker's lease on a review; false when another live worker holds it. */
  async function claim(reviewId: string, workerId: string): Promise<ReviewRow | undefined> {
    const [row] = await db
      .update(reviews)
      .set({
        status: 'running',
        leaseOwner: workerId,
        leaseUntil: new Date(Date.now() + leaseMs),
        startedAt: sql`coalesce(${reviews.startedAt}, now())`,
      })
      .where(
        and(
          eq(reviews.id, reviewId),
          inArray(reviews.status, ['queued', 'running']),
          sql`(${reviews.leaseOwner} is null or ${reviews.leaseUntil} < now() or ${reviews.leaseOwner} = ${workerId})`,
        ),
      )
      .returning();
    if (row) moved(reviewId);
    return row;
  }

  function gradingDossier(version: VersionRow) {
    const injections = detectInjections(version.text, version.pageTexts, version.hidden);
    // Graders see the dossier without the injected sentences: an injection can never raise a score.
    const pages = version.pageTexts.map((p) => ({ page: p.page, text: stripInjections(p.text) }));
    const dossier: DossierText = {
      text: pages.map((p) => p.text).join('\n\n'),
      pages,
      language: version.language,
      words: version.words,
    };
    return { dossier, injections };
  }

  async function gradeCriterion(
    review: ReviewRow,
    exam: Exam,
    rubric: Rubric,
    criterion: Criterion,
    passages: GradingPassage[],
    dossier: DossierText,
    fenceId: string,
    retrieval: NonNullable<CriterionResult['provenance']>['retrieval'],
  ) {
    const weight = rubric.criteria.find((c) => c.id === criterion.id)?.weight ?? 1;
    await db
      .update(reviewCriteria)
      .set({ status: 'running', attempts: sql`${reviewCriteria.attempts} + 1`, updatedAt: new Date() })
      .where(and(eq(reviewCriteria.reviewId, review.id), eq(reviewCriteria.criterionId, criterion.id)));
    moved(review.id);
    const input = { exam, rubric, criterion, passages, dossier, fenceId };
    try {
      const out = await grader.grade(input);
      const { verified, dropped } = verifyEvidence(out.grade.evidence, dossier);
      const flags: Flag[] = dropped.map((d) => ({
        code: 'unverified_quote' as const,
        message: "Citation introuvable dans le dossier : écartée de l'évaluation.",
        detail: d.quote.slice(0, 200),
      }));
      let score = capUnverified(out.grade.score, verified.length);
      if (verified.length === 0 && out.grade.score > score) {
        flags.push({ code: 'no_evidence', message: 'Aucune citation vérifiée : la note est plafonnée à 1.' });
      }
      const stuffing = detectKeywordStuffing(passages, { language: exam.modalities.language });
      if (
        stuffing.length > 0 &&
        verified.some((e) => stuffing.some((s) => s.excerpt.includes(e.quote.slice(0, 40))))
      ) {
        flags.push({
          code: 'keyword_stuffing',
          message: 'Liste de mots-clés sans analyse : non comptée comme analyse.',
        });
        score = Math.min(score, 1);
      }
      if (!grader.offline) {
        const second = await deps.offlineGrader.grade(input);
        if (Math.abs(second.grade.score - score) >= LOW_CONFIDENCE_GAP) {
          flags.push({
            code: 'low_confidence',
            message: `Écart entre le modèle (${score}) et l'analyse hors ligne (${second.grade.score}) : à vérifier.`,
          });
        }
      }
      const result: CriterionResult = {
        id: criterion.id,
        text: criterion.text,
        competencies: criterion.competencies,
        status: 'done',
        score,
        level: LEVELS[score],
        rationale: out.grade.rationale,
        evidence: verified,
        missing: out.grade.missing,
        recommendations: out.grade.recommendations,
        flags,
        weight,
        provenance: {
          retrieval,
          ...(out.structuredOutput ? { structuredOutput: out.structuredOutput } : {}),
          ...(out.repaired === undefined ? {} : { repaired: out.repaired }),
        },
      };
      await db
        .update(reviewCriteria)
        .set({
          status: 'done',
          result,
          error: null,
          promptTokens: out.usage.promptTokens,
          completionTokens: out.usage.completionTokens,
          durationMs: out.durationMs,
          updatedAt: new Date(),
        })
        .where(and(eq(reviewCriteria.reviewId, review.id), eq(reviewCriteria.criterionId, criterion.id)));
      moved(review.id);
      return { usage: out.usage, calls: out.calls, usageReported: out.usageReported ?? true };
    } catch (err) {
      const message =
        err instanceof LlmError ? `${err.kind}${err.retryable ? ' (temporaire)' : ''}` : 'erreur inattendue';
      logger.warn({ reviewId: review.id, criterionId: criterion.id, err }, 'criterion grading failed');
      await db
        .update(reviewCriteria)
        .set({
          status: 'failed',
          result: failedResult(criterion, weight, message),
          error: message,
          updatedAt: new Date(),
        })
        .where(and(eq(reviewCriteria.reviewId, review.id), eq(reviewCriteria.criterionId, criterion.id)));
      moved(review.id);
      return {
        usage: { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 },
        calls: 1,
        usageReported: true,
      };
    }
  }

  async function finish(
    review: ReviewRow,
    exam: Exam,
    rubric: Rubric,
    version: VersionRow,
    workerId: string,
    durationMs: number,
    cachedPromptTokens: number,
    grading: ReturnType<typeof gradingDossier>,
    tokensReported: boolean,
  ) {
    const rows = await db.select().from(reviewCriteria).where(eq(reviewCriteria.reviewId, review.id));
    const byId = new Map(rows.map((r) => [r.criterionId, r]));
    const criteria = exam.criteria.map((c) => {
      const row = byId.get(c.id);
      return (row?.result as CriterionResult | null) ?? failedResult(c, 1, 'non évalué');
    });
    const { dossier, injections } = grading;
    const format = formatChecks(exam, version);
    const flags: Flag[] = [...format.flags];
    for (const inj of injections) {
      flags.push({
        code: 'prompt_injection',
        message: `Consigne adressée au correcteur détectée${inj.hidden ? ' (texte masqué)' : ''} : ignorée, elle ne peut pas modifier la note.`,
        ...(inj.page === undefined ? {} : { page: inj.page }),
        detail: inj.excerpt.slice(0, 200),
      });
    }
    const stuffing = detectKeywordStuffing(passagesFromPages(version.pageTexts), {
      language: exam.modalities.language,
    });
    // One terse line (a heading, a source line) can look like a term list; a pattern of them is stuffing.
    if (stuffing.length >= MIN_STUFFED_SPANS) {
      flags.push({
        code: 'keyword_stuffing',
        message: 'Listes de termes du référentiel sans analyse : elles ne comptent pas comme analyse.',
        page: stuffing[0].page,
        detail: stuffing[0].excerpt.slice(0, 200),
      });
    }
    if (grader.offline) {
      flags.push({
        code: 'offline_analyzer',
        message:
          "Analyse hors ligne (sans modèle d'IA) : pré-contrôle indicatif fondé sur la couverture et la profondeur du texte.",
      });
    }
    const textOnly = criteria.filter((c) => c.provenance?.retrieval === 'text_only').length;
    if (textOnly > 0) {
      flags.push({
        code: 'embeddings_unavailable',
        message: `Recherche sémantique indisponible (service d'embeddings injoignable) : les passages de ${textOnly} critère(s) ont été choisis par recherche plein texte seule. Relancez la revue une fois le service rétabli.`,
      });
    }
    const deliverables = checkDeliverables(exam, dossier, version.sections);
    const paths = { json_schema: 0, json_object: 0, prompt: 0 };
    for (const c of criteria) {
      const path = c.provenance?.structuredOutput;
      if (path) paths[path]++;
    }
    const usage = {
      promptTokens: rows.reduce((n, r) => n + r.promptTokens, 0),
      completionTokens: rows.reduce((n, r) => n + r.completionTokens, 0),
      cachedPromptTokens,
      durationMs,
      calls: rows.length,
      ...(grader.offline
        ? {}
        : {
            structuredOutput: paths,
            repaired: criteria.filter((c) => c.provenance?.repaired).length,
            tokensReported,
          }),
    };
    const report: GapReport = aggregateReport({
      exam,
      rubric,
      criteria,
      deliverables,
      format: format.checks,
      flags,
      usage,
      provider: grader.provider,
      model: grader.model,
      offline: grader.offline,
      promptVersion: PROMPT_VERSION,
      dossier: {
        id: version.dossierId,
        version: version.version,
        pages: version.pages,
        words: version.words,
        fileName: version.fileName,
      },
    });
    const allFailed = criteria.every((c) => c.status === 'failed');
    const finished = await db
      .update(reviews)
      .set({
        status: allFailed ? 'failed' : 'done',
        report,
        error: allFailed ? "Aucun critère n'a pu être évalué." : null,
        usage,
        finishedAt: new Date(),
        leaseOwner: null,
        leaseUntil: null,
      })
      .where(and(eq(reviews.id, review.id), eq(reviews.leaseOwner, workerId)))
      .returning({ id: reviews.id });
    // Only the worker that held the lease tells the requester; a failed notice never fails the review.
    if (finished.length > 0 && deps.onFinished) {
      await deps.onFinished(review.id, allFailed ? 'failed' : 'done').catch((err: unknown) => {
        logger.warn({ reviewId: review.id, err }, 'review notification failed');
      });
    }
    moved(review.id);
  }

  /** A finished review's stored report; 409 while it runs. */
  async function storedReport(id: string): Promise<GapReport> {
    const row = await getRow(id);
    if (row.status !== 'done' || !row.report) {
      throw new AppError(
        'review_not_ready',
        409,
        "Le rapport n'est pas encore prêt : la revue est en cours.",
      );
    }
    return row.report as GapReport;
  }

  return {
    /** Requests a review of a dossier version; an identical finished or running one is reused. */
    async request(
      dossierId: string,
      version: number,
      options: { requestedBy?: string; perHourLimit?: number; rubricVersionId?: string | null } = {},
    ) {
      const row = await loadVersion(dossierId, version);
      const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
      const exam = getExam(dossier.examId);
      if (!exam) throw new AppError('unknown_exam', 422, `Épreuve inconnue : ${dossier.examId}`);
      const { id: rubricVersionId, rubric } = deps.rubrics
        ? await deps.rubrics.forReview({
            examId: exam.id,
            ownerId: dossier.ownerId,
            versionId: options.rubricVersionId,
          })
        : { id: null, rubric: defaultRubric(exam.id) };
      const key = cacheKey(row, exam, rubric);
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
      // Reviews cost money: a user may start only so many new ones per hour (reused ones are free).
      // Counted in the append-only ledger, not from review rows, which deleting a dossier removes.
      if (options.requestedBy && options.perHourLimit) {
        await ledger.spend(
          'review',
          options.requestedBy,
          options.perHourLimit,
          `Trop d'analyses demandées : ${options.perHourLimit} par heure au plus. Réessayez un peu plus tard.`,
        );
      }
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
            redacted: deps.redactPii ?? true,
          });
        }
        return created.id;
      });
      await deps.enqueue(id);
      return { id, status: 'queued' as const, reused: false };
    },

    async get(id: string) {
      const [found] = await reviewWithProgress.execute({ id });
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
    },

    async progress(id: string) {
      return progressOf(await getRow(id));
    },

    /** The reviews of every version of a dossier, oldest first (for the progress chart). */
    async listForDossier(dossierId: string) {
      const rows = await db
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
    },

    /** Marks a failed criterion pending again and requeues the review; the other criteria stand. */
    async retryCriterion(reviewId: string, criterionId: string) {
      const row = await getRow(reviewId);
      const updated = await db
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
      await db.update(reviews).set({ status: 'queued', finishedAt: null }).where(eq(reviews.id, row.id));
      moved(row.id);
      await deps.enqueue(reviewId);
    },

    /** Runs (or resumes) a review: the job handler. Safe to call twice: the lease lets one worker in. */
    async run(reviewId: string, workerId: string = randomUUID()) {
      const started = performance.now();
      const review = await claim(reviewId, workerId);
      if (!review) return;
      const exam = getExam(review.examId);
      if (!exam) throw new Error(`unknown exam ${review.examId}`);
      const rubric =
        review.rubricVersionId && deps.rubrics
          ? await deps.rubrics.byId(review.rubricVersionId)
          : defaultRubric(exam.id);
      const [version] = await db
        .select()
        .from(dossierVersions)
        .where(eq(dossierVersions.id, review.versionId));
      const grading = gradingDossier(version);
      const { dossier } = grading;
      // Graders never see injected sentences; strip them once per review, not once per criterion.
      const rows = (await retriever.allPassages(version.id)).map((r) => ({
        ...r,
        text: stripInjections(r.text),
      }));
      const whole = retriever.fitsWhole(rows) ? retriever.whole(rows) : null;
      // An upload whose embeddings failed is embedded now; if that fails again, full-text search alone.
      let semantic = true;
      if (!whole && deps.embedMissing) {
        semantic = await deps.embedMissing(version.id).catch((err: unknown) => {
          logger.warn({ reviewId, kind: (err as { kind?: string }).kind }, 're-embedding failed');
          return false;
        });
      }
      let tokensReported = true;
      const todo = await db
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
      await pool(
        exam.criteria.filter((c) => todoIds.has(c.id)),
        deps.concurrency,
        async (criterion) => {
          const competencies = criterion.competencies.join(' ');
          const passages =
            whole ??
            (await retriever.search(version.id, rows, `${criterion.text} ${competencies}`, { semantic }));
          const retrieval = whole
            ? 'whole'
            : 'textOnly' in passages && passages.textOnly
              ? 'text_only'
              : 'hybrid';
          const graded = await gradeCriterion(
            review,
            exam,
            rubric,
            criterion,
            passages,
            dossier,
            fenceId,
            retrieval,
          );
          cachedPromptTokens += graded.usage.cachedPromptTokens;
          if (!graded.usageReported) tokensReported = false;
          await claim(review.id, workerId);
        },
      );
      await finish(
        review,
        exam,
        rubric,
        version,
        workerId,
        Math.round(performance.now() - started),
        cachedPromptTokens,
        grading,
        tokensReported,
      );
      logger.info({ reviewId, criteria: exam.criteria.length, graded: todoIds.size }, 'review finished');
    },

    /** Reviews left unfinished (crash, restart): the ones whose lease has lapsed, to requeue. */
    async unfinished(): Promise<string[]> {
      const rows = await db
        .select({ id: reviews.id })
        .from(reviews)
        .where(
          and(
            inArray(reviews.status, ['queued', 'running']),
            sql`(${reviews.leaseOwner} is null or ${reviews.leaseUntil} < now())`,
          ),
        );
      return rows.map((r) => r.id);
    },

    /** Drops every lease: only for embedded mode, where one process owns the database. */
    async releaseAllLeases() {
      await db
        .update(reviews)
        .set({ leaseOwner: null, leaseUntil: null })
        .where(inArray(reviews.status, ['queued', 'running']));
    },

    /**
     * The report with names for people to read: the dossier's title, the file of the reviewed version and
     * the candidate (exports show these, never a bare id).
     */
    async namedReport(id: string): Promise<GapReport> {
      const report = await storedReport(id);
      const [names] = await database.query<{ title: string; file_name: string; candidate: string | null }>(
        `select d.title, v.file_name, u.name as candidate
         from reviews r join dossier_versions v on v.id = r.version_id join dossiers d on d.id = v.dossier_id
         left join users u on u.id = d.owner_id where r.id = $1`,
        [id],
      );
      if (!report.dossier || !names) return report;
      return {
        ...report,
        dossier: {
          ...report.dossier,
          title: names.title,
          fileName: names.file_name,
          candidate: names.candidate,
        },
      };
    },

    /**
     * The rubric a review was graded with: the stored version it names, else the built-in default of its
     * exam (what `run` used). Shown beside the scores so candidates and trainers read what a level means.
     */
    async rubric(id: string): Promise<Rubric> {
      const row = await getRow(id);
      return row.rubricVersionId && deps.rubrics
        ? deps.rubrics.byId(row.rubricVersionId)
        : defaultRubric(row.examId);
    },

    /** The Markdown-rendering and access helpers use the stored report. */
    report: storedReport,
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
