/**
 * Runs of a rubric version over a set (one review per pinned dossier version, through the review job
 * queue), the agreement between the AI and the humans — computed by THE metrics module, the one the evals
 * use — and the dossiers behind one cell of the agreement.
 */
import { calibrationRunReviews, calibrationRuns } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { CriterionResult } from '../reviews';
import { PROMPT_VERSION, rubricHash } from '../reviews';
import { agreementWithUncertainty } from './agreement-uncertainty';
import type { ScorePair } from './metrics';
import type { AgreementMetrics, CriterionAgreement, RunAgreement } from './schemas';
import {
  aiResults,
  type CalibrationContext,
  chooseRater,
  confusionOf,
  examOf,
  key,
  loadRun,
  loadSet,
  MAX,
  MIN,
  orderRaters,
  pinKey,
  pinsOf,
  type RunItem,
  type RunRow,
  runItems,
  runSummaries,
  type ScoreRow,
  type SetRow,
  scoresOf,
  versionLabels,
} from './store';

/**
 * Runs a rubric version over the set: a review of each pinned dossier version with that rubric,
 * handed to the review job queue (an identical finished review is reused, not paid for again).
 */
export async function startRun(
  ctx: CalibrationContext,
  actor: Actor,
  setId: string,
  input: { rubricVersion: string },
) {
  const set = await loadSet(ctx, actor, setId);
  const pins = pinsOf(await scoresOf(ctx, actor, setId));
  if (pins.length === 0) {
    throw new AppError(
      'empty_set',
      422,
      "Ce jeu ne contient aucune note humaine : importez les notes du jury avant de lancer l'analyse.",
    );
  }
  const resolved = await ctx.rubrics.resolve(actor.organizationId, set.examId, input.rubricVersion);
  const [run] = await ctx.database.db
    .insert(calibrationRuns)
    .values({
      setId,
      rubricVersionId: resolved.id,
      rubricVersion: resolved.rubric.version,
      rubricHash: rubricHash(resolved.rubric),
      promptVersion: PROMPT_VERSION,
      provider: ctx.grader.provider,
      model: ctx.grader.model,
      createdBy: actor.userId,
    })
    .returning();
  // Exactly the versions the raters read, not whatever draft is latest now.
  for (const { dossierId, version } of pins) {
    const review = await ctx.reviews.request(dossierId, version, {
      requestedBy: actor.userId,
      rubricVersionId: resolved.id,
    });
    await ctx.database.db
      .insert(calibrationRunReviews)
      .values({ runId: run.id, dossierId, version, reviewId: review.id });
  }
  const [summary] = await runSummaries(ctx, [run], set.examId);
  return summary;
}

export async function getRun(ctx: CalibrationContext, actor: Actor, runId: string) {
  const { run, set } = await loadRun(ctx, actor, runId);
  const [summary] = await runSummaries(ctx, [run], set.examId);
  return summary;
}

/** The second rater against the first, on the scores both gave to the same version; null with one rater. */
function humanHumanOf(scores: ScoreRow[], primary: ScoreRow[], rater: string | null, second: string | null) {
  if (!rater || !second) return { humanHuman: null, byCriterion: new Map<string, AgreementMetrics>() };
  const other = new Map(
    scores
      .filter((s) => s.rater === second)
      .map((s) => [key(s.dossierId, s.version, s.criterionId), s.score]),
  );
  // The second rater in the AI's place: bias and SMD read « second rater − first rater ».
  const hh: ScorePair[] = [];
  for (const s of primary) {
    // Two raters agree or not on the same text: scores of different versions are not paired.
    const b = other.get(key(s.dossierId, s.version, s.criterionId));
    if (b !== undefined) hh.push({ criterionId: s.criterionId, human: s.score, ai: b });
  }
  const byCriterion = new Map<string, AgreementMetrics>();
  if (hh.length === 0) return { humanHuman: null, byCriterion };
  const agreement = agreementWithUncertainty(hh, MIN, MAX);
  for (const [id, m] of Object.entries(agreement.criteria)) byCriterion.set(id, m);
  const humanHuman: RunAgreement['humanHuman'] = {
    raters: [rater, second],
    overall: agreement.overall,
    confusion: confusionOf(hh),
  };
  return { humanHuman, byCriterion };
}

