/**
 * One text module for the server and the web app (README, « One rule, one place »): folding, quote
 * normalisation and offset maps. Pure — no Node or DOM imports — so `web/src/lib/text.ts` re-exports it.
 */
export {
  type FoldedText,
  fold,
  foldWithMap,
  looseFold,
  looseIncludes,
  looseRanges,
  looseWordRanges,
  lowerText,
  TYPOGRAPHIC,
} from './fold';
export { findQuote, type NormalisedText, normaliseForMatch, normaliseWithMap } from './normalise';
