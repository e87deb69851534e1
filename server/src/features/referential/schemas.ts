import { z } from '@hono/zod-openapi';

export const CompetencySchema = z
  .object({ id: z.string(), code: z.string(), text: z.string() })
  .openapi('Competency');

export const ActivitySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    competencies: z.array(CompetencySchema),
    remarks: z.array(z.string()).optional(),
  })
  .openapi('Activity');

export const BlocSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    activities: z.array(ActivitySchema),
    remarks: z.array(z.string()).optional(),
  })
  .openapi('Bloc');

export const ReferentialSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    blocs: z.array(BlocSchema),
    remarks: z.array(z.string()),
  })
  .openapi('Referential');

export const ModalitiesSchema = z
  .object({
    mode: z.enum(['individual', 'collective']),
    groupSize: z.string().nullable(),
    pages: z.number().int(),
    annexesExcluded: z.boolean(),
    oralMinutes: z.number().int().nullable(),
    oralMinutesPerCandidate: z.number().int().nullable().optional(),
    jury: z.number().int(),
    language: z.enum(['fr', 'en']),
    vae: z.string().nullable(),
    notes: z.array(z.string()),
  })
  .openapi('Modalities');

export const ExamSummarySchema = z
  .object({
    id: z.string(),
    bloc: z.string(),
    case: z.string(),
    competencies: z.array(z.string()),
    modalities: ModalitiesSchema,
  })
  .openapi('ExamSummary');

export const ExamSchema = ExamSummarySchema.extend({
  context: z.string(),
  deliverables: z.array(z.object({ id: z.string(), text: z.string() })),
  criteria: z.array(z.object({ id: z.string(), text: z.string(), competencies: z.array(z.string()) })),
  remarks: z.array(z.string()).optional(),
}).openapi('Exam');

export const ExamIdParamSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'b1-audit-rse' }),
});
