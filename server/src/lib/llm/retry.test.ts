import { describe, expect, it } from 'vitest';
import { LlmError } from './errors';
import { defaultSleep, retryDelayMs, withRetry } from './retry';

function recorder() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

describe('retryDelayMs', () => {
  const error = new LlmError('provider', 'x');
  it('backs off exponentially from 500 ms with ±25 % jitter, up to the ceiling', () => {
    const policy = { maxRetries: 10, random: () => 0.5 };
    expect([0, 1, 2, 3, 4, 5].map((i) => retryDelayMs(error, i, policy))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(retryDelayMs(error, 0, { maxRetries: 1, random: () => 0 })).toBe(375);
    expect(retryDelayMs(error, 0, { maxRetries: 1, random: () => 0.999999 })).toBe(625);
  });

  it("honours the provider's retry-after, capped", () => {
    const limited = new LlmError('rate_limit', 'x', { retryAfterMs: 1000 });
    expect(retryDelayMs(limited, 3, { maxRetries: 5 })).toBe(1000);
    const long = new LlmError('rate_limit', 'x', { retryAfterMs: 120_000 });
    expect(retryDelayMs(long, 0, { maxRetries: 5 })).toBe(20_000);
  });
});

describe('withRetry', () => {
  it('retries retryable errors up to maxRetries, then throws with attempts', async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw new LlmError('provider', 'down', { status: 502 });
      },
      { maxRetries: 2, sleep, random: () => 0.5 },
    );
    await expect(run).rejects.toMatchObject({ kind: 'provider', attempts: 3 });
    expect(calls).toBe(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('does not retry non-retryable errors', async () => {
    const { sleeps, sleep } = recorder();
    const run = withRetry(
      async () => {
        throw new LlmError('auth', 'bad key');
      },
      { maxRetries: 3, sleep },
    );
    await expect(run).rejects.toMatchObject({ kind: 'auth', attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  it('retries invalid output only once even with a larger budget', async () => {
    const { sleep } = recorder();
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw new SyntaxError('Unexpected end of JSON input');
      },
      { maxRetries: 5, sleep },
    );
    await expect(run).rejects.toMatchObject({ kind: 'invalid_output', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('returns the value and the attempt count', async () => {
    const { sleep } = recorder();
    let calls = 0;
    const result = await withRetry(
      async (n) => {
        calls++;
        if (n < 3) throw new LlmError('timeout', 'slow');
        return 'ok';
      },
      { maxRetries: 2, sleep },
    );
    expect(result).toEqual({ value: 'ok', attempts: 3 });
    expect(calls).toBe(3);
  });

  it('stops during the back-off when the signal aborts', async () => {
    const controller = new AbortController();
    const run = withRetry(
      async () => {
        setTimeout(() => controller.abort(), 10);
        throw new LlmError('provider', 'down');
      },
      { maxRetries: 3, baseDelayMs: 60_000, sleep: defaultSleep },
      { signal: controller.signal },
    );
    await expect(run).rejects.toMatchObject({ kind: 'aborted', retryable: false, attempts: 1 });
  });
});
