/**
 * A small parser for server-sent events read from a `fetch` body. `EventSource` only does GET, and the
 * coach's stream is a POST (the question is the body), so the stream is read by hand.
 * Follows the WHATWG event-stream format: `event:` and `data:` fields, multi-line data joined with `\n`,
 * comments (`:`) ignored, an empty line dispatching; lines may end with CRLF, LF or CR, and chunks may cut
 * anywhere, even between CR and LF. A stream cut mid-event yields nothing for that event.
 */

export interface SseEvent {
  /** The `event:` field, `message` when absent. */
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; returns the events it completed. */
  push(text: string): SseEvent[];
  /** Ends the stream. As the format says, an event without its closing blank line is discarded. */
  end(): SseEvent[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  function dispatch(out: SseEvent[]) {
    if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
    event = '';
    data = [];
  }

  function line(text: string, out: SseEvent[]) {
    if (text === '') {
      dispatch(out);
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    // `id` and `retry` only matter to EventSource's reconnection, which a POST does not do.
  }

  function drain(final: boolean): SseEvent[] {
    const out: SseEvent[] = [];
    for (;;) {
      const end = buffer.search(/[\r\n]/);
      if (end < 0) break;
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (buffer[end] === '\r' && end === buffer.length - 1 && !final) break;
      const width = buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1;
      line(buffer.slice(0, end), out);
      buffer = buffer.slice(end + width);
    }
    if (final) {
      buffer = '';
      event = '';
      data = [];
    }
    return out;
  }

  return {
    push(text) {
      buffer += text;
      return drain(false);
    },
    end() {
      return drain(true);
    },
  };
}
