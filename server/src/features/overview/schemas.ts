import { z } from '@hono/zod-openapi';
import { UuidSchema } from '../../lib/openapi';

export const REVIEW_STATES = ['none', 'pending', 'done', 'failed'] as const;

export const DossierOverviewQuerySchema = z
  .object({
    examId: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'épreuve inconnue')
      .optional(),
    cohortId: UuidSchema.optional(),
    /** The state of the dossier's latest review: none yet, queued or running, done, failed. */
    status: z.enum(REVIEW_STATES).optional(),
    /** Part of the candidate's name or e-mail. */
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict()
  .openapi('DossierOverviewQuery');
export type DossierOverviewQuery = z.infer<typeof DossierOverviewQuerySchema>;

const ReadySchema = z.enum(['pret', 'presque', 'pas_encore']);

export const DossierOverviewItemSchema = z.object({
  dossierId: z.string(),
  title: z.string(),
  examId: z.string(),
  candidate: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  cohort: z.object({ id: z.string(), name: z.string() }).nullable(),
  versions: z.number().int(),
  latestVersion: z.number().int(),
  /** When the latest version was uploaded. */
  updatedAt: z.string(),
  latestReview: z
    .object({
      id: z.string(),
      version: z.number().int(),
      status: z.enum(['queued', 'running', 'done', 'failed']),
      score: z.number().nullable(),
      ready: ReadySchema.nullable(),
      at: z.string(),
    })
    .nullable(),
});

export const DossierOverviewSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(DossierOverviewItemSchema),
    /** The cohorts the caller may filter on (their organisation's, a trainer's own). */
    cohorts: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('DossierOverview');
export type DossierOverview = z.infer<typeof DossierOverviewSchema>;
