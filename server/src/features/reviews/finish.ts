/**
 * A review finished: its criteria's stored results aggregated into the gap report, with the report-wide
 * flags (format, injections, stuffing, offline analyzer, text-only retrieval), stored by the worker that
 * holds the lease, which alone tells the requester.
 */
import { and, eq } from 'drizzle-orm';
import { type dossierVersions, reviewCriteria, reviews } from '../../../../db/schema';
import type { Exam } from '../referential';
import { aggregateReport } from './aggregate';
import type { ReviewContext } from './context';
import { formatChecks } from './format-checks';
import { failedResult } from './grade-criterion';
import type { GradingDossier } from './grading-input';
import type { ReviewRow } from './leases';
import { checkDeliverables } from './offline/deliverables';
import { detectKeywordStuffing } from './offline/stuffing';
import { PROMPT_VERSION, passagesFromPages } from './prompts';
import type { Rubric } from './rubric';
import type { CriterionResult, Flag, GapReport } from './schemas';

type VersionRow = typeof dossierVersions.$inferSelect;

/** Stuffed lines needed before the report flags the dossier as keyword-stuffed. */
const MIN_STUFFED_SPANS = 3;

export interface FinishedRun {
  review: ReviewRow;
  exam: Exam;
  rubric: Rubric;
  version: VersionRow;
  workerId: string;
  durationMs: number;
  cachedPromptTokens: number;
  grading: GradingDossier;
  tokensReported: boolean;
}

/** The flags of the whole report, beside each criterion's own. */
function reportFlags(ctx: ReviewContext, run: FinishedRun, criteria: CriterionResult[], formatFlags: Flag[]) {
  const { exam, version } = run;
  const flags: Flag[] = [...formatFlags];
  for (const inj of run.grading.injections) {
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
  if (ctx.grader.offline) {
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
  return flags;
}

/** Tokens, timing and (for models) how structured output went. */
function usageOf(
  ctx: ReviewContext,
  run: FinishedRun,
  rows: (typeof reviewCriteria.$inferSelect)[],
  criteria: CriterionResult[],
) {
  const paths = { json_schema: 0, json_object: 0, prompt: 0 };
  for (const c of criteria) {
    const path = c.provenance?.structuredOutput;
    if (path) paths[path]++;
  }
  return {
    promptTokens: rows.reduce((n, r) => n + r.promptTokens, 0),
    completionTokens: rows.reduce((n, r) => n + r.completionTokens, 0),
    cachedPromptTokens: run.cachedPromptTokens,
    durationMs: run.durationMs,
    calls: rows.length,
    ...(ctx.grader.offline
      ? {}
      : {
          structuredOutput: paths,
          repaired: criteria.filter((c) => c.provenance?.repaired).length,
          tokensReported: run.tokensReported,
        }),
  };
}

export async function finish(ctx: ReviewContext, run: FinishedRun) {
  const { review, exam, rubric, version, workerId } = run;
  const rows = await ctx.db.select().from(reviewCriteria).where(eq(reviewCriteria.reviewId, review.id));
  const byId = new Map(rows.map((r) => [r.criterionId, r]));
  const criteria = exam.criteria.map((c) => {
    const row = byId.get(c.id);
    return (row?.result as CriterionResult | null) ?? failedResult(c, 1, 'non évalué');
  });
  const format = formatChecks(exam, version);
  const usage = usageOf(ctx, run, rows, criteria);
  const report: GapReport = aggregateReport({
    exam,
    rubric,
    criteria,
    deliverables: checkDeliverables(exam, run.grading.dossier, version.sections),
    format: format.checks,
    flags: reportFlags(ctx, run, criteria, format.flags),
    usage,
    provider: ctx.grader.provider,
    model: ctx.grader.model,
    offline: ctx.grader.offline,
    ownsQuote: ctx.grader.ownsQuote?.(exam),
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
  const finished = await ctx.db
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
  if (finished.length > 0 && ctx.onFinished) {
    await ctx.onFinished(review.id, allFailed ? 'failed' : 'done').catch((err: unknown) => {
      ctx.logger.warn({ reviewId: review.id, err }, 'review notification failed');
    });
  }
  ctx.moved(review.id);
}
