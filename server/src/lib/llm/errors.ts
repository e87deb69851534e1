import { z } from 'zod';
import type { ChatUsage } from './types';

/**
 * What went wrong with a model call, in the terms callers act on:
 * - `rate_limit`: 429 (retryable, except `insufficient_quota`, which waiting does not fix);
 * - `timeout`: no complete answer within the configured time (retryable);
 * - `invalid_output`: the answer is not JSON, or not the requested schema (retryable once);
 * - `refusal`: the model declined or the provider filtered the content (not retryable);
 * - `provider`: 5xx, connection failure, anything unexpected (retryable when transient);
 * - `auth`: 401/403, a wrong key or a model the key may not use (not retryable);
 * - `bad_request`: 400/404/422…, our request is wrong (context too long, unknown model) (not retryable);
 * - `aborted`: the caller's `AbortSignal` fired (not retryable; not the provider's fault).
 */
export type LlmErrorKind =
  | 'rate_limit'
  | 'timeout'
  | 'invalid_output'
  | 'refusal'
  | 'provider'
  | 'auth'
  | 'bad_request'
  | 'aborted';

const RETRYABLE_BY_DEFAULT: Record<LlmErrorKind, boolean> = {
  rate_limit: true,
  timeout: true,
  invalid_output: true,
  refusal: false,
  provider: true,
  auth: false,
  bad_request: false,
  aborted: false,
};

export interface LlmErrorOptions {
  retryable?: boolean;
  status?: number;
  retryAfterMs?: number;
  /** The provider's error code (`rate_limit_exceeded`, `insufficient_quota`, `context_length_exceeded`…). */
  code?: string;
  /** The provider's request id, for support tickets. */
  requestId?: string;
  cause?: unknown;
}

/** The one error the LLM seam rejects with. The original error stays in `cause`. */
export class LlmError extends Error {
  override name = 'LlmError';
  readonly kind: LlmErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly requestId?: string;
  /** Set by the retry loop when it gives up: how many attempts were made. */
  attempts?: number;
  /** Set by the chat model when it gives up: tokens spent on the failed attempts (they are billed too). */
  usage?: ChatUsage;

  constructor(kind: LlmErrorKind, message: string, options: LlmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT[kind];
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.code !== undefined) this.code = options.code;
    if (options.requestId !== undefined) this.requestId = options.requestId;
  }
}

/**
 * Reads `retry-after-ms` (OpenAI, milliseconds) or `retry-after` (seconds or an HTTP date).
 * Returns undefined when absent or unparsable; never negative.
 */
export function parseRetryAfter(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value)) return Math.max(0, value);
  }
  const after = headers.get('retry-after');
  if (after !== null && after.trim() !== '') {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return undefined;
}

/** Maps a provider SDK's own error classes; `undefined` for errors it does not know. */
export type ProviderErrorClassifier = (err: unknown) => LlmError | undefined;

const providerClassifiers: ProviderErrorClassifier[] = [];

/**
 * Adds the error mapping of a provider SDK. The SDK's module registers it when it loads (see
 * `openai-errors.ts`), so this module does not load the SDK itself: the offline provider never does, and an
 * SDK error can only exist once its module has loaded.
 */
export function registerProviderErrors(classify: ProviderErrorClassifier): void {
  if (!providerClassifiers.includes(classify)) providerClassifiers.push(classify);
}

/**
 * Maps anything thrown around a model call to an `LlmError`, keeping the original as `cause`.
 * An `LlmError` is returned as is. Unknown errors (bugs, not provider trouble) become non-retryable
 * `provider` errors so a retry loop does not repeat them.
 */
export function classifyError(err: unknown): LlmError {
  if (err instanceof LlmError) return err;

  for (const classify of providerClassifiers) {
    const mapped = classify(err);
    if (mapped) return mapped;
  }

  if (err instanceof z.ZodError) {
    return new LlmError('invalid_output', `The answer does not match the schema: ${summariseZodError(err)}`, {
      cause: err,
    });
  }
  if (err instanceof SyntaxError) {
    return new LlmError('invalid_output', `The answer is not valid JSON: ${err.message}`, { cause: err });
  }
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    // DOMExceptions from AbortSignal.timeout() / AbortController.abort().
    return err.name === 'TimeoutError'
      ? new LlmError('timeout', 'The model call timed out.', { cause: err })
      : new LlmError('aborted', 'The model call was aborted.', { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new LlmError('provider', `Unexpected error during the model call: ${message}`, {
    cause: err,
    retryable: false,
  });
}

/** A short, content-free description of schema issues (paths and messages, no values). */
export function summariseZodError(err: z.ZodError): string {
  const issues = err.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = err.issues.length > 5 ? ` (+${err.issues.length - 5} more)` : '';
  return issues.join('; ') + more;
}
