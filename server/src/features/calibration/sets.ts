/** Calibration sets: one exam each, holding human scores pinned to dossier versions, and its runs. */
import { desc, eq } from 'drizzle-orm';
import { calibrationRuns, calibrationSets } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import {
  type CalibrationContext,
  examOf,
  loadSet,
  orderRaters,
  pinKey,
  pinsOf,
  runSummaries,
  scoresOf,
  versionLabels,
} from './store';

export async function listSets(ctx: CalibrationContext, actor: Actor, examId?: string) {
  const rows = await ctx.database.query<{
    id: string;
    name: string;
    exam_id: string;
    created_at: Date | string;
    dossiers: number;
    scores: number;
    runs: number;
  }>(
    `select s.id, s.name, s.exam_id, s.created_at,
       (select count(distinct sc.dossier_id)::int from calibration_scores sc where sc.set_id = s.id) as dossiers,
       (select count(*)::int from calibration_scores sc where sc.set_id = s.id) as scores,
       (select count(*)::int from calibration_runs r where r.set_id = s.id) as runs
     from calibration_sets s
     where s.organization_id = $1 and ($2::text is null or s.exam_id = $2)
     order by s.created_at desc`,
    [actor.organizationId, examId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    examId: r.exam_id,
    createdAt: new Date(r.created_at).toISOString(),
    dossiers: r.dossiers,
    scores: r.scores,
    runs: r.runs,
  }));
}

export async function getSet(ctx: CalibrationContext, actor: Actor, id: string) {
  const set = await loadSet(ctx, actor, id);
  const scores = await scoresOf(ctx, actor, id);
  const raters = orderRaters(scores).map((rater) => ({
    rater,
    source: scores.find((s) => s.rater === rater)?.source ?? 'csv',
    scores: scores.filter((s) => s.rater === rater).length,
  }));
  const pins = pinsOf(scores);
  const labels = await versionLabels(ctx, pins);
  const runs = await ctx.database.db
    .select()
    .from(calibrationRuns)
    .where(eq(calibrationRuns.setId, id))
    .orderBy(desc(calibrationRuns.createdAt));
  return {
    id: set.id,
    name: set.name,
    examId: set.examId,
    createdAt: set.createdAt.toISOString(),
    scores: scores.length,
    raters,
    // One row per pinned version: a dossier whose raters read two drafts appears twice.
    dossiers: pins
      .map(({ dossierId, version }) => {
        const label = labels.get(pinKey(dossierId, version));
        return {
          id: dossierId,
          version,
          title: label?.title ?? '',
          candidate: label?.candidate ?? '',
          latestVersion: label?.latestVersion ?? version,
          scores: scores.filter((s) => s.dossierId === dossierId && s.version === version).length,
        };
      })
      .sort(
        (a, b) =>
          a.candidate.localeCompare(b.candidate, 'fr') || a.id.localeCompare(b.id) || a.version - b.version,
      ),
    runs: await runSummaries(ctx, runs, set.examId),
  };
}

export async function createSet(
  ctx: CalibrationContext,
  actor: Actor,
  input: { name: string; examId: string },
) {
  examOf(input.examId);
  const [row] = await ctx.database.db
    .insert(calibrationSets)
    .values({
      organizationId: actor.organizationId,
      examId: input.examId,
      name: input.name.trim(),
      createdBy: actor.userId,
    })
    .returning();
  return getSet(ctx, actor, row.id);
}

export async function deleteSet(ctx: CalibrationContext, actor: Actor, id: string) {
  await loadSet(ctx, actor, id);
  await ctx.database.db.delete(calibrationSets).where(eq(calibrationSets.id, id));
}
