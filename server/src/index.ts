import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { DataDirLockedError } from '../../db/lock';
import { DataDirPermissionError } from '../../db/permissions';
import { createApp } from './app';
import { ConfigError, loadConfig } from './lib/env';
import { createLogger } from './lib/logger';
import { startRuntime } from './runtime';

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
    server.close();
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
