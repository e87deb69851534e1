import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type Database, openDatabase } from './client';
import { DataDirLockedError, lockDataDir } from './lock';
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

async function exercise(database: Database) {
  const versionId = await seed(database);
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

  it('keeps data across a restart of the embedded database', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    await first.db.insert(dossiers).values({ examId: 'b1-audit-rse', title: 'Persisté' });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    opened.push(second);
    const rows = await second.db.select({ title: dossiers.title }).from(dossiers);
    expect(rows).toEqual([{ title: 'Persisté' }]);
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
