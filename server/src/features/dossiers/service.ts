import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, max, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { disclosures, dossiers, dossierVersions, embeddings, passages } from '../../../../db/schema';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../../lib/errors';
import { offlineEmbedderDimensions } from '../../lib/llm/embeddings';
import type { Embedder } from '../../lib/llm/types';
import type { Logger } from '../../lib/logger';
import { redactPii } from '../../lib/redact';
import { getExam } from '../referential';
import type { PassageVector } from './ingest/ingest';
import { ingestDocument } from './ingest/parse';
import type { ParsedDocument, Passage } from './ingest/types';
import type { DossierView, VersionView } from './schemas';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface DossierServiceDeps {
  database: Database;
  embedder: Embedder;
  logger: Logger;
  maxUploadBytes: number;
  parseTimeoutMs: number;
  /** Redact e-mail addresses and phone numbers from passages sent to a remote embedding model. */
  redactPii?: boolean;
}

type VersionRow = typeof dossierVersions.$inferSelect;

/**
 * The parse budget of a file: `PREJURY_PARSE_TIMEOUT_MS` per started megabyte, at least once and at most
 * ten times. A 3 MB dossier does three times the work of a 1 MB one; one fixed budget either refuses big
 * honest files on a busy server or lets a hostile small one hold a worker for long.
 */
export function parseBudgetMs(parseTimeoutMs: number, bytes: number): number {
  return parseTimeoutMs * Math.min(10, Math.max(1, Math.ceil(bytes / 1048576)));
}

const HIDDEN_EXCERPT = 160;
/** Rows per insert statement when storing a version's passages and embeddings. */
const INSERT_BATCH = 100;

