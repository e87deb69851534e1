import { and, count, eq, inArray } from 'drizzle-orm';
import { disclosures, embeddings, passages } from '../../../../db/schema';
import { redactPii } from '../../lib/redact';
import type { DossierContext } from './deps';
import type { PassageVector } from './ingest/ingest';

/**
 * The vectors to store for passages whose content has none yet for this model: taken from `computed`
 * (the parse child's offline vectors) when given, else asked of the embedder.
 */
export async function newEmbeddings(
  ctx: DossierContext,
  chunks: { text: string; contentHash: string }[],
  computed: PassageVector[] | null = null,
) {
  const { db } = ctx.database;
  const { embedder, logger, remote, redact } = ctx;
  const hashes = [...new Set(chunks.map((c) => c.contentHash))];
  if (hashes.length === 0) return [];
  const known = await db
    .select({ hash: embeddings.contentHash })
    .from(embeddings)
    .where(and(eq(embeddings.model, embedder.model), inArray(embeddings.contentHash, hashes)));
  const knownSet = new Set(known.map((k) => k.hash));
  if (computed !== null) {
    return computed
      .filter((v) => !knownSet.has(v.contentHash))
      .map((v) => ({
        contentHash: v.contentHash,
        model: embedder.model,
        dimensions: v.embedding.length,
        embedding: v.embedding,
      }));
  }
  const todo = new Map<string, string>();
  for (const c of chunks)
    if (!knownSet.has(c.contentHash) && !todo.has(c.contentHash)) todo.set(c.contentHash, c.text);
  if (todo.size === 0) return [];
  let vectors: number[][];
  try {
    const texts = [...todo.values()];
    vectors = await embedder.embed(remote && redact ? texts.map((t) => redactPii(t).text) : texts);
  } catch (err) {
    // Never refuse an upload for this: the dossier is stored, retrieval falls back to full-text search
    // (the report says so) and the next review embeds what is missing. Kind and status only: no text.
    const { kind, status, code, message } = err as {
      kind?: string;
      status?: number;
      code?: string;
      message?: string;
    };
    logger.warn(
      {
        model: embedder.model,
        kind,
        status,
        code,
        reason: kind === 'invalid_output' ? message : undefined,
      },
      'embedding failed: stored without vectors, full-text retrieval until re-embedded',
    );
    return [];
  }
  return [...todo.keys()].map((contentHash, i) => ({
    contentHash,
    model: embedder.model,
    dimensions: vectors[i].length,
    embedding: vectors[i],
  }));
}

/**
 * Embeds the passages of a version that have no vector for the current model (an upload whose
 * embeddings failed, or a model changed since). Best effort: false when vectors are still missing.
 */
/** The record of a transfer: this version's passages went to the embedding provider. */
export function embeddingDisclosure(ctx: DossierContext, versionId: string): typeof disclosures.$inferInsert {
  return {
    versionId,
    provider: 'openai',
    model: ctx.embedder.model,
    purpose: 'embedding',
    redacted: ctx.redact,
  };
}

export async function embedMissing(ctx: DossierContext, versionId: string): Promise<boolean> {
  const { db } = ctx.database;
  const { embedder, remote } = ctx;
  const rows = await db
    .select({ text: passages.text, contentHash: passages.contentHash })
    .from(passages)
    .where(eq(passages.versionId, versionId));
  const vectors = await newEmbeddings(ctx, rows);
  const expected = new Set(rows.map((r) => r.contentHash)).size;
  if (vectors.length > 0) {
    await db.transaction(async (tx) => {
      await tx.insert(embeddings).values(vectors).onConflictDoNothing();
      if (remote) {
        await tx.insert(disclosures).values(embeddingDisclosure(ctx, versionId));
      }
    });
  }
  if (expected === 0) return true;
  const [{ n }] = await db
    .select({ n: count() })
    .from(embeddings)
    .where(
      and(
        eq(embeddings.model, embedder.model),
        inArray(
          embeddings.contentHash,
          rows.map((r) => r.contentHash),
        ),
      ),
    );
  return Number(n) >= expected;
}
