/**
 * pdf.js for the browser, set up once: its worker is bundled by Vite (same origin, allowed by the CSP's
 * `script-src 'self'`), nothing is fetched from a CDN, and no code is built from strings (`isEvalSupported`
 * off: the CSP has no `unsafe-eval`). Fonts embedded in the PDF are used as they are; the 14 standard
 * fonts fall back to system fonts, except Symbol and ZapfDingbats, whose glyphs come bundled.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import dingbatsUrl from 'pdfjs-dist/standard_fonts/FoxitDingbats.pfb?url';
import symbolUrl from 'pdfjs-dist/standard_fonts/FoxitSymbol.pfb?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const BUNDLED: Record<string, string> = {
  'FoxitDingbats.pfb': dingbatsUrl,
  'FoxitSymbol.pfb': symbolUrl,
};

/** pdf.js asks this for binary data it does not find in the file: only bundled fonts are answered. */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'standardFontDataUrl' ? BUNDLED[filename] : undefined;
    if (!url) throw new Error(`${kind} ${filename}: not bundled with Préjury`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${filename}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

/** Opens a PDF from a same-origin URL (the session cookie goes with it). */
export function openPdf(url: string): { promise: Promise<PDFDocumentProxy>; destroy: () => void } {
  const task = getDocument({
    url,
    isEvalSupported: false,
    useSystemFonts: true,
    // Only Symbol and ZapfDingbats are asked for with system fonts on; the factory serves them.
    standardFontDataUrl: '/bundled-standard-fonts/',
    useWorkerFetch: false,
    BinaryDataFactory: BundledDataFactory,
  } as Parameters<typeof getDocument>[0]);
  return { promise: task.promise, destroy: () => void task.destroy() };
}
