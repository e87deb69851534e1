import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { DOSSIER_ID } from './fixtures';
import { STREAM_INCOMPLETE, streamCoachAnswer } from './stream';

/** A streamed response whose body yields `chunks` (bytes may be split inside a character). */
function sseResponse(chunks: (string | Uint8Array)[]) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const done = {
  citations: [{ page: 2, quote: 'Nous proposons des objectifs SMART', criterionId: 'K5' }],
  mode: 'offline',
  refused: false,
  messageId: '1c2b3a4d-0000-4000-8000-000000000002',
};

function ask(onDelta = vi.fn()) {
  return {
    onDelta,
    result: streamCoachAnswer({ dossierId: DOSSIER_ID, version: 2, message: 'Mes indicateurs ?', onDelta }),
  };
}

describe('streamCoachAnswer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('POSTs the question and hands each delta over as it comes, then resolves with the whole answer', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"Réponse "}\n\n');
    // Cut inside « é » (two bytes in UTF-8): the decoder must keep the first byte for the next chunk.
    const cut = bytes.indexOf(0xc3) + 1;
    const fetchMock = vi.fn(async () =>
      sseResponse([
        bytes.slice(0, cut),
        bytes.slice(cut),
        'event: delta\ndata: {"text":"du coach."}\n\n',
        `event: done\ndata: ${JSON.stringify(done)}\n\n`,
      ]),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { onDelta, result } = ask();
    expect(await result).toEqual({ ...done, answer: 'Réponse du coach.' });
    expect(onDelta.mock.calls).toEqual([['Réponse '], ['du coach.']]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/dossiers/${DOSSIER_ID}/versions/2/coach/stream`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ message: 'Mes indicateurs ?' });
  });

  it("rejects with the server's message on a JSON error (404 before the stream opens)", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'not_found', message: 'Version du dossier introuvable' } },
          { status: 404 },
        ),
      ),
    );
    const error = await ask().result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'Version du dossier introuvable',
    });
  });

  it('rejects with the error event sent inside the stream', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        sseResponse([
          'event: error\ndata: {"code":"internal_error","message":"Erreur interne du serveur."}\n\n',
        ]),
      ),
    );
    await expect(ask().result).rejects.toMatchObject({
      code: 'internal_error',
      message: 'Erreur interne du serveur.',
    });
  });

  it('rejects as incomplete when the stream ends before "done"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => sseResponse(['event: delta\ndata: {"text":"Début"}\n\n'])),
    );
    const { onDelta, result } = ask();
    await expect(result).rejects.toMatchObject({ code: STREAM_INCOMPLETE });
    expect(onDelta).toHaveBeenCalledWith('Début');
  });

  it('reports a transport failure as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(ask().result).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
