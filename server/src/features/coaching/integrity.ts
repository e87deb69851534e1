/**
 * The coach's integrity rule: it helps the candidate think and structure; it never writes the dossier.
 *
 * Requests to draft part of the dossier (« rédige l'introduction », « écris à ma place », « write my
 * section », « donne-moi le texte complet de… ») are detected here, before any model sees them, and answered
 * with guidance and questions in both modes. The model's system prompt forbids drafting as well, so a request
 * phrased in a way this detector misses still meets the same rule.
 */
import { fold } from '../../lib/text';

/** The policy, for the UI to show beside the coach (French). */
export const COACH_POLICY_FR =
  "Le coach vous aide à réfléchir et à structurer votre dossier : il explique ce que le jury attend, s'appuie sur vos propres pages et vous pose des questions. Il ne rédige aucune partie du dossier à votre place : le dossier doit rester votre travail personnel, que vous défendrez seul devant le jury.";

/** The policy, in English. */
export const COACH_POLICY_EN =
  'The coach helps you think about and structure your dossier: it explains what the jury expects, works from your own pages and asks you questions. It does not write any part of the dossier for you: the dossier must remain your own work, which you will defend alone before the jury.';

/** What was detected in a message. */
export interface GhostwritingCheck {
  /** True when the message asks the coach to write (part of) the dossier. */
  ghostwriting: boolean;
  /** The part asked for, as the candidate named it (« l'introduction », « my section »), when found. */
  target?: string;
}

// All patterns run on `fold(message)`: lower case, no accents, typographic apostrophes and dashes unified.

const ARTICLE =
  "(?:l'|la |le |les |ma |mon |mes |une |un |des |cette |ce |toute la |tout le |notre |nos |vos |votre )";

/** Parts of a dossier, and documents of it, that a candidate might ask to have written. */
const FR_PART =
  "(?:(?:premiere|deuxieme|seconde|troisieme|derniere) )?(?:partie|parties|section|sections|introduction|intro|conclusion|paragraphe|paragraphes|chapitre|chapitres|dossier|texte|swot|pestel|analyse|analyses|diagnostic|diagnostics|synthese|lettre(?: de motivation)?|cv|plan d'actions?|business plan|argumentaire|problematique|preconisations|rapport|memoire|annexe|annexes|reponse a l'appel d'offres?|resume)";
const FR_TARGET = `(?:${ARTICLE}?${FR_PART})`;

const EN_PART =
  '(?:section|sections|introduction|intro|conclusion|paragraph|paragraphs|chapter|dossier|report|essay|text|cv|resume|cover letter|letter|part|analysis|swot|pestel|summary|business plan|action plan)';
const EN_TARGET = `(?:(?:my|the|a|an|this|our|whole|entire|full|complete) )*${EN_PART}`;

/** Verbs that only mean writing: a part of the dossier a few words later makes a drafting request. */
const FR_WRITE =
  '(?:redige|rediges|redigez|rediger|ecris|ecrives|ecrivez|ecrire|reecris|reecrives|reecrivez|reecrire|genere|generes|generez|generer|produis|produises|produisez|produire|compose|composes|composez|composer|reformule|reformules|reformulez|reformuler)';
const EN_WRITE = '(?:write|rewrite|draft|compose|generate|produce)';
/** Verbs that mean writing only with their object right after (« fais la partie 2 », « do my SWOT »). */
const FR_DO =
  '(?:fais|fasses|faites|faire|complete|completes|completez|completer|termine|termines|terminez|terminer)';
const EN_DO = '(?:do|complete|finish)';

/** « fais-moi », « rédige-la », « fais moi », « write me »: never a bare article, which belongs to the part. */
const PRONOUN = '(?: ?-(?:moi|nous|la|le|les|lui)| (?:moi|nous|me|us|it))?';

const STRONG = new RegExp(
  `\\b(?:${FR_WRITE}|${EN_WRITE})${PRONOUN}\\b([^.?!\\n]{0,40}?)\\b(${FR_TARGET}|${EN_TARGET})\\b`,
);
const WEAK = new RegExp(`\\b(?:${FR_DO}|${EN_DO})${PRONOUN} (${FR_TARGET}|${EN_TARGET})\\b`);

