import {
  CriterionParamSchema,
  createRouter,
  IdParamSchema,
  jsonRequest,
  respond,
  routesTagged,
} from '../../lib/openapi';
import { requireActor } from '../accounts';
import {
  CheckRequestSchema,
  CheckSchema,
  CohortViewQuerySchema,
  CohortViewSchema,
  DecisionRequestSchema,
  DecisionSchema,
  QueueItemSchema,
  QueueQuerySchema,
  ReviewDecisionsSchema,
} from './schemas';
import type { TrainerService } from './service';

const route = routesTagged('Formateur');

/** `/api/trainer/*`: the queue and the cohort view (trainers only, their cohorts only). */
export function trainerRoutes(service: TrainerService) {
  return createRouter()
    .openapi(
      route.get(
        '/queue',
        "Les analyses de mes promotions, celles qui demandent le plus un regard humain d'abord",
        {
          request: { query: QueueQuerySchema },
          responses: respond.ok('File', QueueItemSchema.array(), 400, 401, 403),
        },
      ),
      async (c) => c.json(await service.queue(requireActor(c.get('actor')), c.req.valid('query')), 200),
    )
    .openapi(
      route.get('/cohort', 'Par compétence, la répartition des notes de la promotion', {
        request: { query: CohortViewQuerySchema },
        responses: respond.ok('Vue promotion', CohortViewSchema, 400, 401, 403),
      }),
      async (c) => c.json(await service.cohortView(requireActor(c.get('actor')), c.req.valid('query')), 200),
    );
}

/** `/api/reviews/:id/{criteria/:criterionId/decision,check,decisions}`: decisions and checks (trainers of the candidate's cohort), read by all who see the review. */
export function reviewDecisionRoutes(service: TrainerService) {
  return createRouter()
    .openapi(
      route.post(
        '/criteria/{criterionId}/decision',
        "Valider ou corriger la note d'un critère, avec un motif (la note de l'IA est conservée)",
        {
          ...jsonRequest(DecisionRequestSchema, { params: CriterionParamSchema }),
          responses: respond.created('Décision enregistrée', DecisionSchema, 400, 401, 403, 404, 409, 415),
        },
      ),
      async (c) => {
        const { id, criterionId } = c.req.valid('param');
        return c.json(
          await service.decide(requireActor(c.get('actor')), id, criterionId, c.req.valid('json')),
          201,
        );
      },
    )
    .openapi(
      route.post('/check', "Marquer l'analyse comme vérifiée, avec un commentaire pour le candidat", {
        ...jsonRequest(CheckRequestSchema, { params: IdParamSchema }),
        responses: respond.created('Vérifiée', CheckSchema, 400, 401, 403, 404, 409, 415),
      }),
      async (c) =>
        c.json(
          await service.check(requireActor(c.get('actor')), c.req.valid('param').id, c.req.valid('json')),
          201,
        ),
    )
    .openapi(
      route.get(
        '/decisions',
        'Les décisions du formateur sur cette analyse (la dernière par critère) et sa vérification',
        {
          request: { params: IdParamSchema },
          responses: respond.ok('Décisions', ReviewDecisionsSchema, 400, 401, 404),
        },
      ),
      async (c) => c.json(await service.decisions(c.req.valid('param').id), 200),
    );
}
