import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { createRouter, errorResponses, IdParamSchema, VersionParamSchema } from '../../lib/openapi';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { type GapReport, GapReportSchema } from './schemas';
import type { ReviewService } from './service';

const CriterionParam = IdParamSchema.extend({
  criterionId: z
    .string()
    .min(1)
    .max(20)
    .openapi({ param: { name: 'criterionId', in: 'path' } }),
});
const LangQuery = z.object({ lang: z.enum(['fr', 'en']).optional() });

const ProgressSchema = z
  .object({
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    criteria: z.array(z.object({ id: z.string(), status: z.enum(['pending', 'running', 'done', 'failed']) })),
  })
  .openapi('ReviewProgress');

export const ReviewSchema = z
  .object({
    id: z.string().uuid(),
    dossierId: z.string().uuid(),
    version: z.number().int(),
    examId: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    provider: z.string(),
    model: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    progress: ProgressSchema,
    report: GapReportSchema.optional(),
    error: z.string().optional(),
  })
  .openapi('Review');

const ReviewRequestedSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    reused: z.boolean(),
  })
  .openapi('ReviewRequested');

const DossierReviewSchema = z
  .object({
    id: z.string().uuid(),
    version: z.number().int(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: z.string(),
    provider: z.string(),
    model: z.string(),
    overall: z
      .object({ score: z.number(), level: z.string(), ready: z.enum(['pret', 'presque', 'pas_encore']) })
      .nullable(),
  })
  .openapi('DossierReview');

const SSE_POLL_MS = 500;
const SSE_MAX_MS = 15 * 60_000;

/** Review routes, mounted at `/api` (they live under both /dossiers and /reviews). */
export function reviewRoutes(
  service: ReviewService,
  options: {
    perHourLimit?: number;
    /** Adds people's work to a report (trainers' decisions beside the AI's scores). */
    annotate?: (reviewId: string, report: GapReport) => Promise<GapReport>;
  } = {},
) {
  const annotate = options.annotate ?? (async (_id: string, report: GapReport) => report);
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/dossiers/{id}/versions/{v}/reviews',
        tags: ['Revues'],
        summary: "Demander la revue d'une version (asynchrone)",
        request: { params: VersionParamSchema },
        responses: {
          202: {
            description: 'Revue en file',
            content: { 'application/json': { schema: ReviewRequestedSchema } },
          },
          ...errorResponses(400, 401, 403, 404, 429),
        },
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        const requestedBy = c.get('actor')?.userId;
        return c.json(await service.request(id, v, { requestedBy, perHourLimit: options.perHourLimit }), 202);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/dossiers/{id}/reviews',
        tags: ['Revues'],
        summary: "Les revues d'un dossier, version par version",
        request: { params: IdParamSchema },
        responses: {
          200: {
            description: 'Revues',
            content: { 'application/json': { schema: DossierReviewSchema.array() } },
          },
          ...errorResponses(400, 404),
        },
      }),
      async (c) => c.json(await service.listForDossier(c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reviews/{id}',
        tags: ['Revues'],
        summary: "État d'une revue et son rapport d'écarts",
        request: { params: IdParamSchema },
        responses: {
          200: { description: 'Revue', content: { 'application/json': { schema: ReviewSchema } } },
          ...errorResponses(400, 404),
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const review = await service.get(id);
        return c.json(review.report ? { ...review, report: await annotate(id, review.report) } : review, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/reviews/{id}/criteria/{criterionId}/retry',
        tags: ['Revues'],
        summary: 'Relancer un critère en échec',
        request: { params: CriterionParam },
        responses: {
          202: {
            description: 'Relancé',
            content: { 'application/json': { schema: z.object({ id: z.string() }) } },
          },
          ...errorResponses(400, 404, 409),
        },
      }),
      async (c) => {
        const { id, criterionId } = c.req.valid('param');
        await service.retryCriterion(id, criterionId);
        return c.json({ id }, 202);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reviews/{id}/report.md',
        tags: ['Revues'],
        summary: "Rapport d'écarts en Markdown",
        request: { params: IdParamSchema, query: LangQuery },
        responses: {
          200: { description: 'Markdown', content: { 'text/markdown': { schema: z.string() } } },
          ...errorResponses(404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const report = await annotate(id, await service.namedReport(id));
        return c.body(renderMarkdown(report, c.req.valid('query').lang ?? 'fr'), 200, {
          'content-type': 'text/markdown; charset=utf-8',
          'content-disposition': `attachment; filename="prejury-${report.exam.id}-${id.slice(0, 8)}.md"`,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reviews/{id}/report.html',
        tags: ['Revues'],
        summary: "Rapport d'écarts imprimable (HTML)",
        request: { params: IdParamSchema, query: LangQuery },
        responses: {
          200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } },
          ...errorResponses(404, 409),
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const report = await annotate(id, await service.namedReport(id));
        return c.html(renderHtml(report, c.req.valid('query').lang ?? 'fr'), 200);
      },
    )
    .get('/reviews/:id/events', async (c) => {
      const id = c.req.param('id');
      // 404 before opening the stream, so clients get a JSON error rather than an empty stream.
      await service.progress(id);
      return streamSSE(c, async (stream) => {
        let last = '';
        const deadline = Date.now() + SSE_MAX_MS;
        while (!stream.aborted && Date.now() < deadline) {
          const progress = await service.progress(id);
          const json = JSON.stringify(progress);
          if (json !== last) {
            await stream.writeSSE({ event: 'progress', data: json });
            last = json;
          }
          if (progress.status === 'done' || progress.status === 'failed') {
            await stream.writeSSE({ event: 'done', data: JSON.stringify({ status: progress.status }) });
            return;
          }
          await stream.sleep(SSE_POLL_MS);
        }
      });
    });
}
