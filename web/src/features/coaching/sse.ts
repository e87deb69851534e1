/**
 * Server-sent events read from a `fetch` body, parsed by `eventsource-parser`. `EventSource` only does GET,
 * and the coach's stream is a POST (the question is the body), so the body is fed to the parser by hand.
 * The WHATWG event-stream format: `event:` and `data:` fields, multi-line data joined with `\n`, comments
 * ignored, an empty line dispatching; CRLF, LF or CR line ends, chunks cut anywhere. A stream cut mid-event
 * yields nothing for that event.
 */
import { createParser } from 'eventsource-parser';

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
  let out: SseEvent[] = [];
  let endsWithCr = false;
  // `id` and `retry` only matter to EventSource's reconnection, which a POST does not do.
  const parser = createParser({ onEvent: (e) => out.push({ event: e.event ?? 'message', data: e.data }) });
  const take = () => {
    const events = out;
    out = [];
    return events;
  };
  return {
    push(text) {
      if (text === '') return [];
      endsWithCr = text.endsWith('\r');
      parser.feed(text);
      return take();
    },
    end() {
      // The parser holds a final CR back in case an LF follows; at the end of the stream it is a line end.
      if (endsWithCr) parser.feed('\n');
      parser.reset();
      return take();
    },
  };
}
