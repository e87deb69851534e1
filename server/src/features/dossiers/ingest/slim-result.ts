import type { IngestedDocument } from './ingest';

/**
 * An ingested document as it crosses from the parse child to the API process: the page and passage texts
 * that are slices of `doc.text` stay behind, and the flags say which were left out.
 */
export type SlimResult<T extends IngestedDocument> = T & { omitted: { pages: boolean; passages: boolean } };

/**
 * Leaves out of `result` the texts the API can rebuild from `doc.text` (issue #17): each page's text is
 * `doc.text` between its page offsets (how the pages are joined) and each passage's text `doc.text` from
 * its `charStart` to its `charEnd` (how the passages are cut). Deserialising them on the event loop was
 * two more copies of the dossier, thousands of strings; slices of the text cost almost nothing. Checked
 * here, where the work is off the event loop: a list is left out only when every text matches.
 */
export function slimResult<T extends IngestedDocument>(result: T): SlimResult<T> {
  const { doc } = result;
  const pages =
    doc.pages.length === doc.pageOffsets.length &&
    doc.pages.every((p, i) => p.text === doc.text.slice(doc.pageOffsets[i].start, doc.pageOffsets[i].end));
  const passages = result.passages.every((p) => p.text === doc.text.slice(p.charStart, p.charEnd));
  return {
    ...result,
    doc: pages ? { ...doc, pages: doc.pages.map((p) => ({ ...p, text: '' })) } : doc,
    passages: passages ? result.passages.map((p) => ({ ...p, text: '' })) : result.passages,
    omitted: { pages, passages },
  };
}

/** The other side of `slimResult`: the texts left out, back as slices of `doc.text`. */
export function fullResult<T extends IngestedDocument>(slim: SlimResult<T>): T {
  const { omitted, ...result } = slim;
  const { doc } = result;
  if (omitted.pages) {
    doc.pages.forEach((p, i) => {
      p.text = doc.text.slice(doc.pageOffsets[i].start, doc.pageOffsets[i].end);
    });
  }
  if (omitted.passages) {
    for (const p of result.passages) p.text = doc.text.slice(p.charStart, p.charEnd);
  }
  return result as unknown as T;
}