/** Between the verb and the part: words showing the candidate asks for feedback or structure, not text. */
const FEEDBACK =
  /\b(?:avis|ce que (?:tu penses|vous pensez)|retours?|remarques?|commentaires?|liste|questions?|conseils?|pistes?|critiques?|points? (?:faibles?|forts?|a ameliorer)|plan(?! d'action)|feedback|opinion|comments?|tips?|outline)\b/;

/** Writing in the candidate's place, whatever the object. */
const IN_MY_PLACE = new RegExp(
  `\\b(?:${FR_WRITE}|${FR_DO}|${EN_WRITE}|${EN_DO})\\b[^.?!\\n]{0,60}?(?:a ma place|a notre place|pour moi|for me|on my behalf|instead of me)\\b`,
);

/** Asking to be handed finished text. */
const FULL_TEXT =
  /\b(?:donne|donnez|donner|envoie|envoyez|fournis|fournissez|propose|proposez|give|send|provide)(?: ?-? ?(?:moi|nous)| (?:me|us))?\b[^.?!\n]{0,40}?\b(?:texte (?:complet|integral|entier|final|definitif|redige)|version (?:complete|redigee|finale)|redaction complete|full text|complete text|finished text|ready ?-? ?to ?-? ?(?:paste|use) text)\b/;

const COPY_PASTE = /\b(?:copier ?-? ?coller|pret a (?:coller|copier|rendre)|copy ?-? ?paste)\b/;

/** « Donne-moi une introduction pour mon dossier »: being handed a part is drafting too. */
const GIVE_PART =
  /\b(?:donne|donnez|envoie|envoyez|fournis|fournissez|give|send)(?: ?-? ?(?:moi|nous)| (?:me|us)) ((?:une |un |la |le |l'|ma |mon |an |a |my |the )?(?:introduction|conclusion|paragraphe|partie|section|paragraph|cover letter|lettre de motivation))\b/;

/**
 * Questions about *how* to write are welcome (« comment rédiger l'introduction ? », « dois-je rédiger
 * la conclusion en dernier ? »): the verb is what they ask about, not what they ask for.
 */
const ASKS_HOW =
  /\b(?:comment|quand|pourquoi|dois ?-? ?je|faut ?-? ?il|est ?-? ?ce que je dois|puis ?-? ?je|conseils? pour|astuces? pour|methode pour|how (?:do|should|can|to)|when should|should i|can i|tips? (?:for|on))\b/;

/** A modal that hands the writing itself to the coach (« comment pourrais-tu rédiger… », « can you write… »). */
const MODAL_WRITE = new RegExp(
  `\\b(?:tu pourrais|pourrais ?-? ?tu|peux ?-? ?tu|pouvez ?-? ?vous|pourriez ?-? ?vous|tu peux|vous pouvez|je veux que tu|j'aimerais que tu|je voudrais que tu|could you|can you|would you)(?: me| nous| m'| l')? ?(?:${FR_WRITE}|${FR_DO}|${EN_WRITE}|${EN_DO})\\b`,
);

/** Words that may follow a part's name and belong to it (« la partie 2 », « la partie SWOT », « sur la concurrence »). */
const QUALIFIER =
  /^(?: (?:\d{1,2}|[ivx]{1,4}))?(?: (?:swot|pestel|bcg|porter|rse|esg|marketing|commerciale?|strategique|concurrence|marche|financiere))?(?: (?:sur|consacree a|dediee a|de la|du|des) (?:la |le |les |l')?[a-z]+)?/;

/** A message folded like `fold`, whitespace collapsed, with the original offset of every folded character. */
function foldWithOffsets(message: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of message) {
    const folded = /\s/.test(ch) ? ' ' : fold(ch);
    for (const c of folded) {
      if (c === ' ' && (text === '' || text.endsWith(' '))) continue;
      text += c;
      origin.push(offset);
    }
    offset += ch.length;
  }
  return { text, origin };
}

/**
 * Detects a request to write (part of) the dossier. Deterministic and conservative on « how » questions and
 * requests for feedback: « comment rédiger l'introduction ? » and « écris-moi tes remarques sur ma
 * conclusion » are guidance; « peux-tu rédiger l'introduction ? » is not. The part asked for is returned in
 * the candidate's own wording.
 */
export function detectGhostwriting(message: string): GhostwritingCheck {
  const { text, origin } = foldWithOffsets(message);
  /** The part starting at folded offset `start`, with its qualifier, as the candidate wrote it. */
  const target = (start: number, folded: string): GhostwritingCheck => {
    const end = start + folded.length + (QUALIFIER.exec(text.slice(start + folded.length))?.[0].length ?? 0);
    const from = origin[start];
    const to = end < origin.length ? origin[end] : message.length;
    return { ghostwriting: true, target: message.slice(from, to).trim() };
  };
  const anywhere = (): GhostwritingCheck => {
    // « le texte complet de la partie SWOT »: the part named says more than « le texte ».
    const found = [...text.matchAll(new RegExp(TARGET_ONLY.source, 'g'))];
    const best = found.find((m) => !/\btexte?\b/.test(m[1])) ?? found[0];
    return best ? target(best.index + best[0].indexOf(best[1]), best[1]) : { ghostwriting: true };
  };
  if (IN_MY_PLACE.test(text) || FULL_TEXT.test(text) || COPY_PASTE.test(text)) return anywhere();
  const asksHow = ASKS_HOW.test(text) && !MODAL_WRITE.test(text);
  if (asksHow) return { ghostwriting: false };
  for (const regex of [GIVE_PART, WEAK]) {
    const match = regex.exec(text);
    if (match) return target(match.index + match[0].lastIndexOf(match[1]), match[1]);
  }
  for (const match of text.matchAll(new RegExp(STRONG.source, 'g'))) {
    if (!FEEDBACK.test(match[1])) return target(match.index + match[0].lastIndexOf(match[2]), match[2]);
  }
  return { ghostwriting: false };
}

const TARGET_ONLY = new RegExp(`\\b(${FR_TARGET}|${EN_TARGET})\\b`);
