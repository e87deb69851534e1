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
