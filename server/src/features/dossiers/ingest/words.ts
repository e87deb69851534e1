/**
 * Words: letters or digits, possibly joined by an apostrophe or hyphen (« aujourd'hui », « peut-être »),
 * i.e. the matches of `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` (flags `gu`). They are counted by a scan over the
 * characters rather than by iterating that expression's matches: words are counted on every line and
 * section of a dossier, and the scan is several times faster for the same count (`words.test.ts` holds
 * them equal).
 */

const LETTER = 1;
const DIGIT = 2;
const NEITHER = 4;
/** Code units of the Basic Multilingual Plane, told once (0: not yet). */
const BMP = new Uint8Array(0x10000);

function classOf(code: number): number {
  if (code < 0x80) {
    if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return LETTER;
    return code >= 0x30 && code <= 0x39 ? DIGIT : NEITHER;
  }
  if (code > 0xffff) return tell(code);
  BMP[code] ||= tell(code);
  return BMP[code];
}

function tell(code: number): number {
  // A lone surrogate is a code point of its own, and neither (as for a `u` expression).
  const char = String.fromCodePoint(code);
  return /\p{L}/u.test(char) ? LETTER : /\p{N}/u.test(char) ? DIGIT : NEITHER;
}

function isWordChar(code: number): boolean {
  return classOf(code) !== NEITHER;
}

/** Apostrophes and the hyphen: inside a word when a letter or digit follows them. */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d;
}

/** Words of `text`, counted up to `stop` at most. */
function scan(text: string, stop: number): number {
  let n = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const code = text.codePointAt(i) as number;
    const size = code > 0xffff ? 2 : 1;
    if (isWordChar(code)) {
      if (!inWord) {
        if (++n >= stop) return n;
        inWord = true;
      }
    } else if (
      !(inWord && isJoiner(code) && i + size < length && isWordChar(text.codePointAt(i + size) as number))
    )
      inWord = false;
    i += size;
  }
  return n;
}

/** Number of words in `text` (table separators and punctuation are not words). */
export function countWords(text: string): number {
  return scan(text, Number.POSITIVE_INFINITY);
}

/** Whether `text` has at least `min` words: `countWords(text) >= min`, reading only as far as it needs. */
export function hasWords(text: string, min: number): boolean {
  return min <= 0 || scan(text, min) >= min;
}

/**
 * The runs of letters of `text` (the matches of `\p{L}+`, flags `gu`), found by the same scan: what the
 * language detection reads.
 */
export function letterRuns(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const code = text.codePointAt(i) as number;
    if (classOf(code) === LETTER) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
    i += code > 0xffff ? 2 : 1;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}
