/**
 * Text folding, defined once for the server and the web app: accent- and case-insensitive forms of a
 * text, with an offset map back to the original where a match must be shown. Pure: no Node or DOM
 * imports (the web app bundles this file through `web/src/lib/text.ts`).
 *
 * - `lowerText`: lower case, apostrophes, spaces and dashes unified, accents kept (« a » ≠ « à »).
 * - `fold`: `lowerText` without diacritics and ligatures, the form the offline analyzer's patterns, the
 *   rubric matcher, CSV headers and the embedder's words are compared in.
 * - `foldWithMap` and the `loose*` helpers: search and highlighting in the web app.
 * - `normaliseWithMap` (normalise.ts): the stricter quote normalisation that quote checks compare.
 */

/** Typographic variants → their plain form: quotes, apostrophes, dashes, ligatures, the ellipsis, subscript digits. */
export const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '’': "'",
  '‘': "'",
  '‚': "'",
  '‛': "'",
  '´': "'",
  '`': "'",
  '′': "'",
  ʼ: "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '＂': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '⁃': '-',
  '﹘': '-',
  '﹣': '-',
  '－': '-',
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  '…': '...',
  // Subscript digits: « CO₂ » is « CO2 » wherever it is written (a PDF made with a standard font has no ₂).
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
};

const SUBSCRIPT_DIGITS = /[₀-₉]/g;

const MARKS = /\p{M}/gu;

/**
 * Lower case with typographic variants unified (apostrophes, spaces, dashes), accents kept: used where an
 * accent carries meaning (« a » the verb vs « à » the preposition).
 */
export function lowerText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/[‐‑‒–—]/g, '-');
}

/** `lowerText` without diacritics and ligatures: the form every offline pattern is written in. */
export function fold(text: string): string {
  return lowerText(text)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(SUBSCRIPT_DIGITS, (d) => TYPOGRAPHIC[d] ?? d);
}

/** A folded string and, for each of its characters, the original `[start, end)` it comes from. */
export interface FoldedText {
  text: string;
  starts: number[];
  ends: number[];
}

const WHITESPACE = /\s/u;

function foldChar(char: string): string {
  const mapped = TYPOGRAPHIC[char] ?? char;
  return mapped.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * Folds `source` for loose comparison (case, accents, typographic quotes and dashes, runs of whitespace),
 * keeping an offset map back to `source`.
 */
export function foldWithMap(source: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of source) {
    const start = index;
    index += char.length;
    if (WHITESPACE.test(char) || char === '|') {
      // Runs of whitespace (line breaks, non-breaking spaces) count as one space; so does the ` | ` between
      // a table row's cells, which is layout.
      if (text.length > 0 && text[text.length - 1] !== ' ') {
        text += ' ';
        starts.push(start);
        ends.push(index);
      }
      continue;
    }
    for (const folded of foldChar(char)) {
      text += folded;
      starts.push(start);
      ends.push(index);
    }
  }
  return { text, starts, ends };
}

/** Folds `source` for loose comparison (case, accents, quotes, whitespace), trimmed. */
export function looseFold(source: string): string {
  return foldWithMap(source).text.trim();
}

/** True when `text` contains `query`, loosely (an empty query matches everything). */
export function looseIncludes(text: string, query: string): boolean {
  const needle = looseFold(query);
  return needle === '' || looseFold(text).includes(needle);
}

/** Every loose match of `query` in `text`, as `[start, end)` ranges of the original string. */
export function looseRanges(text: string, query: string): [number, number][] {
  const needle = looseFold(query);
  if (needle === '') return [];
  const folded = foldWithMap(text);
  const ranges: [number, number][] = [];
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(needle, from);
    if (at < 0) break;
    ranges.push([folded.starts[at], folded.ends[at + needle.length - 1]]);
    from = at + needle.length;
  }
  return ranges;
}

/** Loose matches of each word of `query` in `text`, sorted and merged. */
export function looseWordRanges(text: string, query: string): [number, number][] {
  const ranges = looseFold(query)
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => looseRanges(text, word))
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
