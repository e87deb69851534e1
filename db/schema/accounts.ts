import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, parentText, parentUuid, timestamptz, updatedAt, uuidPk } from './columns';
import { dossierVersions } from './dossiers';

// ---------------------------------------------------------------------------------------------------
// Accounts. The first five tables are better-auth's (its drizzle adapter maps `user`, `session`,
// `account`, `verification` and `rateLimit` onto them); the rest is Préjury's own access model.
// ---------------------------------------------------------------------------------------------------

export const users = pgTable('users', {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text(),
  /** False once an admin deactivates the account: sessions are revoked and sign-in refused. */
  active: boolean().notNull().default(true),
  deactivatedAt: timestamptz('deactivated_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    token: text().notNull().unique(),
    userId: parentText('user_id', () => users.id),
    expiresAt: timestamptz('expires_at').notNull(),
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
    userId: parentText('user_id', () => users.id),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamptz('access_token_expires_at'),
    refreshTokenExpiresAt: timestamptz('refresh_token_expires_at'),
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
    expiresAt: timestamptz('expires_at').notNull(),
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
    id: uuidPk(),
    kind: text().$type<'review' | 'coach' | 'sign_in_failure' | 'sign_in_success'>().notNull(),
    subject: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('usage_events_kind_subject_at_idx').on(t.kind, t.subject, t.at)],
);

export type Role = 'candidate' | 'trainer' | 'examteam' | 'admin';

export const organizations = pgTable('organizations', {
  id: uuidPk(),
  name: text().notNull(),
  createdAt: createdAt(),
});

/** A group of candidates following the same course; trainers are attached to cohorts. */
export const cohorts = pgTable(
  'cohorts',
  {
    id: uuidPk(),
    organizationId: parentUuid('organization_id', () => organizations.id),
    name: text().notNull(),
    /** Archived cohorts are hidden from pickers; their members and data stay. */
    archivedAt: timestamptz('archived_at'),
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
    organizationId: parentUuid('organization_id', () => organizations.id),
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
    cohortId: parentUuid('cohort_id', () => cohorts.id),
    userId: parentText('user_id', () => users.id),
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
    id: uuidPk(),
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
    id: uuidPk(),
    versionId: parentUuid('version_id', () => dossierVersions.id),
    provider: text().notNull(),
    model: text().notNull(),
    purpose: text().$type<'review' | 'coach' | 'embedding'>().notNull(),
    redacted: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('disclosures_version_idx').on(t.versionId)],
);
