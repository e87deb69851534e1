import { createRouter, respond, routesTagged } from '../../lib/openapi';
import { type DoctorReport, DoctorReportSchema } from './schemas';

const route = routesTagged('Administration');

/**
 * `POST /api/admin/model-check`: the same check as `npm run doctor`, run now against the configured server
 * (POST: it makes billed model calls). Admin only, by the access policy's `/api/admin/…` rule.
 */
export function doctorRoutes(run: () => Promise<DoctorReport>) {
  return createRouter().openapi(
    route.post('/', 'Vérifier le serveur de modèle configuré (comme npm run doctor)', {
      responses: respond.ok('Résultat', DoctorReportSchema, 401, 403),
    }),
    async (c) => c.json(await run(), 200),
  );
}
