import type { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLargeError, ValidationError } from '../../lib/errors';
import {
  createRouter,
  errorResponses,
  IdParamSchema,
  respond,
  routesTagged,
  VersionParamSchema,
} from '../../lib/openapi';
import { invalidRequest } from '../../lib/validation';
import type { AccountService } from '../accounts';
import { requireActor, visibleDossiers } from '../accounts';
import { readMultipartUpload } from './multipart';
import { sectionViews } from './reads';
import { DossierSchema, DossierSummarySchema, DossierTextSchema, UploadSchema } from './schemas';
import type { DossierService } from './service';

const route = routesTagged('Dossiers');

const uploadBody = {
  content: { 'multipart/form-data': { schema: UploadSchema } },
  required: true,
} as const;

/** The upload form's text fields: those `UploadSchema` documents, and no others. */
const UploadFieldsSchema = UploadSchema.omit({ file: true }).strict();

/** `schema`'s reading of `value`, or the API's 400 `invalid_request` naming what is wrong. */
function valid<T>(schema: { safeParse(value: unknown): z.ZodSafeParseResult<T> }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error);
  return result.data;
}

/**
 * The two upload routes, as the OpenAPI document (and so the fuzz test) describes them: a multipart form
 * with the file. Their handlers are plain routes that read the body as a stream (`multipart.ts`):
 * zod-openapi's form validator would first buffer and parse the whole body on the event loop.
 */
const createRoute = route.post('/', 'Déposer un dossier (première version) pour une épreuve', {
  request: { body: uploadBody },
  responses: respond.created('Dossier créé', DossierSchema, 400, 413, 415, 422),
});
const addVersionRoute = route.post('/{id}/versions', 'Déposer une nouvelle version (brouillon) du dossier', {
  request: { params: IdParamSchema, body: uploadBody },
  responses: respond.created('Version ajoutée', DossierSchema, 400, 404, 413, 415, 422),
});

/**
 * `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987), so « Analyse RSE.pdf »
 * downloads under its own name and a quote or a line break in a name cannot break the header.
 */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'dossier';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The upload routes' body limit. Multipart framing adds a little to the file; the service checks its exact size. */
function uploadLimit(maxUploadBytes: number) {
  return bodyLimit({
    maxSize: maxUploadBytes + 64 * 1024,
    onError: () => {
      throw new PayloadTooLargeError(
        `Fichier trop volumineux : la limite est de ${(maxUploadBytes / 1048576).toFixed(0)} Mo.`,
      );
    },
  });
}

/** `/api/dossiers`: upload drafts, list, read, delete. */
export function dossierRoutes(service: DossierService, accounts: AccountService, maxUploadBytes: number) {
  const limit = uploadLimit(maxUploadBytes);
  const app = createRouter();
  // Registered first, as when they were `openapi()` routes: the document lists paths in that order.
  app.openAPIRegistry.registerPath(createRoute);
  app.openAPIRegistry.registerPath(addVersionRoute);

  return app
    .openapi(
      route.get('/', 'Les dossiers visibles', {
        responses: respond.ok('Dossiers', DossierSummarySchema.array()),
      }),
      async (c) => c.json(await service.list(visibleDossiers(requireActor(c.get('actor')))), 200),
    )
    .openapi(
      route.get('/{id}', 'Un dossier et ses versions', {
        request: { params: IdParamSchema },
        responses: respond.ok('Dossier', DossierSchema, 400, 404),
      }),
      async (c) => c.json(await service.get(c.req.valid('param').id), 200),
    )
    .openapi(
      route.get('/{id}/versions/{v}/text', "Le texte extrait d'une version, page par page", {
        request: { params: VersionParamSchema },
        responses: respond.ok('Texte', DossierTextSchema, 400, 404),
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        const row = await service.getVersion(id, v);
        return c.json(
          {
            version: row.version,
            text: row.text,
            pages: row.pageTexts,
            tables: row.tables,
            sections: sectionViews(row.sections),
          },
          200,
        );
      },
    )
    .openapi(
      route.get('/{id}/versions/{v}/file', "Le fichier original d'une version, tel qu'il a été déposé", {
        request: { params: VersionParamSchema },
        responses: {
          200: {
            description: 'Les octets déposés, avec leur type de média',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(400, 404),
        },
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        const row = await service.getVersion(id, v);
        return c.body(new Uint8Array(row.file), 200, {
          'Content-Type': row.mediaType,
          'Content-Disposition': contentDisposition(row.fileName),
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
        });
      },
    )
    .openapi(
      route.delete('/{id}', 'Supprimer un dossier et tout ce qui en dérive', {
        request: { params: IdParamSchema },
        responses: respond.noContent('Supprimé', 400, 401, 403, 404),
      }),
      async (c) => {
        await accounts.deleteDossier(requireActor(c.get('actor')), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .post('/', limit, async (c) => {
      const { file, fields } = await readMultipartUpload(c.req.raw, maxUploadBytes);
      const form = valid(UploadFieldsSchema, fields);
      if (!form.examId) throw new ValidationError('Champ « examId » manquant : choisissez une épreuve.');
      const ownerId = requireActor(c.get('actor')).userId;
      const dossier = await service.create({ examId: form.examId, title: form.title, file, ownerId });
      return c.json(dossier, 201);
    })
    .post('/:id/versions', limit, async (c) => {
      const { id } = valid(IdParamSchema, { id: c.req.param('id') });
      const { file, fields } = await readMultipartUpload(c.req.raw, maxUploadBytes);
      valid(UploadFieldsSchema, fields);
      const dossier = await service.addVersion(id, file);
      return c.json(dossier, 201);
    });
}
