import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADVISORY_LOCKS, type Database, openDatabase, withAdvisoryLock } from '../../db/client';
import { secureDataDir } from '../../db/permissions';
import { closeParsePool, setParseLogger } from './features/dossiers/ingest/parse';
import { type Config, ConfigError } from './lib/env';
import { createJobQueue, QUEUES } from './lib/jobs';
import type { Logger } from './lib/logger';
import { createServices } from './services';

const SWEEP_MS = 30_000;
const RETENTION_MS = 24 * 60 * 60_000;
const LEDGER_PRUNE_MS = 60 * 60_000;

/**
 * The secret that signs session cookies: `PREJURY_AUTH_SECRET`, or with the embedded database one
 * generated once and kept in the data folder (mode 600), so sessions survive restarts.
 */
export function resolveAuthSecret(config: Config): string {
  if (config.auth.secret) return config.auth.secret;
  if (config.databaseUrl) {
    throw new ConfigError('PREJURY_AUTH_SECRET (32 characters or more) is required with DATABASE_URL.');
  }
  const file = path.join(config.dataDir, 'auth-secret');
  // The folder holds the database and this secret: private to this user (0700, files 0600), checked and
  // fixed at each start, refused with a clear message when another user owns it.
  secureDataDir(config.dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Opens the database, builds the services and the job queue, and (unless disabled) runs review
 * workers in this process. Shared by the API server and `npm run worker`.
 */
export async function startRuntime(
  baseConfig: Config,
  logger: Logger,
  options: { workers: boolean; accounts?: boolean },
) {
  const config: Config =
    options.accounts === false
      ? baseConfig
      : { ...baseConfig, auth: { ...baseConfig.auth, secret: resolveAuthSecret(baseConfig) } };
  const database: Database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onWait: (reason) => logger.warn({ reason }, 'waiting for the database'),
    onIdleError: (err) => logger.warn({ err }, 'an idle database connection dropped'),
  });
  const services = createServices(config, database, logger);
  setParseLogger(logger);
  if (options.accounts !== false && config.seedDemo) {
    // Several API processes may start on one empty database: one seeds, the others then find users.
    const { seeded, generatedPassword } = await withAdvisoryLock(database, ADVISORY_LOCKS.seed, () =>
      services.accounts.seedDemo(config.demoPassword),
    );
    if (seeded) printDemoAccounts(generatedPassword);
  }
  const queue = createJobQueue(database, logger);
  await queue.start();
  services.setEnqueue(async (reviewId) => {
    await queue.send(QUEUES.review, { reviewId });
  });

  // The usage ledger is append-only; only age prunes it (every window read from it is shorter).
  const pruneLedger = () =>
    services.ledger.prune().catch((err: unknown) => logger.error({ err }, 'usage ledger prune failed'));
  await pruneLedger();
  const ledgerPruning = setInterval(pruneLedger, LEDGER_PRUNE_MS);
  ledgerPruning.unref();

  let retention: NodeJS.Timeout | undefined;
  if (options.workers && config.retentionDays) {
    const days = config.retentionDays;
    const purge = () =>
      services.accounts
        .purgeOldDrafts(days)
        .catch((err: unknown) => logger.error({ err }, 'retention purge failed'));
    await purge();
    retention = setInterval(purge, RETENTION_MS);
    retention.unref();
  }

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
    /** The configuration with the resolved auth secret. */
    config,
    database,
    services,
    async stop() {
      clearInterval(ledgerPruning);
      if (sweeper) clearInterval(sweeper);
      if (retention) clearInterval(retention);
      await queue.stop();
      await services.progress.close();
      await closeParsePool();
      await database.close();
    },
  };
}

/** Printed once, on the console (not the log), when the demo organisation is created. */
function printDemoAccounts(generatedPassword: string | null) {
  const password = generatedPassword ?? '(la valeur de PREJURY_DEMO_PASSWORD)';
  const lines = [
    'Comptes de démonstration créés (organisation « Organisme de démonstration ») :',
    '  candidate@demo.prejury.fr   candidat, Promotion A',
    '  candidate2@demo.prejury.fr  candidat, Promotion B',
    '  trainer@demo.prejury.fr     formateur, Promotion A',
    '  examteam@demo.prejury.fr    équipe examen',
    '  admin@demo.prejury.fr       administrateur',
    `Mot de passe : ${password}`,
    ...(generatedPassword ? ['Il ne sera plus affiché : notez-le (ou fixez PREJURY_DEMO_PASSWORD).'] : []),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
