/**
 * The parts of a described method named by the statements about the company (canvas.ts, watch.ts, cowork.ts): a
 * criterion that asks for a method or a synthesis is credited by the parts such a description must contain, each
 * matched on folded text (lower case, no accents).
 */
import type { Candidate } from './candidates';

/** One pattern per part of the method, on folded text. */
export type PartPatterns = Readonly<Record<string, RegExp>>;

/** The parts one folded sentence names. */
export function partsIn(folded: string, parts: PartPatterns): string[] {
  return Object.keys(parts).filter((part) => parts[part].test(folded));
}

/** The statements about the company among the relevant candidates (applied to its case, not headings). */
export function companyStatements(relevant: readonly Candidate[]): Candidate[] {
  return relevant.filter((c) => c.applied && c.statement);
}

/** The parts named across the statements about the company. */
export function partsNamed(relevant: readonly Candidate[], parts: PartPatterns): Set<string> {
  const named = new Set<string>();
  for (const c of companyStatements(relevant))
    for (const part of partsIn(c.facts.folded, parts)) named.add(part);
  return named;
}
