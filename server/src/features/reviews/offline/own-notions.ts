/**
 * Whether a quoted sentence addresses a criterion on its own account (issue #16: « one sentence may back
 * several criteria only if it addresses each of them »): it names one of the criterion's core notions that
 * is not also a core notion of the other criteria quoting it. Two criteria sharing a notion (« financement »
 * for a business plan and for investors' confidence) are told apart by their other notions; a sentence
 * holding only the shared one addresses what they have in common, and backs the one that keeps it. A sentence
 * naming none of the criterion's notions is the figure or example the analyzer found backing one of them
 * (offline/evidence.ts): it is judged where it was chosen.
 */
import type { Exam } from '../../referential';
import type { OwnsQuote } from '../shared-quotes';
import { examLanguage, findConcepts, fold, getExamLexicon } from './lexicon';

export function ownNotionReader(exam: Exam): OwnsQuote {
  const lexicon = getExamLexicon(exam);
  const lang = examLanguage(exam);
  const found = new Map<string, Set<string>>();
  const conceptsOf = (quote: string) => {
    let ids = found.get(quote);
    if (!ids) {
      ids = new Set(findConcepts(fold(quote), lang).map((h) => h.id));
      found.set(quote, ids);
    }
    return ids;
  };
  return (criterionId, quote, others) => {
    const notionsOf = (id: string) => lexicon.criteria.get(id)?.notions ?? [];
    const named = notionsOf(criterionId).filter((n) => conceptsOf(quote).has(n));
    const theirs = new Set(others.flatMap(notionsOf));
    // A figure or a plain-worded sentence (no notion named) backs the criterion it was chosen for.
    return named.length === 0 || named.some((n) => !theirs.has(n));
  };
}
