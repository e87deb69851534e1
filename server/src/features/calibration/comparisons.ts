/**
 * Two runs of the same set side by side: each one's agreement, and per criterion what changed in the
 * rubric, how the metrics moved and how many dossiers' AI score moved.
 */
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { overallChange } from './overall-change';
import { diffRubrics } from './rubric-diff';
import { agreementOf } from './runs';
import type { AgreementMetrics, RubricChange } from './schemas';
import {
  aiResults,
  type CalibrationContext,
  loadRun,
  pinKey,
  type RunItem,
  rubricOfRun,
  runItems,
} from './store';

const delta = (x: number | null, y: number | null) => (x === null || y === null ? null : y - x);

/** How each metric moved from A to B (null where either is undefined). */
function metricDeltas(a: AgreementMetrics, b: AgreementMetrics) {
  return {
    qwk: delta(a.qwk, b.qwk),
    kappa: delta(a.kappa, b.kappa),
    exact: delta(a.exact, b.exact),
    adjacent: delta(a.adjacent, b.adjacent),
    mae: delta(a.mae, b.mae),
    smd: delta(a.smd, b.smd),
    bias: delta(a.bias, b.bias),
  };
}

/** How many dossiers' AI score on one criterion went up or down between the runs (graded in both). */
function aiScoreMoves(
  criterionId: string,
  aiA: ReturnType<typeof aiResults>,
  aiB: ReturnType<typeof aiResults>,
) {
  let compared = 0;
  let up = 0;
  let down = 0;
  for (const [k, ra] of aiA) {
    if (!k.endsWith(`\u0000${criterionId}`)) continue;
    const rb = aiB.get(k);
    if (!rb) continue;
    compared += 1;
    if (rb.criterion.score > ra.criterion.score) up += 1;
    if (rb.criterion.score < ra.criterion.score) down += 1;
  }
  return { compared, up, down };
}

const reviewed = (items: RunItem[]) =>
  items.flatMap((i) =>
    i.status === 'done' && i.report ? [{ key: pinKey(i.dossierId, i.version), report: i.report }] : [],
  );

export async function compare(
  ctx: CalibrationContext,
  actor: Actor,
  runA: string,
  runB: string,
  rater?: string,
) {
  const a = await loadRun(ctx, actor, runA);
  const b = await loadRun(ctx, actor, runB);
  if (a.set.id !== b.set.id) {
    throw new AppError(
      'not_comparable',
      422,
      'Les deux analyses portent sur des jeux différents : comparez deux analyses du même jeu.',
    );
  }
  const left = await agreementOf(ctx, actor, a.run, a.set, rater);
  const right = await agreementOf(ctx, actor, b.run, b.set, left.rater ?? undefined);
  const diff = diffRubrics(
    await rubricOfRun(ctx, a.run, a.set.examId),
    await rubricOfRun(ctx, b.run, b.set.examId),
  );
  const changesOf = new Map<string, RubricChange[]>(diff.criteria.map((c) => [c.id, c.changes]));
  const itemsA = await runItems(ctx, a.run.id);
  const itemsB = await runItems(ctx, b.run.id);
  const aiA = aiResults(itemsA);
  const aiB = aiResults(itemsB);
  const criteria = left.criteria.map((ca, i) => {
    const cb = right.criteria[i];
    return {
      id: ca.id,
      text: ca.text,
      a: ca.metrics,
      b: cb.metrics,
      delta: metricDeltas(ca.metrics, cb.metrics),
      rubricChanges: changesOf.get(ca.id) ?? [],
      aiScores: aiScoreMoves(ca.id, aiA, aiB),
    };
  });
  return {
    a: left,
    b: right,
    rater: left.rater,
    differs: {
      rubric: a.run.rubricHash !== b.run.rubricHash,
      prompt: a.run.promptVersion !== b.run.promptVersion,
      provider: a.run.provider !== b.run.provider,
      model: a.run.model !== b.run.model,
    },
    rubricDiff: diff,
    criteria,
    overall: overallChange(reviewed(itemsA), reviewed(itemsB)),
  };
}
