import { Worker } from 'node:worker_threads';
import type { ParserOptions, QueryOptions, Results } from '@electric-sql/pglite';
import {
  fromWireError,
  type PgliteThreadOptions,
  type Reply,
  type Request,
  type WireQueryOptions,
} from './pglite-protocol';

const BYTEA = 17;

/** Distributes `Omit` over a union, so each request keeps its own fields. */
type Outgoing = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

const THREAD = new URL('./pglite-thread.mjs', import.meta.url);

/**
 * The part of PGlite's interface that drizzle, the migrator, pg-boss's adapter and `Database.query` use:
 * `query`, `exec`, `transaction`, `closed`, `close`.
 */
export interface PgliteClient {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(callback: (tx: PgliteTransaction) => Promise<T>): Promise<T>;
  readonly closed: boolean;
  close(): Promise<void>;
}

export interface PgliteTransaction {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string, options?: QueryOptions): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

function toWire(options: QueryOptions | undefined): WireQueryOptions {
  if (!options) return {};
  if (options.serializers || options.blob || options.onNotice) {
    throw new Error('the PGlite thread takes no serializers, blob or onNotice per query');
  }
  return {
    ...(options.rowMode ? { rowMode: options.rowMode } : {}),
    ...(options.paramTypes ? { paramTypes: options.paramTypes } : {}),
    ...(options.parsers ? { rawTypes: Object.keys(options.parsers).map(Number) } : {}),
  };
}

/**
 * Finishes rows on this thread: bytea arrives as a plain Uint8Array (cloning drops Buffer's prototype)
 * and becomes a Buffer again without a copy; types the caller gave parsers for arrive as text and go
 * through them here, since functions cannot cross threads.
 */
function finish<T>(result: Results<T>, parsers: ParserOptions | undefined): Results<T> {
  const columns = result.fields
    .map((field, index) => ({ ...field, index }))
    .filter((f) => f.dataTypeID === BYTEA || parsers?.[f.dataTypeID]);
  if (columns.length === 0) return result;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const { name, index, dataTypeID } of columns) {
      const key = Array.isArray(row) ? index : name;
      const value = row[key];
      if (value === null || value === undefined) continue;
      const parse = parsers?.[dataTypeID];
      if (parse) row[key] = (parse as (text: string, typeId: number) => unknown)(value as string, dataTypeID);
      else if (value instanceof Uint8Array)
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return result;
}

/**
 * The embedded database, run in its own thread (pglite-thread.ts) and used from this one with PGlite's
 * own interface. Statements wait in the thread's queue as they would in PGlite: a transaction holds the
 * database until it ends, and other statements run after it.
 */
export class PgliteProxy implements PgliteClient {
  #worker: Worker;
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  #nextId = 1;
  #closed = false;
  #failure: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts the thread and resolves once its database is open. */
  static async start(options: PgliteThreadOptions = {}): Promise<PgliteProxy> {
    // No inherited `--import tsx`: the thread is plain JavaScript, and a loader would start one more
    // thread of its own (module hooks run off-thread in Node 20). A small young generation: the thread
    // keeps few objects (big rows go to V8's large-object space), and its default semi-spaces stayed
    // resident, some 30 MB of the idle server.
    const worker = new Worker(THREAD, {
      workerData: options,
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    const proxy = new PgliteProxy(worker);
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if ('ok' in reply) return proxy.#settle(reply);
        if (reply.ready) resolve();
        else reject(fromWireError(reply.error));
      });
      worker.once('error', (err) => {
        reject(err);
        proxy.#stop(err);
      });
      worker.once('exit', (code) => {
        const err = new Error(`the PGlite thread exited (code ${code})`);
        reject(err);
        proxy.#stop(err);
      });
    }).catch(async (err: unknown) => {
      await worker.terminate();
      throw err;
    });
    worker.unref();
    return proxy;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #stop(err: Error) {
    this.#closed = true;
    this.#failure ??= err;
    for (const { reject } of this.#pending.values()) reject(err);
    this.#pending.clear();
  }

  #settle(reply: Extract<Reply, { ok: boolean }>) {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    // An idle thread must not keep a finished process (a CLI, a test) alive.
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(fromWireError(reply.error));
  }

  /** Sends one request; `close` is the only one allowed once closed. */
  call(request: Outgoing): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed && request.op !== 'close') return Promise.reject(new Error('PGlite is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage({ ...request, id });
    });
  }

  async query<T>(text: string, params: unknown[] = [], options?: QueryOptions, tx?: number) {
    const result = (await this.call({
      op: 'query',
      text,
      params,
      options: toWire(options),
      ...(tx ? { tx } : {}),
    })) as Results<T>;
    return finish(result, options?.parsers);
  }

  async exec(text: string, options?: QueryOptions, tx?: number) {
    const results = (await this.call({
      op: 'exec',
      text,
      options: toWire(options),
      ...(tx ? { tx } : {}),
    })) as Results[];
    return results.map((r) => finish(r, options?.parsers));
  }

  /**
   * Runs `callback` in a transaction held open in the thread: committed when it resolves, rolled back
   * when it throws or calls `rollback()`.
   */
  async transaction<T>(callback: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
    const id = (await this.call({ op: 'begin' })) as number;
    let closed = false;
    const tx: PgliteTransaction = {
      query: (text, params, options) => this.query(text, params, options, id),
      exec: (text, options) => this.exec(text, options, id),
      rollback: async () => {
        await this.call({ op: 'rollback', tx: id });
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (err) {
      await this.call({ op: 'end', tx: id, commit: false }).catch(() => {});
      throw err;
    }
    await this.call({ op: 'end', tx: id, commit: !closed });
    return result;
  }

  /** The data folder as an uncompressed tarball (PGlite's `dumpDataDir`), to start another from. */
  async dump(): Promise<ArrayBuffer> {
    return (await this.call({ op: 'dump' })) as ArrayBuffer;
  }

  async close(): Promise<void> {
    if (this.#failure) return;
    if (!this.#closed) {
      this.#closed = true;
      await this.call({ op: 'close' });
    }
    await this.#worker.terminate();
  }
}
