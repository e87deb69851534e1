import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { DataDirLockedError } from '../../db/lock';
import { DataDirPermissionError } from '../../db/permissions';
import { createApp } from './app';
import { ConfigError, loadConfig } from './lib/env';
import { createLogger } from './lib/logger';
import { startRuntime } from './runtime';

/** How long requests in flight may take to finish once a stop signal arrives, then how long the rest may take. */
const SHUTDOWN_GRACE_MS = 10_000;
const SHUTDOWN_STOP_MS = 15_000;

async function main() {
  const config = loadConfig();
  // Asynchronous writes (issue #17): a synchronous write per request line blocked the event loop for as
  // long as the disk or the pipe made it wait, hundreds of milliseconds under an upload burst. Lines queue
  // while a write is in flight and pino flushes them synchronously when the process exits.
  const logger = createLogger(config, pino.destination({ dest: 1, sync: false }));
  const runtime = await startRuntime(config, logger, { workers: config.embeddedWorker });
  logger.info(
    { database: runtime.database.kind, provider: config.provider, model: runtime.services.grader.model },
    'database ready',
  );

  const app = createApp({
    config: runtime.config,
    logger,
    database: runtime.database,
    services: runtime.services,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port }, `Préjury listening on http://localhost:${info.port}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // No new connections; requests in flight (an upload being stored) finish, for up to the grace period.
    // Connections still open then (event streams, a client that stopped sending) are cut.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    const grace = setTimeout(() => (server as Server).closeAllConnections(), SHUTDOWN_GRACE_MS);
    await drained;
    clearTimeout(grace);
    // A process manager kills what does not stop; better to say so and exit than to hang until then.
    setTimeout(() => {
      logger.error({ signal }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, SHUTDOWN_STOP_MS).unref();
    try {
      await runtime.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (
    err instanceof DataDirLockedError ||
    err instanceof DataDirPermissionError ||
    err instanceof ConfigError
  ) {
    console.error(`Préjury cannot start: ${err.message}`);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
