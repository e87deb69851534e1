/**
 * A situated experience (issue #16: « English reasons that are experiences rather than figures »): the
 * candidate tells what happened to them, where and with whom — « In Stockholm, our agent refused to call a buyer
 * on a Friday afternoon », « I lost my first Danish deal because I pushed for a decision ». In the intercultural
 * dossier a jury takes such a lived, located episode as the evidence behind a reason, as it takes a figure in a
 * sales analysis: it cannot be copied from a textbook.
 *
 * Read on English sentences only, where the signs are in the writing: a first person with a verb in the past
 * (« I learned », « we lost », « my team was ») and a capitalised word inside the sentence — a place, a people,
 * a person (English capitalises nationalities: « Danish », « Swedish »). French writes nationalities in lower
 * case and its first person in the past (« j'ai ») is common in generic prose; no French equivalent is read.
 */

/** First person, then within three words a past form (regular « -ed », or a common irregular verb). */
const PAST_FIRST_PERSON =
  /\b(?:I|[Ww]e|[Mm]y \w+|[Oo]ur \w+)\s+(?:\w+\s+){0,2}?(?:\w{2,}ed|was|were|had|lost|won|met|saw|made|took|went|found|learnt|sold|told|spent|wrote|chose|began|ran|got|kept|left|understood|thought|felt|brought|bought|built|came|gave|knew|said|sent)\b/;

/** A capitalised word after a lower-case word, a comma or a semicolon: not a sentence's first word. */
const NAMED = /(?<=[a-z,;] )(?!I\b)[A-Z][a-zA-Z'-]{2,}/;

/**
 * An episode of school life (« the German student wanted to plan everything », « a trip to Germany with my class »,
 * « a group project at school »): lived, but not the professional practice the intercultural dossier is about — a
 * jury reads it as an anecdote illustrating an essay, not as the evidence behind a manager's reasons (issue #16:
 * a generic essay's school anecdote backed three criteria at 2).
 */
const SCHOOL_EPISODE =
  /\b(?:students?|classmates?|my class|our class|at school|school (?:trip|project)|group project|exchange students?|teachers?|lecturers?|university project|during my studies)\b/i;

/** True when an English sentence tells a first-person past episode naming a place, a people or a person. */
export function isSituatedExperience(text: string): boolean {
  return PAST_FIRST_PERSON.test(text) && NAMED.test(text) && !SCHOOL_EPISODE.test(text);
}
