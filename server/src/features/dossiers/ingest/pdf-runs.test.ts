import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { fontReader, pageView } from './pdf';
import { type OpCodes, readOperators } from './pdf-ops';
import { logicalOrder } from './pdf-runs';
import { installPdfjsPolyfills } from './pdfjs-polyfills';

const EVALS = fileURLToDir('../../../../../evals');

function fileURLToDir(relative: string): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), relative);
}

/** Every PDF of the evals: LibreOffice, Chromium and pdf-lib renderings of the cases, and the cases' own PDFs. */
function corpus(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return corpus(full);
    return e.name.endsWith('.pdf') ? [full] : [];
  });
}

interface Item {
  str: string;
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
}

/** Positions and widths are sums of the same terms in another order: equal to a few hundredths of a point. */
const TOLERANCE = 0.05;

function same(a: Item | undefined, b: Item | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.str === b.str &&
    a.hasEOL === b.hasEOL &&
    Math.abs(a.x - b.x) <= TOLERANCE &&
    Math.abs(a.y - b.y) <= TOLERANCE &&
    Math.abs(a.width - b.width) <= TOLERANCE
  );
}

/**
 * pdfjs's own text pass (`getTextContent`) against our runs built from the operator list, page by page:
 * the same items, same text, same line ends, same positions and widths. The layout analysis reads nothing
 * else from them, so the text it builds cannot differ either.
 */
async function compare(file: string): Promise<{ pages: number; items: number; mismatches: string[] }> {
  installPdfjsPolyfills();
  const pdfjs = await getResolvedPDFJS();
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)), { verbosity: 0 });
  const mismatches: string[] = [];
  let items = 0;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const list = await page.getOperatorList();
      const view = pageView(page);
      const { runs } = readOperators(list.fnArray, list.argsArray, pdfjs.OPS as unknown as OpCodes, view, {
        fontOf: fontReader(() => page),
        normalize: pdfjs.normalizeUnicode,
      });
      const expected: Item[] = content.items.flatMap((i) =>
        'str' in i
          ? [
              {
                str: i.str,
                hasEOL: i.hasEOL,
                x: i.transform[4],
                y: i.transform[5],
                width: i.width,
              },
            ]
          : [],
      );
      const actual: Item[] = runs.map((r) => ({
        str: r.str,
        hasEOL: r.hasEOL,
        x: r.transform[4],
        y: r.transform[5],
        width: r.width,
      }));
      items += expected.length;
      const length = Math.max(expected.length, actual.length);
      const at = Array.from({ length }, (_, k) => k).find((k) => !same(expected[k], actual[k]));
      if (at !== undefined) {
        mismatches.push(
          `${path.relative(EVALS, file)} p.${n} item ${at}: ${JSON.stringify(expected[at])} ≠ ${JSON.stringify(actual[at])}`,
        );
      }
      page.cleanup();
    }
    return { pages: doc.numPages, items, mismatches };
  } finally {
    await doc.destroy();
  }
}

describe('text runs from the operator list', () => {
  it('are pdfjs getTextContent items, on every PDF of the evals (LibreOffice, Chromium, pdf-lib)', async () => {
    const files = corpus(EVALS);
    expect(files.length).toBeGreaterThan(100);
    const producers = new Set(
      files.map((f) => /\.(libreoffice|chromium|pdf-lib)\.pdf$/.exec(f)?.[1] ?? 'case'),
    );
    expect([...producers].sort()).toEqual(['case', 'chromium', 'libreoffice', 'pdf-lib']);
    let pages = 0;
    let items = 0;
    const mismatches: string[] = [];
    for (const file of files) {
      const result = await compare(file);
      pages += result.pages;
      items += result.items;
      mismatches.push(...result.mismatches);
    }
    expect(mismatches).toEqual([]);
    expect(pages).toBeGreaterThan(300);
    expect(items).toBeGreaterThan(10_000);
  }, 300_000);
});

describe('right-to-left runs', () => {
  it('come back to reading order, left-to-right text inside them kept as it is', () => {
    expect(logicalOrder('Plan 2025')).toBe('Plan 2025');
    // Painted left to right: « שלום » reversed, as a PDF draws it.
    expect(logicalOrder('םולש')).toBe('שלום');
    expect(logicalOrder('Le mot םולש veut dire paix')).toBe('Le mot שלום veut dire paix');
  });
});
