import { type Config, ConfigError } from '../env';
import { createOfflineEmbedder, KNOWN_EMBEDDING_DIMENSIONS } from './embeddings';
import type { OpenAIChatModelOptions } from './openai-chat';
import type { OpenAIEmbedderOptions } from './openai-embeddings';
import { AZURE_DEFAULT_API_VERSION, SERVER_PROFILES } from './profiles.data';
import type { Sleep } from './retry';
import type { ChatModel, ChatRequest, Embedder, FetchLike, LlmLogger } from './types';

/*
 * The `openai` SDK, LangChain's parsers and the tokenizer cost tens of MB once loaded, and the offline
 * default needs none of them. This module therefore never imports them: the factories below load
 * `openai-chat.ts` / `openai-embeddings.ts` with `import()` on the first call, and only for a provider that
 * needs them. Import those modules directly (as tests do) for their other exports.
 */

export { cosine, createOfflineEmbedder, KNOWN_EMBEDDING_DIMENSIONS } from './embeddings';
export { classifyError, LlmError, type LlmErrorKind } from './errors';
export { toStrictJsonSchema } from './json-schema';
export type { OpenAIChatModelOptions } from './openai-chat';
export {
  PROFILE_IDS,
  type ProfileId,
  SERVER_PROFILES,
  type ServerProfile,
  STRUCTURED_OUTPUT_MODES,
  type StructuredOutputMode,
} from './profiles.data';
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
  return lazyChatModel({
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
  return lazyEmbedder({
    ...connectionOf(config),
    model: config.openai.embeddingModel,
    ...(config.openai.embeddingDimensions === undefined
      ? {}
      : { dimensions: config.openai.embeddingDimensions }),
    ...deps,
  });
}

/** A chat model that loads `openai-chat.ts` (and the SDK) on its first call. */
function lazyChatModel(options: OpenAIChatModelOptions & { provider: string }): ChatModel {
  let loaded: Promise<ChatModel> | undefined;
  const load = () => {
    loaded ??= import('./openai-chat').then((m) => m.createOpenAIChatModel(options));
    return loaded;
  };
  return {
    provider: options.provider,
    model: options.model,
    async complete<T>(req: ChatRequest<T>) {
      return (await load()).complete(req);
    },
  };
}

/** An embedder that loads `openai-embeddings.ts` (and the SDK) on its first call. */
function lazyEmbedder(options: OpenAIEmbedderOptions): Embedder {
  let inner: Embedder | undefined;
  let loaded: Promise<Embedder> | undefined;
  const load = () => {
    loaded ??= import('./openai-embeddings').then((m) => {
      inner = m.createOpenAIEmbedder(options);
      return inner;
    });
    return loaded;
  };
  return {
    model: options.model,
    // Before the first call, what the real embedder would say: the configured or known size, else 0.
    get dimensions() {
      return inner?.dimensions ?? options.dimensions ?? KNOWN_EMBEDDING_DIMENSIONS[options.model] ?? 0;
    },
    async embed(texts, signal) {
      return (await load()).embed(texts, signal);
    },
  };
}
