/**
 * Loose text matching for search and for finding evidence quotes in a dossier's extracted text.
 * Matching ignores case, accents, typographic variants of quotes and dashes, and runs of whitespace;
 * a match is mapped back to the original string so that it can be highlighted there.
 */

const CHAR_MAP: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '`': "'",
  '\u00b4': "'",
  '\u00ab': '"',
  '\u00bb': '"',
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u0153': 'oe',
  '\u0152': 'oe',
  '\u00e6': 'ae',
  '\u00c6': 'ae',
  '\u2026': '...',
};

const WHITESPACE = /\s/u;
const MARKS = /\p{M}/gu;

/** A folded string and, for each of its characters, the original `[start, end)` it comes from. */
export interface FoldedText {
  text: string;
  starts: number[];
  ends: number[];
}

function foldChar(char: string): string {
  const mapped = CHAR_MAP[char] ?? char;
  return mapped.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Folds `source` for loose comparison, keeping an offset map back to `source`. */
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

/** Folds `source` for loose comparison (case, accents, quotes, whitespace). */
export function fold(source: string): string {
  return foldWithMap(source).text.trim();
}

/** True when `text` contains `query`, loosely (an empty query matches everything). */
export function looseIncludes(text: string, query: string): boolean {
  const needle = fold(query);
  return needle === '' || fold(text).includes(needle);
}

/** Every loose match of `query` in `text`, as `[start, end)` ranges of the original string. */
export function looseRanges(text: string, query: string): [number, number][] {
  const needle = fold(query);
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

/** The first loose match of `query` in `text`, or null. */
export function looseFind(text: string, query: string): [number, number] | null {
  return looseRanges(text, query)[0] ?? null;
}

/** Loose matches of each word of `query` in `text`, sorted and merged. */
export function looseWordRanges(text: string, query: string): [number, number][] {
  const ranges = fold(query)
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
