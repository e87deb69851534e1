import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bytea, createdAt, parentUuid, tsvector, uuidPk, vector } from './columns';

/** Dossiers, their versions, passages and embeddings. */
/** A candidate's dossier for one exam; each upload is a new version. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuidPk(),
    examId: text('exam_id').notNull(),
    /** The candidate; null for dossiers made from the command line (`npm run review`). */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('dossiers_owner_idx').on(t.ownerId)],
);

export interface PageText {
  page: number;
  text: string;
}
export interface SectionInfo {
  title: string;
  level: number;
  page: number;
  pageEnd: number;
  start: number;
  end: number;
  language: string | null;
  annex: boolean;
}
/** A table row: its cells, the page it is on, and where it lies in that page's text (`end` exclusive). */
export interface TableRowInfo {
  page: number;
  start: number;
  end: number;
  cells: string[];
}
/**
 * A table of the dossier (DOCX natively, PDF from its layout, Markdown pipe tables): its rows in order,
 * the first being its header row; a table continued over pages is one table whose rows keep their page.
 * In the text, each row is one line, cells joined by ` | `.
 */
export interface TableInfo {
  page: number;
  pageEnd: number;
  header: string[];
  rows: TableRowInfo[];
}
export interface HiddenContent {
  kind: string;
  location: string;
  text: string;
}
export interface IngestWarning {
  code: string;
  message: string;
  page?: number;
}

export const dossierVersions = pgTable(
  'dossier_versions',
  {
    id: uuidPk(),
    dossierId: parentUuid('dossier_id', () => dossiers.id),
    version: integer().notNull(),
    fileName: text('file_name').notNull(),
    format: text().notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text().notNull(),
    file: bytea().notNull(),
    pages: integer().notNull(),
    pagesEstimated: boolean('pages_estimated').notNull().default(false),
    annexStartPage: integer('annex_start_page'),
    pagesExcludingAnnexes: integer('pages_excluding_annexes').notNull(),
    words: integer().notNull(),
    language: text(),
    text: text().notNull(),
    pageTexts: jsonb('page_texts').$type<PageText[]>().notNull(),
    sections: jsonb().$type<SectionInfo[]>().notNull(),
    tables: jsonb().$type<TableInfo[]>().notNull().default([]),
    hidden: jsonb().$type<HiddenContent[]>().notNull(),
    warnings: jsonb().$type<IngestWarning[]>().notNull(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dossier_versions_dossier_version_uq').on(t.dossierId, t.version)],
);

/** Retrieval units: paragraphs-sized chunks that keep their page and section. */
export const passages = pgTable(
  'passages',
  {
    id: uuidPk(),
    versionId: parentUuid('version_id', () => dossierVersions.id),
    ordinal: integer().notNull(),
    page: integer().notNull(),
    pageEnd: integer('page_end').notNull(),
    section: text(),
    annex: boolean().notNull().default(false),
    charStart: integer('char_start').notNull(),
    charEnd: integer('char_end').notNull(),
    text: text().notNull(),
    contentHash: text('content_hash').notNull(),
    /** French full-text vector, computed once on insert (not per search). */
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('french', text)`),
  },
  (t) => [
    index('passages_version_idx').on(t.versionId),
    index('passages_hash_idx').on(t.contentHash),
    index('passages_search_idx').using('gin', t.search),
  ],
);

/** One vector per (passage content, model): identical passages are embedded once. */
export const embeddings = pgTable(
  'embeddings',
  {
    contentHash: text('content_hash').notNull(),
    model: text().notNull(),
    dimensions: integer().notNull(),
    embedding: vector().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contentHash, t.model] })],
);
