/**
 * The pages of a PDF as pdfjs gives them to `pdf.ts`, in order, a few requested ahead of the one being read.
 */
import type { getDocumentProxy } from 'unpdf';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** A page as pdfjs gives it: its operator list and its annotations, asked for together. */
export interface LoadedPage {
  page: PdfPage;
  operators: Awaited<ReturnType<PdfPage['getOperatorList']>>;
  annotations: unknown[];
}

/**
 * Pages asked of pdfjs ahead of the one being read. pdfjs inflates content streams with Node's zlib, off
 * the thread: while it waits for one page's, it parses the next ones instead of leaving the thread idle.
 */
const READ_AHEAD = 3;

/**
 * Loads the pages of `doc` in order, `READ_AHEAD` of them requested in advance. A page that fails rejects
 * when it is asked for, not before; those still in flight when reading stops go with the document.
 */
export function pageLoader(doc: PdfDocument): (pageNumber: number) => Promise<LoadedPage> {
  const pending = new Map<number, Promise<LoadedPage>>();
  const request = (n: number) => {
    const loaded = doc.getPage(n).then(async (page) => {
      const [operators, annotations] = await Promise.all([page.getOperatorList(), page.getAnnotations()]);
      return { page, operators, annotations };
    });
    // Handled when its turn comes; a page never asked for (an earlier one failed) must not go unhandled.
    loaded.catch(() => undefined);
    pending.set(n, loaded);
  };
  return (pageNumber) => {
    for (let n = pageNumber; n <= Math.min(doc.numPages, pageNumber + READ_AHEAD); n++)
      if (!pending.has(n)) request(n);
    const loaded = pending.get(pageNumber) as Promise<LoadedPage>;
    pending.delete(pageNumber);
    return loaded;
  };
}
