/**
 * Quote normalisation with an offset map: what the server's quote check (`reviews/verify-quotes.ts`) and
 * the web app's quote highlighting both compare, so a quote the server verified is the quote the reader
 * sees highlighted. Pure: no Node or DOM imports (the web app bundles this file).
 */
import { TYPOGRAPHIC } from './fold';

/** A normalised string and, for each of its characters, the original range it came from. */
export interface NormalisedText {
  text: string;
  /** `starts[i]`, `ends[i]`: the original `[start, end)` that normalised character `i` comes from. */
  starts: Int32Array;
  ends: Int32Array;
}

// Soft hyphens and zero-width characters are invisible in the PDF and absent from the model's copy.
const INVISIBLE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/u;
const COMBINING = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
const LOWER = /^\p{Ll}$/u;
const WHITESPACE = /^\s$/u;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const DOUBLE_QUOTE = 0x22;
const HYPHEN = 0x2d;

function mapChars(text: string): string {
  let out = '';
  for (const ch of text) out += TYPOGRAPHIC[ch] ?? ch;
  return out;
}

function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return LETTER.test(String.fromCharCode(code));
}

function isLower(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return LOWER.test(String.fromCharCode(code));
}

/** Growable parallel buffers of UTF-16 code units and their original ranges. */
class CodeBuffer {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) {
      const grow = <T extends Uint16Array | Int32Array>(array: T, make: (n: number) => T): T => {
        const next = make(array.length * 2 + 16);
        next.set(array);
        return next;
      };
      this.codes = grow(this.codes, (n) => new Uint16Array(n));
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
    }
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  text(): string {
    let out = '';
    for (let at = 0; at < this.length; at += 8192) {
      out += String.fromCharCode(...this.codes.subarray(at, Math.min(this.length, at + 8192)));
    }
    return out;
  }
}

/**
 * Normalises text for matching (NFKC, lowercase, unified quotes and dashes, no soft hyphens, hyphenated
 * line breaks joined, whitespace collapsed, no space just inside double quotes so « texte » matches
 * "texte") and keeps the offset map. Both the dossier and the quote go through it, so it is symmetric.
 * Works on UTF-16 code units in typed arrays, with a fast path for ASCII: a 300-page dossier is
 * normalised in milliseconds, where per-character strings cost seconds in garbage collection.
 */
export function normaliseWithMap(original: string): NormalisedText {
  const length = original.length;
  // Pass 1: per character cluster (a base and its combining marks, so NFKC composes « e + ◌́ » into « é »).
  // Newlines stay apart from other whitespace for pass 2.
  const raw = new CodeBuffer(length + 16);
  for (let i = 0; i < length; ) {
    const code = original.charCodeAt(i);
    const next = i + 1 < length ? original.charCodeAt(i + 1) : 0;
    // ASCII not followed by a combining mark (« e\u0301 » must go through NFKC to become « é »).
    if (code < 0x80 && !(next >= 0x300 && COMBINING.test(original[i + 1]))) {
      let mapped = code;
      if (code >= 0x41 && code <= 0x5a) mapped = code + 32;
      else if (code === 0x0d) mapped = NEWLINE;
      else if (code === 0x09 || code === 0x0b || code === 0x0c) mapped = SPACE;
      else if (code === 0x60)
        mapped = 0x27; // ` → '
      // A table row reads `cell | cell`: the separator is layout, so a quote of the row without it matches.
      else if (code === 0x7c) mapped = SPACE;
      raw.push(mapped, i, i + 1);
      i++;
      continue;
    }
    let end = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1);
    while (end < length && original.charCodeAt(end) >= 0x300 && COMBINING.test(original[end])) end++;
    const segment = original.slice(i, end);
    if (!INVISIBLE.test(segment)) {
      // Map before NFKC too: NFKC turns « ´ » into a space and a combining accent.
      const mapped = mapChars(mapChars(segment).normalize('NFKC').toLowerCase());
      for (let k = 0; k < mapped.length; k++) {
        const unit = mapped.charCodeAt(k);
        const whitespace = unit >= 0x80 && WHITESPACE.test(mapped[k]);
        raw.push(whitespace ? (unit === 0x2028 || unit === 0x2029 ? NEWLINE : SPACE) : unit, i, end);
      }
    }
    i = end;
  }

  // Pass 2: join « déve-\nloppement », collapse whitespace, drop spaces inside double quotes.
  const out = new CodeBuffer(raw.length + 16);
  const codes = raw.codes;
  const count = raw.length;
  const isSpace = (at: number) => at < count && (codes[at] === SPACE || codes[at] === NEWLINE);
  let last = -1;
  for (let i = 0; i < count; i++) {
    const code = codes[i];
    if (code === HYPHEN && i > 0 && isLetter(codes[i - 1])) {
      let j = i + 1;
      let newline = false;
      while (isSpace(j)) {
        if (codes[j] === NEWLINE) newline = true;
        j++;
      }
      if (newline && j < count && isLower(codes[j])) {
        i = j - 1;
        continue;
      }
    }
    if (code === SPACE || code === NEWLINE) {
      if (last === -1 || last === SPACE || last === DOUBLE_QUOTE) continue;
      let j = i + 1;
      while (isSpace(j)) j++;
      if (j >= count || codes[j] === DOUBLE_QUOTE) {
        i = j - 1;
        continue;
      }
      out.push(SPACE, raw.starts[i], raw.ends[i]);
      last = SPACE;
      continue;
    }
    out.push(code, raw.starts[i], raw.ends[i]);
    last = code;
  }
  return {
    text: out.text(),
    starts: out.starts.subarray(0, out.length),
    ends: out.ends.subarray(0, out.length),
  };
}

/** The normalised form alone (what the quote check compares); evals check quotes the same way. */
export function normaliseForMatch(text: string): string {
  return normaliseWithMap(text).text;
}

/**
 * The first place where `quote` occurs in `text` once both are normalised (`normaliseWithMap`), as an
 * original `[start, end)` range, or null. An empty quote (after normalisation) is never found.
 */
export function findQuote(text: string, quote: string): [number, number] | null {
  const needle = normaliseForMatch(quote);
  if (needle === '') return null;
  const haystack = normaliseWithMap(text);
  const at = haystack.text.indexOf(needle);
  if (at < 0) return null;
  return [haystack.starts[at], haystack.ends[at + needle.length - 1]];
}
