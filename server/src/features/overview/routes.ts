import { createRouter, respond, routesTagged } from '../../lib/openapi';
import { requireActor } from '../accounts';
import { DossierOverviewQuerySchema, DossierOverviewSchema } from './schemas';
import type { OverviewService } from './service';

const route = routesTagged('Équipe d’examen');

/** `/api/overview/*`: the staff's views across candidates (exam team, admin, trainers), by the access policy. */
export function overviewRoutes(service: OverviewService) {
  return createRouter().openapi(
    route.get(
      '/dossiers',
      'Les dossiers des candidats (organisme ; promotions suivies pour un formateur), avec leur dernière analyse, filtrés et paginés',
      {
        request: { query: DossierOverviewQuerySchema },
        responses: respond.ok('Page de dossiers', DossierOverviewSchema, 400, 401, 403),
      },
    ),
    async (c) => c.json(await service.dossiers(requireActor(c.get('actor')), c.req.valid('query')), 200),
  );
}
