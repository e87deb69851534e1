/**
 * The company's own facts other than figures (issue #16, branch grader-figureless-20). figureless.ts holds at 1
 * every criterion of a draft that states almost no figure: keyword-stuffed course prose in the first person
 * (« nous avons réalisé une étude de marché complète », « des objectifs SMART ») names every notion and never
 * the company's case. But numbers are only one kind of the company's facts. A family maker writing in plain
 * words, with a price, a headcount and a year, states its case by others: its customers and partners by name,
 * its places, when things happened, how many of them in words (« trois boulangeries », « la moitié des
 * commandes »), what it stopped doing, what it tried and what came of it. A jury reads those as the case, and
 * a draft under the figure rate that carries them is no recital of the course.
 *
 * Read per sentence over the whole draft, without its digits: a sentence states a fact of the company's case
 * when it carries one of
 * - a date: a year, a month, a season, a holiday (« en mars », « depuis 2019 », « avant Noël »);
 * - a quantity in words (« trois », « une dizaine », « la moitié »);
 * - a proper name of the dossier other than the company's own (the names of its title): a customer, a
 *   supplier, a town, a market, a product line;
 * - a choice stated in the company's voice against something (« nous ne vendons pas aux particuliers »,
 *   « nous avons arrêté les salons »): what it does not do is a decision about its case, never a course's line;
 * - an event told in the past with its date or actor (narrated.ts), a completed timed action, a schedule line or
 *   a decision with its reason (terse-case.ts, French).
 *
 * Measured on the Markdown drafts of tuning and pending with their digits other than years removed (to stand for
 * drafts that give few figures): every strong draft reads at least 13 such sentences per thousand words and
 * every partial one at least 9; the four stuffed drafts whose criteria the figure rule holds (kombucha, garages,
 * saltworks, escapegame) read 0 to 8.5, and the other weak drafts under the figure rate 0 to 11.6 (two above:
 * a personal story and a negotiation course with one episode, which other rules keep at 1 anyway). The bar,
 * `CASE_FACTS.perThousandWords`, sits between: 10.
 */
import type { DossierText } from '../grade-schema';
import { dossierNames } from './applied';
import { properNames } from './context-figures';
import { fold, type MatchLanguage } from './lexicon';
import { isNarratedEvent } from './narrated';
import { splitSentences } from './sentences';
import { isTerseCaseStatement } from './terse-case';

/** Sentences stating a fact of the company's case, per thousand words, from which a draft is a case. */
export const CASE_FACTS = { perThousandWords: 10, titleChars: 300 } as const;

const B = '(?<![\\p{L}\\p{N}])';
const A = '(?![\\p{L}\\p{N}])';

/** A date of the company's: a year, a month, a season (« l'été », not the participle « a été »), a holiday. */
const FR_DATE = new RegExp(
  `${B}(?:(?:19|20)\\d\\d|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|printemps|automne|hiver|(?:en|l'|cet|d') ?ete|noel|paques|rentree)${A}`,
  'u',
);
const EN_DATE = new RegExp(
  `${B}(?:(?:19|20)\\d\\d|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|christmas|easter)${A}`,
  'u',
);

/** A quantity in words (« neuf » and « tiers » left out: « du neuf », « des tiers » are no count). */
const FR_COUNT = new RegExp(
  `${B}(?:deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|centaines?|milliers?|moitie|quart)${A}`,
  'u',
);
const EN_COUNT = new RegExp(
  `${B}(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?|half|quarter)${A}`,
  'u',
);

/** A choice against something, in the company's voice: « nous ne … », « on n'… », « nous avons arrêté … ». */
const FR_REFUSAL =
  /(?<![\p{L}\p{N}])(?:(?:nous|on) (?:ne |n')|(?:avons|a|ont) (?:arrete|abandonne|renonce|cesse|stoppe|ecarte|refuse)(?![\p{L}\p{N}]))/u;
const EN_REFUSAL =
  /(?<![\p{L}\p{N}])(?:we (?:do not|don't|no longer|never|stopped|dropped|gave up|refused)|we have (?:stopped|dropped))(?![\p{L}\p{N}])/u;

/** Digits other than a year's: figures are figureless.ts's count; this reads the draft as if it had none. */
const NON_YEAR_NUMBER = /(?<![\p{L}\d])(?!(?:19|20)\d\d(?!\d))\d+(?:[ \u00a0.,]\d+)*(?![\p{L}\d])/gu;

/** The dossier's own names that are not the company's (those its title names), folded. */
function othersNames(dossier: DossierText): ReadonlySet<string> {
  const names = properNames(dossier, dossierNames(dossier));
  const title = fold(dossier.text.slice(0, CASE_FACTS.titleChars));
  return new Set([...names].filter((name) => !title.includes(name)));
}

/** The sentence (raw and folded) states a fact of the company's case other than a figure (see the header). */
export function statesCaseFact(
  text: string,
  folded: string,
  others: ReadonlySet<string>,
  lang: MatchLanguage,
): boolean {
  const f = folded.replace(/’/g, "'");
  const en = lang === 'en';
  if ((en ? EN_DATE : FR_DATE).test(f) || (en ? EN_COUNT : FR_COUNT).test(f)) return true;
  if ((en ? EN_REFUSAL : FR_REFUSAL).test(f)) return true;
  if ((f.match(/[\p{L}\p{N}&-]{3,}/gu) ?? []).some((word) => others.has(word))) return true;
  return isNarratedEvent(text, lang) || (!en && isTerseCaseStatement(f));
}

const rateMemo = new WeakMap<DossierText, number>();

/** Sentences stating a fact of the company's case (figures aside) per thousand words of the draft. */
export function caseFactRate(dossier: DossierText): number {
  let rate = rateMemo.get(dossier);
  if (rate === undefined) {
    const lang: MatchLanguage = dossier.language?.startsWith('en') ? 'en' : 'fr';
    const others = othersNames(dossier);
    const text = dossier.text.replace(NON_YEAR_NUMBER, ' ');
    const words = text.split(/\s+/).filter(Boolean).length;
    let facts = 0;
    for (const span of splitSentences(text))
      if (statesCaseFact(span.text, fold(span.text), others, lang)) facts++;
    rate = words === 0 ? 0 : (1000 * facts) / words;
    rateMemo.set(dossier, rate);
  }
  return rate;
}

/** The draft states its case by facts other than figures: enough of its sentences carry them. */
export function statesOwnCase(dossier: DossierText): boolean {
  return caseFactRate(dossier) >= CASE_FACTS.perThousandWords;
}
