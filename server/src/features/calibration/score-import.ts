/**
 * Human scores into a set: a jury's CSV (all rows or none, every bad row reported by line) and trainers'
 * decisions. Each score is pinned to the dossier version its rater read: the CSV's `version`, the version
 * whose file has the CSV's `sha256`, else the latest version at import time; for a trainer, the version of
 * the review decided on.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { calibrationScores, dossiers, dossierVersions } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, CsvImportError, PayloadTooLargeError } from '../../lib/errors';
import { audit, visibleDossiers } from '../accounts';
import type { Exam } from '../referential';
import { type CsvLineError, type CsvRecord, decodeCsv, NotTextError, parseCsv } from './csv';
import { cellsOf, type RawScoreRow, readHeader, rowProblems, scoreRowSchema, UUID } from './score-rows';
import {
  type CalibrationContext,
  chunks,
  examDossiers,
  examName,
  examOf,
  loadSet,
  type ScoreRow,
} from './store';

/** Most rows accepted in one CSV import (the body limit, 2 MB, comes first for ordinary rows). */
export const MAX_IMPORT_ROWS = 50_000;
/** Most row errors returned in `details.errors` (the count of all of them is in `details.total`). */
export const MAX_LISTED_ERRORS = CsvImportError.MAX_LISTED;
/** The rater label given to trainers' decisions. */
export const TRAINER_RATER = 'formateur';

type NewScore = Omit<ScoreRow, 'source'>;

/** Upserts human scores (chunked inserts) and audits the import, in one transaction. */
async function saveScores(
  ctx: CalibrationContext,
  actor: Actor,
  setId: string,
  rows: NewScore[],
  source: ScoreRow['source'],
  detail: Record<string, unknown>,
) {
  await ctx.database.db.transaction(async (tx) => {
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
    await audit(tx, actor, {
      action: 'calibration.import',
      targetType: 'calibration_set',
      targetId: setId,
      detail: { source, rows: rows.length, ...detail },
    });
  });
}

/** Refuses the whole import, listing the first errors in the message and all of them (200 at most) in details. */
function refuse(errors: CsvLineError[]): never {
  throw new CsvImportError(errors, "rien n'a été enregistré");
}

/** The CSV's header and records, or the import refused (not text, empty, bad header, too many rows). */
function readCsv(bytes: Uint8Array) {
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
  if (parsed.records.length === 0) {
    refuse(parsed.errors.length > 0 ? parsed.errors : [{ line: 1, message: 'le fichier est vide.' }]);
  }
  const [header, ...records] = parsed.records;
  if (records.length > MAX_IMPORT_ROWS) {
    throw new PayloadTooLargeError(
      `Trop de lignes : ${records.length}, au plus ${MAX_IMPORT_ROWS} par import. Découpez le fichier.`,
    );
  }
  const { columns, errors } = readHeader(header);
  if (errors.length > 0) refuse(errors);
  if (records.length === 0) {
    refuse(
      parsed.errors.length > 0
        ? parsed.errors
        : [{ line: header.line, message: "aucune ligne de notes après l'en-tête." }],
    );
  }
  return { header, records, columns, parseErrors: parsed.errors };
}

interface KnownDossier {
  examId: string;
  /** Versions in ascending order, each with the SHA-256 of its file. */
  versions: { version: number; sha256: string }[];
}

/** The dossiers the rows name that the caller sees, with their versions (unknown ids are simply absent). */
async function knownDossiers(ctx: CalibrationContext, actor: Actor, rows: RawScoreRow[]) {
  const ids = [...new Set(rows.map((r) => r.dossierId.toLowerCase()).filter((id) => UUID.test(id)))];
  const known = new Map<string, KnownDossier>();
  for (const part of chunks(ids, 1000)) {
    const found = await ctx.database.db
      .select({ id: dossiers.id, examId: dossiers.examId })
      .from(dossiers)
      .where(and(inArray(dossiers.id, part), visibleDossiers(actor)));
    for (const r of found) known.set(r.id.toLowerCase(), { examId: r.examId, versions: [] });
    const versions = await ctx.database.db
      .select({
        dossierId: dossierVersions.dossierId,
        version: dossierVersions.version,
        sha256: dossierVersions.sha256,
      })
      .from(dossierVersions)
      .where(inArray(dossierVersions.dossierId, part))
      .orderBy(asc(dossierVersions.version));
    for (const v of versions) known.get(v.dossierId.toLowerCase())?.versions.push(v);
  }
  return known;
}

/**
 * The version a row is pinned to, or why it cannot be: `version` must exist, `sha256` must be the file of
 * one of the dossier's versions (the latest such, if the same file was uploaded twice), and both, when both
 * are given, must name the same version. Neither: the latest version now (DESIGN.md).
 */
function pinVersion(row: RawScoreRow, dossierId: string, dossier: KnownDossier) {
  const available = dossier.versions.map((v) => v.version);
  const list = available.join(', ') || 'aucune';
  let version = available.at(-1) ?? 0;
  const problems: string[] = [];
  if (row.version) {
    if (!/^\d+$/.test(row.version) || !available.includes(Number(row.version))) {
      problems.push(
        `version « ${row.version.slice(0, 20)} » inconnue pour le dossier ${dossierId} (versions : ${list})`,
      );
    } else version = Number(row.version);
  }
  const sha256 = row.sha256.toLowerCase();
  if (sha256 && problems.length === 0) {
    const match = dossier.versions.filter((v) => v.sha256 === sha256).at(-1);
    if (!match) {
      problems.push(
        `empreinte SHA-256 « ${sha256.slice(0, 12)}… » : aucune version du dossier ${dossierId} n'a ce fichier (versions : ${list})`,
      );
    } else if (row.version && match.version !== version) {
      problems.push(
        `version ${version} et empreinte SHA-256 en désaccord : ce fichier est la version ${match.version} du dossier ${dossierId}`,
      );
    } else version = match.version;
  }
  return { version, problems };
}

