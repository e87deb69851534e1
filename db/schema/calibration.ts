import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts';
import { createdAt, parentUuid, timestamptz, updatedAt, userSetNull, uuidPk } from './columns';
import { dossiers } from './dossiers';
import { reviews } from './reviews';

// ---------------------------------------------------------------------------------------------------
// Calibration (exam teams): rubric versions, calibration sets of human scores, runs of a rubric version
// over a set. Everything belongs to one organisation.
// ---------------------------------------------------------------------------------------------------

/**
 * A rubric version written by an exam team (v1 is built in: `defaultRubric`, never stored). At most one
 * active version per organisation and exam (none: v1 is active). Immutable once `firstUsedAt` is set.
 */
export const rubricVersions = pgTable(
  'rubric_versions',
  {
    id: uuidPk(),
    organizationId: parentUuid('organization_id', () => organizations.id),
    examId: text('exam_id').notNull(),
    /** The label (`v2`, `v2.1`…), also `body.version`. */
    version: text().notNull(),
    /** The whole rubric, validated by `RubricSchema` and against the exam before it is stored. */
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    /** `rubricHash(body)`. */
    hash: text().notNull(),
    /** The label of the version it was edited from. */
    basedOn: text('based_on'),
    note: text(),
    active: boolean().notNull().default(false),
    createdBy: userSetNull('created_by', () => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    /** When a review was first requested with it: from then on it cannot change. */
    firstUsedAt: timestamptz('first_used_at'),
  },
  (t) => [
    uniqueIndex('rubric_versions_label_uq').on(t.organizationId, t.examId, t.version),
    uniqueIndex('rubric_versions_active_uq').on(t.organizationId, t.examId).where(sql`${t.active}`),
  ],
);

/** A named set of dossiers of one exam with human (jury, trainer) scores, to measure the AI against. */
export const calibrationSets = pgTable(
  'calibration_sets',
  {
    id: uuidPk(),
    organizationId: parentUuid('organization_id', () => organizations.id),
    examId: text('exam_id').notNull(),
    name: text().notNull(),
    createdBy: userSetNull('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('calibration_sets_org_exam_idx').on(t.organizationId, t.examId)],
);

/** One human score: a rater's score of one criterion of one dossier, in one set. */
export const calibrationScores = pgTable(
  'calibration_scores',
  {
    setId: parentUuid('set_id', () => calibrationSets.id),
    dossierId: parentUuid('dossier_id', () => dossiers.id),
    criterionId: text('criterion_id').notNull(),
    /** Who scored: a label from the CSV (`jury1`, `jury2`…) or `formateur` for trainers' decisions. */
    rater: text().notNull(),
    score: integer().notNull(),
    /**
     * The dossier version the rater read (CSV `version` column, else the latest at import time; for
     * trainers, the version of the review they decided on). Runs review exactly this version.
     */
    version: integer().notNull(),
    source: text().$type<'csv' | 'trainer'>().notNull(),
    importedBy: userSetNull('imported_by', () => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.setId, t.dossierId, t.criterionId, t.rater] }),
    index('calibration_scores_dossier_idx').on(t.dossierId),
  ],
);

/** A rubric version run over a set's dossiers: one review per pinned dossier version, as jobs. */
export const calibrationRuns = pgTable(
  'calibration_runs',
  {
    id: uuidPk(),
    setId: parentUuid('set_id', () => calibrationSets.id),
    /** Null: the built-in v1. */
    rubricVersionId: uuid('rubric_version_id').references(() => rubricVersions.id, { onDelete: 'set null' }),
    rubricVersion: text('rubric_version').notNull(),
    rubricHash: text('rubric_hash').notNull(),
    promptVersion: text('prompt_version').notNull(),
    provider: text().notNull(),
    model: text().notNull(),
    createdBy: userSetNull('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('calibration_runs_set_idx').on(t.setId, t.createdAt)],
);

/** The review a run obtained for each dossier (a reused identical review counts). */
export const calibrationRunReviews = pgTable(
  'calibration_run_reviews',
  {
    runId: parentUuid('run_id', () => calibrationRuns.id),
    dossierId: parentUuid('dossier_id', () => dossiers.id),
    version: integer().notNull(),
    reviewId: parentUuid('review_id', () => reviews.id),
  },
  (t) => [
    // A dossier may appear under two versions when raters read different drafts of it.
    primaryKey({ columns: [t.runId, t.dossierId, t.version] }),
    index('calibration_run_reviews_review_idx').on(t.reviewId),
  ],
);
