import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';
import { LlmError, parseRetryAfter, registerProviderErrors } from './errors';

/*
 * The `openai` SDK's errors as `LlmError`s. Loaded with the SDK (by `openai-client.ts`), never by the offline
 * provider; it registers itself with `classifyError` on load.
 */

function fromApiError(err: APIError): LlmError {
  const status = err.status;
  const headers = err.headers;
  const code = typeof err.code === 'string' ? err.code : undefined;
  const base = {
    cause: err,
    ...(status === undefined ? {} : { status }),
    ...(code === undefined ? {} : { code }),
    ...(err.requestID ? { requestId: err.requestID } : {}),
  };
  // The provider may say explicitly whether a retry can help; it knows better than the status code.
  const shouldRetry = headers?.get('x-should-retry');
  const override = shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined;
  const retryAfterMs = parseRetryAfter(headers);
  const withRetryAfter = retryAfterMs === undefined ? base : { ...base, retryAfterMs };

  if (status === 429) {
    // A 429 for an exhausted quota or billing limit will not clear by waiting.
    const quota = code === 'insufficient_quota' || err.type === 'insufficient_quota';
    return new LlmError('rate_limit', err.message, { ...withRetryAfter, retryable: override ?? !quota });
  }
  if (status === 401 || status === 403)
    return new LlmError('auth', err.message, { ...base, retryable: false });
  if (status === 408)
    return new LlmError('timeout', err.message, { ...withRetryAfter, retryable: override ?? true });
  if (status === 409)
    return new LlmError('provider', err.message, { ...withRetryAfter, retryable: override ?? true });
  if (status !== undefined && status >= 500) {
    return new LlmError('provider', err.message, { ...withRetryAfter, retryable: override ?? true });
  }
  if (status !== undefined && status >= 400) {
    return new LlmError('bad_request', err.message, { ...base, retryable: override ?? false });
  }
  return new LlmError('provider', err.message, { ...withRetryAfter, retryable: override ?? false });
}

/** An `LlmError` for an error of the `openai` SDK; `undefined` for any other error. */
export function classifyOpenAIError(err: unknown): LlmError | undefined {
  // Order matters: the timeout and abort classes are subclasses of APIError without a status.
  if (err instanceof APIUserAbortError) {
    return new LlmError('aborted', 'The model call was aborted.', { cause: err });
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new LlmError('timeout', 'The model call timed out.', { cause: err });
  }
  if (err instanceof APIConnectionError) {
    return new LlmError('provider', `Could not reach the model provider: ${err.message}`, {
      cause: err,
      retryable: true,
    });
  }
  if (err instanceof APIError) return fromApiError(err);
  if (err instanceof ContentFilterFinishReasonError) {
    return new LlmError('refusal', 'The provider filtered the answer (content_filter).', { cause: err });
  }
  if (err instanceof LengthFinishReasonError) {
    // Asking again with the same token limit truncates again.
    return new LlmError('invalid_output', 'The answer was cut off at the output token limit.', {
      cause: err,
      retryable: false,
    });
  }
  return undefined;
}

registerProviderErrors(classifyOpenAIError);
