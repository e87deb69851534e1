import { ConfigError, loadConfig } from './lib/env';
import { createLogger } from './lib/logger';
import { startRuntime } from './runtime';

/**
 * `npm run worker`: review workers without the API, so API processes and workers scale separately on
 * one PostgreSQL. The embedded database is single-process, hence DATABASE_URL is required here.
 */
async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError(
      'npm run worker needs DATABASE_URL: the embedded database belongs to one process (npm start runs its own workers).',
    );
  }
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger, { workers: true, accounts: false });
  logger.info({ provider: config.provider, model: runtime.services.grader.model }, 'review worker ready');
  const stop = async () => {
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Préjury worker cannot start: ${err.message}` : err);
  process.exit(1);
});
