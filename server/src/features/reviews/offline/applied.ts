/**
 * Applied or generic: does a sentence speak about the candidate's company, or could it stand in a textbook?
 *
 * A sentence is applied when it carries a figure, a fact about the company (its name, or a name the dossier
 * keeps returning to: products, sites, clients, competitors) or the candidate's own voice reporting what was
 * done (« nous », « notre équipe », « j'ai », « we », « I »). A definition of PESTEL, of the ESG criteria or of the 4P that names none of
 * these is coverage at most, never analysis (issue #16): the analyzer lets it show that a notion is known, not
 * that the criterion is analysed.
 *
 * The dossier's names are found once per dossier: capitalised words met in the middle of sentences at least
 * twice, that are not a method or a concept of the lexicon (PESTEL, Porter, RSE…) nor a generic name.
 */
import type { DossierText } from '../grade-schema';
import {
  isEssayWe,
  isExpositoryVoice,
  isGeneralAdvice,
  isGeneralStatistic,
  isLegalProvision,
  isStagedScene,
  isToolDefinition,
  isTradeHabit,
  withoutClassExamples,
  withoutCollectiveVoice,
  withoutQuotedSpeech,
} from './generic-prose';
import { findConcepts, fold } from './lexicon';
import { GENERIC_NAMES } from './lexicon/names.data';
import { isSelfPortrait } from './self-portrait';

/** A name must be met this many times mid-sentence to count as one of the dossier's own names. */
const MIN_NAME_OCCURRENCES = 2;

/**
 * The candidate's own voice, or the company named as such: the sentence is about the candidate's case. Also what keeps
 * a figure the company's in context-figures.ts: one reading of the voice (« je pense », « à mon avis » are not it).
 */
export const OWN_VOICE =
  /(?<![\p{L}\p{N}])(nous|notre|nos|j'ai|i (have |had )?[a-z]+ed|we|our|us|(mon|ma) (entreprise|societe|employeur|equipe|structure)|my (company|team|employer))(?![\p{L}\p{N}])/u;

const namesCache = new WeakMap<DossierText, ReadonlySet<string>>();

/** Capitalised words in the middle of a sentence (not after a sentence end, a heading mark or a bullet). */
function midSentenceNames(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const re = /(?<=[\p{L}\p{N},;)»"] |[’'])\p{Lu}[\p{L}\p{N}&-]{2,}/gu;
  for (const m of text.matchAll(re)) {
    const name = fold(m[0]);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Capitalised occurrences, anywhere, that make a word met once mid-sentence one of the dossier's names. */
const MIN_SUBJECT_NAME_OCCURRENCES = 3;

/**
 * Words the dossier writes capitalised at least `MIN_SUBJECT_NAME_OCCURRENCES` times, sentence starts included,
 * and never in lower case (folded). A draft written in the third person (issue #16, branch grader-voice-16) makes
 * the company the subject of its sentences, so its name opens them (« Cime & Racines : 14 salariés », « Bastide
 * Substrats fabrique des terreaux ») and is met mid-sentence once or not at all: unseen strong drafts named their
 * company a dozen times and had no name of their own, so none of their statements was read as the company's. A
 * common word that opens sentences (« Les », « Constats ») is also written in lower case elsewhere.
 */
function subjectNames(text: string): Set<string> {
  const capitalised = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&-]{2,}/gu)) {
    const name = fold(m[0]);
    capitalised.set(name, (capitalised.get(name) ?? 0) + 1);
  }
  const lower = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}&-]{2,}/gu)) lower.add(fold(m[0]));
  const names = new Set<string>();
  for (const [name, n] of capitalised)
    if (n >= MIN_SUBJECT_NAME_OCCURRENCES && !lower.has(name)) names.add(name);
  return names;
}

/** A capitalised word, as names are written (« Ries », « Mauborgne », « O'Reilly », « Saint-Gobain »). */
const CAP = "\\p{Lu}[\\p{L}'’-]+";
/** Up to three names joined by « et », « and », « & » or a comma (« Kim et Mauborgne », « Eric Ries »). */
const AUTHORS = `${CAP}(?:(?:\\s+|\\s*(?:,|et|and|&)\\s*)${CAP}){0,3}`;
const YEAR = '(?:1[89]|20)\\d{2}';
/** « Ries (2011) », « Kim et Mauborgne (2005) », « (Osterwalder et Pigneur, 2010) », « (Porter, 1979, p. 12) ». */
const CITATION = new RegExp(
  `(${AUTHORS})\\s*\\(\\s*${YEAR}\\s*\\)|\\(\\s*(${AUTHORS})\\s*,\\s*${YEAR}[^)]*\\)`,
  'gu',
);

