import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, hasWords, letterRuns, spaceSeparated } from './words';

/** The definition of a word the scan implements. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const byExpression = (text: string) => [...text.matchAll(WORD)].length;

/** Joiners in every position, combining accents, astral letters and digits, lone surrogates, other scripts. */
const AWKWARD = [
  "  aujourd'hui, peut-être l’été | a--b a-'b -a a- 'a a' a’b’c x-1 2025-2026 | B1.A1.C1 42 % 3,5 M€ n°12 l'''a --- ’’b",
  'e\u0301te\u0301 (accents combinés) ÉTÉ œuvre ß | 𝐀𝐁𝐂 mathématiques, 😀 emoji, 𝟙𝟚 chiffres | \ud800 seul \udc00 seuls \ud83d',
  'Ελληνικά русский 中文字 العربية ٣٤ हिन्दी \u00ad\u200btrait\u00add’union invisible',
  '',
];

const EVALS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../../evals');

function texts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return texts(full);
    return /\.(md|txt)$/.test(e.name) ? [readFileSync(full, 'utf8')] : [];
  });
}

describe('words', () => {
  it('are the matches of the word expression, on awkward text', () => {
    for (const text of AWKWARD) expect(countWords(text), text).toBe(byExpression(text));
  });

  it('are the matches of the word expression, on every Markdown and text dossier of the evals', () => {
    const corpus = texts(EVALS);
    expect(corpus.length).toBeGreaterThan(20);
    let total = 0;
    for (const text of corpus) {
      expect(countWords(text)).toBe(byExpression(text));
      total += countWords(text);
    }
    expect(total).toBeGreaterThan(50_000);
  });

  it('are enough when the count reaches the minimum, and only then', () => {
    const text = "l'analyse SWOT de l’entreprise, peut-être";
    const n = byExpression(text);
    expect(n).toBe(5);
    for (let min = -1; min <= n + 2; min++) expect(hasWords(text, min), `${min}`).toBe(n >= min);
    expect(hasWords('', 0)).toBe(true);
    expect(hasWords('', 1)).toBe(false);
  });
});

describe('letter runs', () => {
  const byExpression = (text: string) => text.match(/\p{L}+/gu) ?? [];

  it('are the matches of \\p{L}+, on awkward text and on every dossier of the evals', () => {
    for (const text of [...AWKWARD, ...texts(EVALS)]) expect(letterRuns(text)).toEqual(byExpression(text));
  });
});

describe('spaceSeparated', () => {
  it('counts what splitting on white space gives, on awkward text and on every line of the evals', () => {
    const lines = [
      ...AWKWARD,
      ' ',
      '\u00a0\u2003',
      '\n titre \r\n',
      ...texts(EVALS).flatMap((t) => t.split('\n')),
    ];
    for (const text of lines) {
      const pieces = text.split(/\s+/);
      expect(spaceSeparated(text), text).toEqual({
        pieces: pieces.length,
        nonEmpty: pieces.filter(Boolean).length,
      });
    }
  });

  it('takes for white space exactly the code units \\s matches', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (spaceSeparated(char).nonEmpty !== (/\s/.test(char) ? 0 : 1))
        throw new Error(`U+${code.toString(16)}`);
    }
  });
});
