import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Raw bytes (the original upload). Stored in the database so an upload is one transaction. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A pgvector column without a fixed dimension: several embedding models may coexist, each row records
 * its model and dimension, and queries always filter on the model so vectors are never mixed.
 */
const vector = customType<{ data: number[]; driverData: string }>({
  dataType: () => 'vector',
  toDriver: (v) => `[${v.join(',')}]`,
  fromDriver: (v) => JSON.parse(v) as number[],
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A candidate's dossier for one exam; each upload is a new version. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid().primaryKey().defaultRandom(),
    examId: text('exam_id').notNull(),
    ownerId: text('owner_id'),
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
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
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
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => dossierVersions.id, { onDelete: 'cascade' }),
    ordinal: integer().notNull(),
    page: integer().notNull(),
    pageEnd: integer('page_end').notNull(),
    section: text(),
    annex: boolean().notNull().default(false),
    charStart: integer('char_start').notNull(),
    charEnd: integer('char_end').notNull(),
    text: text().notNull(),
    contentHash: text('content_hash').notNull(),
  },
  (t) => [
    index('passages_version_idx').on(t.versionId),
    index('passages_hash_idx').on(t.contentHash),
    index('passages_fts_idx').using('gin', sql`to_tsvector('french', ${t.text})`),
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

export const reviews = pgTable(
  'reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => dossierVersions.id, { onDelete: 'cascade' }),
    examId: text('exam_id').notNull(),
    status: text().$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
    provider: text().notNull(),
    model: text().notNull(),
    rubricVersion: text('rubric_version').notNull(),
    promptVersion: text('prompt_version').notNull(),
    /** Hash of everything that determines the result: same key, same review, not paid for twice. */
    cacheKey: text('cache_key').notNull(),
    report: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    requestedBy: text('requested_by'),
    /** Which worker is running the review and until when its lease holds (resume after a crash). */
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    usage: jsonb().$type<{
      promptTokens: number;
      completionTokens: number;
      cachedPromptTokens: number;
      durationMs: number;
      calls: number;
    }>(),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('reviews_version_idx').on(t.versionId),
    index('reviews_cache_key_idx').on(t.cacheKey),
    index('reviews_status_idx').on(t.status),
  ],
);

/** Per-criterion progress and results, so a failed criterion is retried alone and a restart resumes. */
export const reviewCriteria = pgTable(
  'review_criteria',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    status: text().$type<'pending' | 'running' | 'done' | 'failed'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    result: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] })],
);

/** A citation as stored with a coach answer. */
export interface StoredCitation {
  page?: number;
  criterionId?: string;
  quote?: string;
}

/** The coach's conversations, stored with the dossier version they are about and deleted with the dossier. */
export const coachMessages = pgTable(
  'coach_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    /** The dossier version the conversation is about (`dossier_versions.version`). */
    version: integer().notNull(),
    role: text().$type<'user' | 'assistant'>().notNull(),
    content: text().notNull(),
    citations: jsonb().$type<StoredCitation[]>().notNull().default([]),
    /** How the assistant answered; null for the candidate's own messages. */
    mode: text().$type<'model' | 'offline'>(),
    /** True when the assistant declined to draft and answered with guidance instead. */
    refused: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('coach_messages_dossier_version_idx').on(t.dossierId, t.version, t.createdAt)],
);
