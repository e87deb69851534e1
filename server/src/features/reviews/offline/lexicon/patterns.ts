import { CONCEPT_IDS, CONCEPTS, type ConceptDefinition, type ConceptId } from './concepts.data';
import { indexText, STEM_LENGTH, type TextIndex } from './stems';
import type { MatchLanguage } from './types';

/**
 * Letters of folded or lower-cased text. Spelled out rather than `\p{L}`: Unicode property classes make
 * each of the hundred concept regexes slow to compile, and the texts matched are Latin once folded.
 */
const LETTERS = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f';
const WORD_CHARS = `${LETTERS}0-9`;

/** Translates the lexicon's pattern syntax (see the module comment) to a regular expression source. */
export function termSource(term: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === '\\') {
      out += ch + (term[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ' ') {
      if (term[i + 1] === '?') {
        out += '[\\s\\-]*';
        i++;
      } else {
        out += '[\\s\\-]+';
      }
    } else if (ch === "'") {
      out += "\\s?'\\s?";
    } else if (ch === '*') {
      out += `[${LETTERS}]*`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** One regular expression for a list of terms, bounded by non-letters on both sides. Global: use with `matchAll`/`search`. */
export function compileTerms(terms: readonly string[]): RegExp {
  const body = terms.map(termSource).join('|');
  return new RegExp(`(?<![${WORD_CHARS}])(?:${body})(?![${WORD_CHARS}])`, 'g');
}

/** Splits a pattern on `|` outside parentheses and brackets. */
function topLevelAlternatives(term: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(term.slice(from, i));
      from = i + 1;
    }
  }
  out.push(term.slice(from));
  return out;
}

function closingParen(term: string, open: number): number {
  let depth = 0;
  for (let i = open; i < term.length; i++) {
    if (term[i] === '\\') i++;
    else if (term[i] === '(') depth++;
    else if (term[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Literal word starts every match of a pattern must begin with (matches start at a word boundary), truncated
 * to `STEM_LENGTH`; null when a pattern cannot be anchored (it then always runs). `parties? prenantes?` →
 * `partie`; `(5|cinq) forces` → `5`, `cinq`.
 */
export function termAnchors(term: string): string[] | null {
  const alternatives = topLevelAlternatives(term);
  if (alternatives.length > 1) {
    const all = alternatives.map(termAnchors);
    return all.some((a) => a === null) ? null : (all.flat() as string[]);
  }
  let run = '';
  let i = 0;
  while (i < term.length && /[a-z0-9]/.test(term[i])) run += term[i++];
  if (run) {
    if (term[i] === '?' || term[i] === '{') run = run.slice(0, -1);
    return run ? [run.slice(0, STEM_LENGTH)] : null;
  }
  if (term[0] === '(' && term[1] !== '?') {
    const close = closingParen(term, 0);
    if (close < 0 || /[?*{]/.test(term[close + 1] ?? '')) return null;
    return termAnchors(term.slice(1, close));
  }
  return null;
}

/** A concept ready to match folded text in one language. */
export interface CompiledConcept {
  id: ConceptId;
  regex: RegExp;
  /** Groups of a co-occurrence rule (e.g. the six PESTEL factors) and how many must appear together. */
  cooccur: { min: number; groups: RegExp[] } | null;
  /** Word starts one of which must be in a text for the concept to be there; null: always try. */
  anchors: readonly string[] | null;
}

const compiledConcepts = new Map<MatchLanguage, readonly CompiledConcept[]>();

/** All concepts compiled for a language (memoised: compiled once per process). English also matches French terms. */
export function compiledConceptList(lang: MatchLanguage): readonly CompiledConcept[] {
  const cached = compiledConcepts.get(lang);
  if (cached) return cached;
  const list = CONCEPT_IDS.map((id): CompiledConcept => {
    const def: ConceptDefinition = CONCEPTS[id];
    const terms = lang === 'en' ? [...def.fr, ...def.en] : [...def.fr];
    const groups = def.cooccur ? [...(lang === 'en' ? def.cooccur.en : def.cooccur.fr)] : [];
    const cooccur = def.cooccur
      ? { min: def.cooccur.min, groups: groups.map((group) => compileTerms([group])) }
      : null;
    const anchorLists = [...terms, ...groups].map(termAnchors);
    const anchors = anchorLists.some((a) => a === null) ? null : [...new Set(anchorLists.flat() as string[])];
    return { id, regex: compileTerms(terms), cooccur, anchors };
  });
  compiledConcepts.set(lang, list);
  return list;
}

/** A concept found in a text, with where (offsets in the folded text). */
export interface ConceptHit {
  id: ConceptId;
  spans: [number, number][];
}

/** Every concept present in a folded text, in `CONCEPT_IDS` order. */
export function findConcepts(
  folded: string,
  lang: MatchLanguage,
  index: TextIndex = indexText(folded),
): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (const concept of compiledConceptList(lang)) {
    // Cheap prefilter: most sentences contain none of a concept's words, and a set lookup beats a regex scan.
    if (concept.anchors && !concept.anchors.some((a) => index.prefixes.has(a))) continue;
    const spans: [number, number][] = [];
    for (const m of folded.matchAll(concept.regex)) {
      if (m[0].length > 0) spans.push([m.index, m.index + m[0].length]);
    }
    if (spans.length === 0 && concept.cooccur) {
      // Distinct groups, each counted once: « économique » three times is one PESTEL factor, not three.
      const found: [number, number][] = [];
      for (const group of concept.cooccur.groups) {
        const first = folded.matchAll(group).next();
        if (!first.done) found.push([first.value.index, first.value.index + first.value[0].length]);
      }
      if (found.length >= concept.cooccur.min) spans.push(...found.sort((a, b) => a[0] - b[0]));
    }
    if (spans.length > 0) hits.push({ id: concept.id, spans });
  }
  return hits;
}
