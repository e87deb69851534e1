import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { rubricVersions } from './calibration';
import { createdAt, parentUuid, timestamptz, updatedAt, userSetNull, uuidPk } from './columns';
import { dossiers, dossierVersions } from './dossiers';

/** Reviews, their per-criterion progress, and the coach's conversations. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuidPk(),
    versionId: parentUuid('version_id', () => dossierVersions.id),
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
    requestedBy: userSetNull('requested_by', () => users.id),
    /** The exam team's rubric version graded with; null: the built-in default (`defaultRubric`). */
    rubricVersionId: uuid('rubric_version_id').references(() => rubricVersions.id, { onDelete: 'set null' }),
    /** Which worker is running the review and until when its lease holds (resume after a crash). */
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamptz('lease_until'),
    usage: jsonb().$type<{
      promptTokens: number;
      completionTokens: number;
      cachedPromptTokens: number;
      durationMs: number;
      calls: number;
    }>(),
    createdAt: createdAt(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
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
    reviewId: parentUuid('review_id', () => reviews.id),
    criterionId: text('criterion_id').notNull(),
    status: text().$type<'pending' | 'running' | 'done' | 'failed'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    result: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
    updatedAt: updatedAt(),
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
    id: uuidPk(),
    dossierId: parentUuid('dossier_id', () => dossiers.id),
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
