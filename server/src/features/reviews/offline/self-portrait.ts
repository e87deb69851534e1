/**
 * A self-portrait is not an experience (issue #16): « I am open-minded and adaptable », « I adapt easily to new
 * situations », « je suis dynamique, curieux et rigoureux ». A candidate's qualities, stated in the first person,
 * use the candidate's voice, which applied.ts otherwise reads as the case reported; a jury asks for the
 * experience behind them — a date, a place, a figure, a result — and credits none without it.
 */

/** Qualities a candidate claims (folded, English and French). */
const QUALITY =
  "(?:open[- ]minded(?:ness)?|adaptab(?:le|ility)|adapt(?:s)? easily|flexib(?:le|ility)|curious|curiosity|motivated|motivation|dynamic|rigorous|rigou?r|tolerant|tolerance|empath(?:y|etic)|patient|patience|autonomous|autonomy|passionate|team (?:player|spirit)|teamwork|sociable|creative|creativity|hard[- ]working|ouvert(?:e)? d'esprit|ouverture d'esprit|adaptabilite|curieu(?:x|se)|motive(?:e)?|dynamique|rigoureu(?:x|se)|autonome|a l'ecoute|esprit d'equipe|sens du contact|polyvalent(?:e)?)";

/**
 * The candidate claiming a quality (folded): « I am (very) motivated », « I consider myself a flexible
 * person », « my adaptability », « I adapt easily », « je suis rigoureux ». A quality met elsewhere in a first-person
 * sentence (« I understood that this was not a lack of flexibility ») is what an experience taught, not a claim.
 */
const SELF_CLAIM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:i am|i'm|i consider myself|i (?:would )?be|to be|je suis|etre|je me (?:considere|definis)|my|mon|ma|mes)(?:[ ,]+(?:[\\p{L}'-]+|and|et)){0,4}?[ ,]+${QUALITY}|i (?:can )?adapt(?:ed)? (?:easily|quickly|well))(?![\\p{L}\\p{N}])`,
  'u',
);

/** The candidate speaking of themselves (folded). */
const FIRST_PERSON = /(?<![\p{L}\p{N}])(?:i|i'm|my|me|je|j'\p{L}+|mon|ma|mes|moi)(?![\p{L}\p{N}])/u;

/** What an experience has and a self-portrait lacks: a figure or a date (a citation's year aside). */
const SPECIFIC = /\d/;
const CITED_YEAR = /\(\s*(?:1[89]|20)\d\d\s*\)/g;

/**
 * The sentence is the candidate's self-portrait: first person, claiming at least one quality, with no figure
 * nor date. `named` says whether it names one of the dossier's own names (a place, an employer, a client): an
 * experience, which stays applied.
 */
export function isSelfPortrait(folded: string, named: boolean): boolean {
  return (
    !named &&
    FIRST_PERSON.test(folded) &&
    SELF_CLAIM.test(folded) &&
    !SPECIFIC.test(folded.replace(CITED_YEAR, ' '))
  );
}
