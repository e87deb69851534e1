import { z } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '../../../../db/client';
import { cohorts, organizations } from '../../../../db/schema';
import { AppError, PayloadTooLargeError, UnsupportedMediaError, ValidationError } from '../../lib/errors';
import { createRouter, jsonRequest, respond, routesTagged } from '../../lib/openapi';
import type { AdminService } from './admin-service';
import { AUDIT_ACTIONS, listAudit } from './audit';
import { auditCsv } from './audit-csv';
import { requireActor } from './policy';
import {
  AuditFilterSchema,
  AuditPageSchema,
  AuditQuerySchema,
  CohortChangeSchema,
  CohortIdParamSchema,
  CohortSchema,
  DeleteMeSchema,
  IssuedLinkSchema,
  MeSchema,
  NewCohortSchema,
  NewUserSchema,
  PasswordLinkSchema,
  ProfileChangeSchema,
  RosterResultSchema,
  UserChangeSchema,
  UserIdParamSchema,
  UserSchema,
} from './schemas';
import type { AccountService } from './service';

const meRoute = routesTagged('Comptes');
const adminRoute = routesTagged('Administration');

/** `/api/me` (any signed-in user): who am I, change my name, export my data, delete my account. */
export function meRoutes(accounts: AccountService, database: Database) {
  return createRouter()
    .openapi(
      meRoute.get('/', "L'utilisateur connecté : rôle, organisation, promotions (null sans session)", {
        responses: respond.ok('Moi, ou null', MeSchema.nullable()),
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
      meRoute.patch('/', "Changer son nom affiché (pas celui d'un membre de l'équipe de son organisme)", {
        ...jsonRequest(ProfileChangeSchema),
        responses: respond.noContent('Modifié', 400, 401, 409, 415),
      }),
      async (c) => {
        await accounts.updateProfile(requireActor(c.get('actor')), c.req.valid('json'));
        return c.body(null, 204);
      },
    )
    .openapi(
      meRoute.get('/export', 'Exporter toutes mes données (ZIP : donnees.json et fichiers originaux)', {
        responses: respond.text('Archive ZIP', 'application/zip', 401),
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
      meRoute.delete('/', 'Supprimer mon compte et toutes mes données (confirmer avec son e-mail)', {
        ...jsonRequest(DeleteMeSchema),
        responses: respond.noContent('Supprimé', 400, 401, 415),
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

/** The largest roster CSV accepted (2 000 rows fit in well under this). */
const MAX_ROSTER_BYTES = 1024 * 1024;
const CSV_MEDIA_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];
const rosterLimit = bodyLimit({
  maxSize: MAX_ROSTER_BYTES,
  onError: () => {
    throw new PayloadTooLargeError(
      'Fichier trop volumineux : 1 Mo au plus. Découpez-le en plusieurs imports.',
    );
  },
});

/** A UTC calendar day's first or last instant. */
function dayBound(day: string | undefined, end: boolean): Date | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}Z`);
  if (Number.isNaN(date.getTime())) throw new ValidationError(`Date invalide : ${day}`);
  return date;
}

function auditFilter(q: z.infer<typeof AuditFilterSchema>) {
  const from = dayBound(q.from, false);
  const to = dayBound(q.to, true);
  if (from && to && from > to)
    throw new ValidationError('Période invalide : la date de début est après la date de fin.');
  return { actorId: q.actor, action: q.action, from, to };
}

/** Most rows in one CSV export of the audit log. */
const MAX_AUDIT_EXPORT = 50_000;

/** `/api/admin/users`: the organisation's accounts (list, invite, password link, change, erase). */
export function userRoutes(accounts: AccountService, admin: AdminService) {
  return createRouter()
    .openapi(
      adminRoute.get('/', "Les comptes de l'organisation", {
        responses: respond.ok('Comptes', UserSchema.array(), 401, 403),
      }),
      async (c) => c.json(await accounts.listUsers(requireActor(c.get('actor')).organizationId), 200),
    )
    .openapi(
      adminRoute.post(
        '/',
        'Inviter une personne (compte sans mot de passe ; lien par e-mail, ou affiché une fois sans SMTP)',
        {
          ...jsonRequest(NewUserSchema),
          responses: respond.created('Invitée', IssuedLinkSchema, 400, 401, 403, 409, 415),
        },
      ),
      async (c) => c.json(await admin.invite(requireActor(c.get('actor')), c.req.valid('json')), 201),
    )
    .openapi(
      adminRoute.post(
        '/{id}/password-link',
        "Renvoyer l'invitation, ou envoyer un lien pour choisir un nouveau mot de passe (usage unique, expire)",
        {
          request: { params: UserIdParamSchema },
          responses: respond.created('Lien émis', PasswordLinkSchema, 401, 403, 404),
        },
      ),
      async (c) =>
        c.json(await admin.sendPasswordLink(requireActor(c.get('actor')), c.req.valid('param').id), 201),
    )
    .openapi(
      adminRoute.patch(
        '/{id}',
        "Changer le rôle ou les promotions d'un compte, ou le désactiver / réactiver (`active`)",
        {
          description:
            'Désactiver ferme toutes les sessions du compte à la fois et refuse ses connexions ; ses données restent.',
          ...jsonRequest(UserChangeSchema, { params: UserIdParamSchema }),
          responses: respond.noContent('Modifié', 400, 401, 403, 404, 409, 415),
        },
      ),
      async (c) => {
        const actor = requireActor(c.get('actor'));
        const { id } = c.req.valid('param');
        const { active, ...change } = c.req.valid('json');
        if (Object.keys(change).length > 0) await accounts.updateUser(actor, id, change);
        if (active !== undefined) await admin.setActive(actor, id, active);
        if (Object.keys(change).length === 0 && active === undefined)
          throw new ValidationError('Rien à modifier : role, cohortId, trainerCohortIds ou active.');
        return c.body(null, 204);
      },
    )
    .openapi(
      adminRoute.delete(
        '/{id}',
        'Supprimer un compte et toutes ses données (comme la suppression de son propre compte)',
        {
          request: { params: UserIdParamSchema },
          responses: respond.noContent('Supprimé', 401, 403, 404, 409),
        },
      ),
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
    );
}

/** `/api/admin/cohorts`: the organisation's cohorts. */
export function cohortRoutes(accounts: AccountService, admin: AdminService) {
  return createRouter()
    .openapi(
      adminRoute.get(
        '/',
        "Les promotions de l'organisation (archivées comprises, avec leur date d'archivage)",
        {
          responses: respond.ok('Promotions', CohortSchema.array(), 401, 403),
        },
      ),
      async (c) => c.json(await accounts.listCohorts(requireActor(c.get('actor')).organizationId), 200),
    )
    .openapi(
      adminRoute.post('/', 'Créer une promotion', {
        ...jsonRequest(NewCohortSchema),
        responses: respond.created('Créée', CohortSchema, 400, 401, 403, 415),
      }),
      async (c) => {
        const cohort = await admin.createCohort(requireActor(c.get('actor')), c.req.valid('json').name);
        return c.json({ id: cohort.id, name: cohort.name, archivedAt: null }, 201);
      },
    )
    .openapi(
      adminRoute.patch(
        '/{id}',
        'Renommer une promotion, ou l’archiver (masquée des listes, données conservées)',
        {
          ...jsonRequest(CohortChangeSchema, { params: CohortIdParamSchema }),
          responses: respond.noContent('Modifiée', 400, 401, 403, 404, 415),
        },
      ),
      async (c) => {
        await admin.updateCohort(requireActor(c.get('actor')), c.req.valid('param').id, c.req.valid('json'));
        return c.body(null, 204);
      },
    );
}

/** `/api/admin` (admins of an organisation): users, roles, cohorts, invitations, roster, audit log. */
export function adminRoutes(accounts: AccountService, admin: AdminService, database: Database) {
  return createRouter()
    .openapi(
      adminRoute.post(
        '/roster',
        'Importer une liste de comptes (CSV : nom,email,role,promotion) — tout ou rien, chacun invité',
        {
          middleware: [rosterLimit] as const,
          request: { body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
          responses: respond.created('Importée', RosterResultSchema, 400, 401, 403, 413, 415),
        },
      ),
      async (c) => {
        const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
        if (!CSV_MEDIA_TYPES.includes(mediaType))
          throw new UnsupportedMediaError('Envoyez le fichier en CSV (Content-Type: text/csv).');
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await admin.importRoster(requireActor(c.get('actor')), bytes), 201);
      },
    )
    .openapi(
      adminRoute.get(
        '/audit',
        "Journal d'audit (le plus récent d'abord), filtré par auteur, action et période, par pages",
        {
          request: { query: AuditQuerySchema },
          responses: respond.ok('Une page du journal', AuditPageSchema, 400, 401, 403),
        },
      ),
      async (c) => {
        const q = c.req.valid('query');
        const { entries, total } = await listAudit(
          database,
          requireActor(c.get('actor')).organizationId,
          auditFilter(q),
          { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
        );
        return c.json(
          { entries, total, page: q.page, pageSize: q.pageSize, actions: [...AUDIT_ACTIONS] },
          200,
        );
      },
    )
    .openapi(
      adminRoute.get('/audit.csv', "Exporter le journal d'audit en CSV (mêmes filtres)", {
        request: { query: AuditFilterSchema },
        responses: respond.text('CSV', 'text/csv', 400, 401, 403),
      }),
      async (c) => {
        const { entries } = await listAudit(
          database,
          requireActor(c.get('actor')).organizationId,
          auditFilter(c.req.valid('query')),
          { limit: MAX_AUDIT_EXPORT, offset: 0 },
        );
        const day = new Date().toISOString().slice(0, 10);
        return c.body(auditCsv(entries), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="prejury-journal-audit-${day}.csv"`,
          'cache-control': 'no-store',
        });
      },
    )
    .route('/users', userRoutes(accounts, admin))
    .route('/cohorts', cohortRoutes(accounts, admin));
}
