import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from './client';

/** Creates (initdb) and migrates the PGlite folder given as argument, then exits (see initPgliteDataDir). */
async function setUp(dataDir: string) {
  const pglite = await PGlite.create({ dataDir, extensions: { vector } });
  try {
    await migrate(drizzle(pglite), { migrationsFolder });
  } finally {
    await pglite.close();
  }
}

setUp(process.argv[2] as string).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
