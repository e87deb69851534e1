import type { IngestWarning, PageText } from '../../../../../db/schema';
import { hiddenWarnings, toHiddenContent } from './hidden';
import { detectLanguage, mixedLanguageWarning } from './language';
import { normalizeInline, normalizePages } from './normalize';
import { mendPageBreaks } from './page-breaks';
import { detectSections } from './sections';
import { detectTables } from './tables';
import { PAGE_SEPARATOR, type PageOffset, type ParsedDocument, type RawDocument } from './types';
import { countWords } from './words';

/** Fewer visible words than this: probably not the dossier (a cover page, a wrong file). */
export const FEW_WORDS = 150;

/** Joins page texts with `PAGE_SEPARATOR` and records where each page lies. */
export function joinPages(pages: PageText[]): { text: string; pageOffsets: PageOffset[] } {
  const pageOffsets: PageOffset[] = [];
  let text = '';
  for (const p of pages) {
    if (pageOffsets.length > 0) text += PAGE_SEPARATOR;
    pageOffsets.push({ page: p.page, start: text.length, end: text.length + p.text.length });
    text += p.text;
  }
  return { text, pageOffsets };
}

/**
 * Turns a parser's raw pages into a `ParsedDocument`: normalised pages, the joined text and page offsets,
 * sections and annexes, languages, words, and the warnings a candidate should see.
 */
export function finishDocument(raw: RawDocument): ParsedDocument {
  const headingKeys = new Set(raw.headings.map((h) => `${h.page}:${normalizeInline(h.text).toLowerCase()}`));
  const isHeading = (line: string, page: number) => headingKeys.has(`${page}:${line.toLowerCase()}`);
  const normalized = normalizePages(raw.pages, { ...raw.layout, keep: isHeading });
  // A PDF's page breaks fall mid-sentence; a word processor's pages (DOCX) hold whole paragraphs.
  const pages = raw.format === 'pdf' ? mendPageBreaks(normalized, isHeading) : normalized;

  const { text, pageOffsets } = joinPages(pages);

  const { sections, annexStartPage, pagesExcludingAnnexes } = detectSections(
    pages,
    text,
    pageOffsets,
    raw.headings,
  );
  const language = detectLanguage(text);
  const words = countWords(text);

  const warnings: IngestWarning[] = [...raw.warnings];
  if (raw.pagesEstimated) {
    warnings.push({
      code: 'pages_estimated',
      message:
        'Le nombre de pages est estimé (environ 450 mots par page) : ce fichier ne fixe pas la mise en page. Pour des numéros de page exacts, déposez le dossier exporté en PDF.',
    });
  }
  const mixed = mixedLanguageWarning(language, sections, text);
  if (mixed) warnings.push(mixed);
  warnings.push(...hiddenWarnings(raw.hidden));
  if (words < FEW_WORDS) {
    warnings.push({
      code: 'few_words',
      message: `Le dossier ne compte que ${words} mot(s) lisible(s) : vérifiez qu'il s'agit du bon fichier et qu'il est complet.`,
    });
  }

  return {
    format: raw.format,
    mediaType: raw.mediaType,
    pages,
    pagesEstimated: raw.pagesEstimated,
    text,
    pageOffsets,
    sections,
    tables: detectTables(pages),
    annexStartPage,
    pagesExcludingAnnexes,
    words,
    language,
    hidden: toHiddenContent(raw.hidden),
    warnings,
    metadata: raw.metadata,
  };
}
