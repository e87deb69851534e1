/**
 * Narrated evidence (issue #16): an event of the company told as it went — when it happened or who took part,
 * in the past — « En mars 2023, Mme Royer a refusé notre premier devis », « In week 3 Lan called the factory in
 * Binh Duong ». A dossier built on lived experience (a team managed abroad, a negotiation told round by round, a
 * challenge run week by week) backs its reasons with such events where a market study gives figures and sources.
 */
import type { MatchLanguage } from './lexicon';

const FR_MONTHS =
  'janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre';
const EN_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** A date: a month, a year, a week's or a day's number, a weekday. */
const FR_DATE = new RegExp(
  `\\b(?:${FR_MONTHS})\\b|\\b(?:19|20)\\d{2}\\b|\\b(?:semaine|jour|mois|trimestre)\\s+\\d{1,2}\\b|\\bS\\d{1,2}\\b|\\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\b`,
  'i',
);
const EN_DATE = new RegExp(
  `\\b(?:${EN_MONTHS})\\b|\\b(?:19|20)\\d{2}\\b|\\b(?:week|day|month|quarter)\\s+\\d{1,2}\\b|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`,
);

/** A named actor or place: a capitalised word inside the sentence (not its first word, not an acronym). */
const NAMED = /(?<=[a-zà-ÿ,;] |\bM\. |\bMme )(?!I\b)[A-ZÀ-Ý][a-zà-ÿ'-]{2,}/;

/** French past: a form of « avoir » then a past participle, or « être » with a verb of movement or state. */
const FR_PAST =
  /\b(?:ai|as|a|avons|avez|ont|avait|avaient|avions|eu)\s+(?:(?:pas|plus|jamais|d[ée]j[àa]|enfin|finalement|vite|bien|mal|ensemble|alors|aussi|tout|tous|rapidement|immédiatement)\s+){0,2}[a-zà-ÿ]{2,}(?:é|ée|és|ées|i|ie|is|it|ite|u|ue|us|ert|erte|int|eint)(?![a-zà-ÿ])|\b(?:suis|sommes|est|sont|étais|était|étions|étaient)\s+(?:(?:pas|plus|enfin|vite|alors|ensuite)\s+){0,1}(?:allée?s?|venue?s?|partie?s?|arrivée?s?|passée?s?|revenue?s?|restée?s?|devenue?s?|tombée?s?|entrée?s?|sortie?s?|retournée?s?|montée?s?|descendue?s?)(?![a-zà-ÿ])/i;

/** English past: a verb in « -ed » or a common irregular past form, after a word (its subject or an auxiliary). */
const EN_PAST =
  /\b\w+\s+(?:\w+\s+){0,2}?(?:\w{3,}ed|was|were|had|lost|won|met|saw|made|took|went|found|sold|told|spent|wrote|chose|began|ran|got|kept|left|understood|thought|felt|brought|bought|built|came|gave|knew|said|sent|paid|set|put|cut|led|held|heard|fell|broke|became|did)\b/;

/** True when a sentence tells a past event of the case with its date or a named actor or place. */
export function isNarratedEvent(text: string, lang: MatchLanguage): boolean {
  const past = lang === 'en' ? EN_PAST : FR_PAST;
  if (!past.test(text)) return false;
  const date = lang === 'en' ? EN_DATE : FR_DATE;
  return date.test(text) || NAMED.test(text);
}