/** Nouns that a method's name follows (« la stratégie Océan Bleu », « le modèle Lean Canvas »), folded. */
const METHOD_HEADS = new Set(
  (
    'methode modele matrice grille strategie theorie approche loi courbe cycle diagramme concept ' +
    'method model matrix framework theory strategy law'
  ).split(' '),
);
/** A word, then one to three capitalised words: the head is checked against `METHOD_HEADS`. */
const AFTER_HEAD = new RegExp(`([\\p{L}]+)\\s+(${CAP}(?:\\s+${CAP}){0,2})`, 'gu');

/**
 * Names of references, not of the company: a citation's authors (« le Lean Startup d'Eric Ries (2011) »,
 * « (Osterwalder et Pigneur, 2010) ») and a method's name after the noun that introduces it (« la stratégie
 * Océan Bleu »). A textbook's references are not facts about the company, its clients or its competitors; no
 * hand-kept list of authors and methods can be complete, while the way they are written says what they are.
 * Folded.
 */
function referenceNames(text: string): Set<string> {
  const cited = new Set<string>();
  const add = (words: string) => {
    for (const word of words.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []) cited.add(fold(word));
  };
  for (const m of text.matchAll(CITATION)) add(m[1] ?? m[2] ?? '');
  for (const m of text.matchAll(AFTER_HEAD)) if (METHOD_HEADS.has(fold(m[1] ?? ''))) add(m[2] ?? '');
  return cited;
}

/** The dossier's own names (folded), memoised per dossier. */
export function dossierNames(dossier: DossierText): ReadonlySet<string> {
  const cached = namesCache.get(dossier);
  if (cached) return cached;
  const names = new Set<string>();
  const cited = referenceNames(dossier.text);
  const opening = subjectNames(dossier.text);
  for (const [name, n] of midSentenceNames(dossier.text)) {
    if ((n < MIN_NAME_OCCURRENCES && !opening.has(name)) || GENERIC_NAMES.has(name) || cited.has(name))
      continue;
    // A method or a concept (« PESTEL », « RSE », « Porter ») is what textbooks name, not the company.
    if (findConcepts(name, 'fr').length > 0 || findConcepts(name, 'en').length > 0) continue;
    names.add(name);
  }
  namesCache.set(dossier, names);
  return names;
}

/** True when the sentence is about the candidate's case: a figure, one of the dossier's names, or « nous ». */
export function isApplied(folded: string, quantities: number, names: ReadonlySet<string>): boolean {
  // A tool's definition with the company's name or a method's threshold dropped in is still a definition.
  if (definesTool(folded, names)) return false;
  // A technique illustrated with anyone (« Par exemple, avec un client qui… je… ») is no case of the company's,
  // whatever figure or « notre » it holds, unless it names one of the dossier's own (generic-prose.ts).
  if (isStagedScene(folded) && !namesIn(folded, names)) return false;
  // A statistic about firms in general, or a rule of thumb in advice to anyone (« il faut relancer un prospect
  // 5 fois »), is not a figure about the company (generic-prose.ts).
  // A figure only in a line of imagined dialogue (« proposer deux choix (« Vous préférez la semaine 12 ou la
  // semaine 14 ? ») ») is the example's, not a figure of the company's.
  const figureOutsideQuotes = !/\d/.test(folded) || /\d/.test(withoutQuotedSpeech(folded));
  if (
    quantities > 0 &&
    figureOutsideQuotes &&
    !isGeneralStatistic(folded) &&
    !isGeneralAdvice(folded) &&
    !tradeHabit(folded, names) &&
    // A law's year, scope and thresholds are the text's (generic-prose.ts `isLegalProvision`), unless the
    // sentence names the company or one of its own.
    !(isLegalProvision(folded) && !namesIn(folded, names))
  )
    return true;
  // The expository « nous » of a lesson (« nous pouvons définir ») and the « nous » of everyone (« de nos
  // jours ») are not the company's voice.
  const voice = withoutCollectiveVoice(folded);
  // Qualities claimed in the first person (« I am open-minded and adaptable ») are no experience reported.
  if (
    OWN_VOICE.test(voice) &&
    !isExpositoryVoice(voice) &&
    !isSelfPortrait(folded, namesIn(folded, names)) &&
    // The « we » of people in general (« when we work with foreigners, we realise… ») is an essay's voice.
    !(isEssayWe(voice) && !namesIn(folded, names))
  )
    return true;
  // Advice to anyone that drops in the company's name (« Il faut analyser l'offre et la demande, donc Brindille
  // doit faire un questionnaire ») is a rule of the trade, not a fact of the case; advice whose subject is the
  // company (« il faut que Brindille recrute ») is its plan and stays applied.
  if (isGeneralAdvice(folded) && !ADVICE_TO_SOMEONE.test(folded)) return false;
  // The company given as an example of a class (« une entreprise comme Vrac & Co ») is not what the sentence is
  // about (generic-prose.ts `withoutClassExamples`).
  return namesIn(withoutClassExamples(folded), names);
}

