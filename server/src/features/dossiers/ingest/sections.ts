import type { PageText, SectionInfo } from '../../../../../db/schema';
import { isAnnexHeading } from './annex';
import { sectionLanguage } from './language';
import { isPageNumberLine, normalizeInline } from './normalize';
import { pageAt } from './page-offsets';
import type { HeadingHint, PageOffset } from './types';
import { countWords } from './words';

export interface SectionsResult {
  sections: SectionInfo[];
  annexStartPage: number | null;
  pagesExcludingAnnexes: number;
}

interface Line {
  page: number;
  start: number;
  end: number;
  text: string;
  blankBefore: boolean;
  blankAfter: boolean;
  /** Words on the same page before this line: an annex heading with (almost) none opens its page. */
  wordsBefore: number;
  next: Line | null;
}

interface Candidate {
  line: Line;
  level: number;
  annex: boolean;
}

/** Lines of the joined text with their offsets and surroundings. */
function linesOf(pages: PageText[], offsets: PageOffset[]): Line[] {
  const out: Line[] = [];
  pages.forEach((page, index) => {
    const raw = page.text.split('\n');
    let pos = offsets[index].start;
    let wordsBefore = 0;
    raw.forEach((text, i) => {
      if (text.trim() !== '') {
        const line: Line = {
          page: page.page,
          start: pos,
          end: pos + text.length,
          text: text.trim(),
          blankBefore: i === 0 || raw[i - 1].trim() === '',
          blankAfter: i === raw.length - 1 || raw[i + 1].trim() === '',
          wordsBefore,
          next: null,
        };
        if (out.length > 0) out[out.length - 1].next = line;
        out.push(line);
        wordsBefore += countWords(text);
      }
      pos += text.length + 1;
    });
  });
  return out;
}

/** A comparison key that ignores case, punctuation and spacing differences between parsers. */
function key(text: string): string {
  return normalizeInline(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const TOC_LINE = /\.{4,}|…{2,}|\S\s+\d{1,3}$/;

/** Pages that look like a table of contents: their lines mostly end with page numbers. */
function tocPages(lines: Line[]): Set<number> {
  const byPage = new Map<number, { total: number; toc: number }>();
  for (const l of lines) {
    const c = byPage.get(l.page) ?? { total: 0, toc: 0 };
    c.total++;
    if (TOC_LINE.test(l.text)) c.toc++;
    byPage.set(l.page, c);
  }
  return new Set([...byPage].filter(([, c]) => c.toc >= 4 && c.toc >= c.total * 0.4).map(([p]) => p));
}

const MAX_HEADING_CHARS = 120;
const NAMED_PART =
  /^(?:partie|chapitre|section|part|chapter)\s+(?:\d{1,2}|[IVXLC]{1,5}|[A-Z]|premi[eè]re|deuxi[eè]me|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\b/i;
const DOTTED_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+[\p{Lu}\p{Lt}]/u;
const ROMAN = /^[IVXLC]{1,6}[.)\-–]\s+[\p{Lu}\p{Lt}]/u;
const LETTER = /^[A-H][.)]\s+[\p{Lu}\p{Lt}]/u;
const CAPTION = /^(?:source|sources|figure|fig\.|tableau|graphique|schéma|illustration|photo)\b/i;
const TABLE_ROW = / \| /;
/** Headings found from font sizes that make them the document's headings (a title and two sections). */
const MIN_LAYOUT_HEADINGS = 3;
const LIST_ITEM = /^- /;

/** Level of a numbered heading (« 1. », « 1.2 », « II. », « A. », « Partie 2 »), or 0 when not one. */
export function numberedHeadingLevel(text: string): number {
  if (text.length > MAX_HEADING_CHARS || countWords(text) > 14 || /[,;]$/.test(text)) return 0;
  if (/\.$/.test(text) && countWords(text) > 8) return 0;
  if (NAMED_PART.test(text) || ROMAN.test(text)) return 1;
  const dotted = DOTTED_NUMBER.exec(text);
  if (dotted) return dotted[1].split('.').length;
  if (LETTER.test(text)) return 2;
  return 0;
}

function isUpperCaseHeading(line: Line): boolean {
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 4 &&
    !/\p{Ll}/u.test(line.text) &&
    countWords(line.text) <= 10 &&
    line.blankBefore &&
    line.blankAfter
  );
}

/** A short standalone line, capitalised, unpunctuated, introducing a longer paragraph. */
function isTitleLike(line: Line): boolean {
  const { text } = line;
  if (!line.blankBefore || !line.blankAfter || line.next === null) return false;
  if (text.length > 70 || countWords(text) > 8 || !/^[\p{Lu}\p{Lt}]/u.test(text)) return false;
  if (/[.,;:!…]$/.test(text) || CAPTION.test(text) || /\d{4,}/.test(text)) return false;
  return countWords(line.next.text) >= 8;
}

