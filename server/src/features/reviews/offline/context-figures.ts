/**
 * Whose figure is it (issue #16: weak drafts built on the sector's figures reached 4)? A figure makes a sentence
 * about the candidate's case (applied.ts) because a plain-worded strong draft gives its company's figures without
 * repeating its name (« 18 clients font 61 % du CA »). A figure that the sentence itself attributes to someone
 * else — a study, an institute, a federation (« selon l'INSEE », a « Xerfi 2023 » cell) — is that source's
 * figure: the market's size, the sector's headcount, the region's establishments. It is context any candidate
 * of the sector could copy, not a fact, a result or a decision of the company: a jury reads it as the backdrop of
 * the analysis, not as the analysis.
 *
 * Read by what the sentence does, not by its words: it carries a figure, it names where the figure comes from,
 * and it does not speak of the company. In prose, the company's own name or the candidate's voice keeps the
 * figure the company's (« Selon nos comptes 2023, le CA atteint 4,2 M€ », « Vallon détient 12 % du marché selon
 * Xerfi »). A table row whose figure comes with its source in a cell (« Nombre d'entreprises du secteur |
 * environ 2 400 | Xerfi 2023 ») is a line of documented data, whatever its label names (« … en Normandie | 98 000 | INSEE 2021 »
 * in a draft about « Normandie Sécurité Incendie »): a table of a study's figures is the study's table. The
 * caller (candidates.ts) reads figures this way only in a draft that states next to no figure of its own
 * (`statesOwnFigures`): beside the company's own figures, the sector's are the backdrop a jury expects.
 */
import type { DossierText } from '../grade-schema';
import { dossierNames, OWN_VOICE } from './applied';
import { isGeneralAdvice, isGeneralStatistic, isTradeHabit } from './generic-prose';
import { fold } from './lexicon';
import { splitSentences } from './sentences';
import { isTableRow } from './table-rows';

/** The candidate's or the company's own voice (folded): « nous », « notre », « j'ai », « we », « our »… */

/** Words the dossier also writes in lower case (folded): common words, even when a name borrows them. */
function commonWords(dossier: DossierText): ReadonlySet<string> {
  const words = new Set<string>();
  for (const m of dossier.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}&-]{2,}/gu)) words.add(fold(m[0]));
  return words;
}

/**
 * The dossier's names that are proper names only (applied.ts `dossierNames` minus the words the dossier also
 * writes in lower case): « Normandie Sécurité Incendie » is named by its words, but « le marché de la sécurité
 * incendie » speaks of the sector, not of the company. Folded.
 */
export function properNames(dossier: DossierText, names: ReadonlySet<string>): ReadonlySet<string> {
  const common = commonWords(dossier);
  return new Set([...names].filter((name) => !common.has(name)));
}

/** The folded text names one of the given names. */
function namesOneOf(folded: string, names: ReadonlySet<string>): boolean {
  for (const word of folded.match(/[\p{L}\p{N}&-]{3,}/gu) ?? []) if (names.has(word)) return true;
  return false;
}

/**
 * The sentence's figure is a source's, not the company's: it carries a figure (`quantities`), names where it
 * comes from (`sourced`: a named source in the sentence or in a cell of the row), is not in the candidate's voice
 * and, in prose, names neither the company (`names`: proper names only, see `properNames`) nor the candidate's voice. `folded` is the
 * sentence folded.
 */
export function isSourcedContextFigure(
  folded: string,
  facts: { quantities: number; sourced: boolean },
  names: ReadonlySet<string>,
): boolean {
  if (facts.quantities === 0 || !facts.sourced || OWN_VOICE.test(folded)) return false;
  return isTableRow(folded) || !namesOneOf(folded, names);
}

/**
 * A figure of a whole rather than of the company (folded): the nation, the world, a sector, a market, a branch
 * (« La France compte 7 500 campings », « Le secteur a réalisé 3,5 milliards d'euros », « the global market »).
 */
const WHOLE =
  /(?<![\p{L}\p{N}])(?:france|europe|monde|mondial|mondiale|national|nationale|nationaux|secteur|filiere|branche|marche|world|global|national|sector|industry|market)(?![\p{L}\p{N}])/u;

/**
 * A sentence with a figure gives it as context: a source's figure (it names where it comes from) or a whole's
 * (the nation, the sector, the market), and not in the candidate's voice — even beside the company's name
 * (« le Camping X évolue dans un marché de 3,5 milliards d'euros »: the market's figure). `sources` counts the
 * sentence's named sources. Folded.
 */
export function givesContextFigure(folded: string, sources: number): boolean {
  return !OWN_VOICE.test(folded) && (sources > 0 || WHOLE.test(folded));
}

/**
 * A figure that holds for any firm (generic-prose.ts): a statistic about firms in general, a habit of the trade
 * (« la marge brute se situe souvent entre 30 et 40 % »), advice to anyone (« il faut garder 6 mois de charges »).
 * Context too when the draft's figures are counted: no fact of the company's.
 */
function isRuleOfTheTrade(folded: string): boolean {
  return isGeneralStatistic(folded) || isTradeHabit(folded) || isGeneralAdvice(folded);
}

