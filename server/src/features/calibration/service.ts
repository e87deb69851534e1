/**
 * Exam-team calibration: sets of dossiers with human scores (a jury's CSV, trainers' decisions), runs of a
 * rubric version over a set (one review per dossier, through the review job queue), and the agreement
 * between the AI and the humans — computed by THE metrics module (`metrics.ts`), the one the evals use.
 * Everything is scoped to the caller's organisation: a set, run or dossier of another one is a 404.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import {
  calibrationRunReviews,
  calibrationRuns,
  calibrationScores,
  calibrationSets,
  dossiers,
  dossierVersions,
  users,
} from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError, PayloadTooLargeError, ValidationError } from '../../lib/errors';
import { visibleDossiers } from '../accounts/access';
import { audit } from '../accounts/audit';
import { getExam } from '../referential/index';
import type { Exam } from '../referential/types';
import { PROMPT_VERSION } from '../reviews/prompts';
import { defaultRubric, type Rubric, rubricHash } from '../reviews/rubric';
import type { CriterionResult, GapReport } from '../reviews/schemas';
import type { ReviewService } from '../reviews/service';
import { type CsvLineError, decodeCsv, NotTextError, parseCsv, toCsv } from './csv';
import {
  type AgreementWithUncertainty,
  agreementWithUncertainty,
  confusionMatrix,
  DEFAULT_SCALE_MAX,
  DEFAULT_SCALE_MIN,
  type ScorePair,
} from './metrics';
import { overallChange } from './overall-change';
import { diffRubrics, type RubricChange } from './rubric-diff';
import type { RubricVersionService } from './rubric-versions';

/** Most rows accepted in one CSV import (the body limit, 2 MB, comes first for ordinary rows). */
export const MAX_IMPORT_ROWS = 50_000;
/** Most row errors returned in `details.errors` (the count of all of them is in `details.total`). */
export const MAX_LISTED_ERRORS = 200;
/** The rater label given to trainers' decisions. */
export const TRAINER_RATER = 'formateur';
/** The rater label used when the CSV has no rater column or leaves it empty. */
export const DEFAULT_RATER = 'jury';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RATER = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u;

/** Header names accepted for each column (French or English, case and accents ignored). */
const COLUMNS = {
  dossier: ['dossier_id', 'dossier', 'id_dossier'],
  criterion: ['criterion_id', 'criterion', 'critere_id', 'critere'],
  score: ['score', 'note'],
  rater: ['rater', 'correcteur', 'evaluateur', 'jury'],
  // The dossier version the jury read; empty or absent: the latest version at import time.
  version: ['version', 'dossier_version', 'version_dossier'],
  // Informational columns of the template, ignored on import.
  candidate: ['candidate', 'candidat'],
  title: ['title', 'titre'],
} as const;
type Column = keyof typeof COLUMNS;

