/**
 * A draft without a figure of its own (issue #16: keyword-stuffed weak drafts read 1.67 against a jury's 0.67).
 * A jury reads « nous avons réalisé une étude de marché complète », « le seuil de rentabilité sera atteint
 * rapidement », « des objectifs SMART et un plan de relance efficace » as the course recited in the first person:
 * the notions are named, the company never appears — no volume, price, amount, date, headcount, share or result
 * of its own. Whatever the « nous » and however complete the vocabulary, a dossier that states almost no figure
 * is not an analysis applied to a case, a plan with targets, a budget or a business plan: each criterion is at
 * best « abordé de façon générique » (1).
 *
 * Read over the whole draft, not per criterion: the figures it states (numbers standing alone; headings, list
 * numbers, page numbers, tool names such as « 4P » and the course's relative deadlines « J+7 » left out) per
 * thousand words. In the Markdown drafts the project holds, every strong and partial draft gives at least 9.7 per
 * thousand words (all but one at least 14: their companies' turnover, clients, prices, dates); the weak drafts
 * that recite the course give 0 to 5. A text too short to be a dossier is left to the other rules.
 *
 * Numbers are one kind of the company's facts, not the only one (branch grader-figureless-20): a strong draft
 * written in plain words by a family maker, with a price, a headcount and a year but every choice argued about
 * its customers by name, its workshop, its channels, what it stopped and why, fell under the rate and had 7 of
 * its 9 criteria held at 1 where its jury gave 3–4. A draft under the rate whose sentences carry enough of the
 * company's other facts — dates, quantities in words, the names of its customers and places, what it refuses
 * to do, events told as they went (case-facts.ts `statesOwnCase`) — states its case and is left to the other
 * rules; course prose carries none of them.
 */
import type { DossierText } from '../grade-schema';
import { statesOwnCase } from './case-facts';

/** Below `perThousandWords` figure sentences per thousand words, a draft states no figure of its own. */
export const FIGURELESS = { perThousandWords: 6, ceiling: 1, minWords: 150 } as const;

/** A heading (Markdown `#`), a list's or a section's number (« 3. », « 2) »), a line that is only a number (a page's). */
const NOT_A_FIGURE_LINE = /^\s*(?:#.*|(?:\d+[.)]\s*)+|\d+)\s*$|^\s*(?:\d+[.)])+\s+/;
/** Relative deadlines of the course's schedule (« J+7 », « J-30 »): no date of the company's. */
const RELATIVE_DAY = /\b[jJ]\s*[+-]\s*\d+/g;
/** A number standing alone: not glued to letters (« 4P », « K1 », « B2B », « 7S »). */
const FIGURE = /(?<![\p{L}\d])\d+(?:[ \u00a0.,]\d+)*(?![\p{L}\d])/gu;

/** The figures a draft states: numbers in its prose, tables and lists, numbering and headings left out. */
export function countFigures(text: string): number {
  let count = 0;
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(NOT_A_FIGURE_LINE, (m) => (/^\s*#|^\s*\d+\s*$/.test(m) ? '' : ' '))
      .replace(RELATIVE_DAY, ' ');
    count += line.match(FIGURE)?.length ?? 0;
  }
  return count;
}

/** Figures per thousand words of the draft. */
export function figureRate(dossier: DossierText): number {
  const words = dossier.text.split(/\s+/).filter(Boolean).length;
  return words === 0 ? 0 : (1000 * countFigures(dossier.text)) / words;
}

const figurelessMemo = new WeakMap<DossierText, boolean>();

/**
 * The draft states (almost) no figure and no other fact of its case: long enough to be read, under the rate of
 * every applied draft, and short of the company's other facts (case-facts.ts). Read once per dossier (each
 * criterion of a review asks).
 */
export function isFigureless(dossier: DossierText): boolean {
  let figureless = figurelessMemo.get(dossier);
  if (figureless === undefined) {
    const words = dossier.text.split(/\s+/).filter(Boolean).length;
    figureless =
      words >= FIGURELESS.minWords &&
      figureRate(dossier) < FIGURELESS.perThousandWords &&
      !statesOwnCase(dossier);
    figurelessMemo.set(dossier, figureless);
  }
  return figureless;
}

/** A figureless draft's criterion is at most generic (1); others keep their score. */
export function figurelessScore(score: 0 | 1 | 2 | 3 | 4, figureless: boolean): 0 | 1 | 2 | 3 | 4 {
  return figureless ? (Math.min(score, FIGURELESS.ceiling) as 0 | 1 | 2 | 3 | 4) : score;
}

/** The rationale of a criterion held at 1 because the draft states no figure of its own. */
export function figurelessRationale(base: string): string {
  return `${base} Le dossier ne donne presque aucun chiffre propre à l'entreprise (volumes, prix, montants, dates, résultats) : les notions sont citées, pas appliquées au cas, ce qui limite le critère à un traitement générique.`;
}
