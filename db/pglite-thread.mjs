// @ts-check
/**
 * The thread that owns the embedded database. PGlite is PostgreSQL compiled to WebAssembly and runs each
 * statement synchronously: on the server's main thread a 3 MB column write, its full-text and GIN updates
 * or a big read held every other request for their whole duration. Here they only hold this thread; the
 * main thread sends statements and receives rows (pglite-proxy.ts, messages in pglite-protocol.ts).
 *
 * Plain JavaScript on purpose: a TypeScript worker needs tsx's loader registered inside it, and in Node 20
 * module hooks run in a thread of their own, so that cost two more JavaScript heaps for the life of the
 * server. This file imports packages only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {import('./pglite-protocol').PgliteThreadOptions} */
const options = workerData ?? {};

/**
 * PGlite's own bytea codecs go byte by byte through JavaScript strings: a 3 MB upload took over a second
 * to serialise, and as long to read back. Node's hex codec does the same in native code. Parsed bytea
 * arrives on the main thread as a plain Uint8Array, which the proxy wraps in a Buffer again.
 */
const BYTEA_CODECS = {
  serializers: {
    /** @param {Uint8Array} bytes */
    [types.BYTEA]: (bytes) =>
      `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`,
  },
  /** @param {string} text */
  parsers: { [types.BYTEA]: (text) => Buffer.from(text.slice(2), 'hex') },
};

/** @param {unknown} value */
const identity = (value) => value;

/** @param {import('./pglite-protocol').WireQueryOptions} wire */
function queryOptions(wire) {
  return {
    ...(wire.rowMode ? { rowMode: wire.rowMode } : {}),
    ...(wire.paramTypes ? { paramTypes: wire.paramTypes } : {}),
    // Types the caller has its own parsers for go back as text: functions cannot cross threads.
    parsers: Object.fromEntries((wire.rawTypes ?? []).map((oid) => [oid, identity])),
  };
}

/** @param {import('@electric-sql/pglite').Results} result */
const plain = (result) => ({ rows: result.rows, fields: result.fields, affectedRows: result.affectedRows });

/**
 * What crosses back of an error: primitive fields only (code, detail, constraint…); a query's parameters
 * could be a whole dossier.
 * @param {unknown} err
 * @returns {import('./pglite-protocol').WireError}
 */
function toWireError(err) {
  const e = err instanceof Error ? err : new Error(String(err));
  /** @type {Record<string, string | number | boolean>} */
  const fields = {};
  for (const [key, value] of Object.entries(e)) {
    if (key === 'query' || key === 'params') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[key] = value;
  }
  return { name: e.name, message: e.message, fields };
}

/** @param {import('./pglite-protocol').Reply} message */
const reply = (message) => port.postMessage(message);
const ROLLBACK = Symbol('rollback');

async function main() {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
    extensions: { vector },
    ...BYTEA_CODECS,
    startParams: [...PGlite.defaultStartParams, ...(options.startParams ?? [])],
  });
  /**
   * Transactions held open for the main thread, by id. `endId` is the `end` request, answered once the
   * commit or rollback is done.
   * `rollBack` ends it without commit and resolves once it has ended (used by `close`).
   * @type {Map<number, { tx: import('@electric-sql/pglite').Transaction, finish: (commit: boolean) => void, rollBack: () => Promise<unknown>, endId?: number }>}
   */
  const transactions = new Map();
  let nextTx = 1;

  /** @param {number} id @param {number} txId @param {unknown} err */
  function settle(id, txId, err) {
    const open = transactions.get(txId);
    transactions.delete(txId);
    // Once started, the transaction answers its `end`; one that never started answers its `begin`.
    const to = open ? open.endId : id;
    if (to === undefined) return;
    reply(
      err === undefined ? { id: to, ok: true, value: null } : { id: to, ok: false, error: toWireError(err) },
    );
  }

  /** @param {number} id */
  function begin(id) {
    const txId = nextTx++;
    // Settles once the transaction has ended, committed or not (`rollBack` is only called after this is set).
    const ended = pglite
      .transaction(async (tx) => {
        /** @type {boolean} */
        const commit = await new Promise((resolve) => {
          transactions.set(txId, {
            tx,
            finish: resolve,
            rollBack: () => {
              resolve(false);
              return ended;
            },
          });
          reply({ id, ok: true, value: txId });
        });
        if (!commit && !tx.closed) throw ROLLBACK;
      })
      .then(
        () => settle(id, txId, undefined),
        (err) => settle(id, txId, err === ROLLBACK ? undefined : err),
      );
  }

  /** @param {number | undefined} txId */
  function transaction(txId) {
    const open = txId === undefined ? undefined : transactions.get(txId);
    if (txId !== undefined && !open) throw new Error(`no open transaction ${txId}`);
    return open;
  }

  /** @param {import('./pglite-protocol').Request} request */
  async function run(request) {
    switch (request.op) {
      case 'query':
        return plain(
          await (transaction(request.tx)?.tx ?? pglite).query(
            request.text,
            request.params,
            queryOptions(request.options),
          ),
        );
      case 'exec':
        return (
          await (transaction(request.tx)?.tx ?? pglite).exec(request.text, queryOptions(request.options))
        ).map(plain);
      case 'rollback':
        return transaction(request.tx)?.tx.rollback();
      case 'end': {
        const open = /** @type {NonNullable<ReturnType<typeof transaction>>} */ (transaction(request.tx));
        open.endId = request.id;
        open.finish(request.commit);
        return ROLLBACK; // answered by settle()
      }
      case 'dump':
        return (await pglite.dumpDataDir('none')).arrayBuffer();
      case 'close':
        // A transaction the main thread left open (its process is shutting down mid-request) would hold
        // PGlite's lock forever, and `close` with it: roll each back first, as a server does for a
        // connection that goes away.
        await Promise.all([...transactions.values()].map((open) => open.rollBack()));
        if (!pglite.closed) await pglite.close();
        return null;
      default:
        throw new Error(`unknown request ${/** @type {{ op: string }} */ (request).op}`);
    }
  }

  port.on('message', (/** @type {import('./pglite-protocol').Request} */ request) => {
    if (request.op === 'begin') return begin(request.id);
    run(request).then(
      (value) => value !== ROLLBACK && reply({ id: request.id, ok: true, value }),
      (err) => reply({ id: request.id, ok: false, error: toWireError(err) }),
    );
  });
  reply({ id: 0, ready: true });
}

main().catch((err) => reply({ id: 0, ready: false, error: toWireError(err) }));
