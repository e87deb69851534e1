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