function toVersionView(
  row: Omit<VersionRow, 'file' | 'text' | 'pageTexts' | 'tables'>,
  passageCount: number,
): VersionView {
  return {
    version: row.version,
    fileName: row.fileName,
    format: row.format as VersionView['format'],
    sizeBytes: row.sizeBytes,
    pages: row.pages,
    pagesEstimated: row.pagesEstimated,
    pagesExcludingAnnexes: row.pagesExcludingAnnexes,
    annexStartPage: row.annexStartPage,
    words: row.words,
    language: row.language,
    sections: row.sections.map(({ title, level, page, pageEnd, annex, language }) => ({
      title,
      level,
      page,
      pageEnd,
      annex,
      language,
    })),
    warnings: row.warnings,
    hidden: row.hidden.map((h) => ({
      kind: h.kind,
      location: h.location,
      excerpt: h.text.length > HIDDEN_EXCERPT ? `${h.text.slice(0, HIDDEN_EXCERPT)}…` : h.text,
    })),
    passages: passageCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Columns of a version without the heavy ones (original file, text). */
const versionSummaryColumns = {
  id: dossierVersions.id,
  dossierId: dossierVersions.dossierId,
  version: dossierVersions.version,
  fileName: dossierVersions.fileName,
  format: dossierVersions.format,
  mediaType: dossierVersions.mediaType,
  sizeBytes: dossierVersions.sizeBytes,
  sha256: dossierVersions.sha256,
  pages: dossierVersions.pages,
  pagesEstimated: dossierVersions.pagesEstimated,
  annexStartPage: dossierVersions.annexStartPage,
  pagesExcludingAnnexes: dossierVersions.pagesExcludingAnnexes,
  words: dossierVersions.words,
  language: dossierVersions.language,
  sections: dossierVersions.sections,
  hidden: dossierVersions.hidden,
  warnings: dossierVersions.warnings,
  metadata: dossierVersions.metadata,
  createdAt: dossierVersions.createdAt,
};

/**
 * Dossiers and their versions: ingestion (parse → passages → embeddings) and storage.
 * An upload is all-or-nothing: everything slow or fallible (parsing, embedding) happens before one
 * transaction that writes the dossier, the version, its passages and new embeddings together.
 */
export function createDossierService(deps: DossierServiceDeps) {
  const { database, embedder, logger } = deps;
  const { db } = database;

  /** The offline embedder runs here; any other model is an external provider receiving passages. */
  const remote = !embedder.model.startsWith('offline-');
  const redact = deps.redactPii ?? true;
  /** With the offline embedder, the parse worker computes the vectors too (CPU, off the event loop). */
  const offlineDimensions = offlineEmbedderDimensions(embedder);

  async function ingest(
    file: UploadedFile,
  ): Promise<{ doc: ParsedDocument; passages: Passage[]; vectors: PassageVector[] | null; sha256: string }> {
    if (file.bytes.byteLength > deps.maxUploadBytes) {
      throw new PayloadTooLargeError(
        `Fichier trop volumineux (${(file.bytes.byteLength / 1048576).toFixed(1)} Mo) : la limite est de ${(deps.maxUploadBytes / 1048576).toFixed(0)} Mo.`,
      );
    }
    const { doc, passages, vectors } = await ingestDocument(file.bytes, {
      fileName: file.name,
      timeoutMs: parseBudgetMs(deps.parseTimeoutMs, file.bytes.byteLength),
      offlineDimensions,
    });
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    return { doc, passages, vectors, sha256 };
  }

  /**
   * The vectors to store for passages whose content has none yet for this model: taken from `computed`
   * (the parse worker's offline vectors) when given, else asked of the embedder.
   */
  async function newEmbeddings(
    chunks: { text: string; contentHash: string }[],
    computed: PassageVector[] | null = null,
  ) {
    const hashes = [...new Set(chunks.map((c) => c.contentHash))];
    if (hashes.length === 0) return [];
    const known = await db
      .select({ hash: embeddings.contentHash })
      .from(embeddings)
      .where(and(eq(embeddings.model, embedder.model), inArray(embeddings.contentHash, hashes)));
    const knownSet = new Set(known.map((k) => k.hash));
    if (computed !== null) {
      return computed
        .filter((v) => !knownSet.has(v.contentHash))
        .map((v) => ({
          contentHash: v.contentHash,
          model: embedder.model,
          dimensions: v.embedding.length,
          embedding: v.embedding,
        }));
    }
    const todo = new Map<string, string>();
    for (const c of chunks)
      if (!knownSet.has(c.contentHash) && !todo.has(c.contentHash)) todo.set(c.contentHash, c.text);
    if (todo.size === 0) return [];
    let vectors: number[][];
    try {
      const texts = [...todo.values()];
      vectors = await embedder.embed(remote && redact ? texts.map((t) => redactPii(t).text) : texts);
    } catch (err) {
      // Never refuse an upload for this: the dossier is stored, retrieval falls back to full-text search
      // (the report says so) and the next review embeds what is missing. Kind and status only: no text.
      const { kind, status, code, message } = err as {
        kind?: string;
        status?: number;
        code?: string;
        message?: string;
      };
      logger.warn(
        {
          model: embedder.model,
          kind,
          status,
          code,
          reason: kind === 'invalid_output' ? message : undefined,
        },
        'embedding failed: stored without vectors, full-text retrieval until re-embedded',
      );
      return [];
    }
    return [...todo.keys()].map((contentHash, i) => ({
      contentHash,
      model: embedder.model,
      dimensions: vectors[i].length,
      embedding: vectors[i],
    }));
  }

  async function store(
    dossierId: string | null,
    examId: string,
    title: string,
    file: UploadedFile,
    ownerId: string | null = null,
  ) {
    const { doc, passages: chunks, vectors: computed, sha256 } = await ingest(file);
    const vectors = await newEmbeddings(chunks, computed);
    return db.transaction(async (tx) => {
      let id = dossierId;
      if (id === null) {
        const [created] = await tx
          .insert(dossiers)
          .values({ examId, title, ownerId })
          .returning({ id: dossiers.id });
        id = created.id;
      } else {
        await tx.update(dossiers).set({ title }).where(eq(dossiers.id, id));
      }
      const [{ latest }] = await tx
        .select({ latest: max(dossierVersions.version) })
        .from(dossierVersions)
        .where(eq(dossierVersions.dossierId, id));
      const [version] = await tx
        .insert(dossierVersions)
        .values({
          dossierId: id,
          version: (latest ?? 0) + 1,
          fileName: file.name.slice(0, 255) || 'dossier',
          format: doc.format,
          mediaType: doc.mediaType,
          sizeBytes: file.bytes.byteLength,
          sha256,
          file: Buffer.from(file.bytes),
          pages: doc.pages.length,
          pagesEstimated: doc.pagesEstimated,
          annexStartPage: doc.annexStartPage,
          pagesExcludingAnnexes: doc.pagesExcludingAnnexes,
          words: doc.words,
          language: doc.language,
          text: doc.text,
          pageTexts: doc.pages,
          sections: doc.sections,
          tables: doc.tables,
          hidden: doc.hidden,
          warnings: doc.warnings,
          metadata: doc.metadata,
        })
        .returning({ id: dossierVersions.id, version: dossierVersions.version });
      // In batches: on the embedded database each statement runs on this thread (full-text vectors and
      // indexes included), so a 3 MB dossier's thousands of passages in one statement held the event loop
      // for seconds; between batches other requests are served. (PostgreSQL also caps a statement's
      // parameters at 65,535.)
      for (let from = 0; from < chunks.length; from += INSERT_BATCH) {
        await tx.insert(passages).values(
          chunks.slice(from, from + INSERT_BATCH).map((c, i) => ({
            versionId: version.id,
            ordinal: from + i,
            page: c.page,
            pageEnd: c.pageEnd,
            section: c.section,
            annex: c.annex,
            charStart: c.charStart,
            charEnd: c.charEnd,
            text: c.text,
            contentHash: c.contentHash,
          })),
        );
      }
      for (let from = 0; from < vectors.length; from += INSERT_BATCH) {
        await tx
          .insert(embeddings)
          .values(vectors.slice(from, from + INSERT_BATCH))
          .onConflictDoNothing();
      }
      if (remote && vectors.length > 0) {
        // The record of transfers: this version's passages went to the embedding provider.
        await tx.insert(disclosures).values({
          versionId: version.id,
          provider: 'openai',
          model: embedder.model,
          purpose: 'embedding',
          redacted: redact,
        });
      }
      logger.info(
        {
          dossierId: id,
          version: version.version,
          pages: doc.pages.length,
          passages: chunks.length,
          embedded: vectors.length,
        },
        'dossier version stored',
      );
      return { id, version: version.version };
    });
  }

  /**
   * Embeds the passages of a version that have no vector for the current model (an upload whose
   * embeddings failed, or a model changed since). Best effort: false when vectors are still missing.
   */
  async function embedMissing(versionId: string): Promise<boolean> {
    const rows = await db
      .select({ text: passages.text, contentHash: passages.contentHash })
      .from(passages)
      .where(eq(passages.versionId, versionId));
    const vectors = await newEmbeddings(rows);
    const expected = new Set(rows.map((r) => r.contentHash)).size;
    if (vectors.length > 0) {
      await db.transaction(async (tx) => {
        await tx.insert(embeddings).values(vectors).onConflictDoNothing();
        if (remote) {
          await tx.insert(disclosures).values({
            versionId,
            provider: 'openai',
            model: embedder.model,
            purpose: 'embedding',
            redacted: redact,
          });
        }
      });
    }
    if (expected === 0) return true;
    const [{ n }] = await db
      .select({ n: count() })
      .from(embeddings)
      .where(
        and(
          eq(embeddings.model, embedder.model),
          inArray(
            embeddings.contentHash,
            rows.map((r) => r.contentHash),
          ),
        ),
      );
    return Number(n) >= expected;
  }

  async function get(id: string): Promise<DossierView> {
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    if (!dossier) throw new NotFoundError('Dossier', id);
    const versions = await db
      .select(versionSummaryColumns)
      .from(dossierVersions)
      .where(eq(dossierVersions.dossierId, id))
      .orderBy(asc(dossierVersions.version));
    const counts = await db
      .select({ versionId: passages.versionId, n: count() })
      .from(passages)
      .where(
        inArray(
          passages.versionId,
          versions.map((v) => v.id),
        ),
      )
      .groupBy(passages.versionId);
    const byVersion = new Map(counts.map((c) => [c.versionId, Number(c.n)]));
    return {
      id: dossier.id,
      examId: dossier.examId,
      title: dossier.title,
      createdAt: dossier.createdAt.toISOString(),
      versions: versions.map((v) => toVersionView(v, byVersion.get(v.id) ?? 0)),
    };
  }

  return {
    embedMissing,
    async create(input: {
      examId: string;
      title?: string;
      file: UploadedFile;
      /** The candidate the dossier belongs to (null from the command line). */
      ownerId?: string | null;
    }): Promise<DossierView> {
      const exam = getExam(input.examId);
      if (!exam) throw new ValidationError(`Épreuve inconnue : ${input.examId}. Voir GET /api/exams.`);
      const title = input.title?.trim() || `${exam.case} — ${input.file.name}`;
      const { id } = await store(null, exam.id, title, input.file, input.ownerId ?? null);
      return get(id);
    },

    async addVersion(dossierId: string, file: UploadedFile): Promise<DossierView> {
      const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
      if (!dossier) throw new NotFoundError('Dossier', dossierId);
      // A title Préjury made from the file's name follows the newest file; a title the candidate chose stays.
      const [latest] = await db
        .select({ fileName: dossierVersions.fileName })
        .from(dossierVersions)
        .where(eq(dossierVersions.dossierId, dossierId))
        .orderBy(desc(dossierVersions.version))
        .limit(1);
      const exam = getExam(dossier.examId);
      const automatic = exam && latest && dossier.title === `${exam.case} — ${latest.fileName}`;
      const title = automatic ? `${exam.case} — ${file.name}` : dossier.title;
      await store(dossier.id, dossier.examId, title, file);
      return get(dossier.id);
    },

    /** Dossiers, newest first; `visible` (from the access policy) restricts them to what the caller may see. */
    async list(visible?: SQL) {
      const rows = await db
        .select({
          id: dossiers.id,
          examId: dossiers.examId,
          title: dossiers.title,
          createdAt: dossiers.createdAt,
          latestVersion: max(dossierVersions.version),
          versions: count(dossierVersions.id),
        })
        .from(dossiers)
        .leftJoin(dossierVersions, eq(dossierVersions.dossierId, dossiers.id))
        .where(visible)
        .groupBy(dossiers.id)
        .orderBy(desc(dossiers.createdAt));
      return rows.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        latestVersion: r.latestVersion ?? 0,
        versions: Number(r.versions),
      }));
    },

    get,

    /** The stored version row (with text and pages), or a 404. */
    async getVersion(dossierId: string, version: number) {
      const [row] = await db
        .select()
        .from(dossierVersions)
        .where(and(eq(dossierVersions.dossierId, dossierId), eq(dossierVersions.version, version)));
      if (!row) throw new NotFoundError('Version du dossier', `${dossierId} v${version}`);
      return row;
    },

    /** Deletes a dossier and everything derived from it, including embeddings no other passage uses. */
  };
}

export type DossierService = ReturnType<typeof createDossierService>;
