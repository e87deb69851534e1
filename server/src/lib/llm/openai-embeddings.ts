import { KNOWN_EMBEDDING_DIMENSIONS } from './embeddings';
import { LlmError } from './errors';
import {
  createOpenAIClient,
  type OpenAIConnectionOptions,
  retryPolicyOf,
  withDeadline,
} from './openai-client';
import { withRetry } from './retry';
import type { Embedder } from './types';

/*
 * Loads the `openai` SDK: imported only when the configured provider needs it (see `index.ts`), never by
 * the offline default.
 */

// ---------------------------------------------------------------------------------------------------------
// OpenAI (or compatible) embedder.
// ---------------------------------------------------------------------------------------------------------

/** OpenAI accepts up to 2048 inputs per request; smaller batches keep each request well under the timeout. */
export const EMBEDDING_BATCH_SIZE = 96;

export interface OpenAIEmbedderOptions extends OpenAIConnectionOptions {
  model: string;
  /**
   * Shortened vectors (text-embedding-3 models only): sent as the `dimensions` parameter. Leave undefined
   * for other models, whose size is known (see KNOWN_EMBEDDING_DIMENSIONS) or learnt from the first answer.
   */
  dimensions?: number;
  /** Inputs per request, at most 2048. Default 96. */
  batchSize?: number;
  /**
   * Send `dimensions` to the server (text-embedding-3 models shorten their vectors). Otherwise `dimensions`
   * is only the size expected back, checked on every answer: other servers reject the parameter.
   * Default: only for OpenAI's `text-embedding-3-*` models.
   */
  sendDimensions?: boolean;
}

/** A vector from an embeddings answer: a float array, or base64 little-endian float32 (OpenAI's compact form). */
export function vectorOf(embedding: unknown): number[] {
  if (Array.isArray(embedding)) return embedding.map(Number);
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    if (bytes.byteLength % 4 !== 0) {
      throw new LlmError('invalid_output', 'An embedding is neither a float array nor base64 float32.', {
        retryable: false,
      });
    }
    const floats = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    return Array.from(floats);
  }
  throw new LlmError('invalid_output', 'An embedding is neither a float array nor base64 float32.', {
    retryable: false,
  });
}

/**
 * An `Embedder` on the `openai` SDK's `embeddings.create`, with the chat model's timeout and retry policy.
 * Batches of at most 96 inputs, sent one after the other (a rate-limited provider gains nothing from
 * parallel batches); the vectors come back in input order.
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const { model, timeoutMs } = options;
  const batchSize = Math.min(2048, Math.max(1, options.batchSize ?? EMBEDDING_BATCH_SIZE));
  const client = createOpenAIClient(options);
  const policy = retryPolicyOf(options);
  let dimensions = options.dimensions ?? KNOWN_EMBEDDING_DIMENSIONS[model] ?? 0;
  const sendDimensions = options.sendDimensions ?? /^text-embedding-3-/.test(model);

  async function embedBatch(batch: string[], signal: AbortSignal | undefined): Promise<number[][]> {
    const response = await withDeadline(
      timeoutMs,
      signal,
      (combined) =>
        client.embeddings.create(
          {
            model,
            // OpenAI rejects empty strings; a space embeds to "nothing in particular".
            input: batch.map((t) => (t === '' ? ' ' : t)),
            // Asked explicitly: without it the SDK asks for base64 and decodes whatever comes back as base64,
            // so a server answering arrays anyway (Ollama, LM Studio, LiteLLM, LocalAI) came out a quarter
            // of its size. `vectorOf` still accepts base64 from servers that send it regardless.
            encoding_format: 'float',
            ...(sendDimensions && options.dimensions !== undefined ? { dimensions: options.dimensions } : {}),
          },
          { signal: combined },
        ),
      (cause) => new LlmError('timeout', `No complete answer within ${timeoutMs} ms.`, { cause }),
    );
    const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => vectorOf(d.embedding));
    if (vectors.length !== batch.length) {
      throw new LlmError('invalid_output', `Expected ${batch.length} embeddings, got ${vectors.length}.`, {
        retryable: false,
      });
    }
    return vectors;
  }

  return {
    model,
    get dimensions() {
      return dimensions;
    },
    async embed(texts, signal) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const batch = texts.slice(i, i + batchSize);
        const { value } = await withRetry(() => embedBatch(batch, signal), policy, {
          ...(signal ? { signal } : {}),
          tag: `embeddings:${model}`,
        });
        const size = value[0]?.length;
        if (size !== undefined) {
          if (dimensions === 0) dimensions = size;
          else if (size !== dimensions) {
            // Vectors of one model are compared with each other: mixing sizes would corrupt retrieval silently.
            throw new LlmError(
              'invalid_output',
              `Expected ${dimensions}-dimensional embeddings from ${model}, got ${size}: set PREJURY_EMBEDDING_DIMENSIONS=${size} if this model really has ${size} dimensions, or PREJURY_EMBEDDINGS=offline to use the offline embedder.`,
              { retryable: false, code: 'embedding_dimensions' },
            );
          }
        }
        out.push(...value);
      }
      return out;
    },
  };
}