/**
 * When a draft states its own figures (`statesOwnFigures`): at least `sentences` prose sentences giving a figure
 * with the company's name or the candidate's voice, or fewer than `contextShare` of its figures (prose and table
 * rows) given as context (a source's figure, or a whole's: the nation, the sector, the market). A draft that
 * gives its company's figures gives several of them with its name or its voice (« nos 310 clients », « Vallon a
 * réalisé 4,2 M€ ») or states them plainly (« La scierie emploie 34 personnes », « 18 clients font 61 % du CA »)
 * beside a few of the sector's.
 */
export const OWN_FIGURES = { sentences: 3, contextShare: 0.5 } as const;

/** Fewer words than this is a heading or a label, not a sentence giving a figure. */
const MIN_FIGURE_WORDS = 4;

/** Figures of a dossier: sentences and rows with a figure, those about the company, those given as context. */
export interface FigureCounts {
  all: number;
  own: number;
  context: number;
}

/**
 * The dossier's sentences and table rows that give a figure (`all`); of them, the prose sentences with the
 * company's proper name or the candidate's voice (`own`), and those that are neither and give a source's or a
 * whole's figure (`context`). `facts` gives a sentence's figures and named sources (the lexicon's depth signals).
 * Read once per dossier through `figureReading`, which keeps the result.
 */
export function figureSentences(
  dossier: DossierText,
  names: ReadonlySet<string>,
  facts: (sentence: string) => { quantities: number; sources: number },
): FigureCounts {
  const counts = { all: 0, own: 0, context: 0 };
  for (const span of splitSentences(dossier.text)) {
    const sentence = span.text;
    // A heading's or a list's number (« 10. Les parties prenantes ») is no figure.
    if (sentence.split(/\s+/).length < MIN_FIGURE_WORDS) continue;
    const f = facts(sentence);
    if (f.quantities === 0) continue;
    counts.all++;
    const folded = fold(sentence);
    // The candidate's voice makes the figure the company's; a source or a whole makes it context.
    if (OWN_VOICE.test(folded)) counts.own += isTableRow(sentence) ? 0 : 1;
    else if (givesContextFigure(folded, f.sources) || isRuleOfTheTrade(folded)) counts.context++;
    else if (!isTableRow(sentence) && namesOneOf(folded, names)) counts.own++;
  }
  return counts;
}

/**
 * The draft states figures of its own (issue #16): a draft built on the sector's figures (« La France compte
 * 7 500 campings », a table of a study's figures) and the course's tools has next to none with its company's
 * name or its voice, and most of its figures are the sector's: its bare figures are then context too, not facts
 * of the case.
 */
export function statesOwnFigures(counts: FigureCounts): boolean {
  if (counts.all === 0) return true;
  return counts.own >= OWN_FIGURES.sentences || counts.context < OWN_FIGURES.contextShare * counts.all;
}

/** How a dossier's figures are read: the names that mark its company, and whether it states figures of its own. */
export interface FigureReading {
  /** applied.ts `dossierNames`; in a draft without figures of its own, its proper names only (`properNames`). */
  names: ReadonlySet<string>;
  ownFigures: boolean;
}

const readingCache = new WeakMap<DossierText, FigureReading>();

/**
 * The dossier's figure reading, memoised per dossier: `statesOwnFigures` (counted with its proper names,
 * `properNames` of applied.ts `dossierNames`) and the names that mark its company. `facts` gives a sentence's figures and named sources.
 */
export function figureReading(
  dossier: DossierText,
  facts: (sentence: string) => { quantities: number; sources: number },
): FigureReading {
  const cached = readingCache.get(dossier);
  if (cached) return cached;
  const all = dossierNames(dossier);
  const proper = properNames(dossier, all);
  const ownFigures = statesOwnFigures(figureSentences(dossier, proper, facts));
  // Only in a draft without figures of its own is a name's common word (« Camping Les Oyats » and « le
  // camping ») no sign of the company: in a draft that gives its company's figures, the name it goes by
  // (« Saveurs Collectives », « les saveurs de saison ») still marks what is said of the company.
  const reading = { names: ownFigures ? all : proper, ownFigures };
  readingCache.set(dossier, reading);
  return reading;
}

/**
 * What a sentence's figure and source back (issue #16). `source` is the sentence's weight as a source: 1 for a
 * named source (or a row under a table listing the sources themselves, `listedSource`, table-rows.ts), 0.5 for
 * an unnamed one. In a draft that states figures of its own, that is all. In a draft without
 * (`FigureReading.ownFigures` false): a figure attributed to a study without the company is the source's
 * (`contextFigure`: not a fact of the case), a source's or a whole's figure is no quantified backing
 * (`countsFigure`), and a named study backs no analysis of the company, which has no fact to back (`source` 0:
 * « J'ai repris les chiffres d'une étude sectorielle (Xerfi, 2023) »). Folded text.
 */
export function sentenceBacking(
  reading: FigureReading,
  folded: string,
  s: { quantities: number; strongSources: number; weakSources: number },
  listedSource: boolean,
): { contextFigure: boolean; countsFigure: boolean; source: number } {
  const source = s.strongSources > 0 || listedSource ? 1 : s.weakSources > 0 ? 0.5 : 0;
  if (reading.ownFigures) return { contextFigure: false, countsFigure: true, source };
  const sources = s.strongSources + s.weakSources;
  return {
    contextFigure: isSourcedContextFigure(
      folded,
      { quantities: s.quantities, sourced: sources > 0 && !listedSource },
      reading.names,
    ),
    countsFigure: !givesContextFigure(folded, sources),
    source: 0,
  };
}
