import { fold } from './fold';
import { STOPWORDS } from './stopwords.data';

/** Shortest word kept as a stem; shorter words only count when written as an acronym (CRM, RSE, CV). */
const MIN_STEM_WORD = 4;
/** French light stemming by truncation: `strategique` and `strategie` share `strateg`. */
export const STEM_LENGTH = 7;

/** One stemmed content word of a text: a word prefix, or a whole acronym. */
export interface StemTerm {
  stem: string;
  /** True for acronyms (« CRM », « CV »), matched as whole words; stems match any word they begin. */
  exact: boolean;
}

/**
 * Content words of a text, lightly stemmed (plural stripped, truncated to 7 letters), minus stopwords.
 * Acronyms (all capitals, 2–5 letters) are kept whole and matched as whole words.
 */
export function contentStems(text: string, options: { exclude?: ReadonlySet<string> } = {}): StemTerm[] {
  const out = new Map<string, StemTerm>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const raw = match[0];
    const word = fold(raw);
    if (STOPWORDS.has(word) || options.exclude?.has(word)) continue;
    const acronym = raw.length >= 2 && raw.length <= 5 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw);
    if (acronym && !/^\d+$/.test(word)) {
      if (!out.has(word)) out.set(word, { stem: word, exact: true });
      continue;
    }
    if (word.length < MIN_STEM_WORD || /\d/.test(word)) continue;
    const singular = word.length > MIN_STEM_WORD && /[sx]$/.test(word) ? word.slice(0, -1) : word;
    const stem = singular.slice(0, STEM_LENGTH);
    if (!out.has(stem)) out.set(stem, { stem, exact: false });
  }
  return [...out.values()];
}

/**
 * The words of a folded text and every prefix of them up to `STEM_LENGTH` letters. Built once per sentence,
 * it answers "does a word start with …?" with a set lookup: stems are matched with it, and concept regexes
 * only run on sentences where one of their anchors (below) starts a word.
 */
export interface TextIndex {
  words: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
}

/** Indexes the words of a folded text (see `TextIndex`). */
export function indexText(folded: string): TextIndex {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (words.has(w)) continue;
    words.add(w);
    for (let l = 1; l <= Math.min(w.length, STEM_LENGTH); l++) prefixes.add(w.slice(0, l));
  }
  return { words, prefixes };
}

/** Whether a stem occurs in an indexed text. */
export function stemIn(stem: StemTerm, index: TextIndex): boolean {
  return stem.exact ? index.words.has(stem.stem) : index.prefixes.has(stem.stem);
}

/** How many of `stems` occur in an indexed text. */
export function countStems(stems: readonly StemTerm[], index: TextIndex): number {
  let n = 0;
  for (const s of stems) if (stemIn(s, index)) n++;
  return n;
}
