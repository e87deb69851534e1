/**
 * Loose text matching for search and for finding evidence quotes in a dossier's extracted text. The rules
 * are the server's (`server/src/lib/text`, a pure module bundled here), so a quote the server verified is
 * found here the same way: `looseFind` tries the server's quote normalisation first (hyphenated line
 * breaks joined, « » spacing ignored), then the looser fold (case, accents, quotes, whitespace).
 */
import { findQuote, looseFold, looseRanges } from '../../../server/src/lib/text';

export {
  type FoldedText,
  foldWithMap,
  looseFold,
  looseIncludes,
  looseRanges,
  looseWordRanges,
} from '../../../server/src/lib/text';

/** The web app's `fold` is the loose fold (whitespace collapsed and trimmed), for search. */
export const fold = looseFold;

/** Where `query` (an evidence quote, a passage) is in `text`, as an original `[start, end)` range, or null. */
export function looseFind(text: string, query: string): [number, number] | null {
  return findQuote(text, query) ?? looseRanges(text, query)[0] ?? null;
}
