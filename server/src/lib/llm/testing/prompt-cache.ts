import { commonPrefixLength, countTokens } from '../tokens';

/*
 * The stub server's token accounting: `prompt_tokens` and the prefix-cache `cached_tokens` of every chat
 * prompt, computed once per prompt and without re-tokenising what an earlier prompt already covered.
 *
 * Why it is exact: o200k_base first splits text into pieces with a regex that never looks behind, then
 * encodes each piece alone. At a *cut* (a position right after '\n' whose character is neither whitespace
 * nor '/'), the piece holding that '\n' always ends (a newline run, or punctuation plus newlines), so the
 * tokens of `text` are the tokens of `text[0, cut)` followed by those of `text[cut…]`. Counts are therefore
 * summed segment by segment between cuts, and a later prompt sharing a prefix resumes from the last cut
 * inside the shared part: a review's criteria share system prompt, guidance and dossier (≈ 15,000 tokens),
 * so every call after the first tokenises only its own tail (the test checks the sums against
 * `countTokens`).
 */

/**
 * An approximation of OpenAI's automatic prompt caching: a prompt whose leading tokens match an earlier
 * prompt to the same model gets `cached_tokens` = the shared prefix, counted only from 1024 tokens and
 * rounded down to a multiple of 128. Unlike OpenAI, every prompt is cached as it arrives (no eviction after
 * minutes of idleness, no routing misses), so it shows the best case a prompt layout allows.
 */
export const CACHE_MIN_TOKENS = 1024;
export const CACHE_STEP_TOKENS = 128;
/** Prompts remembered per model (oldest forgotten first). */
const CACHE_MAX_PROMPTS = 512;
/** Cuts are remembered at most this often (characters): enough to resume close to any shared prefix. */
const CUT_SPACING = 256;

/** A remembered prompt and the token count of its prefixes ending at some cuts (ascending, from 0). */
interface Entry {
  prompt: string;
  cuts: number[];
  counts: number[];
}

export interface PromptUsage {
  promptTokens: number;
  /** Tokens of the longest prefix shared with an earlier prompt, as a provider's cache reports them. */
  cachedTokens: number;
}

function isCut(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length || text.charCodeAt(at - 1) !== 10) return false;
  const next = text.charCodeAt(at);
  // Whitespace would extend the newline piece, '/' the punctuation piece (` ?[^\s\p{L}\p{N}]+[\r\n/]*`).
  return next !== 47 && !/\s/.test(text[at] as string);
}

/** Index of the last element of ascending `values` that is ≤ `limit` (values[0] is 0). */
function lastAtMost(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((values[mid] as number) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface PromptCache {
  /** Counts `prompt` and its cached prefix, then remembers it for later prompts to the same model. */
  observe(model: string, prompt: string): PromptUsage;
  clear(): void;
}

export function createPromptCache(): PromptCache {
  const byModel = new Map<string, Entry[]>();

  return {
    observe(model, prompt) {
      const seen = byModel.get(model) ?? [];
      let best = 0;
      let source: Entry | undefined;
      for (const entry of seen) {
        const shared = commonPrefixLength(prompt, entry.prompt);
        if (shared > best) {
          best = shared;
          source = entry;
        }
      }
      // Resume from the last known cut strictly inside the shared prefix (the character after a cut decides
      // whether it is one, so it must be shared too); count the rest segment by segment.
      const k = source ? lastAtMost(source.cuts, best - 1) : 0;
      const cuts = source ? source.cuts.slice(0, k + 1) : [0];
      const counts = source ? source.counts.slice(0, k + 1) : [0];
      let from = cuts[k] ?? 0;
      let total = counts[k] ?? 0;
      for (let nl = prompt.indexOf('\n', from); nl >= 0; nl = prompt.indexOf('\n', nl + 1)) {
        const cut = nl + 1;
        if (cut - from < CUT_SPACING || !isCut(prompt, cut)) continue;
        total += countTokens(prompt.slice(from, cut));
        cuts.push(cut);
        counts.push(total);
        from = cut;
      }
      const promptTokens = total + countTokens(prompt.slice(from));

      let cachedTokens = 0;
      if (best > 0) {
        const j = lastAtMost(cuts, best);
        const shared = Math.min(
          promptTokens,
          (counts[j] as number) + countTokens(prompt.slice(cuts[j] as number, best)),
        );
        if (shared >= CACHE_MIN_TOKENS)
          cachedTokens = Math.floor(shared / CACHE_STEP_TOKENS) * CACHE_STEP_TOKENS;
      }

      seen.push({ prompt, cuts, counts });
      if (seen.length > CACHE_MAX_PROMPTS) seen.shift();
      byModel.set(model, seen);
      return { promptTokens, cachedTokens };
    },
    clear() {
      byModel.clear();
    },
  };
}
