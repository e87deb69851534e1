/**
 * Table rows among a passage's sentences. Every reader writes a table row as its cells joined by « | » on one
 * line (Markdown, DOCX and PDF alike), and the sentence splitter keeps one row per sentence. A run of rows on
 * consecutive lines is one table; its first row is the header, which names what the rows are about
 * (« Cible | Canal choisi | Pourquoi | Résultat »).
 */
import type { SentenceSpan } from './sentences';

/** Cells are joined with this by the readers (ingest/docx.ts, ingest/pdf-lines.ts, Markdown tables). */
const CELL_SEPARATOR = ' | ';

/** A row states something once it holds this many words over its cells (« Hôtels | 31 | 540 k€ | 23 % »). */
export const MIN_ROW_WORDS = 4;

export function isTableRow(text: string): boolean {
  return text.includes(CELL_SEPARATOR);
}

/** A cell that says something in words, not a label or a figure: this many words (two letters or more). */
const PHRASE_CELL_WORDS = 5;
/** A row reasons when this many of its cells are phrases… */
const PHRASE_CELLS_IN_REASONED_ROW = 2;
/** …and all its cells together hold this many words of letters (« prix moyen (75 cl) | 4,90 € en grande surface, 7,50 € chez les cavistes » does not). */
const REASONED_ROW_WORDS = 14;

/**
 * A row that reasons (issue #16): at least two of its cells are phrases (« signer 35 contrats de flotte de 10
 * vélos en moyenne » | « une offre de location longue durée avec entretien compris »), so the row ties a fact or an objective to what it means or what is done about it, the way an
 * action plan, a target grid or a persona table does. A row of labels and figures (« cavistes | 64 | 0,6 M€ | +21 % ») states facts without
 * reasoning on them: a dashboard.
 */
export function isReasonedRow(text: string): boolean {
  if (!isTableRow(text)) return false;
  let phrases = 0;
  let total = 0;
  for (const cell of text.split(CELL_SEPARATOR)) {
    // Words of two letters or more: a unit (« 1,5 l », « 3 k ») is not a word of reasoning.
    const words = (cell.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length >= 2).length;
    total += words;
    if (words >= PHRASE_CELL_WORDS) phrases++;
  }
  return phrases >= PHRASE_CELLS_IN_REASONED_ROW && total >= REASONED_ROW_WORDS;
}

/**
 * For each sentence, the index of its table's header row, or -1 when the sentence is not a body row of a
 * table (prose, a lone row, or the header itself). Rows belong to the same table while only a line break
 * separates them.
 */
export function tableHeaders(sentences: readonly SentenceSpan[], passageText: string): number[] {
  const out: number[] = [];
  let header = -1;
  sentences.forEach((sentence, i) => {
    const prev = sentences[i - 1];
    const gap = prev === undefined ? '' : passageText.slice(prev.end, sentence.start);
    const adjacent = prev !== undefined && gap.trim() === '' && (gap.match(/\n/g)?.length ?? 0) <= 1;
    if (!isTableRow(sentence.text)) {
      header = -1;
      out.push(-1);
      return;
    }
    if (header === -1 || !adjacent || !isTableRow(prev.text)) {
      header = i;
      out.push(-1);
      return;
    }
    out.push(header);
  });
  return out;
}

/** Folded first cells that say a table lists its sources (« Source », « Origine des données », « References »). */
const SOURCE_COLUMN =
  /^(sources?|origine( des (donnees|informations|chiffres))?|d'ou (vient|viennent) (l'information|les chiffres)|references?)$/;

/**
 * A header whose first column names the sources (« Source | Ce que j'y prends | Date | Confiance »): each row
 * below it names where a piece of information comes from — a named source, as « selon l'INSEE » is in prose
 * (issue #16: plain drafts list their sources in a table instead of citing them in sentences). Folded text.
 */
export function isSourceListHeader(folded: string): boolean {
  const first = folded.split(CELL_SEPARATOR)[0]?.trim() ?? '';
  return SOURCE_COLUMN.test(first);
}

/**
 * Folded header cells that define what a row names (« Définition », « Mode de calcul », « Ce qu'il mesure »). Not
 * « Description »: an action plan's « Action | Description | Responsable » describes the company's own actions.
 */
const DEFINITION_COLUMN =
  /^(definitions?|signification|ce que c'est|ce qu'(il|elle) mesure|ce que mesure l'indicateur|(mode de )?calcul|formules?|meaning|formulas?|what it measures)$/;
/**
 * Folded header cells that hold the company's own values or organisation: a year, a target, a result, a figure
 * of its own, who measures it and how often (« 2024 », « Objectif 2025 », « Réalisé », « Notre taux », « Chez
 * nous », « Responsable », « Fréquence »): the company's steering, defined or not.
 */
const OWN_VALUE_COLUMN =
  /(?<![\p{L}\p{N}])((19|20)\d\d|objectifs?|cibles?|realises?|resultats?|reels?|constates?|actuels?|notre|nos|chez nous|ecarts?|responsables?|qui|frequences?|periodicites?|targets?|actual|results?|our|owners?|frequency)(?![\p{L}\p{N}])/u;

/**
 * A glossary's header (issue #16: a weak dashboard draft's table « Indicateur | Définition | Mode de calcul |
 * Repère du secteur » lifted seven criteria to 3): a column defines what each row names and none holds the
 * company's own values. Its rows are a lesson's definitions, with the sector's ranges for figures, not the
 * company's measures. Folded text.
 */
export function isGlossaryHeader(folded: string): boolean {
  const cells = folded.split(CELL_SEPARATOR).map((c) => c.trim());
  return cells.some((c) => DEFINITION_COLUMN.test(c)) && !cells.some((c) => OWN_VALUE_COLUMN.test(c));
}

/** A cell that is a figure and nothing else (« 3,5 », « +21 % », « 540 k€ », « –2,0 % », « 15 900 »). */
const FIGURE_CELL = /^[\s+\-–−]*\d[\d\s.,]*\s*(?:%|‰|€|k€|m€|md€|\$|pts?|points?|x)?\s*$/iu;
/** A row is a row of figures when this many of its cells are bare figures. */
const FIGURE_CELLS_IN_DATA_ROW = 2;

/**
 * A row of figures (issue #16, the figure-dense weak draft): at least two of its cells are bare figures
 * (« Marché des biscuits (Md€) | 3,2 | 3,3 | 3,5 | Xerfi 2023 »). Such a row is a dashboard's, whether or not a
 * cell says where its figures come from: the source documents the data, it does not analyse it. A table listing
 * the sources themselves (« Institutionnel | INSEE, Eurostat | Taille du marché ») has no figure cells.
 */
export function isFigureRow(text: string): boolean {
  if (!isTableRow(text)) return false;
  const cells = text.split(CELL_SEPARATOR).map((cell) => cell.replace(/^\|\s*|\s*\|$/g, ''));
  return cells.filter((cell) => FIGURE_CELL.test(cell)).length >= FIGURE_CELLS_IN_DATA_ROW;
}
