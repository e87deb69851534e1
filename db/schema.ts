import { sql } from 'drizzle-orm';
import {
  bigint,
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

/** PostgreSQL full-text vector, for a stored generated column. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A candidate's dossier for one exam; each upload is a new version. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid().primaryKey().defaultRandom(),
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
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** The exam team's rubric version graded with; null: the built-in default (`defaultRubric`). */
    rubricVersionId: uuid('rubric_version_id').references(() => rubricVersions.id, { onDelete: 'set null' }),
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

// ---------------------------------------------------------------------------------------------------
// Accounts. The first five tables are better-auth's (its drizzle adapter maps `user`, `session`,
// `account`, `verification` and `rateLimit` onto them); the rest is Préjury's own access model.
// ---------------------------------------------------------------------------------------------------

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text(),
  /** False once an admin deactivates the account: sessions are revoked and sign-in refused. */
  active: boolean().notNull().default(true),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    token: text().notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Credentials: for email + password sign-in, `password` holds the scrypt hash (never the password). */
export const accounts = pgTable(
  'accounts',
  {
    id: text().primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text(),
    password: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

/** One-time tokens (password reset). */
export const verifications = pgTable(
  'verifications',
  {
    id: text().primaryKey(),
    identifier: text().notNull(),
    value: text().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** Sign-in rate limiting, in the database so it holds across processes. */
export const rateLimits = pgTable('rate_limits', {
  id: text().primaryKey(),
  key: text().notNull().unique(),
  count: integer().notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/**
 * The usage ledger behind the per-user limits (reviews and coach questions per hour) and the per-account
 * sign-in backoff: one row per counted event. Append-only: no deletion of a dossier, review, message or
 * account touches it (no foreign key), so deleting what was requested never gives the allowance back;
 * rows are pruned only by age. `subject` is a user id, or a SHA-256 of the e-mail for sign-in attempts
 * (the address itself is never stored here).
 */
export const usageEvents = pgTable(
  'usage_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<'review' | 'coach' | 'sign_in_failure' | 'sign_in_success'>().notNull(),
    subject: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('usage_events_kind_subject_at_idx').on(t.kind, t.subject, t.at)],
);

export type Role = 'candidate' | 'trainer' | 'examteam' | 'admin';

export const organizations = pgTable('organizations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  createdAt: createdAt(),
});

/** A group of candidates following the same course; trainers are attached to cohorts. */
export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** Archived cohorts are hidden from pickers; their members and data stay. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('cohorts_org_idx').on(t.organizationId)],
);

/** A user's place: one organisation, one role; a candidate's cohort. */
export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text().$type<Role>().notNull(),
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('memberships_org_idx').on(t.organizationId), index('memberships_cohort_idx').on(t.cohortId)],
);

/** Which cohorts a trainer follows. */
export const cohortTrainers = pgTable(
  'cohort_trainers',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_trainers_user_idx').on(t.userId)],
);

/**
 * Sensitive actions, readable by admins. Actor and target are plain ids (no foreign key): the trail
 * outlives what it describes. `detail` holds ids, scores and reasons, never dossier text.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid('organization_id'),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    action: text().notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_org_created_idx').on(t.organizationId, t.createdAt)],
);

/** Which external provider received which dossier version, for what (GDPR record of transfers). */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => dossierVersions.id, { onDelete: 'cascade' }),
    provider: text().notNull(),
    model: text().notNull(),
    purpose: text().$type<'review' | 'coach' | 'embedding'>().notNull(),
    redacted: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('disclosures_version_idx').on(t.versionId)],
);

// ---------------------------------------------------------------------------------------------------
// Human review of the AI's output (trainers). Decisions sit beside the AI's scores, never over them.
// ---------------------------------------------------------------------------------------------------

export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    /** The AI's score at the time of the decision, for calibration and audit. */
    aiScore: integer('ai_score').notNull(),
    score: integer().notNull(),
    reason: text().notNull(),
    comment: text(),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedByName: text('decided_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('review_decisions_review_idx').on(t.reviewId, t.criterionId, t.createdAt)],
);

