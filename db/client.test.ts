import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { ADVISORY_LOCKS, createTestDatabase, type Database, openDatabase, withAdvisoryLock } from './client';
import { DataDirLockedError, lockDataDir } from './lock';
import { createPostgresTestDatabase, describePostgres, type PostgresTestDatabase } from './postgres-testing';
import { dossiers, dossierVersions, embeddings, passages } from './schema';

const opened: Database[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'prejury-db-'));
  dirs.push(dir);
  return dir;
}

/** Inserts a dossier with one version and one embedded passage; returns the version id. */
async function seed(database: Database) {
  const { db } = database;
  const [dossier] = await db.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Test' }).returning();
  const [version] = await db
    .insert(dossierVersions)
    .values({
      dossierId: dossier.id,
      version: 1,
      fileName: 'a.md',
      format: 'markdown',
      mediaType: 'text/markdown',
      sizeBytes: 3,
      sha256: 'x',
      file: Buffer.from('abc'),
      pages: 1,
      pagesExcludingAnnexes: 1,
      words: 1,
      language: 'fr',
      text: 'abc',
      pageTexts: [{ page: 1, text: 'abc' }],
      sections: [],
      hidden: [],
      warnings: [],
    })
    .returning();
  await db.insert(passages).values({
    versionId: version.id,
    ordinal: 0,
    page: 1,
    pageEnd: 1,
    charStart: 0,
    charEnd: 3,
    text: "L'analyse concurrentielle du marché",
    contentHash: 'h1',
  });
  await db.insert(embeddings).values({ contentHash: 'h1', model: 'm', dimensions: 3, embedding: [1, 0, 0] });
  return version.id;
}

/**
 * Every byte value goes in and comes back unchanged, and the server holds those bytes (its own md5 of
 * them), whichever codec the driver uses.
 */
async function roundTripBytes(database: Database, versionId: string) {
  const bytes = Buffer.from(Array.from({ length: 3 * 256 }, (_, i) => (i * 7) % 256));
  await database.db.update(dossierVersions).set({ file: bytes }).where(eq(dossierVersions.id, versionId));
  const [row] = await database.db
    .select({ file: dossierVersions.file, md5: sql<string>`md5(${dossierVersions.file})` })
    .from(dossierVersions)
    .where(eq(dossierVersions.id, versionId));
  expect(Buffer.isBuffer(row.file)).toBe(true);
  expect(row.file.equals(bytes)).toBe(true);
  expect(row.md5).toBe(createHash('md5').update(bytes).digest('hex'));
}

async function exercise(database: Database) {
  const versionId = await seed(database);
  await roundTripBytes(database, versionId);
  const nearest = await database.query<{ content_hash: string; distance: number }>(
    `select content_hash, embedding <=> '[0.9,0.1,0]'::vector as distance from embeddings where model = $1`,
    ['m'],
  );
  expect(nearest).toHaveLength(1);
  expect(nearest[0].distance).toBeLessThan(0.01);
  // French full-text search: the stemmed query finds the inflected word.
  const fts = await database.db
    .select({ id: passages.id })
    .from(passages)
    .where(sql`to_tsvector('french', ${passages.text}) @@ plainto_tsquery('french', 'concurrentielles')`);
  expect(fts).toHaveLength(1);
  // Deleting the dossier cascades to versions and passages.
  await database.db.delete(dossiers);
  const left = await database.db.select().from(passages).where(eq(passages.versionId, versionId));
  expect(left).toEqual([]);
}

