/** A word: letters or digits, possibly joined by an apostrophe or hyphen (« aujourd'hui », « peut-être »). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Number of words in `text` (table separators and punctuation are not words). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Whether `text` has at least `min` words: `countWords(text) >= min`, reading only as far as it needs. */
export function hasWords(text: string, min: number): boolean {
  let n = 0;
  for (const _ of text.matchAll(WORD)) if (++n >= min) return true;
  return n >= min;
}
