import { Tiktoken } from 'js-tiktoken/lite';
import o200k_base from 'js-tiktoken/ranks/o200k_base';

/*
 * Offline token counting. The o200k_base ranks (GPT-4o, GPT-4.1, o-series, GPT-5 families) are imported
 * from the package itself: js-tiktoken's `getEncoding`/`encodingForModel` variants in other entry points
 * fetch ranks from a CDN at run time, which fails offline and leaks that we run. For other providers'
 * models the count is an estimate, which is all budgets and the stub server need.
 */

let encoder: Tiktoken | undefined;

function getEncoder(): Tiktoken {
  // Lazy: building the rank map takes about a second and tens of MB; many processes never count tokens.
  encoder ??= new Tiktoken(o200k_base);
  return encoder;
}

/**
 * Number of o200k_base tokens in `text`. Special-token strings such as `<|endoftext|>` are counted as
 * plain text (a dossier may contain them; the default encoder would throw).
 */
export function countTokens(text: string): number {
  if (text === '') return 0;
  return getEncoder().encode(text, [], []).length;
}

/** Length of the longest common prefix of `a` and `b`, in UTF-16 units, never splitting a surrogate pair. */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i > 0 && i < max) {
    const last = a.charCodeAt(i - 1);
    if (last >= 0xd800 && last <= 0xdbff) i--;
  }
  return i;
}

/**
 * Tokens in the longest common prefix of two prompts (by characters, then tokenised): an estimate of
 * what a provider's prefix cache could reuse between them.
 */
export function sharedPrefixTokens(a: string, b: string): number {
  return countTokens(a.slice(0, commonPrefixLength(a, b)));
}
