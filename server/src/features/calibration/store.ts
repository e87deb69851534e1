/**
 * What the calibration modules share: the context they run in, the queries that load sets, runs, human
 * scores and run reviews (always scoped to the caller's organisation), and the keys that pair a human score
 * with the AI's. Pure helpers and reads only; writes live with the module that owns them.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { calibrationRuns, calibrationScores, calibrationSets, dossiers, users } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors';
import { visibleDossiers } from '../accounts';
import type { Exam } from '../referential';
import { getExam } from '../referential';
import type { CriterionResult, GapReport, ReviewService } from '../reviews';
import { defaultRubric, type Rubric } from '../reviews';
import { confusionMatrix, DEFAULT_SCALE_MAX, DEFAULT_SCALE_MIN } from './metrics';
import type { RubricVersionService } from './rubric-versions';
import type { RunProgress, RunSummary } from './schemas';

export interface CalibrationServiceDeps {
  database: Database;
  reviews: Pick<ReviewService, 'request'>;
  rubrics: RubricVersionService;
  /** Trainers' latest decisions (`TrainerService.humanScores`). */
  humanScores: (
    organizationId: string,
    examId?: string,
  ) => Promise<{ review_id: string; exam_id: string; criterion_id: string; human: number; ai: number }[]>;
  /** Who grades now: recorded with each run. */
  grader: { provider: string; model: string };
}

/** What every calibration module is handed: the service's collaborators. */
export type CalibrationContext = CalibrationServiceDeps;

export type SetRow = typeof calibrationSets.$inferSelect;
export type RunRow = typeof calibrationRuns.$inferSelect;

export interface ScoreRow {
  dossierId: string;
  /** The dossier version the rater read: the AI side is the run's review of that version. */
  version: number;
  criterionId: string;
  rater: string;
  score: number;
  source: 'csv' | 'trainer';
}

export interface RunItem {
  dossierId: string;
  version: number;
  reviewId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  report: GapReport | null;
}

/** The score scale of calibration (the default rubric's). */
export const MIN = DEFAULT_SCALE_MIN;
export const MAX = DEFAULT_SCALE_MAX;

export function examOf(examId: string): Exam {
  const exam = getExam(examId);
  if (!exam) throw new AppError('unknown_exam', 422, `Épreuve inconnue : ${examId}`);
  return exam;
}

/** An exam as exam teams name it (« Audit RSE »), its id when unknown. */
export const examName = (examId: string) => getExam(examId)?.case ?? examId;

/** A score's place: one dossier version and criterion (the criterion last, `compare` matches on it). */
export const key = (dossierId: string, version: number, criterionId: string) =>
  `${dossierId}\u0000${version}\u0000${criterionId}`;
export const pinKey = (dossierId: string, version: number) => `${dossierId}\u0000${version}`;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Raters in a stable order: CSV raters (juries) first, then trainers, each by label. */
export function orderRaters(scores: readonly ScoreRow[]): string[] {
  const source = new Map<string, 'csv' | 'trainer'>();
  for (const s of scores) if (!source.has(s.rater)) source.set(s.rater, s.source);
  return [...source.keys()].sort(
    (a, b) =>
      Number(source.get(a) === 'trainer') - Number(source.get(b) === 'trainer') || a.localeCompare(b, 'fr'),
  );
}

export function chooseRater(raters: string[], requested: string | undefined): string | null {
  if (requested === undefined) return raters[0] ?? null;
  if (!raters.includes(requested)) {
    throw new ValidationError(
      `Correcteur inconnu dans ce jeu : ${requested}${raters.length ? ` (présents : ${raters.join(', ')})` : ''}.`,
    );
  }
  return requested;
}

export function confusionOf(pairs: readonly { human: number; ai: number }[]) {
  return confusionMatrix(
    pairs.map((p) => p.human),
    pairs.map((p) => p.ai),
    MIN,
    MAX,
  );
}

/** The distinct (dossier, version) pairs the scores are pinned to. */
export function pinsOf(scores: readonly ScoreRow[]) {
  const pins = new Map<string, { dossierId: string; version: number }>();
  for (const s of scores)
    pins.set(pinKey(s.dossierId, s.version), { dossierId: s.dossierId, version: s.version });
  return [...pins.values()];
}

/** AI results of a run by (dossier, criterion): graded criteria only (a failed one is not a 0). */
export function aiResults(items: RunItem[]) {
  const out = new Map<string, { item: RunItem; criterion: CriterionResult }>();
  for (const item of items) {
    if (item.status !== 'done' || !item.report) continue;
    for (const criterion of item.report.criteria) {
      if (criterion.status === 'done') {
        out.set(key(item.dossierId, item.version, criterion.id), { item, criterion });
      }
    }
  }
  return out;
}

export async function loadSet(ctx: CalibrationContext, actor: Actor, id: string): Promise<SetRow> {
  const [row] = await ctx.database.db
    .select()
    .from(calibrationSets)
    .where(and(eq(calibrationSets.id, id), eq(calibrationSets.organizationId, actor.organizationId)));
  if (!row) throw new NotFoundError('Jeu de calibration', id);
  return row;
}

