/**
 * Which criteria lose an over-shared quote in an offline report (issue #16: « one sentence may back several
 * criteria only if it addresses each of them »).
 *
 * The offline analyzer quotes for a criterion only sentences that address it (one of its core notions, or the
 * figure backing one: offline/evidence.ts), each criterion on its own. Across the report, a sentence quoted
 * under more than `MAX_CRITERIA_PER_QUOTE` criteria reads as domain talk rather than the analysis of each, so
 * it stays with at most that many. Which ones keep it matters: a concise draft packs several criteria's facts
 * into fewer sentences, so its best sentences are the best of several criteria at once, and withdrawing by
 * rank alone left a criterion with addressing quotes — all also chosen elsewhere — without any, capped at 1
 * (`no_evidence`) though its analysis was its own. So the slots go first to the criteria that would otherwise
 * be left without evidence, then by rank: a criterion with addressing sentences is not capped because another
 * criterion also used them — provided the sentence addresses it on its own account (offline/own-notions.ts: it
 * does not name only core notions the other quoting criteria share). A criterion whose every quote is shared by
 * more criteria than the slots can serve (one generic sentence backing the whole rubric) still loses it and is
 * capped, as before.
 */
import type { CriterionResult } from './schemas';

/** Whether a quoted sentence addresses a criterion on its own account, other criteria quoting it too. */
export type OwnsQuote = (criterionId: string, quote: string, others: readonly string[]) => boolean;

/** One sentence backs at most this many criteria in an offline report (issue #16). */
export const MAX_CRITERIA_PER_QUOTE = 2;

export function quoteKey(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim().toLowerCase();
}

interface Use {
  id: string;
  /** The criterion's score before the cap: at 1 or less a criterion left without evidence loses nothing. */
  score: number;
  /** The quote's position among the criterion's quotes (0 = its best). */
  rank: number;
  /** The criterion's position in the report. */
  order: number;
}

function usesByQuote(criteria: readonly CriterionResult[]): Map<string, Use[]> {
  const uses = new Map<string, Use[]>();
  criteria.forEach((c, order) => {
    if (c.status !== 'done') return;
    c.evidence.forEach((e, rank) => {
      const key = quoteKey(e.quote);
      const list = uses.get(key) ?? [];
      // The same sentence twice under one criterion is one use.
      if (!list.some((u) => u.id === c.id)) list.push({ id: c.id, score: c.score, rank, order });
      uses.set(key, list);
    });
  });
  return uses;
}

const byRank = (a: Use, b: Use) => a.rank - b.rank || a.order - b.order;

/**
 * Gives the slots of each over-shared quote: first to a criterion scored above 1 whose other quotes are all
 * over-shared too (it would be left without evidence and capped), the one with the fewest such quotes first, each its best-ranked quote
 * with a free slot; then the remaining slots by rank, then rubric order. Deterministic: the quotes and their
 * ranks only (cut from the text alone, so every rendering of a dossier gets the same allocation).
 */
function allocate(uses: Map<string, Use[]>, owns?: OwnsQuote): Map<string, Set<string>> {
  const over = [...uses].filter(([, list]) => list.length > MAX_CRITERIA_PER_QUOTE);
  const keepers = new Map(over.map(([key]) => [key, new Set<string>()]));
  const covered = new Set<string>();
  for (const [, list] of uses)
    if (list.length <= MAX_CRITERIA_PER_QUOTE) for (const u of list) covered.add(u.id);
  // Criteria left with over-shared quotes only: their options, best rank first.
  const needy = new Map<string, { key: string; use: Use }[]>();
  for (const [key, list] of over)
    for (const use of list) {
      if (covered.has(use.id) || use.score <= 1) continue;
      const others = list.filter((u) => u.id !== use.id).map((u) => u.id);
      if (owns && !owns(use.id, key, others)) continue;
      needy.set(use.id, [...(needy.get(use.id) ?? []), { key, use }]);
    }
  const order = [...needy].sort(([, a], [, b]) => a.length - b.length || a[0].use.order - b[0].use.order);
  for (const [, options] of order) {
    const free = options
      .sort((a, b) => byRank(a.use, b.use))
      .find(({ key }) => (keepers.get(key)?.size ?? 0) < MAX_CRITERIA_PER_QUOTE);
    if (free) keepers.get(free.key)?.add(free.use.id);
  }
  for (const [key, list] of over) {
    const kept = keepers.get(key) ?? new Set<string>();
    for (const u of [...list].sort(byRank)) if (kept.size < MAX_CRITERIA_PER_QUOTE) kept.add(u.id);
  }
  const withdrawn = new Map<string, Set<string>>();
  for (const [key, list] of over) {
    const kept = keepers.get(key) ?? new Set<string>();
    withdrawn.set(key, new Set(list.filter((u) => !kept.has(u.id)).map((u) => u.id)));
  }
  return withdrawn;
}

/** Quotes cited under more than `MAX_CRITERIA_PER_QUOTE` criteria, with the criteria they are withdrawn from. */
export function overSharedQuotes(
  criteria: readonly CriterionResult[],
  owns?: OwnsQuote,
): Map<string, Set<string>> {
  return allocate(usesByQuote(criteria), owns);
}
