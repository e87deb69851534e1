import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Actor } from '../../lib/actor';
import { PayloadTooLargeError, UnsupportedMediaError } from '../../lib/errors';
import {
  createRouter,
  ErrorSchema,
  IdParamSchema,
  jsonRequest,
  respond,
  routesTagged,
} from '../../lib/openapi';
import { requireActor } from '../accounts';
import { getExam } from '../referential';
import { agreementWithUncertainty } from './agreement-uncertainty';
import { renderCalibrationReport } from './report-html';
import type { RubricVersionService } from './rubric-versions';
import {
  AgreementRequestSchema,
  AgreementResponseSchema,
  CompareQuerySchema,
  CompareStartSchema,
  ComparisonSchema,
  DiffQuerySchema,
  ExamDossierSchema,
  ExamParamSchema,
  ExamQuerySchema,
  ExamVersionParamSchema,
  ImportResultSchema,
  ItemSchema,
  ItemsQuerySchema,
  RaterQuerySchema,
  ReportQuerySchema,
  RequiredExamQuerySchema,
  RubricDiffSchema,
  RubricVersionCreateSchema,
  RubricVersionSchema,
  RubricVersionSummarySchema,
  RubricVersionUpdateSchema,
  RunAgreementSchema,
  RunPairSchema,
  RunStartSchema,
  RunSummarySchema,
  SetCreateSchema,
  SetDetailSchema,
  SetSummarySchema,
  TrainerImportResultSchema,
} from './schemas';
import type { CalibrationService } from './service';

const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
});

const agreementRoute = routesTagged('calibration').post(
  '/',
  'Accord entre notes du jury et notes de l’IA, global et par critère',
  {
    description:
      'QWK, kappa de Cohen, accords exact et adjacent, écart absolu moyen, SMD et biais. ' +
      'Une métrique non définie pour les données (ex. kappa quand les deux notateurs donnent partout ' +
      'la même note) vaut null.',
    ...jsonRequest(AgreementRequestSchema),
    responses: {
      200: {
        content: { 'application/json': { schema: AgreementResponseSchema } },
        description: 'Métriques globales et par critère',
      },
      400: errorResponse('Corps invalide, ou note hors de l’échelle (le message donne l’indice de la paire)'),
      415: errorResponse('Le corps n’est pas envoyé en JSON'),
    },
  },
);

/**
 * `POST /api/calibration/agreement`. Semantic errors are thrown as `AppError`s for the app's `onError`;
 * schema failures are answered by `validationHook`.
 */
export function agreementRoutes() {
  return createRouter().openapi(agreementRoute, (c) => {
    const { min, max, pairs } = c.req.valid('json');
    return c.json(agreementWithUncertainty(pairs, min, max), 200);
  });
}

/** The largest CSV import accepted (about 40 000 rows of `uuid,K1,3,jury1`). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

const CSV_MEDIA_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

const csvImportLimit = bodyLimit({
  maxSize: MAX_CSV_BYTES,
  onError: () => {
    throw new PayloadTooLargeError(
      `Fichier trop volumineux : ${MAX_CSV_BYTES / 1024 / 1024} Mo au plus. Découpez-le en plusieurs imports.`,
    );
  },
});

function csvResponse(body: string, filename: string) {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
    },
  });
}

const csvContent = { 'text/csv': { schema: z.string() } };
const route = routesTagged('Calibration');

/** Who is calling: the route is behind the access policy, so there is an actor. */
const actorOf = (c: { get: (key: 'actor') => Actor | null }) => requireActor(c.get('actor'));