export async function loadRun(
  ctx: CalibrationContext,
  actor: Actor,
  id: string,
): Promise<{ run: RunRow; set: SetRow }> {
  const [row] = await ctx.database.db
    .select({ run: calibrationRuns, set: calibrationSets })
    .from(calibrationRuns)
    .innerJoin(calibrationSets, eq(calibrationSets.id, calibrationRuns.setId))
    .where(and(eq(calibrationRuns.id, id), eq(calibrationSets.organizationId, actor.organizationId)));
  if (!row) throw new NotFoundError('Analyse de calibration', id);
  return row;
}

/** The set's human scores, on dossiers the caller still sees. */
export async function scoresOf(ctx: CalibrationContext, actor: Actor, setId: string): Promise<ScoreRow[]> {
  return ctx.database.db
    .select({
      dossierId: calibrationScores.dossierId,
      version: calibrationScores.version,
      criterionId: calibrationScores.criterionId,
      rater: calibrationScores.rater,
      score: calibrationScores.score,
      source: calibrationScores.source,
    })
    .from(calibrationScores)
    .innerJoin(dossiers, eq(dossiers.id, calibrationScores.dossierId))
    .where(and(eq(calibrationScores.setId, setId), visibleDossiers(actor)));
}

export async function runSummaries(
  ctx: CalibrationContext,
  runs: RunRow[],
  examId: string,
): Promise<RunSummary[]> {
  if (runs.length === 0) return [];
  const counts = await ctx.database.query<{ run_id: string; status: RunItem['status']; n: number }>(
    `select rr.run_id, r.status, count(*)::int as n
     from calibration_run_reviews rr join reviews r on r.id = rr.review_id
     where rr.run_id = any($1::uuid[]) group by rr.run_id, r.status`,
    [runs.map((r) => r.id)],
  );
  return runs.map((run) => {
    const progress: RunProgress = { total: 0, queued: 0, running: 0, done: 0, failed: 0 };
    for (const c of counts) {
      if (c.run_id !== run.id) continue;
      progress[c.status] += c.n;
      progress.total += c.n;
    }
    return {
      id: run.id,
      setId: run.setId,
      examId,
      rubricVersion: run.rubricVersion,
      rubricVersionId: run.rubricVersionId,
      rubricHash: run.rubricHash,
      promptVersion: run.promptVersion,
      provider: run.provider,
      model: run.model,
      createdAt: run.createdAt.toISOString(),
      status: progress.queued + progress.running > 0 ? 'running' : 'done',
      progress,
    };
  });
}

export async function runItems(ctx: CalibrationContext, runId: string): Promise<RunItem[]> {
  const rows = await ctx.database.query<{
    dossier_id: string;
    version: number;
    review_id: string;
    status: RunItem['status'];
    report: GapReport | string | null;
  }>(
    `select rr.dossier_id, rr.version, rr.review_id, r.status, r.report
     from calibration_run_reviews rr join reviews r on r.id = rr.review_id where rr.run_id = $1`,
    [runId],
  );
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    version: r.version,
    reviewId: r.review_id,
    status: r.status,
    report: typeof r.report === 'string' ? (JSON.parse(r.report) as GapReport) : r.report,
  }));
}

export async function rubricOfRun(ctx: CalibrationContext, run: RunRow, examId: string): Promise<Rubric> {
  if (run.rubricVersionId) return ctx.rubrics.source.byId(run.rubricVersionId);
  return defaultRubric(examId);
}

/**
 * Labels of pinned dossier versions by {@link pinKey}: the file of THAT version (a later upload may be
 * another file) and the candidate's name.
 */
export async function versionLabels(
  ctx: CalibrationContext,
  pins: readonly { dossierId: string; version: number }[],
) {
  const out = new Map<string, { title: string; candidate: string; latestVersion: number }>();
  const ids = [...new Set(pins.map((p) => p.dossierId))];
  if (ids.length === 0) return out;
  const rows = await ctx.database.query<{
    dossier_id: string;
    version: number;
    file_name: string;
    candidate: string | null;
    latest: number;
  }>(
    `select v.dossier_id, v.version, v.file_name, u.name as candidate,
       max(v.version) over (partition by v.dossier_id)::int as latest
     from dossier_versions v join dossiers d on d.id = v.dossier_id
     left join users u on u.id = d.owner_id
     where v.dossier_id = any($1::uuid[])`,
    [ids],
  );
  for (const r of rows) {
    out.set(pinKey(r.dossier_id, r.version), {
      title: r.file_name,
      candidate: r.candidate ?? '',
      latestVersion: r.latest,
    });
  }
  return out;
}

/** The exam's dossiers the caller sees (to build a set and its CSV). */
export async function examDossiers(ctx: CalibrationContext, actor: Actor, examId: string) {
  const rows = await ctx.database.db
    .select({
      id: dossiers.id,
      title: dossiers.title,
      candidate: users.name,
      createdAt: dossiers.createdAt,
      latestVersion: sql<number>`(select max(v.version) from dossier_versions v where v.dossier_id = ${dossiers.id})`,
    })
    .from(dossiers)
    .leftJoin(users, eq(users.id, dossiers.ownerId))
    .where(and(eq(dossiers.examId, examId), visibleDossiers(actor)))
    .orderBy(asc(users.name), asc(dossiers.createdAt));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    candidate: r.candidate ?? '',
    latestVersion: Number(r.latestVersion ?? 0),
    createdAt: r.createdAt.toISOString(),
  }));
}
