import { describe, expect, it } from 'vitest';
import { commonPrefixLength, countTokens } from '../tokens';
import { CACHE_MIN_TOKENS, CACHE_STEP_TOKENS, createPromptCache } from './prompt-cache';

/** What the stub reported before the memoisation: every prompt and every shared prefix tokenised whole. */
function reference(prompts: string[]): { promptTokens: number; cachedTokens: number }[] {
  return prompts.map((prompt, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) best = Math.max(best, commonPrefixLength(prompt, prompts[j] as string));
    const promptTokens = countTokens(prompt);
    const shared = best === 0 ? 0 : Math.min(promptTokens, countTokens(prompt.slice(0, best)));
    const cachedTokens =
      shared >= CACHE_MIN_TOKENS ? Math.floor(shared / CACHE_STEP_TOKENS) * CACHE_STEP_TOKENS : 0;
    return { promptTokens, cachedTokens };
  });
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces chosen to sit on both sides of a newline: spaces, tabs, CRLF, '/', punctuation, digits,
// contractions, accents, combining marks, emoji, special-token strings.
const PIECES = [
  'Analyse',
  ' de',
  ' la',
  ' concurrence',
  ' :',
  ' parts',
  ' de marché',
  '.',
  ',',
  ' 12 %',
  ' 2023',
  "l'entreprise",
  "'s",
  'É',
  'é',
  'e\u0301',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  '/',
  '//',
  '[p. 3]',
  '### K4 —',
  '- ',
  '«',
  '»',
  '😀',
  '<|endoftext|>',
  '<<<DOSSIER id=abc123>>>',
];

function text(next: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

describe('createPromptCache', () => {
  it('counts prompt and cached tokens exactly as tokenising them whole would', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      // A review: one long shared prefix, then a short task per criterion, sometimes diverging early.
      const shared = text(next, 3000);
      const prompts = Array.from({ length: 8 }, (_, i) => {
        const cut = i % 3 === 2 ? Math.floor(next() * shared.length) : shared.length;
        return `${shared.slice(0, cut)}${text(next, 40 + Math.floor(next() * 200))}`;
      });
      prompts.push(text(next, 500)); // unrelated
      prompts.push(prompts[0] as string); // identical to an earlier one
      const cache = createPromptCache();
      const actual = prompts.map((prompt) => cache.observe('m', prompt));
      expect(actual, `seed ${seed}`).toEqual(reference(prompts));
    }
  });

  it('never resumes from a cut whose next character the prompts do not share', () => {
    // The first prompt has a cut right after its first newline; the second shares text up to that newline
    // only, and goes on with another newline, which the tokenizer merges with the first.
    const lead = 'a'.repeat(300);
    const prompts = [`${lead}\nabc ${'x '.repeat(200)}`, `${lead}\n\nabc ${'y '.repeat(200)}`];
    const cache = createPromptCache();
    expect(prompts.map((prompt) => cache.observe('m', prompt))).toEqual(reference(prompts));
  });

  it('caches from 1024 shared tokens, in steps of 128, per model, until cleared', () => {
    const stable = 'Consignes stables pour tous les critères.\n'.repeat(200);
    const cache = createPromptCache();
    expect(cache.observe('m', `${stable}Critère K1`).cachedTokens).toBe(0);
    const second = cache.observe('m', `${stable}Critère K2`);
    expect(second.cachedTokens).toBeGreaterThanOrEqual(CACHE_MIN_TOKENS);
    expect(second.cachedTokens % CACHE_STEP_TOKENS).toBe(0);
    expect(second.promptTokens).toBe(countTokens(`${stable}Critère K2`));
    expect(cache.observe('other', `${stable}Critère K3`).cachedTokens).toBe(0);
    expect(cache.observe('m', `Court.\n${stable}`).cachedTokens).toBe(0);
    cache.clear();
    expect(cache.observe('m', `${stable}Critère K2`).cachedTokens).toBe(0);
  });
});
