import { describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../env';
import { createLogger } from '../logger';
import { createChatModel, createEmbedder, type LlmLogger } from './index';

describe('createChatModel / createEmbedder', () => {
  it('returns null (offline analyzer) and the offline embedder without a provider', () => {
    const config = testConfig();
    expect(createChatModel(config)).toBeNull();
    expect(createEmbedder(config).model).toBe('offline-hash-v1-384');
  });

  it('builds the OpenAI-compatible model and embedder from config', () => {
    const base = testConfig();
    const config = testConfig({
      provider: 'openai',
      openai: { ...base.openai, apiKey: 'sk-x', baseURL: 'http://127.0.0.1:9/v1', model: 'gpt-4.1-mini' },
    });
    // A pino logger is an LlmLogger.
    const logger: LlmLogger = createLogger({ logLevel: 'silent' });
    expect(createChatModel(config, { logger })).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini' });
    expect(createEmbedder(config)).toMatchObject({ model: 'text-embedding-3-small', dimensions: 1536 });
  });

  it('refuses the openai provider without a key', () => {
    expect(() => createChatModel(testConfig({ provider: 'openai' }))).toThrow(/OPENAI_API_KEY/);
  });

  it('resolves a named profile: a local server needs no key, and its defaults can each be overridden', () => {
    const ollama = loadConfig({ PREJURY_LLM_PROFILE: 'ollama' });
    expect(ollama.provider).toBe('openai');
    expect(ollama.openai).toMatchObject({
      profile: 'ollama',
      apiKey: 'not-needed',
      baseURL: 'http://localhost:11434/v1',
      model: 'llama3.1',
      embeddingModel: 'nomic-embed-text',
      embeddingDimensions: 768,
      embeddings: 'provider',
      structuredOutput: 'json_schema',
    });
    expect(createChatModel(ollama)).toMatchObject({ provider: 'ollama', model: 'llama3.1' });
    expect(createEmbedder(ollama)).toMatchObject({ model: 'nomic-embed-text', dimensions: 768 });
    // vLLM serves one model: the offline embedder beside it, unless told otherwise.
    expect(createEmbedder(loadConfig({ PREJURY_LLM_PROFILE: 'vllm' })).model).toBe('offline-hash-v1-384');
    const custom = loadConfig({
      PREJURY_LLM_PROFILE: 'vllm',
      PREJURY_EMBEDDINGS: 'provider',
      PREJURY_EMBEDDING_MODEL: 'bge-m3',
      PREJURY_EMBEDDING_DIMENSIONS: '1024',
      PREJURY_STRUCTURED_OUTPUT: 'prompt',
    });
    expect(custom.openai).toMatchObject({
      embeddings: 'provider',
      embeddingDimensions: 1024,
      structuredOutput: 'prompt',
    });
    expect(createEmbedder(custom)).toMatchObject({ model: 'bge-m3', dimensions: 1024 });
  });

  it('refuses profiles missing what they need, naming the variable', () => {
    expect(() => loadConfig({ PREJURY_LLM_PROFILE: 'mistral' })).toThrow(/OPENAI_API_KEY/);
    expect(() => loadConfig({ PREJURY_LLM_PROFILE: 'azure', OPENAI_API_KEY: 'k' })).toThrow(
      /OPENAI_BASE_URL/,
    );
    expect(() => loadConfig({ PREJURY_LLM_PROFILE: 'nope' })).toThrow(/PREJURY_LLM_PROFILE/);
    // No key and no profile: still the offline analyzer.
    expect(loadConfig({}).provider).toBe('offline');
  });
});