/** `/api/calibration/rubrics`: an exam's rubric versions (drafts, edits, diff, activation). */
export function rubricRoutes(rubrics: RubricVersionService) {
  return createRouter()
    .openapi(
      route.get('/{examId}', "Les versions de la grille d'une épreuve (v1 : la grille par défaut)", {
        request: { params: ExamParamSchema },
        responses: respond.ok('Versions', RubricVersionSummarySchema.array(), 401, 403, 404),
      }),
      async (c) => c.json(await rubrics.list(actorOf(c), c.req.valid('param').examId), 200),
    )
    .openapi(
      route.post('/{examId}', 'Créer une nouvelle version de la grille à partir d’une autre', {
        ...jsonRequest(RubricVersionCreateSchema, { params: ExamParamSchema }),
        responses: respond.created('Version créée', RubricVersionSchema, 400, 401, 403, 404, 409, 415, 422),
      }),
      async (c) =>
        c.json(await rubrics.create(actorOf(c), c.req.valid('param').examId, c.req.valid('json')), 201),
    )
    .openapi(
      route.get('/{examId}/diff', 'Ce qui change entre deux versions de la grille, critère par critère', {
        request: { params: ExamParamSchema, query: DiffQuerySchema },
        responses: respond.ok('Différences', RubricDiffSchema, 400, 401, 403, 404),
      }),
      async (c) => {
        const { from, to } = c.req.valid('query');
        return c.json(await rubrics.diff(actorOf(c), c.req.valid('param').examId, from, to), 200);
      },
    )
    .openapi(
      route.get('/{examId}/{version}', 'Une version de la grille, en entier', {
        request: { params: ExamVersionParamSchema },
        responses: respond.ok('Version', RubricVersionSchema, 400, 401, 403, 404),
      }),
      async (c) => {
        const { examId, version } = c.req.valid('param');
        return c.json(await rubrics.detail(actorOf(c), examId, version), 200);
      },
    )
    .openapi(
      route.put(
        '/{examId}/{version}',
        "Modifier une version qui n'a encore servi à aucune analyse (409 ensuite)",
        {
          ...jsonRequest(RubricVersionUpdateSchema, { params: ExamVersionParamSchema }),
          responses: respond.ok('Version modifiée', RubricVersionSchema, 400, 401, 403, 404, 409, 415),
        },
      ),
      async (c) => {
        const { examId, version } = c.req.valid('param');
        return c.json(await rubrics.update(actorOf(c), examId, version, c.req.valid('json')), 200);
      },
    )
    .openapi(
      route.post(
        '/{examId}/{version}/activate',
        'Faire de cette version celle qui note les dossiers des candidats',
        {
          request: { params: ExamVersionParamSchema },
          responses: respond.ok('Version active', RubricVersionSchema, 400, 401, 403, 404),
        },
      ),
      async (c) => {
        const { examId, version } = c.req.valid('param');
        return c.json(await rubrics.activate(actorOf(c), examId, version), 200);
      },
    );
  // Calibration sets -----------------------------------------------------------------------------;
}

