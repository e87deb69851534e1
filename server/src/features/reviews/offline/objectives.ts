/**
 * A quantified objective with its deadline (issue #16): « Le but est d'obtenir 10 demandes de devis par
 * trimestre d'ici fin 2024 », « objectif : 50 % des installations en 2026 », « we aim for 12 new stores by
 * 2026 ». A jury reads such a sentence as part of the analysis — a target the candidate set for the company,
 * measurable and dated — not as a bare fact, even when no connective argues it: it is what an action plan's row
 * says (table-rows.ts `isReasonedRow`), written in a sentence.
 *
 * Both parts are needed: a figure alone is a fact, an aim without a date is a wish. The figure is checked by
 * the caller (depth signals' quantities, which also keep years out); this module reads the words. Folded text.
 */

/** Words that state an aim: « objectif », « le but est », « nous visons », « cible », « goal », « target ». */
const AIM =
  /(?<![\p{L}\p{N}])(objectifs?|le but|notre but|mon but|vis(ons|e|er|ent)|ambition|cibles?|goals?|targets?|aim(s|ing)?( (for|at|to))?)(?![\p{L}\p{N}])/u;

/**
 * Words that date it: « d'ici (fin) 2025 », « en 2026 », « avant juin », « à fin 2025 », « by 2026 », « by the
 * end of », « within two years ».
 */
const DEADLINE =
  /(?<![\p{L}\p{N}])(d'ici|a fin|avant (fin |la fin )?(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|20\d\d)|en 20\d\d|fin 20\d\d|by (the end of |end of )?(20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|next)|within)(?![\p{L}\p{N}])/u;

/** True when the folded sentence states an aim and its deadline (the caller checks it carries a figure). */
export function isDatedObjective(folded: string): boolean {
  return AIM.test(folded) && DEADLINE.test(folded);
}
