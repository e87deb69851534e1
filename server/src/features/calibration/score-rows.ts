/**
 * The rows of a jury-score CSV: which header names map to which column, and the zod schema one row's cells
 * must satisfy on their own (format, the exam's criteria, the scale). What needs the database (the dossier
 * exists, is of this exam, has that version or that file) is checked by `score-import.ts`.
 * Every message is French: the exam team reads it as it is, prefixed with the line number.
 */
import { z } from 'zod';
import { fold } from '../../lib/text';
import type { Exam } from '../referential';
import type { CsvLineError, CsvRecord } from './csv';
import { MAX, MIN } from './store';

/** The rater label used when the CSV has no rater column or leaves it empty. */
export const DEFAULT_RATER = 'jury';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RATER = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u;
const SHA256 = /^[0-9a-f]{64}$/;

/** Header names accepted for each column (French or English, case and accents ignored). */
export const COLUMNS = {
  dossier: ['dossier_id', 'dossier', 'id_dossier'],
  criterion: ['criterion_id', 'criterion', 'critere_id', 'critere'],
  score: ['score', 'note'],
  rater: ['rater', 'correcteur', 'evaluateur', 'jury'],
  // The dossier version the jury read; empty or absent: the latest version at import time.
  version: ['version', 'dossier_version', 'version_dossier'],
  // Or the SHA-256 of the file the jury read (what the upload recorded): pins the version with that file.
  sha256: ['sha256', 'file_sha256', 'sha256_fichier', 'empreinte'],
  // Informational columns of the template, ignored on import.
  candidate: ['candidate', 'candidat'],
  title: ['title', 'titre'],
} as const;
export type Column = keyof typeof COLUMNS;

/** A header folded (lib/text): `Critère ID` → `critere_id`. */
function foldHeader(text: string) {
  return fold(text)
    .trim()
    .replace(/[\s-]+/g, '_');
}

function columnOf(header: string): Column | undefined {
  const folded = foldHeader(header);
  return (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(folded));
}

/** The column of each header cell, and what is wrong with the header (unknown, missing, doubled). */
export function readHeader(header: CsvRecord): { columns: (Column | undefined)[]; errors: CsvLineError[] } {
  const columns = header.cells.map(columnOf);
  const errors: CsvLineError[] = [];
  header.cells.forEach((cell, i) => {
    if (!columns[i]) {
      errors.push({
        line: header.line,
        message: `colonne inconnue « ${cell.trim()} » (colonnes attendues : dossier_id, criterion_id, score et, au choix, version et rater).`,
      });
    }
  });
  for (const required of ['dossier', 'criterion', 'score'] as const) {
    if (!columns.includes(required)) {
      errors.push({
        line: header.line,
        message: `colonne manquante : ${COLUMNS[required][0]} (en-tête attendu : dossier_id,criterion_id,score,rater).`,
      });
    }
  }
  const duplicated = columns.filter((c, i) => c && columns.indexOf(c) !== i);
  for (const c of new Set(duplicated)) {
    if (c) errors.push({ line: header.line, message: `colonne en double : ${COLUMNS[c][0]}.` });
  }
  return { columns, errors };
}

/** One record's cells by column (trimmed; an absent column is an empty cell). */
export function cellsOf(columns: readonly (Column | undefined)[], cells: readonly string[]) {
  const cell = (c: Column) => {
    const at = columns.indexOf(c);
    return at === -1 ? '' : (cells[at] ?? '').trim();
  };
  return {
    dossierId: cell('dossier'),
    criterionId: cell('criterion'),
    score: cell('score'),
    rater: cell('rater'),
    version: cell('version'),
    sha256: cell('sha256'),
  };
}
export type RawScoreRow = ReturnType<typeof cellsOf>;

/** The schema of one row's cells for an exam: what can be told without the database. */
export function scoreRowSchema(exam: Exam) {
  const criteria = new Set(exam.criteria.map((c) => c.id));
  const criterionList = exam.criteria.map((c) => c.id).join(', ');
  return z.object({
    dossierId: z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(
        z
          .string()
          .min(1, 'identifiant de dossier manquant')
          .regex(UUID, { error: (iss) => `identifiant de dossier invalide « ${iss.input} »` }),
      ),
    criterionId: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(
        z
          .string()
          .min(1, 'critère manquant')
          .refine((id) => criteria.has(id), {
            error: (iss) =>
              `critère inconnu pour l'épreuve « ${exam.case} » : « ${iss.input} » (attendus : ${criterionList})`,
          }),
      ),
    score: z
      .string()
      .min(1, 'note manquante')
      .refine((s) => /^\d+$/.test(s) && Number(s) >= MIN && Number(s) <= MAX, {
        error: (iss) => `note invalide « ${iss.input} » : entier de ${MIN} à ${MAX} attendu`,
      })
      .transform(Number),
    rater: z
      .string()
      .transform((s) => s || DEFAULT_RATER)
      .pipe(
        z.string().regex(RATER, {
          error: (iss) =>
            `correcteur invalide « ${String(iss.input).slice(0, 60)} » : 1 à 40 lettres, chiffres, espaces, points, tirets`,
        }),
      ),
    // Checked against the dossier's versions once the dossier is known (the message lists them).
    version: z.string(),
    sha256: z
      .string()
      .transform((s) => s.toLowerCase())
      .refine((s) => s === '' || SHA256.test(s), {
        error: (iss) =>
          `empreinte SHA-256 invalide « ${String(iss.input).slice(0, 70)} » : 64 caractères hexadécimaux attendus`,
      }),
  });
}
export type ScoreRowSchema = ReturnType<typeof scoreRowSchema>;
export type ParsedScoreRow = z.infer<ScoreRowSchema>;

/** The first problem of each field of a row that failed its schema, in the schema's field order. */
export function rowProblems(error: z.ZodError): Map<keyof RawScoreRow, string> {
  const out = new Map<keyof RawScoreRow, string>();
  for (const issue of error.issues) {
    const field = issue.path[0] as keyof RawScoreRow;
    if (!out.has(field)) out.set(field, issue.message);
  }
  return out;
}