/**
 * Textbook prose whatever stands before it: a tool's definition, or advice to anyone without the company's
 * voice. candidates.ts lets a sentence that continues an applied one on the same line be applied too (« … 310
 * clients. Les clients santé sont fidèles car… »); a definition or a rule of the trade that follows a figure
 * (« Nous visons 90 000 €. On peut demander un prêt d'honneur ou une aide, donc il faudra chercher des
 * financements. ») does not become a fact of the case by standing next to one.
 */
export function isTextbookProse(folded: string, names: ReadonlySet<string>): boolean {
  if (definesTool(folded, names)) return true;
  return isGeneralAdvice(folded) && !ADVICE_TO_SOMEONE.test(folded) && !OWN_VOICE.test(folded);
}

/** « il faut que X… », « it is important that X… »: advice with a subject, the company's plan when X is its name. */
const ADVICE_TO_SOMEONE = /(?<![\p{L}\p{N}])(?:il faut qu|il (?:est|sera) \p{L}+ qu|it is \p{L}+ that)/u;

/** A tool's or notion's definition, whatever dossier name stands in it (generic-prose.ts `isToolDefinition`). */
function definesTool(folded: string, names: ReadonlySet<string>): boolean {
  return isToolDefinition(folded, (subject) => namesIn(subject, names), isConceptSubject);
}

/**
 * A figure given as a habit of the trade or a share of all firms (generic-prose.ts `isTradeHabit`) is no
 * figure of the company's — unless the sentence names the company or one of its own (« chez Vallon, les
 * clients paient en général à 60 jours »).
 */
function tradeHabit(folded: string, names: ReadonlySet<string>): boolean {
  return isTradeHabit(folded) && !namesIn(folded, names);
}

/** The folded text names one of the dossier's own names. */
function namesIn(folded: string, names: ReadonlySet<string>): boolean {
  for (const word of folded.match(/[\p{L}\p{N}&-]{3,}/gu) ?? []) if (names.has(word)) return true;
  return false;
}

/** The folded text names a notion or a method of the lexicon (« la veille », « le SWOT »). */
function isConceptSubject(folded: string): boolean {
  return findConcepts(folded, 'fr').length > 0 || findConcepts(folded, 'en').length > 0;
}

/** Statements of a section that must be about the company for the section to be the company's (count, share). */
export const COMPANY_SECTION = { statements: 2, share: 0.5 } as const;

/**
 * The section speaks of the company: at least `COMPANY_SECTION.statements` of its statements, and at least
 * half of them, are applied (a figure, one of the dossier's names, the candidate's voice). `applied` and
 * `statement` are per sentence of the section, in order.
 */
export function isCompanySection(applied: readonly boolean[], statement: readonly boolean[]): boolean {
  let statements = 0;
  let about = 0;
  statement.forEach((s, i) => {
    if (!s) return;
    statements++;
    if (applied[i]) about++;
  });
  return about >= COMPANY_SECTION.statements && about >= COMPANY_SECTION.share * statements;
}

/** A statement about any member of a class: it opens on an indefinite article (« Un risque est… », « A manager must… »). */
const INDEFINITE_SUBJECT = /^(?:un|une|a|an)\s/u;

/**
 * A statement naming one of the criterion's core notions in a section about the company is about the company
 * (issue #16: strong drafts in plain words). « Le portefeuille a été construit par le fondateur, surtout par le
 * bouche-à-oreille », between the company's client groups and their figures, is this company's portfolio, not
 * a textbook's: a plain-worded draft names the notion once, in a sentence that need not repeat the company's
 * name. What stays textbook prose wherever it stands: a definition, a rule of the trade or a statistic about
 * firms in general; a statement about any member of a class (« Un risque est un événement incertain… »); what
 * an author says (« Selon Porter, il existe trois stratégies génériques » — a named source and no company
 * name: the course, not the case). And a section of generalities with a name dropped in here and there is not
 * the company's (most of its statements must be about it: `isCompanySection`). `folded` is the sentence folded.
 */
export function namesNotionInCompanySection(
  folded: string,
  sentence: { namesNotion: boolean; strongSources: number },
  companySection: boolean,
  names: ReadonlySet<string>,
): boolean {
  return (
    sentence.namesNotion &&
    companySection &&
    sentence.strongSources === 0 &&
    !INDEFINITE_SUBJECT.test(folded.trimStart()) &&
    !isTextbookProse(folded, names) &&
    !isGeneralStatistic(folded)
  );
}
