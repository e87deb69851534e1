import { createOfflineEmbedder } from '../../../lib/llm/embeddings';
import { parseDocumentInProcess } from './parse';
import { splitPassages } from './passages';
import type { ParsedDocument, Passage } from './types';

/** A vector computed for one distinct passage content. */
export interface PassageVector {
  contentHash: string;
  embedding: number[];
}

/** Everything CPU-heavy an upload needs before it is stored. */
export interface IngestedDocument {
  doc: ParsedDocument;
  passages: Passage[];
  /** One per distinct content hash, when offline embeddings were asked for; null otherwise. */
  vectors: PassageVector[] | null;
}

export interface IngestOptions {
  /** Used in messages only: the format is always detected from the content. */
  fileName: string;
  /** Cut the retrieval passages too (uploads); a plain parse skips them. */
  passages: boolean;
  /**
   * Embed the passages with the offline embedder of this size (`offline-hash-v1-<n>`): deterministic, so
   * computing them here gives the vectors the API's own embedder would. Null: a remote model embeds later.
   */
  offlineDimensions: number | null;
}

/**
 * Parse → normalise → sections, languages → passages → offline embeddings, in the calling thread. The parse
 * worker runs this for every upload; tests and benchmarks may call it directly.
 */
export async function ingestInProcess(bytes: Uint8Array, options: IngestOptions): Promise<IngestedDocument> {
  const doc = await parseDocumentInProcess(bytes, { fileName: options.fileName });
  if (!options.passages) return { doc, passages: [], vectors: null };
  const passages = await splitPassages(doc);
  let vectors: PassageVector[] | null = null;
  if (options.offlineDimensions !== null) {
    const distinct = new Map<string, string>();
    for (const p of passages) if (!distinct.has(p.contentHash)) distinct.set(p.contentHash, p.text);
    const embedder = createOfflineEmbedder({ dimensions: options.offlineDimensions });
    const embedded = await embedder.embed([...distinct.values()]);
    vectors = [...distinct.keys()].map((contentHash, i) => ({ contentHash, embedding: embedded[i] }));
  }
  return { doc, passages, vectors };
}