export async function agreementOf(
  ctx: CalibrationContext,
  actor: Actor,
  run: RunRow,
  set: SetRow,
  requestedRater: string | undefined,
): Promise<RunAgreement> {
  const exam = examOf(set.examId);
  const [summary] = await runSummaries(ctx, [run], set.examId);
  const scores = await scoresOf(ctx, actor, set.id);
  const raters = orderRaters(scores);
  const rater = chooseRater(raters, requestedRater);
  const second = raters.find((r) => r !== rater) ?? null;
  const items = await runItems(ctx, run.id);
  const ai = aiResults(items);

  const primary = scores.filter((s) => s.rater === rater);
  const pairs: (ScorePair & { dossierId: string })[] = [];
  let withoutAi = 0;
  for (const s of primary) {
    const found = ai.get(key(s.dossierId, s.version, s.criterionId));
    if (found) {
      pairs.push({
        dossierId: s.dossierId,
        criterionId: s.criterionId,
        human: s.score,
        ai: found.criterion.score,
      });
    } else withoutAi += 1;
  }
  const byCriterion = agreementWithUncertainty(pairs, MIN, MAX);
  const hh = humanHumanOf(scores, primary, rater, second);
  const empty = agreementWithUncertainty([], MIN, MAX).overall;
  const criteria: CriterionAgreement[] = exam.criteria.map((c) => ({
    id: c.id,
    text: c.text,
    metrics: byCriterion.criteria[c.id] ?? empty,
    confusion: confusionOf(pairs.filter((p) => p.criterionId === c.id)),
    humanHuman: hh.byCriterion.get(c.id) ?? null,
  }));
  return {
    run: summary,
    set: { id: set.id, name: set.name, examId: set.examId },
    rater,
    raters,
    scale: { min: MIN, max: MAX },
    overall: byCriterion.overall,
    confusion: confusionOf(pairs),
    humanHuman: hh.humanHuman,
    criteria,
    coverage: {
      dossiers: new Set(scores.map((s) => s.dossierId)).size,
      reviewed: items.filter((i) => i.status === 'done').length,
      pending: items.filter((i) => i.status === 'queued' || i.status === 'running').length,
      failed: items.filter((i) => i.status === 'failed').length,
      humanScores: primary.length,
      withoutAi,
    },
  };
}

export async function agreement(ctx: CalibrationContext, actor: Actor, runId: string, rater?: string) {
  const { run, set } = await loadRun(ctx, actor, runId);
  return agreementOf(ctx, actor, run, set, rater);
}

/**
 * The dossiers behind an agreement cell (criterion, human score, AI score), with the AI's evidence
 * and rationale: what the exam team reads to see why the AI disagreed.
 */
export async function items(
  ctx: CalibrationContext,
  actor: Actor,
  runId: string,
  filter: { criterionId?: string; human?: number; ai?: number; rater?: string },
) {
  const { run, set } = await loadRun(ctx, actor, runId);
  const exam = examOf(set.examId);
  const scores = await scoresOf(ctx, actor, set.id);
  const rater = chooseRater(orderRaters(scores), filter.rater);
  const ai = aiResults(await runItems(ctx, run.id));
  const order = new Map(exam.criteria.map((c, i) => [c.id, i]));
  const matching = scores
    .filter((s) => s.rater === rater)
    .filter((s) => filter.criterionId === undefined || s.criterionId === filter.criterionId)
    .filter((s) => filter.human === undefined || s.score === filter.human)
    .map((s) => ({ s, found: ai.get(key(s.dossierId, s.version, s.criterionId)) }))
    .filter(({ found }) => found && (filter.ai === undefined || found.criterion.score === filter.ai));
  const labels = await versionLabels(
    ctx,
    matching.map((m) => m.s),
  );
  return matching
    .map(({ s, found }) => {
      const criterion = found?.criterion as CriterionResult;
      const item = found?.item as RunItem;
      const label = labels.get(pinKey(s.dossierId, s.version));
      return {
        dossierId: s.dossierId,
        title: label?.title ?? '',
        candidate: label?.candidate ?? '',
        version: item.version,
        reviewId: item.reviewId,
        criterionId: s.criterionId,
        rater: s.rater,
        human: s.score,
        ai: criterion.score,
        rationale: criterion.rationale,
        evidence: criterion.evidence.map((e) => ({ quote: e.quote, page: e.page })),
        missing: criterion.missing,
        flags: criterion.flags.map((f) => f.code),
      };
    })
    .sort(
      (a, b) =>
        (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0) ||
        Math.abs(b.ai - b.human) - Math.abs(a.ai - a.human) ||
        a.candidate.localeCompare(b.candidate, 'fr'),
    );
}
