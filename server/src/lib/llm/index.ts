import { type Config, ConfigError } from '../env';
import { createOfflineEmbedder, createOpenAIEmbedder } from './embeddings';
import { createOpenAIChatModel } from './openai-chat';
import type { Sleep } from './retry';
import type { ChatModel, Embedder, FetchLike, LlmLogger } from './types';

export {
  cosine,
  createOfflineEmbedder,
  createOpenAIEmbedder,
  KNOWN_EMBEDDING_DIMENSIONS,
} from './embeddings';
export { classifyError, LlmError, type LlmErrorKind } from './errors';
export { toStrictJsonSchema } from './json-schema';
export { createOpenAIChatModel, type OpenAIChatModelOptions } from './openai-chat';
export { countTokens, sharedPrefixTokens } from './tokens';
export type { ChatModel, ChatRequest, ChatResult, ChatUsage, Embedder, LlmLogger } from './types';

/** Collaborators the factories pass through (tests inject a fetch or a sleep; production a logger). */
export interface LlmDeps {
  fetch?: FetchLike;
  logger?: LlmLogger;
  sleep?: Sleep;
}

function apiKeyOf(config: Config): string {
  // loadConfig already refuses provider=openai without a key; this guards hand-built configs.
  if (!config.openai.apiKey) throw new ConfigError('The openai provider needs OPENAI_API_KEY.');
  return config.openai.apiKey;
}

/**
 * The configured chat model: OpenAI (or the compatible server at `OPENAI_BASE_URL`) when
 * `config.provider === 'openai'`, else `null` — the caller then uses the offline analyzer.
 */
export function createChatModel(config: Config, deps: LlmDeps = {}): ChatModel | null {
  if (config.provider !== 'openai') return null;
  return createOpenAIChatModel({
    apiKey: apiKeyOf(config),
    baseURL: config.openai.baseURL,
    model: config.openai.model,
    timeoutMs: config.llm.timeoutMs,
    maxRetries: config.llm.maxRetries,
    ...deps,
  });
}

/**
 * The configured embedder: the provider's embedding model when `config.provider === 'openai'`, else the
 * offline hashed embedder. Vectors of different models are not comparable: store the model name with them.
 */
export function createEmbedder(config: Config, deps: LlmDeps = {}): Embedder {
  if (config.provider !== 'openai') return createOfflineEmbedder();
  return createOpenAIEmbedder({
    apiKey: apiKeyOf(config),
    baseURL: config.openai.baseURL,
    model: config.openai.embeddingModel,
    timeoutMs: config.llm.timeoutMs,
    maxRetries: config.llm.maxRetries,
    ...deps,
  });
}
