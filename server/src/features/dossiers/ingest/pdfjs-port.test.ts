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
