// Folding is shared with the rest of the server and the web app: one definition in lib/text (README,
// « One rule, one place »). Kept as a module so the lexicon's imports stay as they are.
export { fold, lowerText } from '../../../../lib/text';
