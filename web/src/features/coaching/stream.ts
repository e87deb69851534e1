/**
 * The coach's streamed answer: `POST …/coach/stream` read as server-sent events with `fetch`.
 * The server checks the answer (citations verified against the draft) before it sends anything, then sends
 * it in `delta` events (`{ text }`) and ends with `done` (everything but the text) or `error`
 * (`{ code, message }`). The exchange is stored by the server whatever happens to the connection.
 */
import { ApiError, api, apiErrorFrom } from '../../lib/api';
import type { CoachAnswer } from './queries';
import { createSseParser, type SseEvent } from './sse';

/** What the `done` event carries: the answer without its text, which came in the deltas. */
export type CoachStreamDone = Omit<CoachAnswer, 'answer'>;

/** Code of the error thrown when the stream ends before `done` (connection cut). */
export const STREAM_INCOMPLETE = 'stream_incomplete';

export interface StreamCoachOptions {
  dossierId: string;
  version: number;
  message: string;
  /** Called with each piece of the answer as it arrives. */
  onDelta: (text: string) => void;
  signal?: AbortSignal;
}

export function coachStreamPath(dossierId: string, version: number) {
  return api.dossiers[':id'].versions[':v'].coach.stream.$path({
    param: { id: dossierId, v: String(version) },
  });
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/**
 * Asks the coach and streams the answer. Resolves with the whole answer once `done` arrives; rejects with
 * an ApiError (the server's message for a 4xx or an `error` event), or the abort error when `signal` aborts.
 */
export async function streamCoachAnswer({
  dossierId,
  version,
  message,
  onDelta,
  signal,
}: StreamCoachOptions): Promise<CoachAnswer> {
  let res: Response;
  try {
    res = await fetch(coachStreamPath(dossierId, version), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // Not JSON: keep the status only.
    }
    throw apiErrorFrom(res.status, body);
  }

  // Filled by `handle` (a closure: a plain `let` would stay narrowed to null where it is read).
  const result: { answer: string; done: CoachStreamDone | null } = { answer: '', done: null };
  const handle = (events: SseEvent[]) => {
    for (const { event, data } of events) {
      if (event === 'delta') {
        const text = (parseJson(data) as { text?: unknown } | null)?.text;
        if (typeof text === 'string' && text !== '') {
          result.answer += text;
          onDelta(text);
        }
      } else if (event === 'done') {
        result.done = parseJson(data) as CoachStreamDone;
      } else if (event === 'error') {
        const body = parseJson(data) as { code?: unknown; message?: unknown } | null;
        throw new ApiError(500, String(body?.code ?? 'internal_error'), String(body?.message ?? ''));
      }
    }
  };

  const parser = createSseParser();
  const decoder = new TextDecoder();
  try {
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { value, done: finished } = await reader.read();
          if (finished) break;
          handle(parser.push(decoder.decode(value, { stream: true })));
          if (result.done) break;
        }
      } finally {
        // Once `done` is in, nothing else is expected: release the connection.
        reader.cancel().catch(() => {});
      }
    } else {
      handle(parser.push(await res.text()));
    }
    handle(parser.push(decoder.decode()));
    handle(parser.end());
  } catch (err) {
    if (err instanceof ApiError || signal?.aborted) throw err;
    throw new ApiError(0, STREAM_INCOMPLETE, '');
  }
  if (!result.done) throw new ApiError(0, STREAM_INCOMPLETE, '');
  return { ...result.done, answer: result.answer };
}
