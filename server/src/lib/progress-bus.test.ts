import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client';
import {
  createPostgresTestDatabase,
  describePostgres,
  type PostgresTestDatabase,
} from '../../../db/postgres-testing';
import { testConfig } from './env';
import { createLogger } from './logger';
import { createProgressBus, type ProgressBus } from './progress-bus';

describePostgres('review progress over LISTEN/NOTIFY', () => {
  const opened: Database[] = [];
  const buses: ProgressBus[] = [];
  let pgdb: PostgresTestDatabase | undefined;
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
    for (const db of opened.splice(0)) await db.close();
    await pgdb?.drop();
  });

  it('wakes a subscriber in another process when a worker publishes, and only for its review', async () => {
    pgdb = await createPostgresTestDatabase();
    const logger = createLogger(testConfig());
    // Two pools on one database: an API process and a worker process.
    const api = await openDatabase({ databaseUrl: pgdb.url, poolMax: 2 });
    const worker = await openDatabase({ databaseUrl: pgdb.url, poolMax: 2, migrate: false });
    opened.push(api, worker);
    const apiBus = createProgressBus(api, logger);
    const workerBus = createProgressBus(worker, logger);
    buses.push(apiBus, workerBus);

    const heard: string[] = [];
    let notify: () => void = () => {};
    const second = new Promise<void>((resolve) => {
      notify = () => heard.length >= 2 && resolve();
    });
    const unsubscribe = await apiBus.subscribe('review-a', () => {
      heard.push('a');
      notify();
    });
    await apiBus.subscribe('review-b', () => heard.push('b'));
    workerBus.publish('review-a');
    workerBus.publish('review-c');
    workerBus.publish('review-a');
    await second;
    expect(heard).toEqual(['a', 'a']);
    unsubscribe();
    workerBus.publish('review-a');
    workerBus.publish('review-b');
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual(['a', 'a', 'b']);
  });
});

describePostgres('review progress when the listening connection drops', () => {
  let pgdb: PostgresTestDatabase | undefined;
  let database: Database | undefined;
  let bus: ProgressBus | undefined;
  afterEach(async () => {
    await bus?.close();
    await database?.close();
    await pgdb?.drop();
  });

  it('listens again on a new connection, and never releases the lost one twice', async () => {
    pgdb = await createPostgresTestDatabase();
    const idleErrors: Error[] = [];
    const db = await openDatabase({
      databaseUrl: pgdb.url,
      poolMax: 3,
      onIdleError: (e) => idleErrors.push(e),
    });
    database = db;
    bus = createProgressBus(db, createLogger(testConfig()));
    const heard: string[] = [];
    await bus.subscribe('review-a', () => heard.push('a'));

    // The server ends the LISTEN backend, as a restart or an administrator would: the client emits
    // 'error' (and node-postgres may emit it more than once), the bus drops it and listens again.
    const [{ ended }] = await db.query<{ ended: number }>(
      `select count(pg_terminate_backend(pid))::int as ended from pg_stat_activity
        where datname = current_database() and query ilike 'LISTEN%'`,
    );
    expect(ended).toBe(1);
    await expect
      .poll(
        async () =>
          (
            await db.query<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity
                where datname = current_database() and query ilike 'LISTEN%'`,
            )
          )[0].n,
        { timeout: 5_000, interval: 100 },
      )
      .toBe(1);
    bus.publish('review-a');
    await expect.poll(() => heard, { timeout: 3_000 }).toEqual(['a']);

    // Closed, the bus hands its connection back to the pool. When the server later ends that idle
    // connection (here, as `drop database … with (force)` does), the pool's handler is told, and nothing
    // is released a second time (which node-postgres throws as an uncaught exception).
    await bus.close();
    bus = undefined;
    const outsider = new pg.Client({ connectionString: pgdb.url });
    await outsider.connect();
    try {
      const { rows } = await outsider.query<{ idle: number }>(
        `select count(pg_terminate_backend(pid))::int as idle from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`,
      );
      expect(rows[0].idle).toBeGreaterThan(0);
    } finally {
      await outsider.end();
    }
    await expect.poll(() => idleErrors.length, { timeout: 3_000 }).toBeGreaterThan(0);
  });
});
