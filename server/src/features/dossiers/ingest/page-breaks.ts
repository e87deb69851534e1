/**
 * A paragraph that a page break cuts (« … le scoring prédictif de » | « HubSpot (IA) a été comparé … ») is
 * one paragraph again, on the page where it starts, as a DOCX holds each paragraph in one block on one page.
 * Without this, the page separator (`\n\n`) reads as a paragraph break,
 * and a PDF gives the grader two half sentences, or two paragraphs, where the DOCX of the same dossier gives
 * one: scores then move with the format.
 *
 * Only prose is mended: the page must end on a paragraph line of at least a few words without a sentence's
 * final punctuation, and the next page must open on a paragraph line (no table row, list item or heading).
 * A quote from the moved end of a paragraph opens at the page where its paragraph starts, one page early at
 * most; table rows, which never move, keep their own page.
 *
 * Footnotes stay apart: the notes a word processor sets at the foot of the page (paragraphs of their own
 * closing the page, each opening on its number, « 1 Chiffres issus… ») are not the paragraph's end. The cut
 * paragraph is the one before them, its end joins it there, and the notes still close their page, as a
 * DOCX appends its notes to the page that calls them.
 */
import type { PageText } from '../../../../../db/schema';

/** A line that ends a sentence: final punctuation, then closing quotes or brackets. */
const SENTENCE_END = /[.!?…:;][\s»"”’')\]]*$/u;
const LIST_ITEM = /^(?:[-•*–—▪►✓➢●○◦■□]|\d{1,3}[.)])\s/u;
/** Fewer words than this on the page's last line: a title or a label, not a cut sentence. */
const MIN_WORDS = 6;

/** A footnote as a PDF page closes on it: its number (joined to its text by the reader), then a capital. */
const FOOTNOTE = /^\d{1,3} [\p{Lu}«"“(]/u;

/**
 * The page's text split before the footnotes that close it: trailing paragraphs (blank-line apart) that each
 * open as a footnote. No split when the whole page would be notes.
 */
function splitFootnotes(text: string): { body: string; notes: string } {
  const paragraphs = text.split(/\n{2,}/u);
  let k = paragraphs.length;
  while (k > 1 && FOOTNOTE.test(paragraphs[k - 1] ?? '')) k--;
  if (k === paragraphs.length) return { body: text, notes: '' };
  return { body: paragraphs.slice(0, k).join('\n\n'), notes: paragraphs.slice(k).join('\n\n') };
}

function isProseLine(line: string): boolean {
  return line.trim() !== '' && !line.includes(' | ') && !line.includes('\t');
}

/**
 * Pages with each paragraph cut by a page break moved whole onto the page where it starts. `isHeading`
 * tells a heading line of a page (never moved).
 */
export function mendPageBreaks(
  pages: PageText[],
  isHeading: (line: string, page: number) => boolean = () => false,
): PageText[] {
  const out = pages.map((p) => ({ ...p }));
  for (let i = 0; i + 1 < out.length; i++) {
    const prev = out[i];
    const next = out[i + 1];
    const { body, notes } = splitFootnotes(prev.text.replace(/\s+$/u, ''));
    const prevText = body.replace(/\s+$/u, '');
    const lastLine = prevText.slice(prevText.lastIndexOf('\n') + 1);
    if (!isProseLine(lastLine) || SENTENCE_END.test(lastLine)) continue;
    if (lastLine.trim().split(/\s+/).length < MIN_WORDS || isHeading(lastLine.trim(), prev.page)) continue;
    const nextText = next.text.replace(/^\s+/u, '');
    const lineEnd = nextText.indexOf('\n');
    const firstLine = lineEnd < 0 ? nextText : nextText.slice(0, lineEnd);
    if (!isProseLine(firstLine) || LIST_ITEM.test(firstLine) || isHeading(firstLine.trim(), next.page))
      continue;
    if (!/^[\p{L}\p{N}(«"“]/u.test(firstLine)) continue;
    // The whole paragraph moves (it is one line here: lines are reflowed), as a word processor keeps it.
    const moved = firstLine.trim();
    const rest = lineEnd < 0 ? '' : nextText.slice(lineEnd);
    // A compound word cut at its hyphen (« Santé-|sécurité ») keeps its hyphen and no space.
    prev.text = /\p{L}-$/u.test(prevText) ? `${prevText}${moved}` : `${prevText} ${moved}`;
    if (notes !== '') prev.text += `\n\n${notes}`;
    next.text = rest.replace(/^\n+/u, '');
  }
  return out;
}