/** A trainer marked the review as checked, with an optional comment for the candidate. */
export const reviewChecks = pgTable('review_checks', {
  reviewId: uuid('review_id')
    .primaryKey()
    .references(() => reviews.id, { onDelete: 'cascade' }),
  checkedBy: text('checked_by').references(() => users.id, { onDelete: 'set null' }),
  checkedByName: text('checked_by_name').notNull(),
  comment: text(),
  createdAt: createdAt(),
});

/**
 * A trainer's comment anchored to a passage of one dossier version: `start`/`end` index the page's
 * extracted text (`GET …/versions/:v/text`), and `quote` is that slice, kept so the anchor can be shown
 * (and checked) without the text. The candidate reads it beside the passage and in their report.
 */
export const passageComments = pgTable(
  'passage_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => dossierVersions.id, { onDelete: 'cascade' }),
    page: integer().notNull(),
    start: integer().notNull(),
    end: integer().notNull(),
    quote: text().notNull(),
    body: text().notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [index('passage_comments_version_idx').on(t.versionId, t.page, t.start)],
);

/** A trainer's own bank of reusable comments (« saved to the bank », « insert from the bank »). */
export const commentBank = pgTable(
  'comment_bank',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comment_bank_user_idx').on(t.userId, t.createdAt)],
);

/**
 * What's new for a user, shown as a badge and a list: a review ready, feedback from a trainer. The same
 * event is e-mailed when SMTP is configured. Deleted with the user or the review it points to.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().$type<'review_ready' | 'feedback_returned'>().notNull(),
    reviewId: uuid('review_id').references(() => reviews.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

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
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
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
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    /** When a review was first requested with it: from then on it cannot change. */
    firstUsedAt: timestamp('first_used_at', { withTimezone: true }),
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
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    examId: text('exam_id').notNull(),
    name: text().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('calibration_sets_org_exam_idx').on(t.organizationId, t.examId)],
);

/** One human score: a rater's score of one criterion of one dossier, in one set. */
export const calibrationScores = pgTable(
  'calibration_scores',
  {
    setId: uuid('set_id')
      .notNull()
      .references(() => calibrationSets.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
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
    importedBy: text('imported_by').references(() => users.id, { onDelete: 'set null' }),
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
    id: uuid().primaryKey().defaultRandom(),
    setId: uuid('set_id')
      .notNull()
      .references(() => calibrationSets.id, { onDelete: 'cascade' }),
    /** Null: the built-in v1. */
    rubricVersionId: uuid('rubric_version_id').references(() => rubricVersions.id, { onDelete: 'set null' }),
    rubricVersion: text('rubric_version').notNull(),
    rubricHash: text('rubric_hash').notNull(),
    promptVersion: text('prompt_version').notNull(),
    provider: text().notNull(),
    model: text().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('calibration_runs_set_idx').on(t.setId, t.createdAt)],
);

/** The review a run obtained for each dossier (a reused identical review counts). */
export const calibrationRunReviews = pgTable(
  'calibration_run_reviews',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => calibrationRuns.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
  },
  (t) => [
    // A dossier may appear under two versions when raters read different drafts of it.
    primaryKey({ columns: [t.runId, t.dossierId, t.version] }),
    index('calibration_run_reviews_review_idx').on(t.reviewId),
  ],
);

/**
 * An organisation's OpenID Connect single sign-on (better-auth's SSO plugin reads and writes this table as
 * its `ssoProvider` model). `oidc_config` is the plugin's JSON (issuer, client id, client secret, PKCE,
 * discovery URL): the API never returns the secret. `domain` is the only e-mail domain accepted;
 * `allow_sign_up` lets unknown users of that domain be created as candidates.
 */
export const ssoProviders = pgTable(
  'sso_providers',
  {
    id: text().primaryKey(),
    providerId: text('provider_id').notNull().unique(),
    issuer: text().notNull(),
    oidcConfig: text('oidc_config'),
    samlConfig: text('saml_config'),
    /** The admin who configured it (no foreign key: the configuration outlives its author). */
    userId: text('user_id'),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    domain: text().notNull(),
    /** The name on the sign-in button (« Se connecter avec … »). */
    displayName: text('display_name').notNull(),
    allowSignUp: boolean('allow_sign_up').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sso_providers_org_uq').on(t.organizationId)],
);
