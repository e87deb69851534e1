import { fold } from '../text';
import type { Embedder } from './types';

// ---------------------------------------------------------------------------------------------------------
// Offline embedder: signed feature hashing of French-aware lexical features.
// ---------------------------------------------------------------------------------------------------------

/*
 * Not a semantic model: it finds passages that share words, word stems and word fragments with the
 * query, in French or English, deterministically and with no download. That is what retrieval needs for
 * the offline analyzer (the criterion's wording mostly reappears in the dossier) and for tests.
 * Changing anything here changes every vector: bump the version in the model name.
 */

const STOPWORDS = new Set(
  // French: articles, pronouns, prepositions, conjunctions, common auxiliaries (diacritics stripped).
  (
    'a au aux avec ce ces cet cette c d dans de des du elle elles en est et etre eu il ils j je l la le les leur ' +
    'leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ou par pas pour qu que qui s sa sans se ' +
    'ses si son sont sur t ta te tes toi ton tu un une vos votre vous y ete sera ont avait fait plus tres tout ' +
    'tous toute toutes comme aussi ainsi donc car dont cela ceci celle celui ceux entre vers chez sous ' +
    // English.
    'an and are as at be been but by for from has have he her his i if in into is it its me my no not of on ' +
    'or our she so that the their them they this those to us was we were what which who will with you your'
  ).split(' '),
);

/** [suffix, replacement], longest first. Plurals and feminines fold to one stem; derivations to their root. */
const SUFFIXES: Array<[string, string]> = [
  ['ations', ''],
  ['ements', ''],
  ['ielles', 'iel'],
  ['ation', ''],
  ['ement', ''],
  ['euses', ''],
  ['iques', ''],
  ['ismes', ''],
  ['ielle', 'iel'],
  ['ites', ''],
  ['ives', ''],
  ['euse', ''],
  ['eurs', ''],
  ['ique', ''],
  ['isme', ''],
  ['iels', 'iel'],
  ['aux', 'al'],
  ['ite', ''],
  ['ive', ''],
  ['eur', ''],
  ['es', ''],
  ['s', ''],
  ['e', ''],
];

/** Shortest stem a suffix may leave: shorter stems conflate unrelated words (« cote », « cout »…). */
const MIN_STEM = 4;

/** Folded (lib/text): lower case, no diacritics or ligatures. Words are then cut on letters and digits. */
export function normalizeText(text: string): string {
  return fold(text);
}

/** Light French stemmer: strips the first (longest) matching suffix if at least 4 characters remain. */
export function stem(word: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}

/** Content-word stems of `text`, in order (stopwords and one-letter tokens dropped). */
export function stems(text: string): string[] {
  const words = normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length > 1 && !STOPWORDS.has(w)).map(stem);
}

/** FNV-1a 32-bit, then murmur3's finaliser so that the high (sign) bit depends on every input bit. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const WEIGHT_STEM = 1;
const WEIGHT_BIGRAM = 0.5;
const WEIGHT_CHAR_GRAM = 0.3;

function hashedVector(text: string, dimensions: number): number[] {
  const vector = new Float64Array(dimensions);
  const add = (feature: string, weight: number) => {
    const h = fnv1a32(feature);
    // Signed hashing: colliding features cancel out on average instead of piling up.
    vector[h % dimensions] += h & 0x80000000 ? -weight : weight;
  };
  const list = stems(text);
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as string;
    // Prefixes keep the three feature families apart in the hash space.
    add(`w:${s}`, WEIGHT_STEM);
    if (i > 0) add(`b:${list[i - 1]} ${s}`, WEIGHT_BIGRAM);
    // Character 4-grams, with word boundaries, match what stemming missed (« concurrentiel » / « concurrent »).
    const padded = `<${s}>`;
    for (let j = 0; j + 4 <= padded.length; j++) add(`g:${padded.slice(j, j + 4)}`, WEIGHT_CHAR_GRAM);
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  // A text without content words stays the zero vector: there is nothing to be similar to.
  return Array.from(vector, (v) => (norm === 0 ? 0 : v / norm));
}

export interface OfflineEmbedderOptions {
  /** Default 384. */
  dimensions?: number;
}

/**
 * Deterministic, offline, L2-normalised embeddings (model `offline-hash-v1-<dimensions>`). Features:
 * stems (weight 1), stem bigrams (0.5), character 4-grams of stems (0.3), signed-hashed with FNV-1a.
 * Texts without content words map to the zero vector.
 */
export function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Embedder {
  const dimensions = options.dimensions ?? 384;
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  }
  return {
    model: `offline-hash-v1-${dimensions}`,
    dimensions,
    async embed(texts, signal) {
      signal?.throwIfAborted();
      return texts.map((t) => hashedVector(t, dimensions));
    },
  };
}

/**
 * The size of `embedder` when it is the offline embedder (its model name says so, and its vectors depend on
 * nothing else), so that another thread can compute the very same vectors; null for any other model.
 */
export function offlineEmbedderDimensions(embedder: Pick<Embedder, 'model' | 'dimensions'>): number | null {
  return embedder.model === `offline-hash-v1-${embedder.dimensions}` ? embedder.dimensions : null;
}

/** Cosine similarity of two vectors of equal length (0 when either is the zero vector). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`vector lengths differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Native sizes of OpenAI's embedding models; others are learnt from the first response. */
export const KNOWN_EMBEDDING_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};
