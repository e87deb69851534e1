import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock';
import { secureDataDir } from './permissions';
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
  /** The PGlite instance (embedded mode), for components that speak SQL directly (job queue). */
  pglite?: PGlite;
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
}

/** The one place that picks a driver. Opens, locks (PGlite), and migrates. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const shouldMigrate = options.migrate ?? true;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax ?? 10 });
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    if (shouldMigrate) await migratePg(db, { migrationsFolder });
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
    const pglite = await PGlite.create({
      ...(inMemory ? {} : { dataDir: options.dataDir }),
      extensions: { vector },
    });
    // PGlite writes its files 0666 whatever the umask: make them private once it has created them, and
    // again on close. Files it adds while running sit in the 0700 folder, which nobody else may enter.
    const secure = () => secureDataDir(options.dataDir as string);
    const database = wrapPglite(pglite, release, inMemory ? undefined : secure);
    if (shouldMigrate) await migratePglite(drizzlePglite(pglite), { migrationsFolder });
    if (!inMemory) secure();
    return database;
  } catch (err) {
    release();
    throw err;
  }
}

function wrapPglite(pglite: PGlite, release: () => void, secure?: () => void): Database {
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' });
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

let template: Promise<PGlite> | undefined;

/**
 * A fresh, migrated in-memory database for tests. Migrating takes seconds on PGlite, so each test
 * process migrates one template once and hands out clones of it.
 */
export async function createTestDatabase(): Promise<Database> {
  template ??= (async () => {
    const pglite = await PGlite.create({ extensions: { vector } });
    await migratePglite(drizzlePglite(pglite), { migrationsFolder });
    return pglite;
  })();
  const clone = (await (await template).clone()) as PGlite;
  return wrapPglite(clone, () => {});
}
