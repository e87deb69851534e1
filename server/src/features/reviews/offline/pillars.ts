/**
 * ESG criteria laid out by pillar (issue #16: strong RSE drafts in plain words). A jury reads objectives,
 * indicators or findings grouped under « environnement », « social » and « gouvernance » — the rows of a table
 * whose first cell is the pillar (« Environnement — carbone | 23 kg CO₂e par pièce »), list items opening on
 * it (« 1. environnement : baisser de 15 % le gaz… ») — as the ESG criteria applied to the company, although no
 * sentence writes « critères ESG ». One pillar alone is a topic (« social : … »), not the grid: at least two
 * different pillars must label lines of the same passage.
 */
import type { ConceptId } from './lexicon';

/** The lexicon's concept for the ESG criteria, which such a grid names. */
export const ESG_CONCEPT: ConceptId = 'esg';

/** A pillar's name as a line's label (folded, French or English). */
const PILLARS: readonly [string, RegExp][] = [
  ['e', /^(?:environnement(?:al|ale|aux)?|environment(?:al)?)$/u],
  ['s', /^(?:social|sociale|sociaux|societal|societale)$/u],
  ['g', /^(?:gouvernance|governance)$/u],
];

/** A label is short: « Environnement — carbone », « Social », not a sentence before a colon. */
const MAX_LABEL_WORDS = 4;

/** Pillars that must label lines of one passage for them to be read as the ESG grid. */
const MIN_PILLARS = 2;

/**
 * The pillar a line opens on as its label: the first cell of a table row, or the words before « — », « - » or
 * « : » at the start of a line (a list item's numbering aside). `folded` is the line folded.
 */
export function pillarLabel(folded: string): string | null {
  const line = folded.replace(/^[\s|*•–-]*(?:\d{1,2}[.)]\s*)?/u, '');
  const separator = /\s*(?:\||\s-\s|:)\s*/u.exec(line);
  if (!separator) return null;
  const label = line.slice(0, separator.index).trim().split(/\s+/u);
  if (label.length > MAX_LABEL_WORDS) return null;
  const head = label[0] ?? '';
  for (const [pillar, re] of PILLARS) if (re.test(head)) return pillar;
  return null;
}

/**
 * For each line of a passage (folded), whether it is a line of an ESG grid: labelled by a pillar, in a passage
 * where at least two different pillars label lines.
 */
export function esgGridLines(folded: readonly string[]): boolean[] {
  const labels = folded.map(pillarLabel);
  const distinct = new Set(labels.filter((l) => l !== null));
  return labels.map((l) => l !== null && distinct.size >= MIN_PILLARS);
}
