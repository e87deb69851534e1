import { eq, max } from 'drizzle-orm';
import { disclosures, dossiers, dossierVersions } from '../../../../db/schema';
import { PayloadTooLargeError } from '../../lib/errors';
import type { DossierContext, UploadedFile } from './deps';
import { embeddingDisclosure, newEmbeddings } from './embedding';
import { ingestDocument } from './ingest/parse';
import type { IngestedUpload } from './ingest/parse-pool';
import { writeVersion } from './store-version';

/**
 * The parse budget of a file: `PREJURY_PARSE_TIMEOUT_MS` per started megabyte, at least once and at most
 * ten times. A 3 MB dossier does three times the work of a 1 MB one; one fixed budget either refuses big
 * honest files on a busy server or lets a hostile small one hold a worker for long.
 */
export function parseBudgetMs(parseTimeoutMs: number, bytes: number): number {
  return parseTimeoutMs * Math.min(10, Math.max(1, Math.ceil(bytes / 1048576)));
}

async function ingest(ctx: DossierContext, file: UploadedFile): Promise<IngestedUpload> {
  if (file.bytes.byteLength > ctx.maxUploadBytes) {
    throw new PayloadTooLargeError(
      `Fichier trop volumineux (${(file.bytes.byteLength / 1048576).toFixed(1)} Mo) : la limite est de ${(ctx.maxUploadBytes / 1048576).toFixed(0)} Mo.`,
    );
  }
  // The parse child reads a copy and hashes it; handed-over bytes come back as the result's: no copy here.
  return ingestDocument(file.bytes, {
    fileName: file.name,
    timeoutMs: parseBudgetMs(ctx.parseTimeoutMs, file.bytes.byteLength),
    offlineDimensions: ctx.offlineDimensions,
    handOver: file.handOver === true,
  });
}

/**
 * Stores an upload as a new version (of a new dossier when `dossierId` is null). All-or-nothing: parsing
 * and embedding happen first, then one transaction writes the dossier, the version, its passages and new
 * embeddings together.
 */
export async function store(
  ctx: DossierContext,
  dossierId: string | null,
  examId: string,
  title: string,
  file: UploadedFile,
  ownerId: string | null = null,
) {
  const { db } = ctx.database;
  const { logger, remote } = ctx;
  const { doc, passages: chunks, vectors: computed, bytes, sha256 } = await ingest(ctx, file);
  const vectors = await newEmbeddings(ctx, chunks, computed);
  return db.transaction(async (tx) => {
    let id = dossierId;
    if (id === null) {
      const [created] = await tx
        .insert(dossiers)
        .values({ examId, title, ownerId })
        .returning({ id: dossiers.id });
      id = created.id;
    } else {
      await tx.update(dossiers).set({ title }).where(eq(dossiers.id, id));
    }
    const [{ latest }] = await tx
      .select({ latest: max(dossierVersions.version) })
      .from(dossierVersions)
      .where(eq(dossierVersions.dossierId, id));
    const version = (latest ?? 0) + 1;
    const versionId = await writeVersion(
      tx,
      { dossierId: id, version, fileName: file.name, bytes, sha256, doc },
      chunks,
      vectors,
    );
    if (remote && vectors.length > 0) {
      // The record of transfers: this version's passages went to the embedding provider.
      await tx.insert(disclosures).values(embeddingDisclosure(ctx, versionId));
    }
    logger.info(
      {
        dossierId: id,
        version,
        pages: doc.pages.length,
        passages: chunks.length,
        embedded: vectors.length,
      },
      'dossier version stored',
    );
    return { id, version };
  });
}
