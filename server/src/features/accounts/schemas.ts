import { z } from '@hono/zod-openapi';

export const RoleSchema = z.enum(['candidate', 'trainer', 'examteam', 'admin']).openapi('Role');

export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    organization: z.object({ id: z.string(), name: z.string() }),
    cohort: z.object({ id: z.string(), name: z.string() }).nullable(),
    trainerCohorts: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('Me');

export const DeleteMeSchema = z
  .object({ confirmEmail: z.string().min(1).max(320) })
  .strict()
  .openapi('DeleteAccount');

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    cohortId: z.string().nullable(),
    trainerCohortIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('User');

export const NewUserSchema = z
  .object({
    email: z.string().email().max(320),
    name: z.string().trim().min(1).max(200),
    role: RoleSchema,
    password: z.string().min(10).max(128),
    cohortId: z.string().uuid().nullable().optional(),
    trainerCohortIds: z.array(z.string().uuid()).max(100).optional(),
  })
  .strict()
  .openapi('NewUser');

export const UserChangeSchema = z
  .object({
    role: RoleSchema.optional(),
    cohortId: z.string().uuid().nullable().optional(),
    trainerCohortIds: z.array(z.string().uuid()).max(100).optional(),
  })
  .strict()
  .openapi('UserChange');

export const CohortSchema = z.object({ id: z.string(), name: z.string() }).openapi('Cohort');
export const NewCohortSchema = z
  .object({ name: z.string().trim().min(1).max(200) })
  .strict()
  .openapi('NewCohort');

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().datetime().optional(),
});

export const UserIdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
