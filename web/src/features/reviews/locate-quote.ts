import { looseFind } from '../../lib/text';

export interface QuoteLocation {
  /** The page to show: where the quote was found, else the page the report gave. */
  page: number;
  /** The quote's `[start, end)` in that page's text, or null when it was not found. */
  range: [number, number] | null;
}

/**
 * Finds an evidence quote in the extracted text, ignoring whitespace (and case, accents, typographic
 * quotes): first on the page the report gives, then anywhere, since page breaks of a DOCX are estimates.
 */
export function locateQuote(
  pages: { page: number; text: string }[],
  page: number,
  quote: string,
): QuoteLocation {
  const target = pages.find((p) => p.page === page);
  const onTarget = target ? looseFind(target.text, quote) : null;
  if (onTarget) return { page, range: onTarget };
  for (const p of pages) {
    const range = looseFind(p.text, quote);
    if (range) return { page: p.page, range };
  }
  return { page, range: null };
}