function fold(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function columnOf(header: string): Column | undefined {
  const folded = fold(header);
  return (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(folded));
}

export interface RunProgress {
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
}

export interface RunSummary {
  id: string;
  setId: string;
  examId: string;
  rubricVersion: string;
  rubricVersionId: string | null;
  rubricHash: string;
  promptVersion: string;
  provider: string;
  model: string;
  createdAt: string;
  status: 'running' | 'done';
  progress: RunProgress;
}

export interface CriterionAgreement {
  id: string;
  text: string;
  metrics: AgreementWithUncertainty;
  /** Rows: human score 0–4; columns: AI score 0–4. */
  confusion: number[][];
  /** Between the first two raters, where both scored. */
  humanHuman: AgreementWithUncertainty | null;
}

export interface RunAgreement {
  run: RunSummary;
  set: { id: string; name: string; examId: string };
  /** The human rater the AI is compared with. */
  rater: string | null;
  raters: string[];
  scale: { min: number; max: number };
  overall: AgreementWithUncertainty;
  confusion: number[][];
  humanHuman: { raters: [string, string]; overall: AgreementWithUncertainty; confusion: number[][] } | null;
  criteria: CriterionAgreement[];
  coverage: {
    dossiers: number;
    reviewed: number;
    pending: number;
    failed: number;
    humanScores: number;
    /** Human scores of the chosen rater with no AI score yet (review pending, failed, criterion failed). */
    withoutAi: number;
  };
}

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

type SetRow = typeof calibrationSets.$inferSelect;
type RunRow = typeof calibrationRuns.$inferSelect;

interface ScoreRow {
  dossierId: string;
  /** The dossier version the rater read: the AI side is the run's review of that version. */
  version: number;
  criterionId: string;
  rater: string;
  score: number;
  source: 'csv' | 'trainer';
}

interface RunItem {
  dossierId: string;
  version: number;
  reviewId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  report: GapReport | null;
}

function examOf(examId: string): Exam {
  const exam = getExam(examId);
  if (!exam) throw new AppError('unknown_exam', 422, `Épreuve inconnue : ${examId}`);
  return exam;
}

/** A score's place: one dossier version and criterion (the criterion last, `compare` matches on it). */
/** An exam as exam teams name it (« Audit RSE »), its id when unknown. */
const examName = (examId: string) => getExam(examId)?.case ?? examId;

const key = (dossierId: string, version: number, criterionId: string) =>
  `${dossierId}\u0000${version}\u0000${criterionId}`;
const pinKey = (dossierId: string, version: number) => `${dossierId}\u0000${version}`;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Raters in a stable order: CSV raters (juries) first, then trainers, each by label. */
function orderRaters(scores: readonly ScoreRow[]): string[] {
  const source = new Map<string, 'csv' | 'trainer'>();
  for (const s of scores) if (!source.has(s.rater)) source.set(s.rater, s.source);
  return [...source.keys()].sort(
    (a, b) =>
      Number(source.get(a) === 'trainer') - Number(source.get(b) === 'trainer') || a.localeCompare(b, 'fr'),
  );
}

const MIN = DEFAULT_SCALE_MIN;
const MAX = DEFAULT_SCALE_MAX;

function confusionOf(pairs: readonly { human: number; ai: number }[]) {
  return confusionMatrix(
    pairs.map((p) => p.human),
    pairs.map((p) => p.ai),
    MIN,
    MAX,
  );
}

export function createCalibrationService(deps: CalibrationServiceDeps) {
  const { database, rubrics } = deps;
  const { db } = database;

  async function loadSet(actor: Actor, id: string): Promise<SetRow> {
    const [row] = await db
      .select()
      .from(calibrationSets)
      .where(and(eq(calibrationSets.id, id), eq(calibrationSets.organizationId, actor.organizationId)));
    if (!row) throw new NotFoundError('Jeu de calibration', id);
    return row;
  }

  async function loadRun(actor: Actor, id: string): Promise<{ run: RunRow; set: SetRow }> {
    const [row] = await db
      .select({ run: calibrationRuns, set: calibrationSets })
      .from(calibrationRuns)
      .innerJoin(calibrationSets, eq(calibrationSets.id, calibrationRuns.setId))
      .where(and(eq(calibrationRuns.id, id), eq(calibrationSets.organizationId, actor.organizationId)));
    if (!row) throw new NotFoundError('Analyse de calibration', id);
    return row;
  }

  /** The set's human scores, on dossiers the caller still sees. */
  async function scoresOf(actor: Actor, setId: string): Promise<ScoreRow[]> {
    return db
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

  async function runSummaries(runs: RunRow[], examId: string): Promise<RunSummary[]> {
    if (runs.length === 0) return [];
    const counts = await database.query<{
      run_id: string;
      status: RunItem['status'];
      n: number;
    }>(
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

  async function runItems(runId: string): Promise<RunItem[]> {
    const rows = await database.query<{
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

  /** AI results of a run by (dossier, criterion): graded criteria only (a failed one is not a 0). */
  function aiResults(items: RunItem[]) {
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

  function chooseRater(raters: string[], requested: string | undefined): string | null {
    if (requested === undefined) return raters[0] ?? null;
    if (!raters.includes(requested)) {
      throw new ValidationError(
        `Correcteur inconnu dans ce jeu : ${requested}${raters.length ? ` (présents : ${raters.join(', ')})` : ''}.`,
      );
    }
    return requested;
  }

  async function agreementOf(
    actor: Actor,
    run: RunRow,
    set: SetRow,
    requestedRater: string | undefined,
  ): Promise<RunAgreement> {
    const exam = examOf(set.examId);
    const [summary] = await runSummaries([run], set.examId);
    const scores = await scoresOf(actor, set.id);
    const raters = orderRaters(scores);
    const rater = chooseRater(raters, requestedRater);
    const second = raters.find((r) => r !== rater) ?? null;
    const items = await runItems(run.id);
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

    let humanHuman: RunAgreement['humanHuman'] = null;
    const hhByCriterion = new Map<string, AgreementWithUncertainty>();
    if (rater && second) {
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
      if (hh.length > 0) {
        const agreement = agreementWithUncertainty(hh, MIN, MAX);
        for (const [id, m] of Object.entries(agreement.criteria)) hhByCriterion.set(id, m);
        humanHuman = { raters: [rater, second], overall: agreement.overall, confusion: confusionOf(hh) };
      }
    }

    const empty = agreementWithUncertainty([], MIN, MAX).overall;
    const criteria: CriterionAgreement[] = exam.criteria.map((c) => {
      const own = pairs.filter((p) => p.criterionId === c.id);
      return {
        id: c.id,
        text: c.text,
        metrics: byCriterion.criteria[c.id] ?? empty,
        confusion: confusionOf(own),
        humanHuman: hhByCriterion.get(c.id) ?? null,
      };
    });
    const dossierIds = new Set(scores.map((s) => s.dossierId));
    return {
      run: summary,
      set: { id: set.id, name: set.name, examId: set.examId },
      rater,
      raters,
      scale: { min: MIN, max: MAX },
      overall: byCriterion.overall,
      confusion: confusionOf(pairs),
      humanHuman,
      criteria,
      coverage: {
        dossiers: dossierIds.size,
        reviewed: items.filter((i) => i.status === 'done').length,
        pending: items.filter((i) => i.status === 'queued' || i.status === 'running').length,
        failed: items.filter((i) => i.status === 'failed').length,
        humanScores: primary.length,
        withoutAi,
      },
    };
  }

  async function rubricOfRun(run: RunRow, examId: string): Promise<Rubric> {
    if (run.rubricVersionId) return rubrics.source.byId(run.rubricVersionId);
    return defaultRubric(examId);
  }

  /** Upserts human scores in one transaction (chunked inserts). */
  async function upsertScores(
    tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0],
    setId: string,
    actor: Actor,
    rows: Omit<ScoreRow, 'source'>[],
    source: ScoreRow['source'],
  ) {
    for (const part of chunks(rows, 1000)) {
      await tx
        .insert(calibrationScores)
        .values(part.map((r) => ({ ...r, setId, source, importedBy: actor.userId })))
        .onConflictDoUpdate({
          target: [
            calibrationScores.setId,
            calibrationScores.dossierId,
            calibrationScores.criterionId,
            calibrationScores.rater,
          ],
          set: {
            score: sql`excluded.score`,
            version: sql`excluded.version`,
            source: sql`excluded.source`,
            importedBy: sql`excluded.imported_by`,
            updatedAt: sql`now()`,
          },
        });
    }
  }

  /**
   * Labels of pinned dossier versions by {@link pinKey}: the file of THAT version (a later upload may be
   * another file) and the candidate's name.
   */
  async function versionLabels(pins: readonly { dossierId: string; version: number }[]) {
    const out = new Map<string, { title: string; candidate: string; latestVersion: number }>();
    const ids = [...new Set(pins.map((p) => p.dossierId))];
    if (ids.length === 0) return out;
    const rows = await database.query<{
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

  /** The distinct (dossier, version) pairs the scores are pinned to. */
  function pinsOf(scores: readonly ScoreRow[]) {
    const pins = new Map<string, { dossierId: string; version: number }>();
    for (const s of scores)
      pins.set(pinKey(s.dossierId, s.version), { dossierId: s.dossierId, version: s.version });
    return [...pins.values()];
  }

  async function examDossiers(actor: Actor, examId: string) {
    const rows = await database.db
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

  async function getSet(actor: Actor, id: string) {
    const set = await loadSet(actor, id);
    const scores = await scoresOf(actor, id);
    const raters = orderRaters(scores).map((rater) => ({
      rater,
      source: scores.find((s) => s.rater === rater)?.source ?? 'csv',
      scores: scores.filter((s) => s.rater === rater).length,
    }));
    const pins = pinsOf(scores);
    const labels = await versionLabels(pins);
    const runs = await db
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
      runs: await runSummaries(runs, set.examId),
    };
  }

  async function agreement(actor: Actor, runId: string, rater?: string) {
    const { run, set } = await loadRun(actor, runId);
    return agreementOf(actor, run, set, rater);
  }

  return {
    /** The exam's dossiers the caller sees (to build a set and its CSV). */
    examDossiers(actor: Actor, examId: string) {
      examOf(examId);
      return examDossiers(actor, examId);
    },

    async listSets(actor: Actor, examId?: string) {
      const rows = await database.query<{
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
    },

    async createSet(actor: Actor, input: { name: string; examId: string }) {
      examOf(input.examId);
      const [row] = await db
        .insert(calibrationSets)
        .values({
          organizationId: actor.organizationId,
          examId: input.examId,
          name: input.name.trim(),
          createdBy: actor.userId,
        })
        .returning();
      return getSet(actor, row.id);
    },

    getSet,

    async deleteSet(actor: Actor, id: string) {
      await loadSet(actor, id);
      await db.delete(calibrationSets).where(eq(calibrationSets.id, id));
    },

    /**
     * Imports human scores from CSV bytes: all rows or none. Every bad row is reported as
     * `{ line, message }` in the 400's `details.errors`; an existing (dossier, criterion, rater) is updated.
     */
    async importCsv(actor: Actor, setId: string, bytes: Uint8Array) {
      const set = await loadSet(actor, setId);
      const exam = examOf(set.examId);
      let text: string;
      try {
        text = decodeCsv(bytes);
      } catch (err) {
        if (err instanceof NotTextError) {
          throw new AppError(
            'invalid_csv',
            400,
            "Le fichier n'est pas un CSV (texte) : exportez la feuille au format CSV, séparateur virgule ou point-virgule.",
          );
        }
        throw err;
      }
      const parsed = parseCsv(text);
      const fail = (errors: CsvLineError[]): never => {
        const listed = errors
          .slice(0, 3)
          .map((e) => `ligne ${e.line} : ${e.message}`)
          .join(' ; ');
        throw new AppError(
          'invalid_csv',
          400,
          `Import refusé, rien n'a été enregistré : ${errors.length} erreur(s). ${listed}${errors.length > 3 ? ' ; …' : ''}`,
          { details: { errors: errors.slice(0, MAX_LISTED_ERRORS), total: errors.length } },
        );
      };
      if (parsed.records.length === 0) {
        fail(parsed.errors.length > 0 ? parsed.errors : [{ line: 1, message: 'le fichier est vide.' }]);
      }
      const [header, ...records] = parsed.records;
      if (records.length > MAX_IMPORT_ROWS) {
        throw new PayloadTooLargeError(
          `Trop de lignes : ${records.length}, au plus ${MAX_IMPORT_ROWS} par import. Découpez le fichier.`,
        );
      }
      const columns = header.cells.map(columnOf);
      const headerErrors: CsvLineError[] = [];
      header.cells.forEach((cell, i) => {
        if (!columns[i]) {
          headerErrors.push({
            line: header.line,
            message: `colonne inconnue « ${cell.trim()} » (colonnes attendues : dossier_id, criterion_id, score et, au choix, version et rater).`,
          });
        }
      });
      for (const required of ['dossier', 'criterion', 'score'] as const) {
        if (!columns.includes(required)) {
          headerErrors.push({
            line: header.line,
            message: `colonne manquante : ${COLUMNS[required][0]} (en-tête attendu : dossier_id,criterion_id,score,rater).`,
          });
        }
      }
      const duplicated = columns.filter((c, i) => c && columns.indexOf(c) !== i);
      for (const c of new Set(duplicated)) {
        if (c) headerErrors.push({ line: header.line, message: `colonne en double : ${COLUMNS[c][0]}.` });
      }
      if (headerErrors.length > 0) fail(headerErrors);
      if (records.length === 0) {
        fail(
          parsed.errors.length > 0
            ? parsed.errors
            : [{ line: header.line, message: "aucune ligne de notes après l'en-tête." }],
        );
      }

      const at = (c: Column) => columns.indexOf(c);
      const cell = (cells: string[], c: Column) => (at(c) === -1 ? '' : (cells[at(c)] ?? '').trim());
      const ids = [...new Set(records.map((r) => cell(r.cells, 'dossier')).filter((id) => UUID.test(id)))];
      const known = new Map<string, string>();
      const versionsOf = new Map<string, number[]>();
      for (const part of chunks(ids, 1000)) {
        const rows = await db
          .select({ id: dossiers.id, examId: dossiers.examId })
          .from(dossiers)
          .where(and(inArray(dossiers.id, part), visibleDossiers(actor)));
        for (const r of rows) known.set(r.id.toLowerCase(), r.examId);
        const versions = await db
          .select({ dossierId: dossierVersions.dossierId, version: dossierVersions.version })
          .from(dossierVersions)
          .where(inArray(dossierVersions.dossierId, part))
          .orderBy(asc(dossierVersions.version));
        for (const v of versions) {
          const id = v.dossierId.toLowerCase();
          versionsOf.set(id, [...(versionsOf.get(id) ?? []), v.version]);
        }
      }
      const criteria = new Set(exam.criteria.map((c) => c.id));
      const criterionList = exam.criteria.map((c) => c.id).join(', ');
      const errors: CsvLineError[] = [...parsed.errors];
      const seen = new Map<string, number>();
      const rows: Omit<ScoreRow, 'source'>[] = [];
      for (const record of records) {
        const problems: string[] = [];
        if (record.cells.length !== header.cells.length) {
          errors.push({
            line: record.line,
            message: `${header.cells.length} colonnes attendues, ${record.cells.length} trouvée(s).`,
          });
          continue;
        }
        const dossierId = cell(record.cells, 'dossier').toLowerCase();
        const criterionId = cell(record.cells, 'criterion').toUpperCase();
        const rawScore = cell(record.cells, 'score');
        const rater = cell(record.cells, 'rater') || DEFAULT_RATER;
        const rawVersion = cell(record.cells, 'version');
        const available = versionsOf.get(dossierId) ?? [];
        // No version given: the jury read the draft there is now (DESIGN.md).
        let version = available[available.length - 1] ?? 0;
        if (rawVersion && known.has(dossierId)) {
          if (!/^\d+$/.test(rawVersion) || !available.includes(Number(rawVersion))) {
            problems.push(
              `version « ${rawVersion.slice(0, 20)} » inconnue pour le dossier ${dossierId} (versions : ${available.join(', ') || 'aucune'})`,
            );
          } else version = Number(rawVersion);
        }
        if (!dossierId) problems.push('identifiant de dossier manquant');
        else if (!UUID.test(dossierId)) problems.push(`identifiant de dossier invalide « ${dossierId} »`);
        else if (!known.has(dossierId)) problems.push(`dossier inconnu dans votre organisme : ${dossierId}`);
        else if (known.get(dossierId) !== exam.id) {
          problems.push(
            `le dossier ${dossierId} relève de l'épreuve « ${examName(known.get(dossierId) ?? '')} », pas de « ${exam.case} »`,
          );
        }
        if (!criterionId) problems.push('critère manquant');
        else if (!criteria.has(criterionId)) {
          problems.push(
            `critère inconnu pour l'épreuve « ${exam.case} » : « ${criterionId} » (attendus : ${criterionList})`,
          );
        }
        if (!rawScore) problems.push('note manquante');
        else if (!/^\d+$/.test(rawScore) || Number(rawScore) < MIN || Number(rawScore) > MAX) {
          problems.push(`note invalide « ${rawScore} » : entier de ${MIN} à ${MAX} attendu`);
        }
        if (!RATER.test(rater)) {
          problems.push(
            `correcteur invalide « ${rater.slice(0, 60)} » : 1 à 40 lettres, chiffres, espaces, points, tirets`,
          );
        }
        if (problems.length === 0) {
          const k = `${dossierId}|${criterionId}|${rater}`;
          const first = seen.get(k);
          if (first !== undefined) {
            problems.push(`doublon de la ligne ${first} (même dossier, critère et correcteur)`);
          } else seen.set(k, record.line);
        }
        if (problems.length > 0) {
          errors.push({ line: record.line, message: `${problems.join(' ; ')}.` });
          continue;
        }
        if (version === 0) {
          errors.push({ line: record.line, message: `le dossier ${dossierId} n'a aucune version déposée.` });
          continue;
        }
        rows.push({ dossierId, version, criterionId, rater, score: Number(rawScore) });
      }
      if (errors.length > 0) fail(errors.sort((a, b) => a.line - b.line));

      const existing = await db
        .select({
          dossierId: calibrationScores.dossierId,
          criterionId: calibrationScores.criterionId,
          rater: calibrationScores.rater,
        })
        .from(calibrationScores)
        .where(eq(calibrationScores.setId, setId));
      const before = new Set(existing.map((e) => `${e.dossierId}|${e.criterionId}|${e.rater}`));
      const updated = rows.filter((r) => before.has(`${r.dossierId}|${r.criterionId}|${r.rater}`)).length;
      const dossierCount = new Set(rows.map((r) => r.dossierId)).size;
      const raters = [...new Set(rows.map((r) => r.rater))].sort();
      await db.transaction(async (tx) => {
        await upsertScores(tx, setId, actor, rows, 'csv');
        await audit(tx, actor, {
          action: 'calibration.import',
          targetType: 'calibration_set',
          targetId: setId,
          detail: { source: 'csv', rows: rows.length, updated, dossiers: dossierCount, raters },
        });
      });
      return {
        imported: rows.length,
        created: rows.length - updated,
        updated,
        dossiers: dossierCount,
        raters,
      };
    },

    /**
     * Adds trainers' decisions on the exam's dossiers as human scores (rater `formateur`): per dossier
     * and criterion, the latest decision on the most recent review that has one.
     */
    async importTrainerScores(actor: Actor, setId: string) {
      const set = await loadSet(actor, setId);
      const decisions = await deps.humanScores(actor.organizationId, set.examId);
      const reviewIds = [...new Set(decisions.map((d) => d.review_id))];
      const reviewsInfo = reviewIds.length
        ? await database.query<{
            id: string;
            dossier_id: string;
            version: number;
            created_at: Date | string;
          }>(
            `select r.id, v.dossier_id, v.version, r.created_at from reviews r
             join dossier_versions v on v.id = r.version_id where r.id = any($1::uuid[])`,
            [reviewIds],
          )
        : [];
      const info = new Map(reviewsInfo.map((r) => [r.id, r]));
      const visible = new Set((await examDossiers(actor, set.examId)).map((d) => d.id));
      const latest = new Map<
        string,
        { dossierId: string; version: number; criterionId: string; score: number; at: number }
      >();
      for (const d of decisions) {
        const review = info.get(d.review_id);
        if (!review || !visible.has(review.dossier_id)) continue;
        const at = new Date(review.created_at).getTime();
        const k = `${review.dossier_id}\u0000${d.criterion_id}`;
        const current = latest.get(k);
        if (!current || at > current.at) {
          // The trainer decided on that review: the score is pinned to the version it reviewed.
          latest.set(k, {
            dossierId: review.dossier_id,
            version: Number(review.version),
            criterionId: d.criterion_id,
            score: d.human,
            at,
          });
        }
      }
      const rows = [...latest.values()].map(({ dossierId, version, criterionId, score }) => ({
        dossierId,
        version,
        criterionId,
        score,
        rater: TRAINER_RATER,
      }));
      const dossierCount = new Set(rows.map((r) => r.dossierId)).size;
      if (rows.length > 0) {
        await db.transaction(async (tx) => {
          await upsertScores(tx, setId, actor, rows, 'trainer');
          await audit(tx, actor, {
            action: 'calibration.import',
            targetType: 'calibration_set',
            targetId: setId,
            detail: { source: 'trainer', rows: rows.length, dossiers: dossierCount },
          });
        });
      }
      return { imported: rows.length, dossiers: dossierCount, rater: TRAINER_RATER };
    },

    /** A CSV to fill in: one row per visible dossier of the exam and criterion, score left empty. */
    async templateCsv(actor: Actor, setId: string) {
      const set = await loadSet(actor, setId);
      const exam = examOf(set.examId);
      const list = await examDossiers(actor, set.examId);
      // The version column is pre-filled with the latest draft: the jury corrects it if it read another.
      return toCsv(
        ['dossier_id', 'candidat', 'titre', 'version', 'criterion_id', 'score', 'rater'],
        list.flatMap((d) =>
          exam.criteria.map((c) => [d.id, d.candidate, d.title, d.latestVersion, c.id, '', DEFAULT_RATER]),
        ),
      );
    },

    /**
     * Runs a rubric version over the set: a review of each pinned dossier version with that rubric,
     * handed to the review job queue (an identical finished review is reused, not paid for again).
     */
    async startRun(actor: Actor, setId: string, input: { rubricVersion: string }) {
      const set = await loadSet(actor, setId);
      const scores = await scoresOf(actor, setId);
      const pins = pinsOf(scores);
      if (pins.length === 0) {
        throw new AppError(
          'empty_set',
          422,
          "Ce jeu ne contient aucune note humaine : importez les notes du jury avant de lancer l'analyse.",
        );
      }
      const resolved = await rubrics.resolve(actor.organizationId, set.examId, input.rubricVersion);
      const [run] = await db
        .insert(calibrationRuns)
        .values({
          setId,
          rubricVersionId: resolved.id,
          rubricVersion: resolved.rubric.version,
          rubricHash: rubricHash(resolved.rubric),
          promptVersion: PROMPT_VERSION,
          provider: deps.grader.provider,
          model: deps.grader.model,
          createdBy: actor.userId,
        })
        .returning();
      // Exactly the versions the raters read, not whatever draft is latest now.
      for (const { dossierId, version } of pins) {
        const review = await deps.reviews.request(dossierId, version, {
          requestedBy: actor.userId,
          rubricVersionId: resolved.id,
        });
        await db
          .insert(calibrationRunReviews)
          .values({ runId: run.id, dossierId, version, reviewId: review.id });
      }
      const [summary] = await runSummaries([run], set.examId);
      return summary;
    },

    async getRun(actor: Actor, runId: string) {
      const { run, set } = await loadRun(actor, runId);
      const [summary] = await runSummaries([run], set.examId);
      return summary;
    },

    agreement,

    /**
     * The dossiers behind an agreement cell (criterion, human score, AI score), with the AI's evidence
     * and rationale: what the exam team reads to see why the AI disagreed.
     */
    async items(
      actor: Actor,
      runId: string,
      filter: { criterionId?: string; human?: number; ai?: number; rater?: string },
    ) {
      const { run, set } = await loadRun(actor, runId);
      const exam = examOf(set.examId);
      const scores = await scoresOf(actor, set.id);
      const rater = chooseRater(orderRaters(scores), filter.rater);
      const ai = aiResults(await runItems(run.id));
      const order = new Map(exam.criteria.map((c, i) => [c.id, i]));
      const matching = scores
        .filter((s) => s.rater === rater)
        .filter((s) => filter.criterionId === undefined || s.criterionId === filter.criterionId)
        .filter((s) => filter.human === undefined || s.score === filter.human)
        .map((s) => ({ s, found: ai.get(key(s.dossierId, s.version, s.criterionId)) }))
        .filter(({ found }) => found && (filter.ai === undefined || found.criterion.score === filter.ai));
      const labels = await versionLabels(matching.map((m) => m.s));
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
    },

    /**
     * Two runs of the same set side by side: each one's agreement, and per criterion what changed in the
     * rubric, how the metrics moved and how many dossiers' AI score moved.
     */
    async compare(actor: Actor, runA: string, runB: string, rater?: string) {
      const a = await loadRun(actor, runA);
      const b = await loadRun(actor, runB);
      if (a.set.id !== b.set.id) {
        throw new AppError(
          'not_comparable',
          422,
          'Les deux analyses portent sur des jeux différents : comparez deux analyses du même jeu.',
        );
      }
      const left = await agreementOf(actor, a.run, a.set, rater);
      const right = await agreementOf(actor, b.run, b.set, left.rater ?? undefined);
      const diff = diffRubrics(
        await rubricOfRun(a.run, a.set.examId),
        await rubricOfRun(b.run, b.set.examId),
      );
      const changesOf = new Map<string, RubricChange[]>(diff.criteria.map((c) => [c.id, c.changes]));
      const itemsA = await runItems(a.run.id);
      const itemsB = await runItems(b.run.id);
      const aiA = aiResults(itemsA);
      const aiB = aiResults(itemsB);
      const reviewed = (items: RunItem[]) =>
        items.flatMap((i) =>
          i.status === 'done' && i.report ? [{ key: pinKey(i.dossierId, i.version), report: i.report }] : [],
        );
      const delta = (x: number | null, y: number | null) => (x === null || y === null ? null : y - x);
      const criteria = left.criteria.map((ca, i) => {
        const cb = right.criteria[i];
        let compared = 0;
        let up = 0;
        let down = 0;
        for (const [k, ra] of aiA) {
          if (!k.endsWith(`\u0000${ca.id}`)) continue;
          const rb = aiB.get(k);
          if (!rb) continue;
          compared += 1;
          if (rb.criterion.score > ra.criterion.score) up += 1;
          if (rb.criterion.score < ra.criterion.score) down += 1;
        }
        return {
          id: ca.id,
          text: ca.text,
          a: ca.metrics,
          b: cb.metrics,
          delta: {
            qwk: delta(ca.metrics.qwk, cb.metrics.qwk),
            kappa: delta(ca.metrics.kappa, cb.metrics.kappa),
            exact: delta(ca.metrics.exact, cb.metrics.exact),
            adjacent: delta(ca.metrics.adjacent, cb.metrics.adjacent),
            mae: delta(ca.metrics.mae, cb.metrics.mae),
            smd: delta(ca.metrics.smd, cb.metrics.smd),
            bias: delta(ca.metrics.bias, cb.metrics.bias),
          },
          rubricChanges: changesOf.get(ca.id) ?? [],
          aiScores: { compared, up, down },
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
    },

    /** Every human score of the set beside the run's AI score (empty when not graded). */
    async scoresCsv(actor: Actor, runId: string) {
      const { run, set } = await loadRun(actor, runId);
      const exam = examOf(set.examId);
      const scores = await scoresOf(actor, set.id);
      const items = await runItems(run.id);
      const ai = aiResults(items);
      const byPin = new Map(items.map((i) => [pinKey(i.dossierId, i.version), i]));
      const labels = await versionLabels(scores);
      const labelOf = (s: ScoreRow) => labels.get(pinKey(s.dossierId, s.version));
      const order = new Map(exam.criteria.map((c, i) => [c.id, i]));
      const raters = orderRaters(scores);
      const sorted = [...scores].sort(
        (x, y) =>
          (labelOf(x)?.candidate ?? '').localeCompare(labelOf(y)?.candidate ?? '', 'fr') ||
          x.dossierId.localeCompare(y.dossierId) ||
          x.version - y.version ||
          (order.get(x.criterionId) ?? 0) - (order.get(y.criterionId) ?? 0) ||
          raters.indexOf(x.rater) - raters.indexOf(y.rater),
      );
      return {
        filename: `calibration-${set.examId}-${run.rubricVersion}-scores.csv`,
        body: toCsv(
          [
            'dossier_id',
            'candidat',
            'version',
            'fichier',
            'criterion_id',
            'rater',
            'human',
            'ai',
            'rubric_version',
            'review_id',
          ],
          sorted.map((s) => [
            s.dossierId,
            labelOf(s)?.candidate ?? '',
            s.version,
            labelOf(s)?.title ?? '',
            s.criterionId,
            s.rater,
            s.score,
            ai.get(key(s.dossierId, s.version, s.criterionId))?.criterion.score ?? null,
            run.rubricVersion,
            byPin.get(pinKey(s.dossierId, s.version))?.reviewId ?? '',
          ]),
        ),
      };
    },

    /** The agreement table as CSV: AI vs human per criterion and overall, then human vs human. */
    async agreementCsv(actor: Actor, runId: string, rater?: string) {
      const result = await agreement(actor, runId, rater);
      const line = (scope: string, criterion: string, m: AgreementWithUncertainty) => [
        scope,
        criterion,
        m.n,
        m.qwk,
        m.kappa,
        m.exact,
        m.adjacent,
        m.mae,
        m.smd,
        m.bias,
        m.humanMean,
        m.aiMean,
        m.ci.qwk?.[0] ?? null,
        m.ci.qwk?.[1] ?? null,
        m.ci.mae?.[0] ?? null,
        m.ci.mae?.[1] ?? null,
        m.minN,
        m.sufficient ? 'oui' : 'non',
      ];
      const scope = `ia_vs_${result.rater ?? 'humain'}`;
      const rows = [
        ...result.criteria.map((c) => line(scope, c.id, c.metrics)),
        line(scope, 'global', result.overall),
      ];
      if (result.humanHuman) {
        const hh = `${result.humanHuman.raters[1]}_vs_${result.humanHuman.raters[0]}`;
        for (const c of result.criteria) if (c.humanHuman) rows.push(line(hh, c.id, c.humanHuman));
        rows.push(line(hh, 'global', result.humanHuman.overall));
      }
      return {
        filename: `calibration-${result.set.examId}-${result.run.rubricVersion}-accord.csv`,
        body: toCsv(
          [
            'comparaison',
            'criterion_id',
            'n',
            'qwk',
            'kappa',
            'exact',
            'adjacent',
            'mae',
            'smd',
            'bias',
            'human_mean',
            'ai_mean',
            'qwk_ic95_bas',
            'qwk_ic95_haut',
            'mae_ic95_bas',
            'mae_ic95_haut',
            'n_min',
            'echantillon_suffisant',
          ],
          rows,
        ),
      };
    },
  };
}

export type CalibrationService = ReturnType<typeof createCalibrationService>;
