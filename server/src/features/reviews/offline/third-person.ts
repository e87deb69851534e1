/**
 * The company's own account told in the third person (issue #16, branch grader-voice-16): « Vidal Primeurs est un
 * grossiste installé à Montpellier. Elle livre restaurants et hôtels avec huit camions », « L'entreprise n'entre pas
 * dans le champ de la CSRD », « Son dirigeant a demandé cet audit en septembre ». applied.ts reads a statement as
 * the company's by a figure, one of its names or the candidate's « nous » / « je »; a candidate who writes about
 * the company as a reporter names it once per paragraph and then says « elle », « l'entreprise », « son
 * dirigeant ». Those statements were read as a course's, so a third-person draft stayed under the company bar
 * (passage-reading.ts `companyDraft`, 60 % of its prose about the company: unseen strong drafts at 0.45–0.59) and
 * its dated, decided case (terse-case.ts) was never read either.
 *
 * What is read here is how a statement refers to the company, never words of one draft:
 * - a subject pronoun (« elle », « il », « elles », « ils ») right after a statement that opened on the company's
 *   name or on a reference to it (its antecedent): « Vidal Primeurs est un grossiste… Elle livre… ». After a
 *   statement about anything else (« Le marché progresse. Il… », « Le directeur du client… Il… ») the pronoun is
 *   not read; the impersonal « il » (« il faut », « il existe ») never is.
 * - a definite reference to the firm (« l'entreprise », « la société », « la PME ») or to its own people (« le
 *   dirigeant », « la direction », « l'équipe », « son directeur », « ses commerciaux ») at the head of the
 *   statement. « Le directeur », « l'acheteuse » alone may be a client's (a negotiation's « l'acheteuse a
 *   refusé » was read as the company's act until they were left out). An indefinite reference (« une
 *   entreprise ») is any firm's.
 * The caller (passage-reading.ts) adds: a fact, not a modal nor a conditional (« l'entreprise doit »), a
 * definition, advice, a statistic about firms or a law's or the market's act; and it reads these statements as
 * the company's only in a draft about it (`companyDraft`, where they and the terse statements now count). In a
 * course « L'entreprise est connue pour son sérieux » stays a generality: reading it as the company's everywhere
 * lifted the weak b1-diagnostics-strategiques/weak 0.60 → 1.10 in an earlier try. Folded text.
 *
 * Measured (tuning and pending fresh-9 … fresh-23, with the name reading of applied.ts `subjectNames` and the
 * terse statements counted in `companyDraft`): refractaires 2.38 → 3.13 (gold 3.12), dyeing 2.57 → 3.29 (3.14),
 * terreaux 2.17 → 2.83 (3.50), oleicole 1.78 → 2.22 (3.00); no weak draft moved; the partial boardgames 1.90 →
 * 2.30 (gold 1.80: « l'entreprise a fait le choix d'une spécialisation », then the draft's level).
 */

const A = '(?![\\p{L}\\p{N}])';

/** An adverbial before the subject (« En 2024, », « Depuis janvier, »), and a list's bullet. */
const FRONTED = '^[\\s\\-*•–]*(?:[^,;:.]{1,40},\\s*)?';

/** The impersonal « il » (« il faut », « il existe », « il s'agit », « il est important »): no one's act. */
const IMPERSONAL = `il (?:faut|fallait|faudra|faudrait|a fallu|existe|existait|y a|y avait|s'agit|s'agissait|est|etait|sera|serait|reste|restait|suffit|suffisait|semble|semblait|convient|vaut|apparait|arrive|manque|importe|devient)${A}`;

/** A subject pronoun at the head of the statement, the impersonal « il » left out. */
const PRONOUN_HEAD = new RegExp(`${FRONTED}(?!${IMPERSONAL})(?:elles?|ils?)${A}`, 'u');

/** The firm as a whole, named by a definite noun (« l'entreprise », « la société », « la PME »). */
const FIRM =
  "(?:l'entreprise|la societe|la pme|la tpe|la maison|la cooperative|l'enseigne|la compagnie|le groupe|la marque|l'atelier|l'usine|la structure|l'exploitation|le cabinet|l'agence|la scop)";
/**
 * Its own people: its head (« le dirigeant », « la gérante », « la direction »), its staff as a whole (« les
 * salariés », « l'équipe »), or anyone introduced by a possessive whose owner is the firm (« ses commerciaux »,
 * « son directeur commercial »). « Le directeur », « la responsable », « l'acheteuse » alone may be a client's: a
 * negotiation draft's « l'acheteuse a refusé » is the other side's act.
 */
const PEOPLE =
  "(?:(?:le|la|les|l')\\s?(?:dirigeante?s?|gerante?s?|fondat(?:eur|rice)s?|pdg|patronne?|direction|encadrement|salariee?s|equipes?)|(?:son|sa|ses)\\s\\p{L}+)";
/** A definite reference to the firm or its people at the head of the statement. */
const DEFINITE_HEAD = new RegExp(`${FRONTED}(?:${FIRM}|${PEOPLE})${A}`, 'u');

/** The statement opens on a subject pronoun that is not the impersonal « il ». */
export function opensOnPronoun(folded: string): boolean {
  return PRONOUN_HEAD.test(folded.replace(/’/g, "'"));
}

/** The statement opens on a definite reference to the firm or one of its people (see the header). */
export function opensOnCompanyReference(folded: string): boolean {
  return DEFINITE_HEAD.test(folded.replace(/’/g, "'"));
}

/** The word a statement opens on, after any fronted adverbial (compiled once: read for every statement). */
const WORD_HEAD = new RegExp(`${FRONTED}([\\p{L}\\p{N}&-]{3,})`, 'u');

/** The statement opens on one of the dossier's names (« Vidal Primeurs est un grossiste… »). */
export function opensOnName(folded: string, names: ReadonlySet<string>): boolean {
  const head = WORD_HEAD.exec(folded);
  return head !== null && names.has(head[1] ?? '');
}