/** `/api/calibration/sets`: calibration sets, their human scores (CSV import, template) and their runs. */
export function setRoutes(service: CalibrationService) {
  return createRouter()
    .openapi(
      route.get('/', 'Les jeux de calibration de votre organisme', {
        request: { query: ExamQuerySchema },
        responses: respond.ok('Jeux', SetSummarySchema.array(), 400, 401, 403),
      }),
      async (c) => c.json(await service.listSets(actorOf(c), c.req.valid('query').examId), 200),
    )
    .openapi(
      route.post('/', 'Créer un jeu de calibration pour une épreuve', {
        ...jsonRequest(SetCreateSchema),
        responses: respond.created('Jeu créé', SetDetailSchema, 400, 401, 403, 415, 422),
      }),
      async (c) => c.json(await service.createSet(actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      route.get('/{id}', 'Un jeu : ses dossiers, ses correcteurs, ses analyses', {
        request: { params: IdParamSchema },
        responses: respond.ok('Jeu', SetDetailSchema, 400, 401, 403, 404),
      }),
      async (c) => c.json(await service.getSet(actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(
      route.delete('/{id}', 'Supprimer un jeu, ses notes humaines et ses analyses (les revues restent)', {
        request: { params: IdParamSchema },
        responses: respond.noContent('Supprimé', 400, 401, 403, 404),
      }),
      async (c) => {
        await service.deleteSet(actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      route.post(
        '/{id}/runs',
        'Analyser les dossiers du jeu avec une version de la grille (revues en file d’attente)',
        {
          ...jsonRequest(RunStartSchema, { params: IdParamSchema }),
          responses: respond.accepted('Analyse lancée', RunSummarySchema, 400, 401, 403, 404, 415, 422),
        },
      ),
      async (c) =>
        c.json(await service.startRun(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 202),
    )
    .openapi(
      route.post('/{id}/compare', 'Lancer les deux versions à comparer sur le jeu (deux analyses)', {
        ...jsonRequest(CompareStartSchema, { params: IdParamSchema }),
        responses: respond.accepted('Analyses lancées', RunPairSchema, 400, 401, 403, 404, 415, 422),
      }),
      async (c) => {
        const actor = actorOf(c);
        const { id } = c.req.valid('param');
        const { a, b } = c.req.valid('json');
        const runA = await service.startRun(actor, id, { rubricVersion: a });
        const runB = await service.startRun(actor, id, { rubricVersion: b });
        return c.json({ a: runA, b: runB }, 202);
      },
    );
  // Runs -----------------------------------------------------------------------------------------;
}

/** `/api/calibration/runs`: a run, its agreement, its items and its exports (CSV, printable HTML). */
export function runRoutes(service: CalibrationService) {
  return createRouter()
    .openapi(
      route.get('/{id}', 'Une analyse et sa progression', {
        request: { params: IdParamSchema },
        responses: respond.ok('Analyse', RunSummarySchema, 400, 401, 403, 404),
      }),
      async (c) => c.json(await service.getRun(actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(
      route.get(
        '/{id}/agreement',
        'Accord IA – humain (global et par critère, matrices de confusion) et entre humains',
        {
          request: { params: IdParamSchema, query: RaterQuerySchema },
          responses: respond.ok('Accord', RunAgreementSchema, 400, 401, 403, 404),
        },
      ),
      async (c) =>
        c.json(await service.agreement(actorOf(c), c.req.valid('param').id, c.req.valid('query').rater), 200),
    )
    .openapi(
      route.get(
        '/{id}/items',
        'Les dossiers derrière une case de la matrice, avec les citations retenues par l’IA',
        {
          request: { params: IdParamSchema, query: ItemsQuerySchema },
          responses: respond.ok('Dossiers', ItemSchema.array(), 400, 401, 403, 404),
        },
      ),
      async (c) =>
        c.json(await service.items(actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      route.get('/{id}/scores.csv', 'Export CSV : chaque note humaine à côté de la note de l’IA', {
        request: { params: IdParamSchema },
        responses: respond.text('CSV', 'text/csv', 400, 401, 403, 404),
      }),
      async (c) => {
        const { body, filename } = await service.scoresCsv(actorOf(c), c.req.valid('param').id);
        return csvResponse(body, filename);
      },
    )
    .openapi(
      route.get('/{id}/agreement.csv', 'Export CSV du tableau d’accord', {
        request: { params: IdParamSchema, query: RaterQuerySchema },
        responses: respond.text('CSV', 'text/csv', 400, 401, 403, 404),
      }),
      async (c) => {
        const { body, filename } = await service.agreementCsv(
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('query').rater,
        );
        return csvResponse(body, filename);
      },
    )
    .openapi(
      route.get(
        '/{id}/report.html',
        'Rapport de calibration imprimable (HTML), avec une comparaison si `against` est donné',
        {
          request: { params: IdParamSchema, query: ReportQuerySchema },
          responses: respond.text('HTML', 'text/html', 400, 401, 403, 404, 422),
        },
      ),
      async (c) => {
        const actor = actorOf(c);
        const { id } = c.req.valid('param');
        const { against, rater } = c.req.valid('query');
        const result = await service.agreement(actor, id, rater);
        const comparison = against ? await service.compare(actor, id, against, rater) : undefined;
        const exam = getExam(result.set.examId);
        return c.html(
          renderCalibrationReport(
            result,
            { id: result.set.examId, case: exam?.case ?? result.set.examId },
            comparison,
          ),
          200,
        );
      },
    );
}

/** `/api/calibration/sets/:id/{scores,template.csv,trainer-scores}`: a set's human scores, imported from CSV (jury) or from trainers' decisions, and the CSV template. */
function setScoreRoutes(service: CalibrationService) {
  return createRouter()
    .openapi(
      route.post(
        '/scores',
        'Importer les notes du jury (CSV : dossier_id,criterion_id,score,rater) — tout ou rien',
        {
          description:
            'Séparateur virgule, point-virgule ou tabulation ; UTF-8 ou Windows-1252. Une ligne invalide ' +
            "et rien n'est importé : chaque erreur est listée dans error.details.errors ({ line, message }).",
          middleware: [csvImportLimit] as const,
          request: { params: IdParamSchema, body: { content: csvContent, required: true } },
          responses: respond.ok('Importé', ImportResultSchema, 400, 401, 403, 404, 413, 415),
        },
      ),
      async (c) => {
        const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
        if (!CSV_MEDIA_TYPES.includes(mediaType)) {
          throw new UnsupportedMediaError('Envoyez le fichier en CSV (Content-Type: text/csv).');
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await service.importCsv(actorOf(c), c.req.valid('param').id, bytes), 200);
      },
    )
    .openapi(
      route.get('/template.csv', "Modèle CSV à remplir : chaque dossier de l'épreuve × chaque critère", {
        request: { params: IdParamSchema },
        responses: respond.text('CSV', 'text/csv', 400, 401, 403, 404),
      }),
      async (c) => {
        const body = await service.templateCsv(actorOf(c), c.req.valid('param').id);
        return csvResponse(body, 'modele-notes-jury.csv');
      },
    )
    .openapi(
      route.post(
        '/trainer-scores',
        'Ajouter les décisions des formateurs comme notes humaines (correcteur « formateur »)',
        {
          request: { params: IdParamSchema },
          responses: respond.ok('Importé', TrainerImportResultSchema, 400, 401, 403, 404),
        },
      ),
      async (c) => c.json(await service.importTrainerScores(actorOf(c), c.req.valid('param').id), 200),
    );
}

/**
 * The exam team's workspace, `/api/calibration` (roles examteam and admin, see the access policy): the
 * exam's dossiers, agreement on given pairs, rubric versions, calibration sets and their human scores, runs
 * of a rubric version, drill-down, comparison and exports. Everything is scoped to the caller's organisation.
 */
export function calibrationRoutes(service: CalibrationService, rubrics: RubricVersionService) {
  return (
    createRouter()
      .openapi(
        route.get(
          '/dossiers',
          "Les dossiers de l'épreuve dans votre organisme (pour constituer un jeu et son CSV)",
          {
            request: { query: RequiredExamQuerySchema },
            responses: respond.ok('Dossiers', ExamDossierSchema.array(), 400, 401, 403, 422),
          },
        ),
        async (c) => c.json(await service.examDossiers(actorOf(c), c.req.valid('query').examId), 200),
      )
      // Rubric versions ------------------------------------------------------------------------------
      .openapi(
        route.get('/compare', 'Deux analyses du même jeu côte à côte, et ce qui a changé par critère', {
          request: { query: CompareQuerySchema },
          responses: respond.ok('Comparaison', ComparisonSchema, 400, 401, 403, 404, 422),
        }),
        async (c) => {
          const { a, b, rater } = c.req.valid('query');
          return c.json(await service.compare(actorOf(c), a, b, rater), 200);
        },
      )
      .route('/agreement', agreementRoutes())
      .route('/rubrics', rubricRoutes(rubrics))
      .route('/sets', setRoutes(service))
      .route('/sets/:id', setScoreRoutes(service))
      .route('/runs', runRoutes(service))
  );
}
