import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorSchema } from '../../lib/openapi';
import { requireJsonBody, validationHook } from '../../lib/validation';
import { agreementByCriterion } from './metrics';
import { AgreementRequestSchema, AgreementResponseSchema } from './schemas';

const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
});

const agreementRoute = createRoute({
  method: 'post',
  path: '/agreement',
  tags: ['calibration'],
  summary: 'Accord entre notes du jury et notes de l’IA, global et par critère',
  description:
    'QWK, kappa de Cohen, accords exact et adjacent, écart absolu moyen, SMD et biais. ' +
    'Une métrique non définie pour les données (ex. kappa quand les deux notateurs donnent partout ' +
    'la même note) vaut null.',
  middleware: [requireJsonBody] as const,
  request: {
    body: { content: { 'application/json': { schema: AgreementRequestSchema } }, required: true },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: AgreementResponseSchema } },
      description: 'Métriques globales et par critère',
    },
    400: errorResponse('Corps invalide, ou note hors de l’échelle (le message donne l’indice de la paire)'),
    415: errorResponse('Le corps n’est pas envoyé en JSON'),
  },
});

/**
 * `POST /agreement` (mounted under `/api/calibration`). Semantic errors are thrown as `AppError`s for the
 * app's `onError`; schema failures are answered by `validationHook`.
 */
export function calibrationRoutes() {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  return app.openapi(agreementRoute, (c) => {
    const { min, max, pairs } = c.req.valid('json');
    return c.json(agreementByCriterion(pairs, min, max), 200);
  });
}
