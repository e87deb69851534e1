import type { ServerResponse } from 'node:http';
import { createOfflineEmbedder } from '../embeddings';
import { countTokens } from '../tokens';
import {
  applyTransportFault,
  bodyOr400,
  EmbeddingsBodySchema,
  errorBody,
  type StubState,
  send,
  takeFault,
} from './stub-http';
import type { StubRequestRecord } from './stub-types';

/** `POST /v1/embeddings`: the offline embedder's vectors, as floats or base64 as asked. */
export async function handleEmbeddings(
  state: StubState,
  record: StubRequestRecord,
  res: ServerResponse,
): Promise<void> {
  const body = bodyOr400(state, res, EmbeddingsBodySchema, record.body, 'embeddings');
  if (!body) return;
  if (state.quirks.noEmbeddings) {
    send(state, res, 404, errorBody('Not found (stub: chat-only server).', 'invalid_request_error', null));
    return;
  }
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  record.prompt = inputs.join('\n');
  const fault = takeFault(state, 'embeddings', record);
  if (fault) record.fault = fault;
  if (await applyTransportFault(state, fault, res)) return;

  const dimensions = body.dimensions ?? state.options.embeddingDimensions ?? 1536;
  let embedder = state.embedders.get(dimensions);
  if (!embedder) {
    embedder = createOfflineEmbedder({ dimensions });
    state.embedders.set(dimensions, embedder);
  }
  const vectors = await embedder.embed(inputs);
  const tokens = inputs.reduce((sum, t) => sum + countTokens(t), 0);
  send(state, res, 200, {
    object: 'list',
    model: body.model,
    data: vectors.map((v, index) => ({
      object: 'embedding',
      index,
      // The SDK asks for base64 (little-endian float32) unless told otherwise, and decodes it itself.
      embedding:
        body.encoding_format === 'base64' && !state.quirks.floatEmbeddings
          ? Buffer.from(new Float32Array(v).buffer).toString('base64')
          : v,
    })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}
