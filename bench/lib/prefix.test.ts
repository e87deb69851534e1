import { describe, expect, it } from 'vitest';
import { CACHEABLE_PREFIX_TOKENS, prefixSummary } from './prefix';

/** One "token" per character keeps the arithmetic visible. */
const chars = (text: string) => text.length;

describe('prefixSummary', () => {
  it('counts, for each call, the longest prefix shared with any earlier call', () => {
    const shared = 'S'.repeat(CACHEABLE_PREFIX_TOKENS + 6);
    const summary = prefixSummary([`${shared}aaaa`, `${shared}bb`, 'xyz', `${shared}aaZ`], chars);
    expect(summary.calls).toEqual([
      { promptTokens: 1034, sharedPrefixTokens: 0, uncachedTokens: 1034 },
      { promptTokens: 1032, sharedPrefixTokens: 1030, uncachedTokens: 2 },
      { promptTokens: 3, sharedPrefixTokens: 0, uncachedTokens: 3 },
      { promptTokens: 1033, sharedPrefixTokens: 1032, uncachedTokens: 1 },
    ]);
    expect(summary.promptTokens).toBe(1034 + 1032 + 3 + 1033);
    expect(summary.uncachedTokens).toBe(1034 + 2 + 3 + 1);
  });

  it('leaves a shared prefix shorter than the cacheable minimum uncached', () => {
    const summary = prefixSummary(['system: grade A', 'system: grade B'], chars);
    expect(summary.calls[1]).toEqual({ promptTokens: 15, sharedPrefixTokens: 14, uncachedTokens: 15 });
    expect(summary.sharedPrefixShareAfterFirst).toBeCloseTo(14 / 15);
  });

  it('handles a single call', () => {
    expect(prefixSummary(['only'], chars)).toMatchObject({
      sharedPrefixShare: 0,
      sharedPrefixShareAfterFirst: 0,
    });
  });
});
