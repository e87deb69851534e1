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

/** JavaScript's `\s`: ECMAScript's white space and line terminators. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The pieces of `text` between runs of white space, counted without building them:
 * `text.split(/\s+/).length` (empty pieces at either end included), and the non-empty ones alone,
 * `text.split(/\s+/).filter(Boolean).length`. The PDF layout reads them on every line.
 */
export function spaceSeparated(text: string): { pieces: number; nonEmpty: number } {
  if (text === '') return { pieces: 1, nonEmpty: 0 };
  let nonEmpty = 0;
  let inPiece = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) inPiece = false;
    else if (!inPiece) {
      inPiece = true;
      nonEmpty++;
    }
  }
  const edges = (isSpace(text.charCodeAt(0)) ? 1 : 0) + (isSpace(text.charCodeAt(text.length - 1)) ? 1 : 0);
  return { pieces: nonEmpty + edges, nonEmpty };
}