function heuristicLevel(line: Line): number {
  const { text } = line;
  if (TABLE_ROW.test(text) || LIST_ITEM.test(text) || isPageNumberLine(text)) return 0;
  const numbered = numberedHeadingLevel(text);
  // A numbered line followed by another numbered line is a list, not a heading.
  if (
    numbered > 0 &&
    line.blankBefore &&
    !(line.next && !line.blankAfter && numberedHeadingLevel(line.next.text))
  )
    return numbered;
  if (isUpperCaseHeading(line)) return 1;
  if (isTitleLike(line)) return 2;
  return 0;
}

/** Matches parser hints to lines, in order, on the hinted page or the next one. */
function matchHints(hints: HeadingHint[], lines: Line[]): Map<Line, number> {
  const matched = new Map<Line, number>();
  // Each line's key once: a hint found nowhere after the last match looks through every line again.
  const keys = new Map<Line, string>();
  const keyOf = (l: Line) => {
    let k = keys.get(l);
    if (k === undefined) {
      k = key(l.text);
      keys.set(l, k);
    }
    return k;
  };
  let from = 0;
  for (const hint of hints) {
    const wanted = key(hint.text);
    if (wanted === '') continue;
    const fits = (l: Line) => {
      if (matched.has(l) || Math.abs(l.page - hint.page) > 1) return false;
      // A list item or a table row naming the heading's words (« - le tableau de bord ; ») is not it.
      if ((LIST_ITEM.test(l.text) || TABLE_ROW.test(l.text)) && !LIST_ITEM.test(hint.text)) return false;
      const k = keyOf(l);
      // A PDF line may carry the heading's automatic number (« 1.2 ») that the bookmark lacks.
      return k === wanted || (k.endsWith(wanted) && /^[\p{N}ivxlc.]*$/u.test(k.slice(0, -wanted.length)));
    };
    let index = lines.findIndex((l, i) => i >= from && l.page >= hint.page && fits(l));
    if (index < 0) index = lines.findIndex((l) => fits(l));
    if (index >= 0) {
      matched.set(lines[index], Math.max(1, hint.level));
      from = index + 1;
    }
  }
  return matched;
}

function title(text: string): string {
  return text.replace(/\s*:$/, '').trim();
}

/**
 * Finds the sections of a document and where its annexes start. Headings come from the parser's hints
 * when they are authoritative (DOCX styles, Markdown, PDF bookmarks); otherwise from PDF font sizes and
 * text patterns (numbered headings, upper-case lines, short standalone titles). A section runs to the
 * next heading of any level, so sections tile the text without overlapping.
 */
export function detectSections(
  pages: PageText[],
  text: string,
  offsets: PageOffset[],
  hints: HeadingHint[],
): SectionsResult {
  const lines = linesOf(pages, offsets);
  const toc = tocPages(lines);
  // A PDF whose font sizes set several headings apart is read by them alone, as a DOCX is by its styles:
  // the text patterns would also take its numbered list items and bold labels (« Expérience
  // professionnelle ») for headings, and the sections, hence the scores, would depend on the format.
  const authoritative = hints.some((h) => h.source !== 'layout') || hints.length >= MIN_LAYOUT_HEADINGS;
  const hinted = matchHints(hints, lines);
  const candidates: Candidate[] = [];
  for (const line of lines) {
    let level = hinted.get(line) ?? 0;
    if (level === 0 && !authoritative && !toc.has(line.page)) level = heuristicLevel(line);
    const annex = !toc.has(line.page) && isAnnexHeading(line.text) && (level > 0 || line.wordsBefore <= 12);
    if (level > 0 || annex) candidates.push({ line, level: level || 1, annex });
  }

  const sections: SectionInfo[] = candidates.map((c, i) => {
    const nextStart = i + 1 < candidates.length ? candidates[i + 1].line.start : text.length;
    const end = c.line.start + text.slice(c.line.start, nextStart).trimEnd().length;
    return {
      title: title(c.line.text),
      level: c.level,
      page: c.line.page,
      pageEnd: pageAt(offsets, Math.max(c.line.start, end - 1)),
      start: c.line.start,
      end,
      language: sectionLanguage(text.slice(c.line.start, end)),
      annex: false,
    };
  });

  const annexIndex = candidates.findIndex((c) => c.annex);
  if (annexIndex < 0) return { sections, annexStartPage: null, pagesExcludingAnnexes: pages.length };
  for (const s of sections.slice(annexIndex)) s.annex = true;
  const opening = candidates[annexIndex].line;
  // Annexes starting at the top of a page leave that page out of the count; mid-page, it counts.
  const pagesExcludingAnnexes = opening.wordsBefore <= 12 ? opening.page - 1 : opening.page;
  return { sections, annexStartPage: opening.page, pagesExcludingAnnexes };
}

/** Re-exported: callers found it here before it moved to its own light module. */
export { pageAt };
