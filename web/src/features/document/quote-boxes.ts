import { looseFind } from '../../lib/text';

/** A text run of a rendered page, in CSS pixels from the page's top-left corner. */
export interface TextRun {
  str: string;
  /** pdf.js marks the last run of a line. */
  hasEOL?: boolean;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The page's runs as one string (a space between runs, a line break after a line), and where each run sits in it. */
export function joinRuns(runs: TextRun[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  runs.forEach((run, i) => {
    starts.push(text.length);
    text += run.str;
    if (i < runs.length - 1) text += run.hasEOL ? '\n' : run.str.endsWith(' ') ? '' : ' ';
  });
  return { text, starts };
}

/**
 * The boxes that cover `quote` on a page: the quote is found in the page's runs the way quotes are found
 * in the extracted text (ignoring case, accents, typographic variants and whitespace), then each run it
 * touches gives the part of its box that the matched characters take (proportionally: runs are laid out
 * in one font, so characters are close to even). Null when the quote is not on the page.
 */
export function quoteBoxes(runs: TextRun[], quote: string): Box[] | null {
  if (!quote.trim()) return null;
  const { text, starts } = joinRuns(runs);
  const found = looseFind(text, quote);
  if (!found) return null;
  const [from, to] = found;
  const boxes: Box[] = [];
  runs.forEach((run, i) => {
    const start = starts[i];
    const end = start + run.str.length;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b <= a || run.str.length === 0) return;
    const unit = run.width / run.str.length;
    boxes.push({
      left: run.left + (a - start) * unit,
      top: run.top,
      width: (b - a) * unit,
      height: run.height,
    });
  });
  return boxes.length > 0 ? boxes : null;
}

/** Do two boxes overlap (share some area)? */
export function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}
