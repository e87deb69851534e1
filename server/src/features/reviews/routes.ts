import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { LRUCache } from 'lru-cache';
import {
  CriterionParamSchema,
  createRouter,
  IdParamSchema,
  respond,
  routesTagged,
  VersionParamSchema,
} from '../../lib/openapi';
import type { ProgressBus } from '../../lib/progress-bus';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { type GapReport, GapReportSchema, ReviewProgressSchema, ReviewRubricSchema } from './schemas';
import type { ReviewService } from './service';

const route = routesTagged('Revues');

const LangQuery = z.object({ lang: z.enum(['fr', 'en']).optional() });

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
    progress: ReviewProgressSchema,
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

const utf8 = new TextEncoder();

/**
 * A stream reads the review when told it moved (`ProgressBus`), and on its own only this often: a safety
 * net for a lost notice, not a poll.
 */
const SSE_RECHECK_MS = 15_000;
const SSE_MAX_MS = 15 * 60_000;

/** Whether an If-None-Match header names this ETag (a list, weak forms, or `*`). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * `/api/reviews`: a review and its report (JSON with an ETag, Markdown, printable HTML), its rubric, a failed
 * criterion's retry, and `/:id/events`, its progress as server-sent events.
 */
export function reviewRoutes(
  service: ReviewService,
  options: {
    /** Adds people's work to a report (trainers' decisions beside the AI's scores). */
    annotate?: (reviewId: string, report: GapReport) => Promise<GapReport>;
    /** What wakes progress streams; without it they re-check every 500 ms. */
    progress?: ProgressBus;
  } = {},
) {
  const annotate = options.annotate ?? (async (_id: string, report: GapReport) => report);
  // Finished reviews' JSON by ETag. A finished report never changes, and the ETag also covers trainers'
  // decisions and check (the access policy's query fingerprints them), so an entry is never stale: a
  // change makes a new ETag. Bounded by size: reports weigh tens of kilobytes.
  // Kept as UTF-8 bytes: the server then neither measures (Content-Length) nor encodes the text again on
  // every read, a large part of what a signed-in read of a report costs (#17).
  const finished = new LRUCache<string, Uint8Array<ArrayBuffer>>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (body) => Math.max(1, body.byteLength),
  });
  // The ETag of each (review, fingerprint), so a read does not hash it again.
  const etags = new LRUCache<string, string>({ max: 20_000 });
  const etagOf = (id: string, version: string) => {
    const key = `${id}|${version}`;
    let etag = etags.get(key);
    if (etag === undefined) {
      etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
      etags.set(key, etag);
    }
    return etag;
  };
  return createRouter()
    .openapi(
      route.get('/{id}', "État d'une revue et son rapport d'écarts", {
        request: { params: IdParamSchema },
        responses: respond.ok(
          'Revue. Une revue terminée porte un ETag : avec If-None-Match, 304 tant que rien ne change.',
          ReviewSchema,
          400,
          404,
        ),
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const known = c.get('reviewVersion');
        const etag = known?.id === id && known.version ? etagOf(id, known.version) : null;
        if (etag) {
          c.header('ETag', etag);
          // Revalidate every time (a trainer may decide at any moment), but a 304 costs one small query.
          c.header('Cache-Control', 'private, no-cache');
          // `as never`: these carry the same JSON as below (or none, 304); the typed client keeps one shape.
          if (ifNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304) as never;
          const body = finished.get(etag);
          if (body) return c.body(body, 200, { 'content-type': 'application/json' }) as never;
        }
        const review = await service.get(id);
        const payload = review.report ? { ...review, report: await annotate(id, review.report) } : review;
        if (etag && review.status === 'done') {
          const body = utf8.encode(JSON.stringify(payload));
          finished.set(etag, body);
          return c.body(body, 200, { 'content-type': 'application/json' }) as never;
        }
        return c.json(payload, 200);
      },
    )
    .openapi(
      route.get('/{id}/rubric', 'Grille de la revue : descripteurs des niveaux et ancres de chaque critère', {
        request: { params: IdParamSchema },
        responses: respond.ok('Grille', ReviewRubricSchema, 400, 404),
      }),
      async (c) => {
        const rubric = await service.rubric(c.req.valid('param').id);
        // The grader's wording and weights stay with the exam team; people read descriptors and anchors.
        return c.json(
          {
            version: rubric.version,
            examId: rubric.examId,
            scale: rubric.scale,
            criteria: rubric.criteria.map(({ id, descriptors, anchors }) => ({ id, descriptors, anchors })),
          },
          200,
        );
      },
    )
    .openapi(
      route.post('/{id}/criteria/{criterionId}/retry', 'Relancer un critère en échec', {
        request: { params: CriterionParamSchema },
        responses: respond.accepted('Relancé', z.object({ id: z.string() }), 400, 404, 409),
      }),
      async (c) => {
        const { id, criterionId } = c.req.valid('param');
        await service.retryCriterion(id, criterionId);
        return c.json({ id }, 202);
      },
    )
    .openapi(
      route.get('/{id}/report.md', "Rapport d'écarts en Markdown", {
        request: { params: IdParamSchema, query: LangQuery },
        responses: respond.text('Markdown', 'text/markdown', 404, 409),
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
      route.get('/{id}/report.html', "Rapport d'écarts imprimable (HTML)", {
        request: { params: IdParamSchema, query: LangQuery },
        responses: respond.text('HTML', 'text/html', 404, 409),
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const report = await annotate(id, await service.namedReport(id));
        return c.html(renderHtml(report, c.req.valid('query').lang ?? 'fr'), 200);
      },
    )
    .route('/:id/events', reviewEventRoutes(service, options.progress));
}

/** `/api/dossiers/:id/versions/:v/reviews`: asking for the review of a version (queued, or reused). */
export function versionReviewRoutes(service: ReviewService, options: { perHourLimit?: number } = {}) {
  return createRouter().openapi(
    route.post('/', "Demander la revue d'une version (asynchrone)", {
      request: { params: VersionParamSchema },
      responses: respond.accepted('Revue en file', ReviewRequestedSchema, 400, 401, 403, 404, 429),
    }),
    async (c) => {
      const { id, v } = c.req.valid('param');
      const requestedBy = c.get('actor')?.userId;
      return c.json(await service.request(id, v, { requestedBy, perHourLimit: options.perHourLimit }), 202);
    },
  );
}

/** `/api/dossiers/:id/reviews`: a dossier's reviews, version by version. */
export function dossierReviewRoutes(service: ReviewService) {
  return createRouter().openapi(
    route.get('/', "Les revues d'un dossier, version par version", {
      request: { params: IdParamSchema },
      responses: respond.ok('Revues', DossierReviewSchema.array(), 400, 404),
    }),
    async (c) => c.json(await service.listForDossier(c.req.valid('param').id), 200),
  );
}

/** `/api/reviews/:id/events`: a review's progress as server-sent events (`progress`, then `done`). */
function reviewEventRoutes(service: ReviewService, bus: ProgressBus | undefined) {
  return createRouter().openapi(
    route.get('/', "Progression d'une revue (server-sent events : `progress`, puis `done`)", {
      request: { params: IdParamSchema },
      responses: respond.text('Flux SSE', 'text/event-stream', 400, 401, 404),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      // 404 before opening the stream, so clients get a JSON error rather than an empty stream.
      await service.progress(id);
      return streamSSE(c, async (stream) => {
        let wake: (() => void) | null = null;
        let moved = true;
        const recheckMs = bus ? SSE_RECHECK_MS : 500;
        const unsubscribe = bus
          ? await bus.subscribe(id, () => {
              moved = true;
              wake?.();
            })
          : () => {};
        stream.onAbort(() => wake?.());
        try {
          let last = '';
          const deadline = Date.now() + SSE_MAX_MS;
          while (!stream.aborted && Date.now() < deadline) {
            if (moved) {
              moved = false;
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
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                moved = true;
                resolve();
              }, recheckMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
              if (moved || stream.aborted) wake();
            });
            wake = null;
          }
        } finally {
          unsubscribe();
        }
      });
    },
  );
}
