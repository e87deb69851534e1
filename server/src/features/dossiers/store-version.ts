import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { dossierVersions, embeddings, passages } from '../../../../db/schema';
import type { ParsedDocument, Passage } from './ingest/types';

/** The transaction handle drizzle gives `db.transaction`'s callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Rows per insert statement when storing a version's passages and embeddings. The embedded database runs
 * one statement at a time (in its own thread: db/pglite-proxy.ts), full-text vector, GIN and primary-key
 * maintenance included: 25 passages keep each one to a few milliseconds, so other requests' statements
 * are not queued behind a long one. (PostgreSQL also caps a statement's parameters at 65,535.)
 */
export const INSERT_BATCH = 25;

/**
 * Lets the event loop run what is waiting (other requests, timers) before the next statement. PGlite
 * on the main thread answered a query synchronously inside a promise, so `await`ing statement after
 * statement only ran microtasks: a whole upload's transaction held the event loop for seconds. It now runs
 * in its own thread, and this stays as a guarantee that holds for any driver. A timer rather than `setImmediate`: an immediate queued from an I/O callback
 * runs in the same loop turn, before timers, so two statements could still run back to back. Over a
 * network (PostgreSQL) the wait is for the reply anyway.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface NewVersion {
  dossierId: string;
  version: number;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  doc: ParsedDocument;
}

export interface NewEmbedding {
  contentHash: string;
  model: string;
  dimensions: number;
  embedding: number[];
}

/**
 * Writes one dossier version, its passages and the new embeddings inside the caller's transaction, in
 * bounded statements with the event loop served between them. Returns the version's id.
 */
export async function writeVersion(
  tx: Tx,
  input: NewVersion,
  chunks: readonly Passage[],
  vectors: readonly NewEmbedding[],
): Promise<string> {
  const { doc } = input;
  // The GIN index of the passages' full-text vectors queues new entries and merges them all at once when
  // the queue passes 4 MB: one statement of a big upload then did seconds of merging. 64 kB (the least)
  // keeps each merge small. For this transaction only.
  await tx.execute(sql`set local gin_pending_list_limit = 64`);
  // The row first, then each multi-megabyte column in its own statement: sending, parsing and storing one
  // such value is the longest single step of an upload on the embedded database.
  const [row] = await tx
    .insert(dossierVersions)
    .values({
      dossierId: input.dossierId,
      version: input.version,
      fileName: input.fileName.slice(0, 255) || 'dossier',
      format: doc.format,
      mediaType: doc.mediaType,
      sizeBytes: input.bytes.byteLength,
      sha256: input.sha256,
      file: Buffer.alloc(0),
      pages: doc.pages.length,
      pagesEstimated: doc.pagesEstimated,
      annexStartPage: doc.annexStartPage,
      pagesExcludingAnnexes: doc.pagesExcludingAnnexes,
      words: doc.words,
      language: doc.language,
      text: '',
      pageTexts: [],
      sections: doc.sections,
      tables: [],
      hidden: doc.hidden,
      warnings: doc.warnings,
      metadata: doc.metadata,
    })
    .returning({ id: dossierVersions.id });
  const heavy: Partial<typeof dossierVersions.$inferInsert>[] = [
    // A Buffer over the same memory, not a copy.
    { file: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) },
    { text: doc.text },
    { pageTexts: doc.pages },
    { tables: doc.tables },
  ];
  for (const set of heavy) {
    await yieldToEventLoop();
    await tx.update(dossierVersions).set(set).where(eq(dossierVersions.id, row.id));
  }
  for (let from = 0; from < chunks.length; from += INSERT_BATCH) {
    await yieldToEventLoop();
    await tx.insert(passages).values(
      chunks.slice(from, from + INSERT_BATCH).map((c, i) => ({
        versionId: row.id,
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
    await yieldToEventLoop();
    await tx
      .insert(embeddings)
      .values(vectors.slice(from, from + INSERT_BATCH))
      .onConflictDoNothing();
  }
  await yieldToEventLoop();
  return row.id;
}
