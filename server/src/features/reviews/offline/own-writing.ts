/**
 * Criteria about the dossier's own writing (issue #16): « La compréhension aboutit à une expression écrite et
 * orale en langue anglaise fluide ». A jury reads such a criterion on the dossier itself, not on sentences that
 * talk about the language: a report written in English from end to end is the evidence of written English, and
 * a line « English (fluent, C1) » in a CV is only a claim. Read through the lexicon alone, a strong dossier in
 * plain English scored 1 on it (nothing but the CV's language line named the notion) where its jury gave 3.
 *
 * So for such a criterion, when the dossier is written in the language the notion is about, every statement of
 * a section about the candidate's own case (applied.ts `isCompanySection`) is about the criterion, as the
 * sentences under a heading that names it are (candidates.ts): the usual bars then apply. A section of
 * generalities, however fluent, is no evidence that the candidate writes about their work in that language: the
 * first run on unseen drafts (branch cases-4b's English generic essay, `cosmetics`) took its collective « we »
 * and its school anecdote for the case and scored it 4 (gold 2) until sections were required to be the
 * company's. Within such sections only sentences about the case count as developed, and a dossier of tables
 * with little prose has few statements to show.
 */
import type { DossierText } from '../grade-schema';
import type { ConceptId, CriterionLexicon } from './lexicon';

/** Core notions about the dossier's own written expression, with the language (ISO 639-1) they are about. */
const WRITING_NOTIONS: ReadonlyMap<ConceptId, string> = new Map<ConceptId, string>([
  ['english_expression', 'en'],
]);

/**
 * The topic every statement of the dossier carries for this criterion: its writing notions that the dossier's
 * own language shows (detected at ingestion), or null when the criterion is not about the dossier's writing or
 * the dossier is written in another language (a French dossier shows no English).
 */
export function writingTopic(
  lexicon: CriterionLexicon,
  dossier: DossierText,
): { concepts: ConceptId[]; notions: number } | null {
  const language = (dossier.language ?? '').toLowerCase();
  const shown = lexicon.notions.filter((id) => {
    const lang = WRITING_NOTIONS.get(id);
    return lang !== undefined && language.startsWith(lang);
  });
  return shown.length > 0 ? { concepts: shown, notions: shown.length } : null;
}
