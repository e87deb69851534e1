/**
 * Tests against a real PostgreSQL server. `PREJURY_TEST_DATABASE_URL` names a superuser connection on
 * PostgreSQL 15+ with pgvector installed (`npm test` starts a throwaway cluster and sets it when it can;
 * CI always does). Each caller gets its own fresh database on that server, dropped afterwards.
 * Without the variable the suites skip, and say why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe } from 'vitest';

// Test-only: the server's configuration never reads this (it is not a Préjury setting).
const serverUrl = process.env.PREJURY_TEST_DATABASE_URL || undefined;

export const postgresAvailable = serverUrl !== undefined;

const SKIP_REASON =
  'PostgreSQL suites skipped: PREJURY_TEST_DATABASE_URL is unset (npm test sets it when it can start a ' +
  'PostgreSQL 15 + pgvector cluster; CI always does).';

/** `describe` on a real PostgreSQL, or skipped with the reason printed. */
export function describePostgres(name: string, fn: () => void) {
  if (!postgresAvailable) {
    console.warn(`${name}: ${SKIP_REASON}`);
    describe.skip(name, fn);
    return;
  }
  describe(name, () => {
    // Printed so a CI log shows these suites ran, and where.
    beforeAll(() => console.info(`${name}: running on PostgreSQL at ${new URL(serverUrl as string).host}`));
    fn();
  });
}

export interface PostgresTestDatabase {
  url: string;
  name: string;
  /** Drops the database (ending any connection left on it). */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A name for a fresh database on the test server, and its URL. With `create: false` the database does
 * not exist yet (call `create()`), to test processes that start before their database.
 */
export async function createPostgresTestDatabase(
  options: { create?: boolean } = {},
): Promise<PostgresTestDatabase & { create(): Promise<void> }> {
  if (!serverUrl) throw new Error(SKIP_REASON);
  const name = `prejury_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const create = () => admin(async (c) => void (await c.query(`create database "${name}"`)));
  if (options.create ?? true) await create();
  return {
    url: url.toString(),
    name,
    create,
    drop: () => admin(async (c) => void (await c.query(`drop database if exists "${name}" with (force)`))),
  };
}
