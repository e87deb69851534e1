import { z } from '@hono/zod-openapi';
import { UuidSchema } from '../../lib/openapi';
import { isSafeText } from '../../lib/validation';

/** Control, format (zero-width, bidi overrides), separator and surrogate characters: no place in a name. */
const NOT_IN_NAMES = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * A person's display name, the same rule for the admin API and for one's own profile: trimmed, 1 to 120
 * characters, no control or invisible formatting characters (it is shown to trainers and exam teams and
 * written into CSV exports).
 */
export const PersonNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine(
    (name) => isSafeText(name) && !NOT_IN_NAMES.test(name),
    'caractères de contrôle ou invisibles interdits',
  )
  .openapi({ example: 'Camille Martin' });

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
    name: PersonNameSchema,
    role: RoleSchema,
    password: z.string().min(10).max(128),
    cohortId: UuidSchema.nullable().optional(),
    trainerCohortIds: z.array(UuidSchema).max(100).optional(),
  })
  .strict()
  .openapi('NewUser');

export const ProfileChangeSchema = z.object({ name: PersonNameSchema }).strict().openapi('ProfileChange');

export const UserChangeSchema = z
  .object({
    role: RoleSchema.optional(),
    cohortId: UuidSchema.nullable().optional(),
    trainerCohortIds: z.array(UuidSchema).max(100).optional(),
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
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'identifiant de compte invalide')
    .openapi({ param: { name: 'id', in: 'path' } }),
});
