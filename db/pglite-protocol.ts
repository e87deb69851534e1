/**
 * The messages between the main thread and the PGlite thread (see pglite-thread.ts and pglite-proxy.ts).
 * Only structured-clonable data crosses: no functions, so parsers and serializers live in the thread.
 * (The thread is plain JavaScript and checks itself against these types through JSDoc.)
 */

/** How the thread opens its database. */
export interface PgliteThreadOptions {
  /** A folder, or undefined for an in-memory database. */
  dataDir?: string | undefined;
  /** Extra PostgreSQL start parameters (`-c name=value` pairs). */
  startParams?: string[];
  /** A data-folder tarball (`dumpDataDir`) to start from, e.g. a migrated template in tests. */
  loadDataDir?: ArrayBuffer;
}

/** Query options that can cross a thread. */
export interface WireQueryOptions {
  rowMode?: 'array' | 'object';
  paramTypes?: number[];
  /** Type OIDs the thread returns as PostgreSQL's text, for the caller's own parsers. */
  rawTypes?: number[];
}

export type Request =
  | { id: number; op: 'query'; tx?: number; text: string; params: unknown[]; options: WireQueryOptions }
  | { id: number; op: 'exec'; tx?: number; text: string; options: WireQueryOptions }
  | { id: number; op: 'begin' }
  | { id: number; op: 'rollback'; tx: number }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** A database error's fields (code, detail, constraint…) without its query or parameters. */
export interface WireError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean>;
}

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  /** Sent once, when the database is open (id 0), or with the reason it could not be opened. */
  | { id: 0; ready: true }
  | { id: 0; ready: false; error: WireError };

export function fromWireError(wire: WireError): Error {
  const err = new Error(wire.message);
  err.name = wire.name;
  return Object.assign(err, wire.fields);
}
