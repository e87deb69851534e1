import { randomUUID } from 'node:crypto';
import { type Database, openDatabase } from '../../db/client';
import { closeParsePool } from './features/dossiers/ingest/parse';
import type { Config } from './lib/env';
import { createJobQueue, QUEUES } from './lib/jobs';
import type { Logger } from './lib/logger';
import { createServices } from './services';

const SWEEP_MS = 30_000;

/**
 * Opens the database, builds the services and the job queue, and (unless disabled) runs review
 * workers in this process. Shared by the API server and `npm run worker`.
 */
export async function startRuntime(config: Config, logger: Logger, options: { workers: boolean }) {
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const services = createServices(config, database, logger);
  const queue = createJobQueue(database, logger);
  await queue.start();
  services.setEnqueue(async (reviewId) => {
    await queue.send(QUEUES.review, { reviewId });
  });

  let sweeper: NodeJS.Timeout | undefined;
  if (options.workers) {
    const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
    await queue.work(QUEUES.review, async (data) => services.reviews.run(String(data.reviewId), workerId));
    // Embedded mode: this process owns the database (it holds the lock), so leases left by a previous
    // process are dead; resume those reviews now instead of waiting for the leases to lapse.
    if (database.kind === 'pglite') await services.reviews.releaseAllLeases();
    const sweep = async () => {
      for (const id of await services.reviews.unfinished()) await queue.send(QUEUES.review, { reviewId: id });
    };
    await sweep();
    sweeper = setInterval(() => {
      sweep().catch((err: unknown) => logger.error({ err }, 'resume sweep failed'));
    }, SWEEP_MS);
    sweeper.unref();
  }

  return {
    database,
    services,
    async stop() {
      if (sweeper) clearInterval(sweeper);
      await queue.stop();
      await closeParsePool();
      await database.close();
    },
  };
}
