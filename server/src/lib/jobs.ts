import PgBoss from 'pg-boss';
import type { Database } from '../../../db/client';
import type { Logger } from './logger';

/**
 * The job queue: pg-boss on the same database as everything else, so jobs survive restarts and any
 * number of worker processes can share one PostgreSQL. In embedded mode pg-boss talks to PGlite
 * through a small adapter (pg-boss accepts any `executeSql`).
 */
export interface JobQueue {
  start(): Promise<void>;
  send(
    queue: string,
    data: Record<string, unknown>,
    options?: { singletonKey?: string },
  ): Promise<string | null>;
  work(
    queue: string,
    handler: (data: Record<string, unknown>) => Promise<void>,
    concurrency?: number,
  ): Promise<void>;
  stop(): Promise<void>;
}

export const QUEUES = { review: 'review' } as const;

function pgliteAdapter(database: Database) {
  const pglite = database.pglite;
  if (!pglite) throw new Error('pgliteAdapter needs an embedded database');
  return {
    async executeSql(text: string, values: unknown[] = []) {
      // pg-boss sends multi-statement scripts (schema creation) without parameters: only exec() runs those.
      if (values.length === 0) {
        const results = await pglite.exec(text);
        const last = results[results.length - 1];
        return { rows: last?.rows ?? [], rowCount: last?.rows.length ?? 0 };
      }
      const res = await pglite.query(text, values);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
  };
}

export function createJobQueue(database: Database, logger: Logger): JobQueue {
  const options: PgBoss.ConstructorOptions = {
    schema: 'pgboss',
    schedule: false,
    supervise: true,
    ...(database.kind === 'pglite'
      ? { db: pgliteAdapter(database) }
      : {
          db: {
            executeSql: (text: string, values?: unknown[]) =>
              (database.pool as NonNullable<Database['pool']>).query(text, values),
          },
        }),
  };
  const boss = new PgBoss(options);
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  const created = new Set<string>();

  async function ensureQueue(name: string) {
    if (created.has(name)) return;
    if (!(await boss.getQueue(name))) {
      await boss.createQueue(name, {
        name,
        retryLimit: 3,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 15 * 60,
      });
    }
    created.add(name);
  }

  return {
    async start() {
      await boss.start();
      await ensureQueue(QUEUES.review);
    },
    async send(queue, data, opts) {
      await ensureQueue(queue);
      return boss.send(queue, data, opts?.singletonKey ? { singletonKey: opts.singletonKey } : {});
    },
    async work(queue, handler, concurrency = 2) {
      await ensureQueue(queue);
      // pg-boss 10 runs one job at a time per worker: register as many workers as jobs to run at once.
      for (let i = 0; i < concurrency; i++) {
        await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) await handler(job.data as Record<string, unknown>);
        });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
