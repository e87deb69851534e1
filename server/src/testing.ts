import { createTestDatabase, type Database } from '../../db/client';
import { createApp } from './app';
import { type Config, testConfig } from './lib/env';
import { createLogger } from './lib/logger';
import { createServices, type ServiceOverrides } from './services';

/**
 * A real app on a fresh migrated in-memory database, for API tests. Requested reviews run in the
 * background of the test process (no queue), and `settle()` waits for them.
 */
export async function createTestApp(
  options: { config?: Partial<Config>; overrides?: ServiceOverrides } = {},
) {
  const config = testConfig(options.config);
  const logger = createLogger(config);
  const database = await createTestDatabase();
  const services = createServices(config, database, logger, options.overrides);
  const running = new Set<Promise<void>>();
  if (!options.overrides?.enqueue) {
    services.setEnqueue(async (reviewId) => {
      const job = services.reviews.run(reviewId).finally(() => running.delete(job));
      running.add(job);
    });
  }
  const app = createApp({ config, logger, database, services });
  return {
    app,
    config,
    database,
    services,
    async settle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    async close() {
      while (running.size > 0) await Promise.allSettled([...running]);
      await database.close();
    },
  };
}

/** Row counts of every table that holds dossier-derived data: assert nothing is half-written. */
export async function tableCounts(database: Database) {
  const tables = ['dossiers', 'dossier_versions', 'passages', 'embeddings', 'reviews', 'review_criteria'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${t}`);
    out[t] = row.n;
  }
  return out;
}

/** A multipart upload body. */
export function uploadForm(
  file: { name: string; bytes: Uint8Array | string; type?: string },
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
  form.append(
    'file',
    new File([Uint8Array.from(bytes)], file.name, { type: file.type ?? 'application/octet-stream' }),
  );
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}
