import { describe, expect, it } from 'vitest';
import { testConfig } from '../env';
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
});
