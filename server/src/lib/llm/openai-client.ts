import OpenAI, { AzureOpenAI } from 'openai';
// Registers the SDK's error classes with `classifyError`, which cannot import them (the offline default never loads the SDK).
import './openai-errors';
import type { RetryPolicy, Sleep } from './retry';
import type { FetchLike, LlmLogger } from './types';

/** OpenAI's public endpoint, used when no `OPENAI_BASE_URL` is configured. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** What the chat model and the embedder share: connection, timeout and retry budget. */
export interface OpenAIConnectionOptions {
  apiKey: string;
  /** An OpenAI-compatible server (Azure, vLLM, Ollama, LM Studio…); OpenAI itself when undefined. */
  baseURL?: string | undefined;
  /** Per attempt, the whole request: connecting, waiting and reading the body. */
  timeoutMs: number;
  /** Extra attempts after the first, for transient failures. */
  maxRetries: number;
  fetch?: FetchLike;
  logger?: LlmLogger;
  /** Back-off sleep; tests inject one that records the delay and returns at once. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /**
   * Azure OpenAI: `baseURL` is the resource endpoint (`https://<resource>.openai.azure.com`), the model name
   * is the deployment's, and the SDK's `AzureOpenAI` adds `/openai/deployments/<name>`, `api-version` and the
   * `api-key` header.
   */
  azure?: { apiVersion: string } | undefined;
  /** Finer retry tuning (back-off base and ceiling, retry-after cap, invalid-output retries). */
  retry?: Omit<RetryPolicy, 'maxRetries' | 'sleep' | 'random' | 'logger'>;
}

/**
 * The SDK client, with an explicit timeout and no SDK-level retries (`withRetry` owns the budget).
 * Every option is explicit: the SDK would otherwise read OPENAI_* variables behind env.ts's back.
 */
export function createOpenAIClient(options: OpenAIConnectionOptions): OpenAI {
  const common = {
    apiKey: options.apiKey,
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: 0,
    // We log retries and failures ourselves, without content; the SDK would write to the console.
    logLevel: 'off' as const,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  if (options.azure) {
    if (!options.baseURL) throw new Error('Azure OpenAI needs its endpoint as baseURL.');
    // Passed as baseURL, not endpoint: the SDK would otherwise read OPENAI_BASE_URL itself and refuse both.
    const endpoint = options.baseURL.replace(/\/+$/, '').replace(/\/openai(\/v1)?$/, '');
    return new AzureOpenAI({
      ...common,
      baseURL: `${endpoint}/openai`,
      apiVersion: options.azure.apiVersion,
    });
  }
  return new OpenAI({ ...common, baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL });
}

export function retryPolicyOf(options: OpenAIConnectionOptions): RetryPolicy {
  return {
    ...options.retry,
    maxRetries: options.maxRetries,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
}

/**
 * Runs one SDK call under a deadline of `timeoutMs` combined with the caller's signal. The SDK's own
 * `timeout` stops at the response headers; this one also covers a body that stalls. A deadline hit
 * becomes an `LlmError` of kind `timeout`; anything else is rethrown for `withRetry` to classify.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
  onTimeout: (cause: unknown) => Error,
): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    return await call(signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal);
  } catch (err) {
    if (deadline.signal.aborted && !signal?.aborted) throw onTimeout(err);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
