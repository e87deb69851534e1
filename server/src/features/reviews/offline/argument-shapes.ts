/**
 * An argument a plain-worded draft makes without a connective (issue #16): a jury reads a sentence as argued when
 * it backs a claim, even with no « car » nor « donc » (lexicon/markers.data.ts `argument`). The shape read here is
 * one of French syntax, whatever the sentence's words: a claim with its verb, a colon, then the fact that backs it,
 * with its verb and a figure or a date — « Le travail est concentré de mars à juin : en 2024, l'atelier a refusé
 * 74 demandes en avril et mai. » A label (« Nos faiblesses : … ») has no verb before its colon, a list
 * (« onze entretiens, factures… ») none after it, and an announcement (« Le modèle est simple : nous achetons du
 * café… ») backs nothing measured.
 *
 * Measured on the pending drafts (branch grader-argued-15): the comparison of two values of one measure (« passé
 * de 150 à 74 », « 14 contre 3 en 2021 », « a baissé de 12 % ») was tried as a second shape and left out: partial
 * drafts report their results that way as often as strong ones (2.6–3.3 % of their statements about the company
 * against 3.2–3.6 %), and it lifted partial criteria at gold 1–2 more than strong ones (pending partial SMD
 * +0.12 -> +0.17, strong -1.05 -> -1.00).
 */
import { isAdmittedGap, isIntention } from './generic-prose';
import { depthSignals, type MatchLanguage } from './lexicon';

/** Words of a clause (letter or digit runs). */
function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** A colon that breaks a sentence into clauses: not a time (« 10:30 »), not a table's cell. */
const CLAUSE_COLON = /\s?:\s/u;
/** Words the claim before the colon needs, and the backing after it. */
const MIN_CLAIM = 4;
const MIN_BACKING = 5;

/**
 * A claim backed in the same sentence: at least `MIN_CLAIM` words with a finite verb before a colon, at least
 * `MIN_BACKING` words with a finite verb and a figure or a date after it.
 */
export function backsClaim(text: string, folded: string, lang: MatchLanguage): boolean {
  if (folded.includes('|')) return false;
  const colon = folded.search(CLAUSE_COLON);
  const textColon = text.search(CLAUSE_COLON);
  if (colon < 0 || textColon < 0) return false;
  const claim = folded.slice(0, colon);
  const backing = folded.slice(colon).replace(CLAUSE_COLON, '');
  if (words(claim) < MIN_CLAIM || words(backing) < MIN_BACKING) return false;
  const claimSignals = depthSignals(text.slice(0, textColon), claim, lang);
  const backingSignals = depthSignals(text.slice(textColon).replace(CLAUSE_COLON, ''), backing, lang);
  return claimSignals.verb && backingSignals.verb && backingSignals.quantities + backingSignals.dates > 0;
}

/**
 * The sentence argues by its shape (`backsClaim`): French only, and not an intention nor an admitted gap
 * (generic-prose.ts), as the connectives' reading (candidates.ts `argues`).
 */
export function showsArgument(text: string, folded: string, lang: MatchLanguage): boolean {
  if (lang !== 'fr' || isIntention(folded) || isAdmittedGap(folded)) return false;
  return backsClaim(text, folded, lang);
}
