import { z } from '@hono/zod-openapi';
import { UuidSchema } from '../../lib/openapi';
import { REASON_CODES, ReportDecisionSchema } from '../reviews';

export const DecisionRequestSchema = z
  .object({
    score: z.number().int().min(0).max(4),
    reason: z.enum(REASON_CODES),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('DecisionRequest');

/** The report's decision (`ReportDecisionSchema`), with the criterion, the AI's score and a typed reason. */
export const DecisionSchema = ReportDecisionSchema.extend({
  criterionId: z.string(),
  aiScore: z.number().int(),
  reason: z.enum(REASON_CODES),
}).openapi('Decision');
export type Decision = z.infer<typeof DecisionSchema>;

export const CheckRequestSchema = z
  .object({ comment: z.string().trim().max(4000).optional() })
  .strict()
  .openapi('CheckRequest');

export const CheckSchema = z
  .object({ by: z.string(), comment: z.string().nullable(), at: z.string() })
  .openapi('ReviewCheck');
export type ReviewCheck = z.infer<typeof CheckSchema>;

/** A review's trainer decisions and its check, if any (`GET /api/reviews/:id/decisions`). */
export const ReviewDecisionsSchema = z.object({
  decisions: DecisionSchema.array(),
  check: CheckSchema.nullable(),
});

export const QUEUE_FLAGS = [
  'prompt_injection',
  'hidden_text',
  'unverified_quote',
  'criterion_failed',
  'review_failed',
  'low_confidence',
  'keyword_stuffing',
  'borderline',
] as const;

export const QueueItemSchema = z
  .object({
    reviewId: z.string(),
    dossierId: z.string(),
    version: z.number().int(),
    candidate: z.string(),
    candidateId: z.string(),
    cohort: z.object({ id: z.string(), name: z.string() }).nullable(),
    examId: z.string(),
    status: z.enum(['done', 'failed']),
    flags: z.array(z.enum(QUEUE_FLAGS)),
    priority: z.number().int(),
    overall: z.object({ score: z.number(), ready: z.string() }).nullable(),
    decisions: z.number().int(),
    checked: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('QueueItem');

export const QueueQuerySchema = z.object({
  examId: z.string().max(100).optional(),
  cohortId: UuidSchema.optional(),
  candidateId: z.string().max(100).optional(),
  flag: z.enum(QUEUE_FLAGS).optional(),
  include: z.enum(['all', 'unchecked']).default('all'),
});

export const CohortViewQuerySchema = z.object({
  cohortId: UuidSchema.optional(),
  examId: z.string().max(100).optional(),
});

export const CohortViewSchema = z
  .object({
    cohorts: z.array(z.object({ id: z.string(), name: z.string() })),
    examId: z.string().nullable(),
    reviews: z.number().int(),
    competencies: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        /** How many candidates' dossiers scored 0, 1, 2, 3, 4 on this competency (rounded mean of its criteria). */
        counts: z.array(z.number().int()).length(5),
        /** Average of the same levels the counts show (so it agrees with the histogram). */
        mean: z.number().nullable(),
        n: z.number().int(),
      }),
    ),
  })
  .openapi('CohortView');
