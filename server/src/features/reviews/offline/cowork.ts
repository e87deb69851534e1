/**
 * A method of working with the other departments described about the company (issue #16, far misses on strong
 * drafts).
 *
 * « La méthodologie de collaboration avec les autres services est expliquée » asks how the work is shared: a jury
 * credits it when the draft says where the departments meet (a committee, a meeting), how often (the first Monday
 * of the month, every week), who sits there (the workshop, accounting, purchasing…) and which rule binds them (a
 * validation, a signature, what each one brings). Strong plain-worded drafts describe exactly that (« le projet est
 * piloté par un comité qui se réunit le premier lundi du mois : la gérante, le chef d'atelier, la comptable… »,
 * « chacun y apporte un chiffre ») without a connective, and the analyzer read them 1–2 where the jury gave 3.
 *
 * The rule: statements about the company relevant to the criterion name all `parts` parts of the method (meeting,
 * rhythm, departments, rule): the method is explained (3, canvas.ts `canvasScore`). Only the criterion whose first
 * core notion is the coordination with the other departments reads it (analyzer.ts).
 *
 * Measured before choosing it, on the tuning part and `evals/pending/` (381 drafts, on top of canvas.ts and
 * watch.ts): with the four parts, eight strong drafts' collaboration criterion moved to 3 (three from 1), all rated 3
 * by their jury, and twelve more of their criteria followed through the draft's level (analyzer.ts `draftLevel`),
 * all toward gold 3; no partial or weak draft moved. With three parts two partial drafts rose above their gold (1–2)
 * and a weak one 1 -> 2 at gold 1: the margin over partial drafts is one part.
 */
import type { Candidate } from './candidates';
import { type PartPatterns, partsIn, partsNamed } from './described-parts';

/** Parts of the method the statements must name. */
export const COWORK = { parts: 4 } as const;

/** The parts of a method of collaboration, matched on folded text (lower case, no accents). */
const PARTS: PartPatterns = {
  meeting: /\b(?:reunions?|comite|point (?:hebdomadaire|mensuel|commun)|rituel|se reunit|se retrouvent)\b/,
  rhythm:
    /\b(?:chaque (?:lundi|mardi|mercredi|jeudi|vendredi|semaine|mois|jour|matin|trimestre)|premier (?:lundi|mardi|jeudi|vendredi) du mois|hebdomadaires?|mensuel(?:le)?s?|quotidien(?:ne)?s?|une fois par (?:semaine|mois|trimestre)|tous les (?:lundis|mois|quinze jours|trimestres))\b/,
  departments:
    /\b(?:atelier|comptab\w+|production|achats|logistique|bureau d'etudes|adv|service (?:client|technique|marketing|achats|financier))\b/,
  rule: /\b(?:regle|valid\w+|sign\w+|procedure|circuit|chacun (?:y )?apporte|responsable de)\b/,
};

/** The parts of the method one sentence names. */
export function coworkParts(folded: string): string[] {
  return partsIn(folded, PARTS);
}

/** Whether the statements about the company name every part of the method (`COWORK.parts`). */
export function describesCowork(relevant: readonly Candidate[]): boolean {
  return partsNamed(relevant, PARTS).size >= COWORK.parts;
}
