import { beforeEach, describe, expect, it } from 'vitest';
import { stubServerForTests } from '../../testing/for-tests';
import { cosine, createOfflineEmbedder, fnv1a32, normalizeText, stem, stems } from './embeddings';
import { createOpenAIEmbedder, vectorOf } from './openai-embeddings';

function norm(v: number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

describe('offline embedder', () => {
  const embedder = createOfflineEmbedder();

  it('is named and sized', () => {
    expect(embedder).toMatchObject({ model: 'offline-hash-v1-384', dimensions: 384 });
    expect(createOfflineEmbedder({ dimensions: 64 }).model).toBe('offline-hash-v1-64');
  });

  it('normalises, drops stopwords and stems French words', () => {
    expect(normalizeText('Stratégie ÉCONOMIQUE, cœur')).toBe('strategie economique, coeur');
    expect(stems("L'analyse de la concurrence et les commerciaux")).toEqual([
      'analys',
      'concurrenc',
      'commercial',
    ]);
    expect(['concurrentielle', 'concurrentielles', 'concurrentiel', 'concurrentiels'].map(stem)).toEqual(
      Array(4).fill('concurrentiel'),
    );
    expect(stem('site')).toBe('site'); // a suffix may not leave fewer than 4 characters
  });

  it('ranks a passage about competitive monitoring above an unrelated one', async () => {
    const [query, relevant, unrelated] = await embedder.embed([
      'veille concurrentielle',
      'Nous assurons une veille régulière sur les offres concurrentielles et les acteurs concurrentiels du secteur.',
      "Le recrutement des commerciaux passe par un entretien structuré et une période d'essai.",
    ]);
    const r = cosine(query as number[], relevant as number[]);
    const u = cosine(query as number[], unrelated as number[]);
    expect(r).toBeGreaterThan(0.4);
    expect(r).toBeGreaterThan(u + 0.3);
  });

  it('is deterministic, unit-norm, and depends on the dimension', async () => {
    const text = 'Plan de prospection : cibles, canaux, indicateurs de performance.';
    const [a] = await embedder.embed([text]);
    const [b] = await createOfflineEmbedder().embed([text]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(384);
    expect(norm(a as number[])).toBeCloseTo(1, 10);
    const [small] = await createOfflineEmbedder({ dimensions: 128 }).embed([text]);
    expect(small).toHaveLength(128);
    expect(small).not.toEqual((a as number[]).slice(0, 128));
  });

  it('maps text without content words to the zero vector', async () => {
    const [empty] = await embedder.embed(['', 'de la et les']);
    expect(norm(empty as number[])).toBe(0);
  });

  it('honours an aborted signal and rejects bad sizes', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(embedder.embed(['x'], controller.signal)).rejects.toThrow();
    expect(() => createOfflineEmbedder({ dimensions: 0 })).toThrow(RangeError);
  });

  it('uses a stable 32-bit hash', () => {
    expect(fnv1a32('w:veill')).toBe(fnv1a32('w:veill'));
    expect(fnv1a32('a')).not.toBe(fnv1a32('b'));
    expect(fnv1a32('w:veill')).toBeGreaterThanOrEqual(0);
    expect(fnv1a32('w:veill')).toBeLessThan(2 ** 32);
  });
});

describe('OpenAI embedder over HTTP (real SDK, stub server)', () => {
  const stub = stubServerForTests({ apiKey: 'sk-embed' });
  const sleeps: number[] = [];

  beforeEach(() => {
    sleeps.length = 0;
  });

  function embedder(options: { model?: string; dimensions?: number; batchSize?: number } = {}) {
    return createOpenAIEmbedder({
      apiKey: 'sk-embed',
      baseURL: stub.url,
      model: options.model ?? 'text-embedding-3-small',
      timeoutMs: 2_000,
      maxRetries: 2,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    });
  }

  it('embeds in input order with the native size of a known model', async () => {
    const e = embedder();
    expect(e.dimensions).toBe(1536);
    const texts = ['veille concurrentielle', 'recrutement'];
    const vectors = await e.embed(texts);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(1536);
    // The stub embeds with the offline embedder; the SDK's base64 float32 round trip keeps ~7 digits.
    const expected = await createOfflineEmbedder({ dimensions: 1536 }).embed(texts);
    expected.forEach((v, i) => {
      expect(cosine(v, vectors[i] as number[])).toBeCloseTo(1, 5);
    });
  });

  it('sends `dimensions` when asked, and batches at most 96 inputs per request', async () => {
    const e = embedder({ dimensions: 64 });
    const texts = Array.from({ length: 200 }, (_, i) => `passage ${i}`);
    const vectors = await e.embed(texts);
    expect(vectors).toHaveLength(200);
    expect(vectors.every((v) => v.length === 64)).toBe(true);
    expect(stub.requests.map((r) => (r.body as { input: string[] }).input.length)).toEqual([96, 96, 8]);
    expect(stub.requests[0]?.body).toMatchObject({ model: 'text-embedding-3-small', dimensions: 64 });
    // Order survives batching.
    const [single] = await e.embed(['passage 150']);
    expect(cosine(single as number[], vectors[150] as number[])).toBeCloseTo(1, 5);
  });

  it('learns the size of an unknown model from its first answer', async () => {
    const e = embedder({ model: 'nomic-embed-text' });
    expect(e.dimensions).toBe(0);
    await e.embed(['bonjour']);
    expect(e.dimensions).toBe(1536);
    expect(stub.requests[0]?.body).not.toHaveProperty('dimensions');
  });

  it('makes no request for no input, and replaces empty strings', async () => {
    const e = embedder();
    expect(await e.embed([])).toEqual([]);
    expect(stub.requests).toHaveLength(0);
    await e.embed(['']);
    expect(stub.requests[0]?.body).toMatchObject({ input: [' '] });
  });

  it('shares the retry policy: 429 then success', async () => {
    stub.enqueue({ type: 'rate_limit', retryAfterSeconds: 2, endpoint: 'embeddings' });
    const vectors = await embedder().embed(['a b c d']);
    expect(vectors).toHaveLength(1);
    expect(sleeps).toEqual([2000]);
    expect(stub.requests).toHaveLength(2);
  });

  it('fails with a classified error after the budget', async () => {
    stub.setFault(() => true, { type: 'server_error', endpoint: 'embeddings' });
    await expect(embedder().embed(['x'])).rejects.toMatchObject({ kind: 'provider', attempts: 3 });
  });

  it('keeps the full size when the server answers float arrays although base64 was the SDK default', async () => {
    // Ollama, LM Studio, LiteLLM, LocalAI: arrays whatever encoding_format says (openai-node #1542).
    stub.setQuirks({ floatEmbeddings: true });
    const vectors = await embedder().embed(['veille concurrentielle']);
    expect(vectors[0]).toHaveLength(1536);
    expect(stub.requests[0]?.body).toMatchObject({ encoding_format: 'float' });
    const [expected] = await createOfflineEmbedder({ dimensions: 1536 }).embed(['veille concurrentielle']);
    expect(cosine(expected as number[], vectors[0] as number[])).toBeCloseTo(1, 9);
  });

  it('names the settings to change when the size is not the expected one', async () => {
    const e = createOpenAIEmbedder({
      apiKey: 'sk-embed',
      baseURL: stub.url,
      model: 'nomic-embed-text',
      dimensions: 768,
      timeoutMs: 2_000,
      maxRetries: 0,
    });
    const error = await e.embed(['bonjour']).catch((err: unknown) => err);
    expect(error).toMatchObject({ kind: 'invalid_output', retryable: false, code: 'embedding_dimensions' });
    expect((error as Error).message).toContain(
      'Expected 768-dimensional embeddings from nomic-embed-text, got 1536',
    );
    expect((error as Error).message).toContain('PREJURY_EMBEDDING_DIMENSIONS=1536');
    expect((error as Error).message).toContain('PREJURY_EMBEDDINGS=offline');
    // Not a text-embedding-3 model: the expected size is checked, never sent.
    expect(stub.requests[0]?.body).not.toHaveProperty('dimensions');
  });
});

describe('vectorOf', () => {
  it('reads float arrays and base64 float32 alike, and refuses anything else', () => {
    const floats = [0.5, -0.25, 1];
    expect(vectorOf(floats)).toEqual(floats);
    expect(vectorOf(Buffer.from(new Float32Array(floats).buffer).toString('base64'))).toEqual(floats);
    expect(() => vectorOf(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(/neither/);
    expect(() => vectorOf({})).toThrow(/neither/);
  });
});
