import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type Database } from '../../../../db/client';
import { dossiers, dossierVersions, embeddings, passages } from '../../../../db/schema';
import { paragraph } from './ingest/fixtures/dossier';
import { ingestInProcess } from './ingest/ingest';
import { INSERT_BATCH, writeVersion } from './store-version';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A Markdown dossier long enough for many insert statements, with a table. */
function markdown(): Uint8Array {
  const parts = ['# Dossier', '| Segment | CA |\n|---|---|\n| PME | 2,4 M€ |'];
  for (let i = 0; i < 160; i++) parts.push(`## Partie ${i + 1}`, paragraph(i), paragraph(i + 1, 3));
  return new TextEncoder().encode(parts.join('\n\n'));
}

describe('writeVersion', () => {
  it('stores the whole version in bounded statements, serving timers between them', async () => {
    const bytes = markdown();
    const {
      doc,
      passages: chunks,
      vectors,
    } = await ingestInProcess(bytes, {
      fileName: 'dossier.md',
      passages: true,
      offlineDimensions: 8,
    });
    expect(chunks.length).toBeGreaterThan(3 * INSERT_BATCH);
    const rows = (vectors ?? []).map((v) => ({ ...v, model: 'offline-hash-v1-8', dimensions: 8 }));
    const [dossier] = await database.db
      .insert(dossiers)
      .values({ examId: 'b1-audit-rse', title: 'T' })
      .returning({ id: dossiers.id });

    // A timer that re-arms itself counts the turns of the event loop that reach the timers phase while
    // the transaction runs. PGlite answers each statement synchronously inside a promise: without a real
    // yield the whole transaction would run in microtasks and this count would stay at 0.
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    let turnsDuringWrite = 0;
    const versionId = await database.db.transaction(async (tx) => {
      const id = await writeVersion(
        tx,
        { dossierId: dossier.id, version: 1, fileName: 'dossier.md', bytes, sha256: 'x', doc },
        chunks,
        rows,
      );
      turnsDuringWrite = turns;
      return id;
    });
    ticking = false;
    expect(turnsDuringWrite).toBeGreaterThanOrEqual(Math.ceil(chunks.length / INSERT_BATCH));

    const [stored] = await database.db
      .select()
      .from(dossierVersions)
      .where(eq(dossierVersions.id, versionId));
    expect(stored.file.equals(Buffer.from(bytes))).toBe(true);
    expect(stored.text).toBe(doc.text);
    expect(stored.pageTexts).toEqual(doc.pages);
    expect(stored.tables).toEqual(doc.tables);
    expect(stored.sections).toEqual(doc.sections);
    const storedPassages = await database.db
      .select({ ordinal: passages.ordinal, text: passages.text, contentHash: passages.contentHash })
      .from(passages)
      .where(eq(passages.versionId, versionId))
      .orderBy(passages.ordinal);
    expect(storedPassages).toEqual(
      chunks.map((c, i) => ({ ordinal: i, text: c.text, contentHash: c.contentHash })),
    );
    const storedVectors = await database.db.select({ hash: embeddings.contentHash }).from(embeddings);
    expect(storedVectors.map((v) => v.hash).sort()).toEqual(rows.map((r) => r.contentHash).sort());
  });
});