describe('openDatabase', () => {
  it('migrates an in-memory PGlite with pgvector and French full-text search', async () => {
    const database = await createTestDatabase();
    opened.push(database);
    expect(database.kind).toBe('pglite');
    const ext = await database.query<{ extname: string }>(
      `select extname from pg_extension where extname = 'vector'`,
    );
    expect(ext).toEqual([{ extname: 'vector' }]);
    await exercise(database);
  });

  it('runs the same migrations and queries through node-postgres (PGlite over the wire protocol)', async () => {
    const pglite = await PGlite.create({ extensions: { vector } });
    const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 4 });
    await server.start();
    try {
      const conn = server.getServerConn();
      const database = await openDatabase({
        databaseUrl: `postgres://postgres@${conn}/postgres`,
        poolMax: 1,
      });
      opened.push(database);
      expect(database.kind).toBe('postgres');
      await exercise(database);
      await database.close();
      opened.pop();
    } finally {
      await server.stop();
      await pglite.close();
    }
  });

  it('keeps data across a restart of the embedded database, with small shared buffers', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    // Created in a child process (initdb's memory goes with it), opened here with 16 MB of buffers.
    expect(await first.query('show shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
    await first.db.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Persisté' });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    opened.push(second);
    const rows = await second.db.select({ title: dossiers.title }).from(dossiers);
    expect(rows).toEqual([{ title: 'Persisté' }]);
    await exercise(second);
  });

  it('refuses a second opener of the same data folder, then accepts it once the first has closed', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    opened.push(again);
  });
});

describePostgres('openDatabase on a real PostgreSQL (pgvector)', () => {
  const created: PostgresTestDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    for (const pgdb of created.splice(0)) await pgdb.drop();
  });
  async function fresh(options?: { create?: boolean }) {
    const pgdb = await createPostgresTestDatabase(options);
    created.push(pgdb);
    return pgdb;
  }

  it('runs the same migrations and queries through node-postgres', async () => {
    const database = await openDatabase({ databaseUrl: (await fresh()).url });
    opened.push(database);
    expect(database.kind).toBe('postgres');
    const [{ server_version_num }] = await database.query<{ server_version_num: string }>(
      'show server_version_num',
    );
    expect(Number(server_version_num)).toBeGreaterThanOrEqual(150000);
    await exercise(database);
  });

  it('lets many processes migrate an empty database at once: one migrates, the others wait and find it done', async () => {
    const { url } = await fresh();
    // Each opener has its own pool, as separate processes would.
    const all = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url, poolMax: 2 })),
    );
    opened.push(...all);
    const applied = await all[0].query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    const journal = JSON.parse(
      readFileSync(new URL('./migrations/meta/_journal.json', import.meta.url), 'utf8'),
    );
    expect(applied).toEqual([{ n: journal.entries.length }]);
    await exercise(all[3]);
  });

  it('waits for a database that does not exist yet instead of failing', async () => {
    const pgdb = await fresh({ create: false });
    const waits: string[] = [];
    const opening = openDatabase({ databaseUrl: pgdb.url, waitMs: 20_000, onWait: (r) => waits.push(r) });
    await new Promise((r) => setTimeout(r, 600));
    await pgdb.create();
    const database = await opening;
    opened.push(database);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]).toMatch(/does not exist/);
    await exercise(database);
  });

  it("gives up after the wait with the server's own error", async () => {
    const pgdb = await fresh({ create: false });
    await expect(openDatabase({ databaseUrl: pgdb.url, waitMs: 300 })).rejects.toThrow(/does not exist/);
  });

  it('serialises work under an advisory lock across connections', async () => {
    const { url } = await fresh();
    const a = await openDatabase({ databaseUrl: url, poolMax: 2 });
    const b = await openDatabase({ databaseUrl: url, poolMax: 2 });
    opened.push(a, b);
    const events: string[] = [];
    const step = (db: Database, name: string) =>
      withAdvisoryLock(db, ADVISORY_LOCKS.seed, async () => {
        events.push(`${name}:in`);
        await new Promise((r) => setTimeout(r, 150));
        events.push(`${name}:out`);
      });
    await Promise.all([step(a, 'a'), step(b, 'b')]);
    // Never both inside at once.
    expect(
      [events.slice(0, 2), events.slice(2)].map((pair) => pair[0].split(':')[0] === pair[1].split(':')[0]),
    ).toEqual([true, true]);
  });
});

