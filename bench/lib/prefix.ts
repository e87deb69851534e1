/**
 * How much of each call's prompt a provider's prefix cache could serve: for each call, the longest common
 * prefix (in characters, then tokenised) with any earlier call of the same review. OpenAI caches identical
 * prefixes from 1024 tokens on; below that, nothing is cached.
 */
import { commonPrefixLength, countTokens } from '../../server/src/lib/llm/tokens';

/** Shortest prefix a provider caches (OpenAI: 1024 tokens). */
export const CACHEABLE_PREFIX_TOKENS = 1024;

export interface CallPrefix {
  promptTokens: number;
  /** Tokens of the longest prefix shared with an earlier call (0 for the first call). */
  sharedPrefixTokens: number;
  /** Prompt tokens not covered by a shared prefix of at least `CACHEABLE_PREFIX_TOKENS`. */
  uncachedTokens: number;
}

export interface PrefixSummary {
  calls: CallPrefix[];
  promptTokens: number;
  uncachedTokens: number;
  /** Σ shared prefix tokens ÷ Σ prompt tokens, over all calls. */
  sharedPrefixShare: number;
  /** The same over the calls after the first (the first one can share nothing). */
  sharedPrefixShareAfterFirst: number;
}

/** Prompts in the order the calls were sent. `count` is injectable for tests. */
export function prefixSummary(prompts: readonly string[], count: (text: string) => number = countTokens) {
  const calls: CallPrefix[] = prompts.map((prompt, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) best = Math.max(best, commonPrefixLength(prompt, prompts[j]));
    const promptTokens = count(prompt);
    const sharedPrefixTokens = Math.min(promptTokens, best === 0 ? 0 : count(prompt.slice(0, best)));
    const cached = sharedPrefixTokens >= CACHEABLE_PREFIX_TOKENS ? sharedPrefixTokens : 0;
    return { promptTokens, sharedPrefixTokens, uncachedTokens: promptTokens - cached };
  });
  const sum = (xs: CallPrefix[], key: keyof CallPrefix) => xs.reduce((n, c) => n + c[key], 0);
  const later = calls.slice(1);
  const summary: PrefixSummary = {
    calls,
    promptTokens: sum(calls, 'promptTokens'),
    uncachedTokens: sum(calls, 'uncachedTokens'),
    sharedPrefixShare: sum(calls, 'sharedPrefixTokens') / Math.max(1, sum(calls, 'promptTokens')),
    sharedPrefixShareAfterFirst:
      later.length === 0 ? 0 : sum(later, 'sharedPrefixTokens') / Math.max(1, sum(later, 'promptTokens')),
  };
  return summary;
}
