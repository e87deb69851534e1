import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { installPdfjsPolyfills } from './pdfjs-polyfills';
import { SharingPort, sharingWorker } from './pdfjs-port';

const EVALS = new URL('../../../../../evals/', import.meta.url);

/** One PDF per producer: tables with rules (LibreOffice), a running header (Chromium), pdf-lib's fonts. */
const FILES = [
  'renderings/b4-negociation-complexe/strong.libreoffice.pdf',
  'renderings/b4-negociation-complexe/strong.chromium.pdf',
  'renderings/adversarial/padded.pdf-lib.pdf',
  'cases/adversarial/injection-hidden-tiny.pdf',
];

type Doc = Awaited<ReturnType<typeof getDocumentProxy>>;

async function operatorLists(doc: Doc) {
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { fnArray, argsArray } = await page.getOperatorList();
    // As plain data, the document's id taken out of font names (`g_d0_f1`): the two opens are two documents.
    pages.push(JSON.parse(JSON.stringify({ fnArray, argsArray }).replace(/"g_d\d+_/g, '"g_')));
    page.cleanup();
  }
  return pages;
}

describe('the sharing port', () => {
  it('gives the operator lists pdfjs gives through its own cloning port, page by page', async () => {
    installPdfjsPolyfills();
    for (const file of FILES) {
      const bytes = new Uint8Array(readFileSync(new URL(file, EVALS)));
      const cloned = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
      const expected = await operatorLists(cloned);
      await cloned.destroy();
      const worker = await sharingWorker();
      const shared = await getDocumentProxy(bytes.slice(), { verbosity: 0, worker });
      const actual = await operatorLists(shared);
      await shared.destroy();
      worker.destroy();
      expect(actual.length, file).toBe(expected.length);
      expect(
        actual.reduce((n, p) => n + p.fnArray.length, 0),
        file,
      ).toBeGreaterThan(100);
      expect(actual, file).toEqual(expected);
    }
  }, 120_000);

  it('clones every other message, transfers included, and delivers in order after the call', async () => {
    const port = new SharingPort();
    const received: unknown[] = [];
    port.addEventListener('message', (event) => received.push(event.data));
    const buffer = new Uint8Array([1, 2, 3]).buffer;
    const message = { action: 'GetDocRequest', data: { list: [1, 2], buffer } };
    port.postMessage(message, [buffer]);
    // pdfjs's worker side empties the arrays of an operator-list chunk right after sending it.
    const chunk = { fnArray: [1, 2], argsArray: [[0], null], length: 2 };
    port.postMessage({ stream: 4, chunk });
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    expect(received).toEqual([]);
    await Promise.resolve();
    expect(buffer.byteLength).toBe(0);
    expect(received).toEqual([
      { action: 'GetDocRequest', data: { list: [1, 2], buffer: new Uint8Array([1, 2, 3]).buffer } },
      { stream: 4, chunk: { fnArray: [1, 2], argsArray: [[0], null], length: 2 } },
    ]);
    expect((received[0] as typeof message).data.list).not.toBe(message.data.list);
  });

  it('stops delivering to a listener removed, aborted or terminated', async () => {
    const port = new SharingPort();
    const calls: string[] = [];
    const kept = () => calls.push('kept');
    const removed = () => calls.push('removed');
    const controller = new AbortController();
    port.addEventListener('message', kept);
    port.addEventListener('message', removed);
    port.addEventListener('message', () => calls.push('aborted'), { signal: controller.signal });
    port.removeEventListener('message', removed);
    controller.abort();
    port.postMessage({ n: 1 });
    await Promise.resolve();
    port.terminate();
    port.postMessage({ n: 2 });
    await Promise.resolve();
    expect(calls).toEqual(['kept']);
  });
});

describe('the sharing port, plain messages', () => {
  async function delivered(message: unknown): Promise<unknown> {
    const port = new SharingPort();
    let received: unknown;
    port.addEventListener('message', (event) => {
      received = event.data;
    });
    port.postMessage(message);
    await Promise.resolve();
    return received;
  }

  it('copies plain data as a structured clone would, nested levels included', async () => {
    const message = {
      sourceName: 'main',
      stream: 6,
      data: { pageIndex: 3, view: [0, 0, 595.28, 841.89], ref: null, flag: undefined, zero: -0 },
      list: [[1, 'a'], { b: true }],
    };
    const received = (await delivered(message)) as typeof message;
    expect(received).toEqual(structuredClone(message));
    expect(Object.is(received.data.zero, -0)).toBe(true);
    expect('flag' in received.data).toBe(true);
    expect(received).not.toBe(message);
    expect(received.data).not.toBe(message.data);
    expect(received.list[0]).not.toBe(message.list[0]);
  });

  it('leaves anything else to structuredClone: typed arrays, maps, class instances, cycles, holes', async () => {
    const cyclic: { self?: unknown; n: number } = { n: 1 };
    cyclic.self = cyclic;
    const named = Object.assign([1, 2], { extra: 'kept' });
    const holes = [1, 2, 3];
    delete holes[1];
    const message = {
      bytes: new Uint8Array([1, 2]),
      map: new Map([['k', 1]]),
      date: new Date(0),
      error: new TypeError('bad'),
      cyclic,
      holes,
      named,
    };
    const received = (await delivered(message)) as typeof message;
    expect(received.bytes).toBeInstanceOf(Uint8Array);
    expect(received.bytes).not.toBe(message.bytes);
    expect(received.map).toBeInstanceOf(Map);
    expect(received.map.get('k')).toBe(1);
    expect(received.date).toBeInstanceOf(Date);
    expect(received.error).toBeInstanceOf(TypeError);
    expect((received.cyclic as { self: unknown }).self).toBe(received.cyclic);
    expect(1 in received.holes).toBe(false);
    expect((received.named as unknown as { extra: string }).extra).toBe('kept');
    expect(() => new SharingPort().postMessage({ f: () => 1 })).toThrow();
  });
});
