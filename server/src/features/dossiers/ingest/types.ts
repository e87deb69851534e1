import type {
  HiddenContent,
  IngestWarning,
  PageText,
  SectionInfo,
  TableInfo,
} from '../../../../../db/schema';

/** The formats Préjury accepts, detected from the bytes (never from the file name). */
export type DocumentFormat = 'pdf' | 'docx' | 'markdown' | 'text';

/**
 * A dossier turned into reviewable text. `text` is the visible text only: hidden content (white or tiny
 * text, comments, metadata…) is reported in `hidden` and never part of `text`, so a quote found in `text`
 * is something the jury can read on the page.
 */
export interface ParsedDocument {
  format: DocumentFormat;
  mediaType: string;
  /** Visible, normalised text per page, page numbers 1..n. */
  pages: PageText[];
  /** True when the format has no page layout (text, DOCX without page breaks) and pages were estimated. */
  pagesEstimated: boolean;
  /** Pages joined with `PAGE_SEPARATOR`; every offset in sections and passages refers to this string. */
  text: string;
  /** Where each page lies in `text` (`end` exclusive). */
  pageOffsets: PageOffset[];
  sections: SectionInfo[];
  /** Tables as rows and cells, each row with its page and its place in that page's text. */
  tables: TableInfo[];
  /** First page of the annexes (« Annexes », « Annexe 1 », « Appendix »…), null when there are none. */
  annexStartPage: number | null;
  /** Pages before the annexes; a page where the annexes start mid-page counts as a dossier page. */
  pagesExcludingAnnexes: number;
  /** Visible words, annexes included. */
  words: number;
  /** ISO 639-1 code ('fr', 'en', …) of the whole document, null when undetermined. */
  language: string | null;
  /** Content a reader does not see; never part of `text`. */
  hidden: HiddenContent[];
  warnings: IngestWarning[];
  metadata: Record<string, unknown>;
}

export interface PageOffset {
  page: number;
  start: number;
  end: number;
}

/** A retrieval unit: a slice of `ParsedDocument.text` that never crosses a section boundary. */
export interface Passage {
  /** Page where the passage starts. */
  page: number;
  pageEnd: number;
  /** Title of the section holding the passage, null before the first heading. */
  section: string | null;
  annex: boolean;
  charStart: number;
  /** Exclusive. `doc.text.slice(charStart, charEnd) === text`. */
  charEnd: number;
  text: string;
  /** sha256 (hex) of the passage text with whitespace collapsed: identical passages share embeddings. */
  contentHash: string;
}

/** Joins pages in `ParsedDocument.text`. */
export const PAGE_SEPARATOR = '\n\n';

/**
 * A heading reported by a parser. `style` comes from the document's own structure (DOCX heading styles,
 * Markdown `#`), `outline` from PDF bookmarks, `layout` from a larger font in a PDF: the first two are
 * authoritative, the last one is a guess that text heuristics may complete.
 */
export interface HeadingHint {
  page: number;
  text: string;
  level: number;
  source: 'style' | 'outline' | 'layout';
}

/** Hidden content with the page it was found on, when known (warnings carry it). */
export interface HiddenItem extends HiddenContent {
  page?: number;
}

/** What a format parser hands to the shared pipeline (normalisation, sections, language…). */
export interface RawDocument {
  format: DocumentFormat;
  mediaType: string;
  /** Page texts before normalisation; page numbers 1..n. */
  pages: PageText[];
  pagesEstimated: boolean;
  headings: HeadingHint[];
  hidden: HiddenItem[];
  warnings: IngestWarning[];
  metadata: Record<string, unknown>;
  /** How the page texts must be cleaned: depends on whether they come from a laid-out page. */
  layout: {
    /** Drop running headers/footers and page numbers (PDF and paginated text only). */
    stripRunningLines: boolean;
    /** Join lines broken mid-sentence (PDF and hard-wrapped text). */
    joinLines: boolean;
    /** Paragraphs come from the layout: join every line of one (PDF). */
    reflow?: boolean;
  };
}