describe('lockDataDir', () => {
  it('refuses while another live process holds the lock, with a message naming it', () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(
        join(dir, 'prejury.lock'),
        JSON.stringify({ pid: holder.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }),
      );
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`already in use.*pid ${holder.pid}`));
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that died without releasing it', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    writeFileSync(join(dir, 'prejury.lock'), JSON.stringify({ pid: dead, host: hostname(), since: 'x' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, 'prejury.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(join(dir, 'prejury.lock'))).toBe(false);
  });
});

describe('createTestDatabase', () => {
  it('hands out independent clones of one migrated template', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    opened.push(a, b);
    await a.db.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'A' });
    expect(await b.db.select().from(dossiers)).toEqual([]);
    expect(await a.db.select({ title: dossiers.title }).from(dossiers)).toEqual([{ title: 'A' }]);
  });
});

describe('the embedded database in its own thread', () => {
  it('keeps this thread serving timers while a long statement runs', async () => {
    const database = await createTestDatabase();
    opened.push(database);
    // An interval counts the turns of this thread's event loop that reach its timers. PGlite on this thread
    // runs a statement synchronously once its promise chain reaches it: no timer could fire until it returned.
    let turns = 0;
    const counter = setInterval(() => turns++, 1);
    const statement = database.query<{ total: string }>(
      'select sum(x)::text as total from generate_series(1, 3000000) as x',
    );
    const [{ total }] = await statement.finally(() => clearInterval(counter));
    const turnsDuringStatement = turns;
    expect(total).toBe(String((3_000_000 * 3_000_001) / 2));
    expect(turnsDuringStatement).toBeGreaterThan(0);
  });

  it('returns bytea as a Buffer and keeps a database error’s code and fields', async () => {
    const database = await createTestDatabase();
    opened.push(database);
    const bytes = Buffer.from('dossier \u00e9\u0000\u00ff', 'latin1');
    const [{ b }] = await database.query<{ b: Buffer }>('select $1::bytea as b', [bytes]);
    expect(Buffer.isBuffer(b)).toBe(true);
    expect(b.equals(bytes)).toBe(true);
    await database.db.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'A' });
    const [{ id }] = await database.db.select({ id: dossiers.id }).from(dossiers);
    const duplicate = database.query('insert into dossiers (id, exam_id, title) values ($1, $2, $3)', [
      id,
      'b1-audit-rse',
      'B',
    ]);
    await expect(duplicate).rejects.toMatchObject({ code: '23505', constraint: 'dossiers_pkey' });
  });

  it('commits, rolls back and nests drizzle transactions, and holds other statements until they end', async () => {
    const database = await createTestDatabase();
    opened.push(database);
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Annulé' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Gardé' });
      // Outside the transaction: waits for it to end, as on PGlite itself.
      outside = db
        .select({ title: dossiers.title })
        .from(dossiers)
        .then((rows) => order.push(`outside saw ${rows.length}`));
      await tx
        .transaction(async (inner) => {
          await inner.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Point de sauvegarde' });
          throw new Error('inner');
        })
        .catch(() => order.push('savepoint rolled back'));
      await tx.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Gardé 2' });
      order.push('commit');
    });
    await outside;
    expect(order).toEqual(['savepoint rolled back', 'commit', 'outside saw 2']);
    const titles = (await db.select({ title: dossiers.title }).from(dossiers)).map((r) => r.title).sort();
    expect(titles).toEqual(['Gardé', 'Gardé 2']);
  });

  it('closes while a transaction is still open (shutdown mid-upload), rolling it back', async () => {
    const dir = tempDir();
    const database = await openDatabase({ dataDir: dir });
    let started: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pending = database.db.transaction(async (tx) => {
      await tx.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Interrompu' });
      started();
      await gate;
      await tx.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Jamais écrit' });
    });
    const outcome = pending.then(
      () => 'committed',
      () => 'rejected',
    );
    await inside;
    // Before the thread rolled open transactions back, this close never resolved.
    await database.close();
    release();
    expect(await outcome).toBe('rejected');
    const again = await openDatabase({ dataDir: dir });
    opened.push(again);
    expect(await again.db.select().from(dossiers)).toEqual([]);
  });
});
