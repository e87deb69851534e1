import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse';

/** Feeds `chunks` one by one and returns every event, as a reader of a fetch body would. */
function parse(chunks: string[]) {
  const parser = createSseParser();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
}

describe('createSseParser', () => {
  it('reads named events with JSON data, as the coach stream sends them', () => {
    const stream =
      'event: delta\ndata: {"text":"Bon"}\n\nevent: delta\ndata: {"text":"jour"}\n\nevent: done\ndata: {}\n\n';
    expect(parse([stream])).toEqual([
      { event: 'delta', data: '{"text":"Bon"}' },
      { event: 'delta', data: '{"text":"jour"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('gives the same events whatever the chunk boundaries, CRLF split between chunks included', () => {
    const stream = 'event: delta\r\ndata: {"text":"« é »"}\r\n\r\nevent: done\r\ndata: {"ok":true}\r\n\r\n';
    const whole = parse([stream]);
    expect(whole).toHaveLength(2);
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
    expect(parse([...stream])).toEqual(whole);
  });

  it('joins multi-line data, ignores comments and unknown fields, defaults the event to "message"', () => {
    expect(parse([': keep-alive\n', 'id: 7\nretry: 10\ndata: one\ndata:two\n\n', 'data\n\n'])).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'message', data: '' },
    ]);
  });

  it('accepts CR alone as a line end, and ignores events with no data', () => {
    expect(parse(['event: ping\r\revent: delta\rdata: x\r\r'])).toEqual([{ event: 'delta', data: 'x' }]);
  });

  it('discards an event cut before its blank line', () => {
    expect(parse(['event: delta\ndata: {"text":"a"}\n\nevent: done\ndata: {"cita'])).toEqual([
      { event: 'delta', data: '{"text":"a"}' },
    ]);
  });
});
