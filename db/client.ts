import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock';
import { secureDataDir } from './permissions';
import { type PgliteClient, PgliteProxy } from './pglite-proxy';
import { initPgliteDataDir, PGLITE_SERVER_PARAMS } from './pglite-setup';
import * as schema from './schema';

/**
 * The drizzle database both drivers give. PGlite's and node-postgres' drizzle objects share the same
 * query-builder API; we expose the node-postgres type so callers never branch on the driver.
 */
export type Db = NodePgDatabase<typeof schema>;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * The embedded database (PGlite, run in its own thread: see pglite-proxy.ts), for components that
   * speak SQL directly (job queue).
   */
  pglite?: PgliteClient;
  /** The node-postgres pool (server mode). */
  pool?: pg.Pool;
  /** Run a raw parameterised query on the underlying driver. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL: use PostgreSQL through node-postgres. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded PGlite; `memory://` (or undefined) for an in-memory database. */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** node-postgres pool size (default 10). */
  poolMax?: number;
  /**
   * PostgreSQL: how long to keep retrying while the server is unreachable, still starting, or the
   * database not created yet (default 60 s), so processes started beside their database wait for it.
   */
  waitMs?: number;
  /** Told about each failed attempt while waiting (a logger in the server). */
  onWait?: (reason: string) => void;
  /**
   * PostgreSQL: told when an idle pooled connection drops (server restart, terminated backend). The
   * pool has already discarded it and opens a new one on demand; without a handler node-postgres would
   * turn it into an uncaught exception.
   */
  onIdleError?: (err: Error) => void;
}

/**
 * Advisory-lock keys (the two-int form; the first is 'PRJY' so other applications on the same
 * server are unlikely to collide).
 */
export const ADVISORY_LOCKS = { migrations: 1, seed: 2 } as const;
const LOCK_NAMESPACE = 0x50524a59;

/** Errors that mean "not yet" rather than "wrong": connection refused, server starting, no database yet. */
function isTransient(err: unknown): boolean {
  const e = err as { code?: string };
  return (
    e?.code === 'ECONNREFUSED' ||
    e?.code === 'ECONNRESET' ||
    e?.code === 'ENOTFOUND' ||
    e?.code === 'EAI_AGAIN' ||
    e?.code === '57P03' || // cannot_connect_now: the server is starting up
    e?.code === '3D000' // invalid_catalog_name: the database is not created yet
  );
}

async function waitForServer(pool: pg.Pool, waitMs: number, onWait?: (reason: string) => void) {
  const deadline = Date.now() + waitMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      const client = await pool.connect();
      client.release();
      return;
    } catch (err) {
      if (!isTransient(err) || Date.now() + delay > deadline) throw err;
      onWait?.((err as Error).message);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock, so concurrent processes (API and
 * workers started together) take turns. The lock lives on one dedicated connection, handed to `fn`;
 * `fn` may use the pool too. Embedded PGlite belongs to one process: `fn` simply runs.
 */
export async function withAdvisoryLock<T>(
  database: Pick<Database, 'pool'>,
  key: number,
  fn: (client?: pg.PoolClient) => Promise<T>,
): Promise<T> {
  if (!database.pool) return fn();
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, key]);
    try {
      return await fn(client);
    } finally {
      await client.query('select pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, key]);
    }
  } finally {
    client.release();
  }
}

/**
 * Applies pending migrations under the migrations advisory lock. Every process started on an empty
 * database calls this: the first creates the extension and the schema while the others wait, then
 * find nothing left to do (run in parallel, two `CREATE TABLE`s or `CREATE EXTENSION`s collide).
 */
async function migratePostgres(pool: pg.Pool) {
  // On the lock's own connection: a pool of one must not wait for a second.
  await withAdvisoryLock({ pool }, ADVISORY_LOCKS.migrations, (client) =>
    migratePg(drizzlePg(client ?? pool), { migrationsFolder }),
  );
}

/** The one place that picks a driver. Opens, locks (PGlite), and migrates. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const shouldMigrate = options.migrate ?? true;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax ?? 10 });
    pool.on('error', (err) => options.onIdleError?.(err));
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    try {
      await waitForServer(pool, options.waitMs ?? 60_000, options.onWait);
      if (shouldMigrate) await migratePostgres(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return {
      db,
      kind: 'postgres',
      pool,
      async query<T>(text: string, params: unknown[] = []) {
        const res = await pool.query(text, params);
        return res.rows as T[];
      },
      close: () => pool.end(),
    };
  }

  const inMemory = !options.dataDir || options.dataDir.startsWith('memory://');
  // Private from the start (0700/0600), and fixed at each start if loosened since.
  if (!inMemory) secureDataDir(options.dataDir as string);
  const release = inMemory ? () => {} : lockDataDir(options.dataDir as string);
  try {
    // A new folder is created in a worker thread, so initdb's memory leaves with it (see initPgliteDataDir).
    if (!inMemory && shouldMigrate) await initPgliteDataDir(options.dataDir as string);
    // In its own thread: PGlite runs each statement synchronously, which on this thread stalled every
    // other request for as long as an upload's statements took.
    const pglite = await PgliteProxy.start({
      dataDir: inMemory ? undefined : options.dataDir,
      startParams: PGLITE_SERVER_PARAMS,
    });
    // PGlite writes its files 0666 whatever the umask: make them private once it has created them, and
    // again on close. Files it adds while running sit in the 0700 folder, which nobody else may enter.
    const secure = () => secureDataDir(options.dataDir as string);
    const database = wrapPglite(pglite, release, inMemory ? undefined : secure);
    try {
      if (shouldMigrate) await migrateEmbedded(pglite);
    } catch (err) {
      await pglite.close();
      throw err;
    }
    if (!inMemory) secure();
    return database;
  } catch (err) {
    release();
    throw err;
  }
}

function migrateEmbedded(pglite: PgliteClient) {
  return migratePglite(drizzlePglite(pglite as unknown as PGlite), { migrationsFolder });
}

function wrapPglite(pglite: PgliteClient, release: () => void, secure?: () => void): Database {
  const db = drizzlePglite(pglite as unknown as PGlite, { schema, casing: 'snake_case' });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    pglite,
    async query<T>(text: string, params: unknown[] = []) {
      const res = await pglite.query(text, params);
      return res.rows as T[];
    },
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
        secure?.();
      } finally {
        release();
      }
    },
  };
}

let template: Promise<ArrayBuffer> | undefined;

/**
 * A fresh, migrated in-memory database for tests, in its own thread as in production. Migrating takes
 * seconds on PGlite, so each test process migrates one template once and starts each database from a
 * copy of its data folder.
 */
export async function createTestDatabase(): Promise<Database> {
  template ??= (async () => {
    const pglite = await PgliteProxy.start();
    try {
      await migrateEmbedded(pglite);
      return await pglite.dump();
    } finally {
      await pglite.close();
    }
  })();
  const pglite = await PgliteProxy.start({ loadDataDir: await template });
  return wrapPglite(pglite, () => {});
}
