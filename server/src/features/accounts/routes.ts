import { createRoute, z } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { cohorts, organizations } from '../../../../db/schema';
import { AppError } from '../../lib/errors';
import { createRouter, errorResponses } from '../../lib/openapi';
import { requireJsonBody } from '../../lib/validation';
import { listAudit } from './audit';
import { requireActor } from './policy';
import {
  AuditEntrySchema,
  AuditQuerySchema,
  CohortSchema,
  DeleteMeSchema,
  MeSchema,
  NewCohortSchema,
  NewUserSchema,
  ProfileChangeSchema,
  UserChangeSchema,
  UserIdParamSchema,
  UserSchema,
} from './schemas';
import type { AccountService } from './service';

const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** `/api/me` (any signed-in user): who am I, change my name, export my data, delete my account. */
export function meRoutes(accounts: AccountService, database: Database) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['Comptes'],
        summary: "L'utilisateur connecté : rôle, organisation, promotions (null sans session)",
        responses: {
          200: {
            description: 'Moi, ou null',
            content: { 'application/json': { schema: MeSchema.nullable() } },
          },
        },
      }),
      async (c) => {
        const actor = c.get('actor');
        if (!actor) return c.json(null, 200);
        const [org] = await database.db
          .select()
          .from(organizations)
          .where(eq(organizations.id, actor.organizationId));
        const ids = [...(actor.cohortId ? [actor.cohortId] : []), ...actor.trainerCohortIds];
        const named = ids.length
          ? await database.db
              .select({ id: cohorts.id, name: cohorts.name })
              .from(cohorts)
              .where(inArray(cohorts.id, ids))
          : [];
        return c.json(
          {
            id: actor.userId,
            email: actor.email,
            name: actor.name,
            role: actor.role,
            organization: { id: org.id, name: org.name },
            cohort: named.find((x) => x.id === actor.cohortId) ?? null,
            trainerCohorts: named.filter((x) => actor.trainerCohortIds.includes(x.id)),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/',
        tags: ['Comptes'],
        summary: "Changer son nom affiché (pas celui d'un membre de l'équipe de son organisme)",
        middleware: [requireJsonBody] as const,
        request: { body: json(ProfileChangeSchema) },
        responses: { 204: { description: 'Modifié' }, ...errorResponses(400, 401, 409, 415) },
      }),
      async (c) => {
        await accounts.updateProfile(requireActor(c.get('actor')), c.req.valid('json'));
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/export',
        tags: ['Comptes'],
        summary: 'Exporter toutes mes données (ZIP : donnees.json et fichiers originaux)',
        responses: {
          200: { description: 'Archive ZIP', content: { 'application/zip': { schema: z.string() } } },
          ...errorResponses(401),
        },
      }),
      async (c) => {
        const actor = requireActor(c.get('actor'));
        const zip = await accounts.exportData(actor);
        const day = new Date().toISOString().slice(0, 10);
        return c.body(Buffer.from(zip), 200, {
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="prejury-mes-donnees-${day}.zip"`,
          'cache-control': 'no-store',
        });
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/',
        tags: ['Comptes'],
        summary: 'Supprimer mon compte et toutes mes données (confirmer avec son e-mail)',
        middleware: [requireJsonBody] as const,
        request: { body: json(DeleteMeSchema) },
        responses: { 204: { description: 'Supprimé' }, ...errorResponses(400, 401, 415) },
      }),
      async (c) => {
        const actor = requireActor(c.get('actor'));
        if (c.req.valid('json').confirmEmail.trim().toLowerCase() !== actor.email) {
          throw new AppError(
            'confirmation_mismatch',
            400,
            'Pour confirmer, saisissez exactement votre adresse e-mail.',
          );
        }
        await accounts.deleteUser(actor.userId, actor);
        return c.body(null, 204);
      },
    );
}

/** `/api/admin` (admins of an organisation): users, roles, cohorts, audit log. */
export function adminRoutes(accounts: AccountService, database: Database) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/users',
        tags: ['Administration'],
        summary: "Les comptes de l'organisation",
        responses: {
          200: { description: 'Comptes', content: { 'application/json': { schema: UserSchema.array() } } },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json(await accounts.listUsers(requireActor(c.get('actor')).organizationId), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/users',
        tags: ['Administration'],
        summary: 'Créer un compte (candidat, formateur, équipe examen, admin)',
        middleware: [requireJsonBody] as const,
        request: { body: json(NewUserSchema) },
        responses: {
          201: {
            description: 'Créé',
            content: {
              'application/json': {
                schema: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
              },
            },
          },
          ...errorResponses(400, 401, 403, 409, 415),
        },
      }),
      async (c) => {
        const actor = requireActor(c.get('actor'));
        const body = c.req.valid('json');
        const user = await accounts.createUser({ ...body, organizationId: actor.organizationId }, actor);
        return c.json(user, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/users/{id}',
        tags: ['Administration'],
        summary: "Changer le rôle ou les promotions d'un compte",
        middleware: [requireJsonBody] as const,
        request: { params: UserIdParamSchema, body: json(UserChangeSchema) },
        responses: { 204: { description: 'Modifié' }, ...errorResponses(400, 401, 403, 404, 409, 415) },
      }),
      async (c) => {
        await accounts.updateUser(requireActor(c.get('actor')), c.req.valid('param').id, c.req.valid('json'));
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/users/{id}',
        tags: ['Administration'],
        summary: 'Supprimer un compte et toutes ses données',
        request: { params: UserIdParamSchema },
        responses: { 204: { description: 'Supprimé' }, ...errorResponses(401, 403, 404, 409) },
      }),
      async (c) => {
        const actor = requireActor(c.get('actor'));
        const { id } = c.req.valid('param');
        if (id === actor.userId)
          throw new AppError(
            'conflict',
            409,
            'Pour supprimer votre propre compte, passez par « Mon compte ».',
          );
        if (!(await accounts.memberOf(actor.organizationId, id)))
          throw new AppError('not_found', 404, `Utilisateur introuvable : ${id}`);
        await accounts.deleteUser(id, actor);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/cohorts',
        tags: ['Administration'],
        summary: "Les promotions de l'organisation",
        responses: {
          200: {
            description: 'Promotions',
            content: { 'application/json': { schema: CohortSchema.array() } },
          },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json(await accounts.listCohorts(requireActor(c.get('actor')).organizationId), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cohorts',
        tags: ['Administration'],
        summary: 'Créer une promotion',
        middleware: [requireJsonBody] as const,
        request: { body: json(NewCohortSchema) },
        responses: {
          201: { description: 'Créée', content: { 'application/json': { schema: CohortSchema } } },
          ...errorResponses(400, 401, 403, 415),
        },
      }),
      async (c) => {
        const cohort = await accounts.createCohort(
          requireActor(c.get('actor')).organizationId,
          c.req.valid('json').name,
        );
        return c.json({ id: cohort.id, name: cohort.name }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit',
        tags: ['Administration'],
        summary: "Journal d'audit des actions sensibles (le plus récent d'abord)",
        request: { query: AuditQuerySchema },
        responses: {
          200: {
            description: 'Journal',
            content: { 'application/json': { schema: AuditEntrySchema.array() } },
          },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => {
        const { limit, before } = c.req.valid('query');
        const entries = await listAudit(database, requireActor(c.get('actor')).organizationId, {
          limit,
          before: before ? new Date(before) : undefined,
        });
        return c.json(entries, 200);
      },
    );
}
