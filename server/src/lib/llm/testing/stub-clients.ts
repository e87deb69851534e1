import { createOpenAIChatModel, type OpenAIChatModelOptions } from '../openai-chat';
import { createOpenAIEmbedder, type OpenAIEmbedderOptions } from '../openai-embeddings';
import type { StubServer } from './stub-server';

/** Test defaults for a client of the stub server: any key, no retry, a timeout a loaded machine still meets. */
const DEFAULTS = { apiKey: 'k', timeoutMs: 5_000, maxRetries: 0 } as const;

/** The real OpenAI SDK chat client, over HTTP, to the stub server (model `stub-grader` unless told). */
export function stubChatModel(stub: StubServer, options: Partial<OpenAIChatModelOptions> = {}) {
  return createOpenAIChatModel({ ...DEFAULTS, baseURL: stub.url, model: 'stub-grader', ...options });
}

/** The real OpenAI SDK embeddings client, over HTTP, to the stub server. */
export function stubEmbedder(stub: StubServer, options: Partial<OpenAIEmbedderOptions> = {}) {
  return createOpenAIEmbedder({
    ...DEFAULTS,
    baseURL: stub.url,
    model: 'text-embedding-3-small',
    ...options,
  });
}
