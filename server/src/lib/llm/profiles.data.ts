/**
 * Named model-server profiles: what an OpenAI-compatible server is documented to do, so that a school's IT
 * team sets `PREJURY_LLM_PROFILE=ollama` instead of learning each quirk. Every value is a default that the
 * matching environment variable overrides. Data only; `env.ts` resolves it and `npm run doctor` checks it
 * against the real server.
 */

/** How the grader asks for JSON: strict JSON schema, JSON mode, or instructions in the prompt alone. */
export type StructuredOutputMode = 'json_schema' | 'json_object' | 'prompt';

export const STRUCTURED_OUTPUT_MODES: readonly StructuredOutputMode[] = [
  'json_schema',
  'json_object',
  'prompt',
];

export const PROFILE_IDS = ['openai', 'azure', 'ollama', 'lmstudio', 'vllm', 'litellm', 'mistral'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export interface ServerProfile {
  id: ProfileId;
  /** Shown by the doctor and in the README. */
  label: string;
  /** `OPENAI_BASE_URL` when unset. Azure has none: its endpoint is the customer's resource. */
  baseURL: string | undefined;
  /** Local servers accept any key; the SDK still needs a non-empty one. */
  keyRequired: boolean;
  /** `PREJURY_MODEL` when unset (Azure: the chat deployment's name). */
  model: string;
  /** `PREJURY_EMBEDDINGS` when unset: whether the server has a usable `/v1/embeddings`. */
  embeddings: 'provider' | 'offline';
  /** `PREJURY_EMBEDDING_MODEL` when unset (Azure: the embedding deployment's name). */
  embeddingModel: string;
  /** Native size of `embeddingModel`; `PREJURY_EMBEDDING_DIMENSIONS` overrides it. */
  embeddingDimensions: number | undefined;
  /** The first structured-output path tried; a refusal (400) falls back along `json_schema → json_object → prompt`. */
  structuredOutput: StructuredOutputMode;
  /** Whether the server constrains decoding to the schema (otherwise the prompt and tolerant parsing do the work). */
  structuredOutputEnforced: boolean;
  /** Whether `usage.prompt_tokens_details.cached_tokens` is reported (prompt caching visible in costs). */
  reportsCachedTokens: boolean;
  /** The output-limit parameter the server knows. */
  maxTokensParam: 'max_completion_tokens' | 'max_tokens';
  /** One line on what to know. */
  note: string;
}

/** OpenAI's API; Azure OpenAI serves the same models with the same behaviour. */
const OPENAI: ServerProfile = {
  id: 'openai',
  label: 'OpenAI',
  baseURL: 'https://api.openai.com/v1',
  keyRequired: true,
  model: 'gpt-4o-mini',
  embeddings: 'provider',
  embeddingModel: 'text-embedding-3-small',
  embeddingDimensions: 1536,
  structuredOutput: 'json_schema',
  structuredOutputEnforced: true,
  reportsCachedTokens: true,
  maxTokensParam: 'max_completion_tokens',
  note: 'Sorties structurées strictes, cache de prompt automatique au-delà de 1024 jetons.',
};

export const SERVER_PROFILES: Readonly<Record<ProfileId, ServerProfile>> = {
  openai: OPENAI,
  azure: {
    ...OPENAI,
    id: 'azure',
    label: 'Azure OpenAI',
    baseURL: undefined,
    note: 'OPENAI_BASE_URL = point de terminaison de la ressource ; PREJURY_MODEL et PREJURY_EMBEDDING_MODEL = noms des déploiements ; clé dans l’en-tête api-key.',
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    keyRequired: false,
    model: 'llama3.1',
    embeddings: 'provider',
    embeddingModel: 'nomic-embed-text',
    embeddingDimensions: 768,
    structuredOutput: 'json_schema',
    structuredOutputEnforced: true,
    reportsCachedTokens: false,
    maxTokensParam: 'max_tokens',
    note: 'Renvoie les embeddings en tableaux de flottants ; pas de cached_tokens.',
  },
  lmstudio: {
    id: 'lmstudio',
    label: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    keyRequired: false,
    model: 'local-model',
    embeddings: 'provider',
    embeddingModel: 'text-embedding-nomic-embed-text-v1.5',
    embeddingDimensions: 768,
    structuredOutput: 'json_schema',
    structuredOutputEnforced: true,
    reportsCachedTokens: false,
    maxTokensParam: 'max_tokens',
    note: 'Refuse response_format json_object ; embeddings en tableaux de flottants.',
  },
  vllm: {
    id: 'vllm',
    label: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    keyRequired: false,
    model: 'served-model',
    // One vLLM server serves one model: a chat model has no /v1/embeddings.
    embeddings: 'offline',
    embeddingModel: 'served-embedding-model',
    embeddingDimensions: undefined,
    structuredOutput: 'json_schema',
    structuredOutputEnforced: true,
    reportsCachedTokens: false,
    maxTokensParam: 'max_tokens',
    note: 'Un modèle par serveur : embeddings hors ligne par défaut ; cached_tokens seulement avec --enable-prompt-tokens-details.',
  },
  litellm: {
    id: 'litellm',
    label: 'LiteLLM (proxy)',
    baseURL: 'http://localhost:4000/v1',
    keyRequired: true,
    model: 'gpt-4o-mini',
    embeddings: 'provider',
    embeddingModel: 'text-embedding-3-small',
    embeddingDimensions: undefined,
    structuredOutput: 'json_schema',
    structuredOutputEnforced: false,
    reportsCachedTokens: true,
    maxTokensParam: 'max_tokens',
    note: 'Dépend du modèle routé : le doctor dit quel chemin de sortie structurée passe.',
  },
  mistral: {
    id: 'mistral',
    label: 'Mistral AI (La Plateforme)',
    baseURL: 'https://api.mistral.ai/v1',
    keyRequired: true,
    model: 'mistral-small-latest',
    embeddings: 'provider',
    embeddingModel: 'mistral-embed',
    embeddingDimensions: 1024,
    structuredOutput: 'json_schema',
    structuredOutputEnforced: true,
    reportsCachedTokens: false,
    maxTokensParam: 'max_tokens',
    note: 'API compatible OpenAI ; mistral-embed en 1024 dimensions.',
  },
};

/** The Azure OpenAI `api-version` used when `PREJURY_AZURE_API_VERSION` is unset (GA, with structured outputs). */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';
