import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { createdAt, parentText, parentUuid, timestamptz, userSetNull, uuidPk } from './columns';
import { dossierVersions } from './dossiers';
import { reviews } from './reviews';

// ---------------------------------------------------------------------------------------------------
// Human review of the AI's output (trainers). Decisions sit beside the AI's scores, never over them.
// ---------------------------------------------------------------------------------------------------

export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuidPk(),
    reviewId: parentUuid('review_id', () => reviews.id),
    criterionId: text('criterion_id').notNull(),
    /** The AI's score at the time of the decision, for calibration and audit. */
    aiScore: integer('ai_score').notNull(),
    score: integer().notNull(),
    reason: text().notNull(),
    comment: text(),
    decidedBy: userSetNull('decided_by', () => users.id),
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
  checkedBy: userSetNull('checked_by', () => users.id),
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
    id: uuidPk(),
    versionId: parentUuid('version_id', () => dossierVersions.id),
    page: integer().notNull(),
    start: integer().notNull(),
    end: integer().notNull(),
    quote: text().notNull(),
    body: text().notNull(),
    authorId: userSetNull('author_id', () => users.id),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at'),
  },
  (t) => [index('passage_comments_version_idx').on(t.versionId, t.page, t.start)],
);

/** A trainer's own bank of reusable comments (« saved to the bank », « insert from the bank »). */
export const commentBank = pgTable(
  'comment_bank',
  {
    id: uuidPk(),
    userId: parentText('user_id', () => users.id),
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
    id: uuidPk(),
    userId: parentText('user_id', () => users.id),
    kind: text().$type<'review_ready' | 'feedback_returned'>().notNull(),
    reviewId: uuid('review_id').references(() => reviews.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    readAt: timestamptz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
