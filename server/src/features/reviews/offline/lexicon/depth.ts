import { lowerText } from './fold';
import { MARKERS, type MarkerKind, NOT_VERBS_ENT } from './markers.data';
import { compileTerms } from './patterns';
import type { MatchLanguage } from './types';

const compiledMarkers = new Map<MatchLanguage, Record<MarkerKind, RegExp>>();

function markerRegexes(lang: MatchLanguage): Record<MarkerKind, RegExp> {
  const cached = compiledMarkers.get(lang);
  if (cached) return cached;
  const build = (kind: MarkerKind) =>
    compileTerms(lang === 'en' ? [...MARKERS[kind].fr, ...MARKERS[kind].en] : [...MARKERS[kind].fr]);
  const compiled = {
    quantity: build('quantity'),
    date: build('date'),
    strongSource: build('strongSource'),
    weakSource: build('weakSource'),
    argument: build('argument'),
    analysis: build('analysis'),
    recommendation: build('recommendation'),
    verbs: build('verbs'),
  };
  compiledMarkers.set(lang, compiled);
  return compiled;
}

/** What a sentence shows about depth, independent of any criterion. */
export interface DepthSignals {
  /** Words (letters or digits runs). */
  words: number;
  /** Numbers with a unit, decimals, counts: the sentence is quantified. */
  quantities: number;
  /** Years and dated months: the sentence is dated, which alone is not quantification. */
  dates: number;
  /** Named sources, URLs, « selon », years in parentheses. */
  strongSources: number;
  /** A kind of document (« une étude », « un rapport ») without naming it. */
  weakSources: number;
  /** Connectives of reasoning (« car », « donc », « ce qui », « because »). */
  argument: boolean;
  /** Analysis verbs (« montre », « révèle », « analysons »). */
  analysis: boolean;
  /** Recommendations (« nous préconisons », « plan d'action »). */
  recommendation: boolean;
  /** A finite verb or subject pronoun: the sentence says something rather than lists. */
  verb: boolean;
}

function count(text: string, regex: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(regex)) n++;
  return n;
}
/**
 * A finite verb or subject pronoun. The word list misses most French verbs, so third-person plurals in
 * « -ent » count too, except adverbs in « -ment » and the usual nouns and adjectives.
 */
function hasVerb(text: string, folded: string, m: Record<MarkerKind, RegExp>): boolean {
  if (lowerText(text).search(m.verbs) >= 0) return true;
  for (const w of folded.matchAll(/\p{L}{3,}ent(?![\p{L}\p{N}])/gu)) {
    const word = w[0];
    if (!word.endsWith('ment') && !NOT_VERBS_ENT.has(word)) return true;
  }
  return false;
}

/**
 * The draft naming itself (« this report », « in this essay », « ce rapport », « le présent dossier »): the
 * document the candidate is writing is not a study it cites, so its « report » is no unnamed source (issue #16:
 * « I have chosen to write this report about Aurelle Cosmetics » made a generic essay's opening « sourced »).
 * Folded text.
 */
const SELF_REFERENCE =
  /(?<![\p{L}\p{N}])(?:(?:this|the present) (?:report|essay|paper|document|dossier)|(?:ce|cet|le present|mon|notre) (?:rapport|dossier|document|memoire|devoir))(?![\p{L}\p{N}])/gu;

/** Section numbering (« 2.1 », « 3) ») is not a figure. */
const LEADING_NUMBERING = /^\s*(?:\d{1,2}[.)]){1,4}\d{0,2}\s/;

/**
 * Contact details: an e-mail address and a phone number (« +33 6 00 00 00 00 », « 06 12 34 56 78 »). A CV's
 * header line carries them, and they are neither a figure nor a source: the address's domain is not a page
 * cited, the phone's digits measure nothing. Counted as such, one identity line made every criterion of an
 * application « quantified and sourced » (branch grader-strong-4). A phone number is a national or international
 * prefix then four pairs of digits, so that a table row of figures (« 120 150 180 200 ») is never taken for one.
 */
const CONTACT_DETAILS =
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\p{L}\p{N}])(?:\+\d{1,3}[  .]?\d|0\d)(?:[  .-]?\d{2}){4}(?![\p{N}])/gu;

/** Depth markers of a sentence. `folded` is `fold(text)`, passed in because callers already have it. */
export function depthSignals(text: string, folded: string, lang: MatchLanguage): DepthSignals {
  const m = markerRegexes(lang);
  const measured = folded.replace(CONTACT_DETAILS, ' ');
  const body = measured.replace(LEADING_NUMBERING, ' ');
  return {
    words: count(folded, /[\p{L}\p{N}]+/gu),
    quantities: count(body, m.quantity),
    dates: count(body, m.date),
    strongSources: count(measured, m.strongSource),
    weakSources: count(folded.replace(SELF_REFERENCE, ' '), m.weakSource),
    argument: folded.search(m.argument) >= 0,
    analysis: folded.search(m.analysis) >= 0,
    recommendation: folded.search(m.recommendation) >= 0,
    verb: hasVerb(text, folded, m),
  };
}
