import { type Config, ConfigError } from '../env';
import { createOfflineEmbedder, createOpenAIEmbedder } from './embeddings';
import { createOpenAIChatModel } from './openai-chat';
import { AZURE_DEFAULT_API_VERSION, SERVER_PROFILES } from './profiles.data';
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
export {
  createOpenAIChatModel,
  extractJson,
  learntStructuredOutput,
  type OpenAIChatModelOptions,
} from './openai-chat';
export {
  PROFILE_IDS,
  type ProfileId,
  SERVER_PROFILES,
  type ServerProfile,
  STRUCTURED_OUTPUT_MODES,
  type StructuredOutputMode,
} from './profiles.data';
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
  const profile = SERVER_PROFILES[config.openai.profile ?? 'openai'];
  return createOpenAIChatModel({
    ...connectionOf(config),
    model: config.openai.model,
    // Reports keep `openai` for OpenAI itself; other servers are named by their profile.
    provider: profile.id,
    ...(config.openai.baseURL && profile.id === 'openai' ? {} : { maxTokensParam: profile.maxTokensParam }),
    structuredOutput: config.openai.structuredOutput ?? profile.structuredOutput,
    ...deps,
  });
}

function connectionOf(config: Config) {
  const azure = config.openai.profile === 'azure';
  return {
    apiKey: apiKeyOf(config),
    baseURL: config.openai.baseURL,
    timeoutMs: config.llm.timeoutMs,
    maxRetries: config.llm.maxRetries,
    ...(azure ? { azure: { apiVersion: config.openai.azureApiVersion ?? AZURE_DEFAULT_API_VERSION } } : {}),
  };
}

/**
 * The configured embedder: the provider's embedding model when `config.provider === 'openai'`, else the
 * offline hashed embedder. Vectors of different models are not comparable: store the model name with them.
 */
export function createEmbedder(config: Config, deps: LlmDeps = {}): Embedder {
  // PREJURY_EMBEDDINGS=offline: a remote chat model with the offline embedder (chat-only servers).
  if (config.provider !== 'openai' || config.openai.embeddings === 'offline') return createOfflineEmbedder();
  return createOpenAIEmbedder({
    ...connectionOf(config),
    model: config.openai.embeddingModel,
    ...(config.openai.embeddingDimensions === undefined
      ? {}
      : { dimensions: config.openai.embeddingDimensions }),
    ...deps,
  });
}
