/**
 * Dossiers and their versions: ingestion (parse → passages → embeddings) and storage.
 * An upload is all-or-nothing: everything slow or fallible (parsing, embedding) happens before one
 * transaction that writes the dossier, the version, its passages and new embeddings together.
 *
 * This file only wires the modules together: `upload.ts` (the write path), `embedding.ts` (vectors for
 * new passages, and those still missing) and `reads.ts`, over `deps.ts`.
 */
import { desc, eq } from 'drizzle-orm';
import { dossiers, dossierVersions } from '../../../../db/schema';
import { bind } from '../../lib/bind';
import { NotFoundError, ValidationError } from '../../lib/errors';
import { getExam } from '../referential/index';
import { type DossierContext, type DossierServiceDeps, dossierContext, type UploadedFile } from './deps';
import { embedMissing } from './embedding';
import { get, getVersion, list } from './reads';
import type { DossierView } from './schemas';
import { store } from './upload';

export type { DossierServiceDeps, UploadedFile } from './deps';
export { parseBudgetMs } from './upload';

async function create(
  ctx: DossierContext,
  input: {
    examId: string;
    title?: string;
    file: UploadedFile;
    /** The candidate the dossier belongs to (null from the command line). */
    ownerId?: string | null;
  },
): Promise<DossierView> {
  const exam = getExam(input.examId);
  if (!exam) throw new ValidationError(`Épreuve inconnue : ${input.examId}. Voir GET /api/exams.`);
  const title = input.title?.trim() || `${exam.case} — ${input.file.name}`;
  const { id } = await store(ctx, null, exam.id, title, input.file, input.ownerId ?? null);
  return get(ctx, id);
}

async function addVersion(ctx: DossierContext, dossierId: string, file: UploadedFile): Promise<DossierView> {
  // The dossier with its latest file's name, in one query: a title Préjury made from the file's name
  // follows the newest file; a title the candidate chose stays.
  const [row] = await ctx.database.db
    .select({ dossier: dossiers, latestFileName: dossierVersions.fileName })
    .from(dossiers)
    .leftJoin(dossierVersions, eq(dossierVersions.dossierId, dossiers.id))
    .where(eq(dossiers.id, dossierId))
    .orderBy(desc(dossierVersions.version))
    .limit(1);
  if (!row) throw new NotFoundError('Dossier', dossierId);
  const { dossier, latestFileName } = row;
  const exam = getExam(dossier.examId);
  const automatic = exam && latestFileName !== null && dossier.title === `${exam.case} — ${latestFileName}`;
  const title = automatic ? `${exam.case} — ${file.name}` : dossier.title;
  await store(ctx, dossier.id, dossier.examId, title, file);
  return get(ctx, dossier.id);
}

export function createDossierService(deps: DossierServiceDeps) {
  const ctx = dossierContext(deps);
  return {
    /** Embeds the passages of a version that have no vector for the current model (best effort). */
    embedMissing: bind(ctx, embedMissing),
    create: bind(ctx, create),
    addVersion: bind(ctx, addVersion),
    /** Dossiers, newest first; `visible` (from the access policy) restricts them to what the caller may see. */
    list: bind(ctx, list),
    get: bind(ctx, get),
    /** The stored version row (with text and pages), or a 404. */
    getVersion: bind(ctx, getVersion),
  };
}

export type DossierService = ReturnType<typeof createDossierService>;
