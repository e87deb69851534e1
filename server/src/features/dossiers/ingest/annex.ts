/**
 * « Annexes », « Annexe 1 : Organigramme », « ANNEXE A », « 5. Annexes », « Appendix B », « Appendices ».
 * The label must open the line; an optional number or letter may follow, then an optional title.
 */
const ANNEX_LINE =
  /^(?:(?:\d{1,2}|[IVXLC]{1,5}|[A-H])[.)]\s*)?(?:annexes?|appendix|appendices)(?:\s+(?:n\s*[°o]\s*)?(?:\d{1,3}|[A-Z]|[IVXLC]{1,5}))?(?:\s*[:.\-–—]\s*(.{0,100}))?$/i;

/** A table-of-contents entry: dot leaders, or a title ending with a page number. */
const TOC_ENTRY = /(?:\.{4,}|…{2,}|(?:\s\.){3,})|\S\s+\d{1,3}$/;

/** True when `line` opens the annexes (and is not a table-of-contents entry pointing to them). */
export function isAnnexHeading(line: string): boolean {
  const text = line.trim();
  if (text.length > 120) return false;
  const m = ANNEX_LINE.exec(text);
  if (m === null) return false;
  if (/\.{4,}|…{2,}/.test(text)) return false;
  // « Annexe 3 : Grille tarifaire 12 » is a TOC line; « Annexe 12 » alone is a heading.
  const title = m[1];
  return title === undefined || !TOC_ENTRY.test(title);
}
