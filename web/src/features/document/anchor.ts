import { looseFind } from '../../lib/text';

/** A passage of a page's extracted text: `[start, end)` and the exact slice, as the comments API wants it. */
export interface Anchor {
  page: number;
  start: number;
  end: number;
  quote: string;
}

/** The longest passage one comment may anchor (the API refuses more). */
export const MAX_ANCHOR_CHARS = 4000;

/**
 * Where a selection made in the text view or on the rendered page lies in the page's extracted text.
 * The two do not match character for character (line breaks, table separators, ligatures), so the
 * selection is found loosely; the anchor is the page text's own slice, which the server checks.
 */
export function anchorIn(page: number, pageText: string, selected: string): Anchor | null {
  const wanted = selected.trim();
  if (!wanted || wanted.length > MAX_ANCHOR_CHARS) return null;
  const range = looseFind(pageText, wanted);
  if (!range) return null;
  return { page, start: range[0], end: range[1], quote: pageText.slice(range[0], range[1]) };
}
