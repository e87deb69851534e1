import { classifyError, LlmError } from './errors';
import type { LlmLogger } from './types';

/** Waits `ms`; rejects early if `signal` aborts. Injectable so tests assert delays without waiting. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * The retry budget. We retry ourselves (the SDK is built with `maxRetries: 0`) so one place decides how
 * long a call may take: the SDK's defaults (10-minute timeout, 2 retries) could hold a call for 30 minutes.
 */
export interface RetryPolicy {
  /** Extra attempts after the first (so at most `maxRetries + 1` requests). */
  maxRetries: number;
  /** First back-off; doubles on each retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Ceiling of the exponential back-off. Default 8 s. */
  maxDelayMs?: number;
  /** Ceiling on a provider's `retry-after`: past it we would rather fail and let the job queue reschedule. Default 20 s. */
  retryAfterCapMs?: number;
  /** A malformed or off-schema answer is asked again at most this many times. Default 1. */
  maxInvalidOutputRetries?: number;
  sleep?: Sleep;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  logger?: LlmLogger;
}

export interface RetryContext {
  signal?: AbortSignal;
  /** For logs only. */
  tag?: string;
}

/** How long to wait before retry number `retryIndex` (0-based) after `error`. */
export function retryDelayMs(error: LlmError, retryIndex: number, policy: RetryPolicy): number {
  const cap = policy.retryAfterCapMs ?? 20_000;
  if (error.retryAfterMs !== undefined) {
    // The provider told us when capacity frees up: waiting less only earns another 429.
    return Math.min(error.retryAfterMs, cap);
  }
  const base = policy.baseDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 8_000;
  const exp = Math.min(max, base * 2 ** retryIndex);
  // ±25 % jitter so that concurrent criteria that failed together do not retry in lockstep.
  const random = policy.random ?? Math.random;
  return Math.round(exp * (0.75 + 0.5 * random()));
}

function abortedError(signal: AbortSignal): LlmError {
  return new LlmError('aborted', 'The model call was aborted.', { cause: signal.reason });
}

/**
 * Runs `attempt` until it succeeds, the error is not retryable, or the budget is spent. Every failure is
 * classified (`classifyError`); the final `LlmError` carries `attempts`.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  context: RetryContext = {},
): Promise<{ value: T; attempts: number }> {
  const sleep = policy.sleep ?? defaultSleep;
  const maxInvalid = policy.maxInvalidOutputRetries ?? 1;
  const { signal, tag } = context;
  let invalidRetries = 0;

  for (let attempts = 1; ; attempts++) {
    if (signal?.aborted) throw Object.assign(abortedError(signal), { attempts: attempts - 1 });
    let error: LlmError;
    try {
      return { value: await attempt(attempts), attempts };
    } catch (err) {
      error = signal?.aborted ? abortedError(signal) : classifyError(err);
    }

    const retriesLeft = attempts <= policy.maxRetries;
    const invalidBudgetLeft = error.kind !== 'invalid_output' || invalidRetries < maxInvalid;
    if (!error.retryable || !retriesLeft || !invalidBudgetLeft) {
      error.attempts = attempts;
      policy.logger?.warn(
        { tag, attempts, kind: error.kind, status: error.status, code: error.code },
        'model call failed',
      );
      throw error;
    }
    if (error.kind === 'invalid_output') invalidRetries++;

    const delayMs = retryDelayMs(error, attempts - 1, policy);
    policy.logger?.debug(
      { tag, attempt: attempts, kind: error.kind, status: error.status, delayMs },
      'model call failed, retrying',
    );
    try {
      await sleep(delayMs, signal);
    } catch (err) {
      throw Object.assign(signal ? abortedError(signal) : classifyError(err), { attempts });
    }
  }
}
