import { createRouter, jsonRequest, respond, routesTagged, VersionParamSchema } from '../../lib/openapi';
import { requireActor } from '../accounts';
import {
  BankEntryRequestSchema,
  BankEntrySchema,
  BankParamSchema,
  CommentParamSchema,
  PassageCommentRequestSchema,
  PassageCommentSchema,
  PassageCommentUpdateSchema,
} from './schemas';
import type { CommentService } from './service';

const route = routesTagged('Commentaires');

/** `/api/dossiers/:id/versions/:v/comments`: trainers' comments on the passages of a version, read by all who see the dossier. */
export function versionCommentRoutes(service: CommentService) {
  return createRouter()
    .openapi(
      route.get('/', 'Les commentaires des formateurs sur les passages de cette version', {
        request: { params: VersionParamSchema },
        responses: respond.ok(
          'Commentaires, dans l’ordre de lecture',
          PassageCommentSchema.array(),
          400,
          401,
          404,
        ),
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        return c.json(await service.list(requireActor(c.get('actor')), id, v), 200);
      },
    )
    .openapi(
      route.post('/', 'Commenter un passage (formateur de la promotion du candidat)', {
        ...jsonRequest(PassageCommentRequestSchema, { params: VersionParamSchema }),
        responses: respond.created('Commentaire ajouté', PassageCommentSchema, 400, 401, 403, 404, 415, 422),
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        const comment = await service.create(requireActor(c.get('actor')), id, v, c.req.valid('json'));
        return c.json(comment, 201);
      },
    );
}

/** `/api/dossiers/:id/comments/:commentId`: one comment, changed or removed by its author. */
export function commentRoutes(service: CommentService) {
  return createRouter()
    .openapi(
      route.patch('/{commentId}', 'Modifier un de mes commentaires', {
        ...jsonRequest(PassageCommentUpdateSchema, { params: CommentParamSchema }),
        responses: respond.ok('Commentaire modifié', PassageCommentSchema, 400, 401, 403, 404, 415),
      }),
      async (c) => {
        const { id, commentId } = c.req.valid('param');
        const comment = await service.update(
          requireActor(c.get('actor')),
          id,
          commentId,
          c.req.valid('json').body,
        );
        return c.json(comment, 200);
      },
    )
    .openapi(
      route.delete('/{commentId}', 'Supprimer un de mes commentaires', {
        request: { params: CommentParamSchema },
        responses: respond.noContent('Supprimé', 400, 401, 403, 404),
      }),
      async (c) => {
        const { id, commentId } = c.req.valid('param');
        await service.remove(requireActor(c.get('actor')), id, commentId);
        return c.body(null, 204);
      },
    );
}

/** `/api/trainer/comment-bank`: the caller's own reusable comments. */
export function commentBankRoutes(service: CommentService) {
  return createRouter()
    .openapi(
      route.get('/', 'Ma banque de commentaires réutilisables', {
        responses: respond.ok('Banque', BankEntrySchema.array(), 401, 403),
      }),
      async (c) => c.json(await service.bank(requireActor(c.get('actor'))), 200),
    )
    .openapi(
      route.post('/', 'Enregistrer un commentaire dans ma banque', {
        ...jsonRequest(BankEntryRequestSchema),
        responses: respond.created('Enregistré', BankEntrySchema, 400, 401, 403, 409, 415),
      }),
      async (c) =>
        c.json(await service.addToBank(requireActor(c.get('actor')), c.req.valid('json').body), 201),
    )
    .openapi(
      route.delete('/{entryId}', 'Retirer un commentaire de ma banque', {
        request: { params: BankParamSchema },
        responses: respond.noContent('Retiré', 400, 401, 403, 404),
      }),
      async (c) => {
        await service.removeFromBank(requireActor(c.get('actor')), c.req.valid('param').entryId);
        return c.body(null, 204);
      },
    );
}
