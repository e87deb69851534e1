import { z } from '@hono/zod-openapi';
import { UuidSchema } from '../../lib/openapi';
import { isSafeText } from '../../lib/validation';
import { AUDIT_ACTIONS } from './audit';

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
    /** False once deactivated (sign-in refused). */
    active: z.boolean(),
    deactivatedAt: z.string().nullable(),
    /** Invited, and has not chosen a password yet. */
    pending: z.boolean(),
  })
  .openapi('User');

/** An invitation: the account is created without a password; the person chooses it through the link. */
export const NewUserSchema = z
  .object({
    email: z.string().trim().email().max(320),
    name: PersonNameSchema,
    role: RoleSchema,
    cohortId: UuidSchema.nullable().optional(),
    trainerCohortIds: z.array(UuidSchema).max(100).optional(),
  })
  .strict()
  .openapi('Invitation');

/** A link sent to someone (invitation or reset): by e-mail, or shown once to the admin without SMTP. */
export const IssuedLinkSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    mailed: z.boolean(),
    link: z.string().nullable(),
    expiresAt: z.string(),
  })
  .openapi('IssuedLink');

export const PasswordLinkSchema = IssuedLinkSchema.extend({ kind: z.enum(['invite', 'reset']) }).openapi(
  'PasswordLink',
);

export const RosterResultSchema = z
  .object({ created: z.number().int(), invitations: z.array(IssuedLinkSchema) })
  .openapi('RosterImport');

export const ProfileChangeSchema = z.object({ name: PersonNameSchema }).strict().openapi('ProfileChange');

export const UserChangeSchema = z
  .object({
    role: RoleSchema.optional(),
    cohortId: UuidSchema.nullable().optional(),
    trainerCohortIds: z.array(UuidSchema).max(100).optional(),
    /** false: deactivate (every session revoked, sign-in refused); true: reactivate. */
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('UserChange');

export const CohortSchema = z
  .object({ id: z.string(), name: z.string(), archivedAt: z.string().nullable() })
  .openapi('Cohort');
const CohortNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (name) => isSafeText(name) && !NOT_IN_NAMES.test(name),
    'caractères de contrôle ou invisibles interdits',
  );
export const NewCohortSchema = z.object({ name: CohortNameSchema }).strict().openapi('NewCohort');
export const CohortChangeSchema = z
  .object({ name: CohortNameSchema.optional(), archived: z.boolean().optional() })
  .strict()
  .refine((c) => c.name !== undefined || c.archived !== undefined, 'rien à modifier : name ou archived')
  .openapi('CohortChange');
export const CohortIdParamSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

/** One entry as the admin reads it: who by name, what by name, and where it leads in the app. */
export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    targetLabel: z.string().nullable(),
    /** A page of the web app about the target, when there is one. */
    targetHref: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');
export type AuditView = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Every action the log can hold, in the order the filter offers them (the web app's list). */
    actions: z.array(z.enum(AUDIT_ACTIONS)),
  })
  .openapi('AuditPage');

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');

/** Filters of the audit log (the page and its CSV export share them); days are UTC calendar days. */
export const AuditFilterSchema = z.object({
  actor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'identifiant de compte invalide')
    .optional()
    .openapi({ description: "Un compte, ou « system » pour les actions de l'application" }),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: Day.optional(),
  to: Day.optional(),
});

export const AuditQuerySchema = AuditFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const UserIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'identifiant de compte invalide')
    .openapi({ param: { name: 'id', in: 'path' } }),
});
