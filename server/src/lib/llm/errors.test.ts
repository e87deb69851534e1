import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifyError, LlmError, parseRetryAfter } from './errors';
// The SDK's module registers its error mapping on load, as `openai-client.ts` does in production.
import './openai-errors';

function apiError(status: number, error: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return APIError.generate(status, { error: { message: 'boom', ...error } }, undefined, new Headers(headers));
}

describe('classifyError', () => {
  it.each([
    [429, {}, 'rate_limit', true],
    [429, { code: 'insufficient_quota', type: 'insufficient_quota' }, 'rate_limit', false],
    [401, {}, 'auth', false],
    [403, {}, 'auth', false],
    [400, { code: 'context_length_exceeded' }, 'bad_request', false],
    [404, {}, 'bad_request', false],
    [422, {}, 'bad_request', false],
    [408, {}, 'timeout', true],
    [409, {}, 'provider', true],
    [500, {}, 'provider', true],
    [503, {}, 'provider', true],
  ] as const)('maps HTTP %i %o to %s (retryable %s)', (status, body, kind, retryable) => {
    const err = apiError(status, body);
    const classified = classifyError(err);
    expect(classified).toBeInstanceOf(LlmError);
    expect({ kind: classified.kind, retryable: classified.retryable, status: classified.status }).toEqual({
      kind,
      retryable,
      status,
    });
    expect(classified.cause).toBe(err);
  });

  it('reads retry-after headers, code and request id', () => {
    const classified = classifyError(
      apiError(429, { code: 'rate_limit_exceeded' }, { 'retry-after': '2', 'x-request-id': 'req_1' }),
    );
    expect(classified).toMatchObject({ retryAfterMs: 2000, code: 'rate_limit_exceeded', requestId: 'req_1' });
  });

  it('lets x-should-retry override the status', () => {
    expect(classifyError(apiError(500, {}, { 'x-should-retry': 'false' })).retryable).toBe(false);
    expect(classifyError(apiError(400, {}, { 'x-should-retry': 'true' })).retryable).toBe(true);
  });

  it('maps connection failures, timeouts and aborts', () => {
    expect(classifyError(new APIConnectionTimeoutError())).toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
    expect(classifyError(new APIConnectionError({ message: 'ECONNRESET' }))).toMatchObject({
      kind: 'provider',
      retryable: true,
    });
    expect(classifyError(new APIUserAbortError())).toMatchObject({ kind: 'aborted', retryable: false });
    expect(classifyError(new DOMException('t', 'TimeoutError'))).toMatchObject({ kind: 'timeout' });
  });

  it('maps JSON and schema errors to invalid_output', () => {
    let syntax: unknown;
    try {
      JSON.parse('{"score": 3,');
    } catch (err) {
      syntax = err;
    }
    expect(classifyError(syntax)).toMatchObject({ kind: 'invalid_output', retryable: true });
    const zodError = z.object({ score: z.number() }).safeParse({ foo: 1 }).error;
    const classified = classifyError(zodError);
    expect(classified).toMatchObject({ kind: 'invalid_output', retryable: true });
    expect(classified.message).toContain('score');
  });

  it('returns LlmErrors unchanged and does not retry unknown errors', () => {
    const err = new LlmError('refusal', 'no');
    expect(classifyError(err)).toBe(err);
    const bug = new TypeError('x is undefined');
    expect(classifyError(bug)).toMatchObject({ kind: 'provider', retryable: false, cause: bug });
  });
});

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms, then seconds, then an HTTP date', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '1.5' }))).toBe(1500);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
