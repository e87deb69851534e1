import { UnprocessableError } from '../../../lib/errors';
import type { Logger } from '../../../lib/logger';
import { pageAt } from './page-offsets';
import { DEFAULT_POOL_OPTIONS, type IngestedUpload, type ParseChildEvent, ParsePool } from './parse-pool';
import type { finishDocument } from './pipeline';
import type { ParsedDocument } from './types';

export interface ParseOptions {
  /** Used in messages only: the format is always detected from the content. */
  fileName: string;
  /**
   * Wall-clock budget for parsing, from the moment a parse child takes the file (not while it waits for
   * one); the child is killed beyond it (422 `parse_timeout`).
   */
  timeoutMs: number;
}

/**
 * Detects the format and parses an upload in the current thread. Used by the parse child, and directly by
 * benchmarks and tests; the API goes through `parseDocument`, which keeps this out of its process.
 */
export async function parseDocumentInProcess(
  bytes: Uint8Array,
  options: Pick<ParseOptions, 'fileName'>,
): Promise<ParsedDocument> {
  // The parsers (pdf.js, the DOCX reader, language data) load here, on first use: in the parse child. The
  // API process only imports this module for the pool and never loads them.
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
let logger: Pick<Logger, 'warn'> | null = null;

/** The pool, started on first use; a child that dies during a parse is logged through `setParseLogger`'s. */
function parsePool(): ParsePool {
  pool ??= new ParsePool({
    ...DEFAULT_POOL_OPTIONS,
    log: (event: ParseChildEvent) => {
      if (logger) logger.warn(event, 'a parse child died during a parse');
      else process.stderr.write(`${JSON.stringify({ level: 'warn', ...event })}\n`);
    },
  });
  return pool;
}

/** Where the parse pool reports a child that died during a parse (the server's logger; stderr without one). */
export function setParseLogger(log: Pick<Logger, 'warn'> | null): void {
  logger = log;
}

/**
 * Parses an upload in a child process (off the event loop, and out of the API process) within `timeoutMs`:
 * detection, extraction, normalisation, sections, languages. Errors raised in the child come back as the
 * same `AppError` (code, status, message); a parse over budget is 422 `parse_timeout`, one whose child dies
 * (native crash, out of memory) 422 `parse_failed`. Children are pooled and kept warm between uploads.
 */
export function parseDocument(bytes: Uint8Array, options: ParseOptions): Promise<ParsedDocument> {
  return parsePool().run(bytes, options.fileName, options.timeoutMs);
}

/**
 * Everything CPU-heavy an upload needs, in a child process: the SHA-256 of the bytes, the parse as in
 * `parseDocument`, then the retrieval passages and, with the offline embedder (`offlineDimensions`), their
 * vectors. The event loop only receives the result. Rejects like `parseDocument`.
 *
 * The child reads a copy; the result's `bytes` are this process's. With `handOver` they are the very array
 * given (no second copy of a multi-megabyte upload): the caller gives it up. Without it they are a copy and
 * the caller's array stays its own.
 */
export function ingestDocument(
  bytes: Uint8Array,
  options: ParseOptions & { offlineDimensions: number | null; handOver: boolean },
): Promise<IngestedUpload> {
  return parsePool().ingest(
    bytes,
    { fileName: options.fileName, passages: true, offlineDimensions: options.offlineDimensions },
    options.timeoutMs,
    options.handOver,
  );
}

/** Stops the parse children (graceful shutdown); the next `parseDocument` starts new ones. */
export async function closeParsePool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.close();
}

/** The page holding character `offset` of `doc.text` (an offset between pages belongs to the page before). */
export function pageOfOffset(doc: Pick<ParsedDocument, 'pageOffsets'>, offset: number): number {
  return pageAt(doc.pageOffsets, offset);
}
