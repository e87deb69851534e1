import { UnprocessableError } from '../../../lib/errors';
import { pageAt } from './page-offsets';
import { type IngestedUpload, ParsePool } from './parse-pool';
import type { finishDocument } from './pipeline';
import type { ParsedDocument } from './types';

export interface ParseOptions {
  /** Used in messages only: the format is always detected from the content. */
  fileName: string;
  /**
   * Wall-clock budget for parsing, from the moment a worker starts on the file (not while it waits for
   * one); the worker is terminated beyond it (422 `parse_timeout`).
   */
  timeoutMs: number;
}

/**
 * Detects the format and parses an upload in the current thread. Used by the worker, and directly by
 * benchmarks and tests; the API goes through `parseDocument`, which keeps this off the event loop.
 */
export async function parseDocumentInProcess(
  bytes: Uint8Array,
  options: Pick<ParseOptions, 'fileName'>,
): Promise<ParsedDocument> {
  // The parsers (pdf.js, the DOCX reader, language data) load here, on first use: in the worker. The API
  // process only imports this module for the pool and never pays for them at rest.
  const [{ MEDIA_TYPES, sniff }, { finishDocument }] = await Promise.all([
    import('./detect'),
    import('./pipeline'),
  ]);
  const finish = (raw: Parameters<typeof finishDocument>[0]) => finishOrEmpty(finishDocument(raw));
  const sniffed = await sniff(bytes, options.fileName);
  switch (sniffed.format) {
    case 'pdf':
      return finish(await (await import('./pdf')).parsePdf(bytes, sniffed.mediaType));
    case 'docx':
      if (sniffed.zip === undefined) throw new Error('docx sniffed without its archive');
      return finish((await import('./docx')).parseDocx(sniffed.zip, sniffed.mediaType));
    default: {
      const { parseText } = await import('./text');
      return finish(parseText(sniffed.text ?? '', sniffed.format, MEDIA_TYPES[sniffed.format]));
    }
  }
}

function finishOrEmpty(doc: ParsedDocument): ParsedDocument {
  if (doc.words === 0) {
    throw new UnprocessableError('empty_file', 'Le document ne contient aucun texte lisible.');
  }
  return doc;
}

let pool: ParsePool | null = null;

/**
 * Parses an upload in a worker thread (off the event loop) within `timeoutMs`: detection, extraction,
 * normalisation, sections, languages. Errors raised in the worker come back as the same `AppError`
 * (code, status, message); a parse over budget is 422 `parse_timeout`, one running out of memory 422
 * `parse_failed`. Workers are pooled and kept warm between uploads.
 */
export function parseDocument(bytes: Uint8Array, options: ParseOptions): Promise<ParsedDocument> {
  pool ??= new ParsePool();
  return pool.run(bytes, options.fileName, options.timeoutMs);
}

/**
 * Everything CPU-heavy an upload needs, in a worker thread: the SHA-256 of the bytes, the parse as in
 * `parseDocument`, then the retrieval passages and, with the offline embedder (`offlineDimensions`), their
 * vectors. The event loop only receives the result. Rejects like `parseDocument`.
 *
 * With `handOver`, `bytes` moves to the worker and comes back as the result's `bytes` (no copy of a
 * multi-megabyte upload on the event loop): the caller must not use its own reference after the call.
 * Without it the worker gets a copy and the caller's array stays as it was.
 */
export function ingestDocument(
  bytes: Uint8Array,
  options: ParseOptions & { offlineDimensions: number | null; handOver: boolean },
): Promise<IngestedUpload> {
  pool ??= new ParsePool();
  return pool.ingest(
    bytes,
    { fileName: options.fileName, passages: true, offlineDimensions: options.offlineDimensions },
    options.timeoutMs,
    options.handOver,
  );
}

/** Stops the parse workers (graceful shutdown); the next `parseDocument` starts new ones. */
export async function closeParsePool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.close();
}

/** The page holding character `offset` of `doc.text` (an offset between pages belongs to the page before). */
export function pageOfOffset(doc: Pick<ParsedDocument, 'pageOffsets'>, offset: number): number {
  return pageAt(doc.pageOffsets, offset);
}