/** Each record checked: its schema, then against the database; the good rows, and every bad line. */
function checkRecords(
  exam: Exam,
  header: CsvRecord,
  records: CsvRecord[],
  raw: RawScoreRow[],
  known: Map<string, KnownDossier>,
) {
  const schema = scoreRowSchema(exam);
  const errors: CsvLineError[] = [];
  const seen = new Map<string, number>();
  const rows: NewScore[] = [];
  records.forEach((record, i) => {
    if (record.cells.length !== header.cells.length) {
      errors.push({
        line: record.line,
        message: `${header.cells.length} colonnes attendues, ${record.cells.length} trouvée(s).`,
      });
      return;
    }
    const parsed = schema.safeParse(raw[i]);
    const problems = parsed.success ? new Map<string, string>() : rowProblems(parsed.error);
    const dossierId = raw[i].dossierId.toLowerCase();
    const dossier = known.get(dossierId);
    // A malformed SHA-256 is reported once, as malformed, not also as matching no version.
    const cells = problems.has('sha256') ? { ...raw[i], sha256: '' } : raw[i];
    const pin = dossier ? pinVersion(cells, dossierId, dossier) : { version: 0, problems: [] };
    if (!problems.has('dossierId') && dossierId) {
      if (!dossier) problems.set('dossierId', `dossier inconnu dans votre organisme : ${dossierId}`);
      else if (dossier.examId !== exam.id) {
        problems.set(
          'dossierId',
          `le dossier ${dossierId} relève de l'épreuve « ${examName(dossier.examId)} », pas de « ${exam.case} »`,
        );
      }
    }
    // The version first, then the row's own fields in column order.
    const all = [
      ...pin.problems,
      ...['sha256', 'dossierId', 'criterionId', 'score', 'rater'].flatMap((f) => problems.get(f) ?? []),
    ];
    if (all.length === 0 && parsed.success) {
      const k = `${parsed.data.dossierId}|${parsed.data.criterionId}|${parsed.data.rater}`;
      const first = seen.get(k);
      if (first !== undefined) all.push(`doublon de la ligne ${first} (même dossier, critère et correcteur)`);
      else seen.set(k, record.line);
    }
    if (all.length > 0 || !parsed.success) {
      errors.push({ line: record.line, message: `${all.join(' ; ')}.` });
      return;
    }
    if (pin.version === 0) {
      errors.push({ line: record.line, message: `le dossier ${dossierId} n'a aucune version déposée.` });
      return;
    }
    const { criterionId, rater, score } = parsed.data;
    rows.push({ dossierId: parsed.data.dossierId, version: pin.version, criterionId, rater, score });
  });
  return { rows, errors };
}

/**
 * Imports human scores from CSV bytes: all rows or none. Every bad row is reported as
 * `{ line, message }` in the 400's `details.errors`; an existing (dossier, criterion, rater) is updated.
 */
export async function importCsv(ctx: CalibrationContext, actor: Actor, setId: string, bytes: Uint8Array) {
  const set = await loadSet(ctx, actor, setId);
  const exam = examOf(set.examId);
  const { header, records, columns, parseErrors } = readCsv(bytes);
  const raw = records.map((r) => cellsOf(columns, r.cells));
  const known = await knownDossiers(ctx, actor, raw);
  const { rows, errors } = checkRecords(exam, header, records, raw, known);
  if (parseErrors.length + errors.length > 0)
    refuse([...parseErrors, ...errors].sort((a, b) => a.line - b.line));

  const existing = await ctx.database.db
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
  await saveScores(ctx, actor, setId, rows, 'csv', { updated, dossiers: dossierCount, raters });
  return { imported: rows.length, created: rows.length - updated, updated, dossiers: dossierCount, raters };
}

/**
 * Adds trainers' decisions on the exam's dossiers as human scores (rater `formateur`): per dossier
 * and criterion, the latest decision on the most recent review that has one.
 */
export async function importTrainerScores(ctx: CalibrationContext, actor: Actor, setId: string) {
  const set = await loadSet(ctx, actor, setId);
  const decisions = await ctx.humanScores(actor.organizationId, set.examId);
  const reviewIds = [...new Set(decisions.map((d) => d.review_id))];
  const reviewsInfo = reviewIds.length
    ? await ctx.database.query<{
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
  const visible = new Set((await examDossiers(ctx, actor, set.examId)).map((d) => d.id));
  const latest = new Map<string, NewScore & { at: number }>();
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
        rater: TRAINER_RATER,
        at,
      });
    }
  }
  const rows = [...latest.values()].map(({ at: _at, ...row }) => row);
  const dossierCount = new Set(rows.map((r) => r.dossierId)).size;
  if (rows.length > 0) await saveScores(ctx, actor, setId, rows, 'trainer', { dossiers: dossierCount });
  return { imported: rows.length, dossiers: dossierCount, rater: TRAINER_RATER };
}
