import { streamSSE } from 'hono/streaming';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import {
  createRouter,
  IdParamSchema,
  jsonRequest,
  respond,
  routesTagged,
  VersionParamSchema,
} from '../../lib/openapi';
import { ExamIdParamSchema } from '../referential';
import {
  CoachAnswerSchema,
  CoachRequestSchema,
  ConversationSchema,
  ExamBriefSchema,
  OralPrepSchema,
} from './schemas';
import type { CoachingService } from './service';

const route = routesTagged('Coaching');

/** Characters per `delta` event of the streamed answer: small enough to render progressively. */
const STREAM_CHUNK = 80;

/** Splits an answer into chunks at word boundaries, keeping every character (the chunks join back to it). */
export function chunkAnswer(answer: string, size = STREAM_CHUNK): string[] {
  const chunks: string[] = [];
  let rest = answer;
  while (rest.length > size) {
    const space = rest.lastIndexOf(' ', size);
    const cut = space > 0 ? space + 1 : size;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** `/api/exams/:id/brief` and `/api/exams/:id/brief.md`: the exam's brief, as JSON and as a Markdown checklist. */
export function examBriefRoutes(service: CoachingService) {
  return createRouter()
    .openapi(
      route.get(
        '/brief',
        "Fiche d'épreuve : livrables, critères, modalités, plan suggéré, méthodes et pièges",
        {
          request: { params: ExamIdParamSchema },
          responses: respond.ok('La fiche', ExamBriefSchema, 404),
        },
      ),
      (c) => c.json(service.brief(c.req.valid('param').id), 200),
    )
    .openapi(
      route.get('/brief.md', "Fiche d'épreuve en Markdown (liste à cocher)", {
        request: { params: ExamIdParamSchema },
        responses: respond.text('Markdown', 'text/markdown', 404),
      }),
      (c) => {
        const { id } = c.req.valid('param');
        return c.body(service.briefMarkdown(id), 200, {
          'content-type': 'text/markdown; charset=utf-8',
          'content-disposition': `attachment; filename="prejury-fiche-${id}.md"`,
        });
      },
    );
}

/**
 * `/api/dossiers/:id/versions/:v/coach`: the conversation with the coach about one's own draft, a question,
 * and `/stream` for the answer as server-sent events.
 */
export function coachRoutes(
  service: CoachingService,
  options: { logger?: Pick<Logger, 'error'>; perHourLimit?: number } = {},
) {
  const limitFor = (actor: { userId: string } | null) => ({
    askedBy: actor?.userId,
    perHourLimit: options.perHourLimit,
  });
  return createRouter()
    .openapi(
      route.get('/', 'La conversation avec le coach sur une version du dossier', {
        request: { params: VersionParamSchema },
        responses: respond.ok('Conversation', ConversationSchema, 400, 404),
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        return c.json(await service.conversation(id, v), 200);
      },
    )
    .openapi(
      route.post('/', 'Poser une question au coach sur son propre brouillon', {
        description:
          'Le coach aide à réfléchir et à structurer ; il ne rédige pas le dossier. Une demande de rédaction reçoit des pistes et des questions (`refused: true`).',
        ...jsonRequest(CoachRequestSchema, { params: VersionParamSchema }),
        responses: respond.ok('Réponse', CoachAnswerSchema, 400, 404, 415, 422),
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        return c.json(await service.ask(id, v, c.req.valid('json').message, limitFor(c.get('actor'))), 200);
      },
    )
    .openapi(
      route.post('/stream', 'Poser une question au coach, réponse en flux (server-sent events)', {
        description:
          "Événements `delta` (`{ text }`) puis `done` (`{ citations, mode, refused, droppedQuotes?, messageId }`), ou `error` (`{ code, message }`). La réponse est vérifiée (citations contrôlées contre le brouillon) avant d'être diffusée.",
        ...jsonRequest(CoachRequestSchema, { params: VersionParamSchema }),
        responses: respond.text('Flux SSE', 'text/event-stream', 400, 404, 415, 422),
      }),
      async (c) => {
        const { id, v } = c.req.valid('param');
        const { message } = c.req.valid('json');
        // 404 before opening the stream, so clients get a JSON error rather than an empty stream.
        await service.checkVersion(id, v);
        const limit = limitFor(c.get('actor'));
        return streamSSE(c, async (stream) => {
          try {
            const { answer, ...rest } = await service.ask(id, v, message, limit);
            for (const text of chunkAnswer(answer)) {
              if (stream.aborted) return;
              await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }) });
            }
            await stream.writeSSE({ event: 'done', data: JSON.stringify(rest) });
          } catch (err) {
            const known = err instanceof AppError;
            // The app's onError never sees errors inside an open stream: log the unexpected ones here.
            if (!known) options.logger?.error({ reqId: c.get('requestId'), err }, 'coach stream failed');
            await stream.writeSSE({
              event: 'error',
              data: JSON.stringify({
                code: known ? err.code : 'internal_error',
                message: known ? err.message : 'Erreur interne du serveur.',
              }),
            });
          }
        });
      },
    );
}

/** `/api/reviews/:id/oral`: preparing the oral from a finished review. */
export function oralRoutes(service: CoachingService) {
  return createRouter().openapi(
    route.get('/', "Préparation de l'oral à partir d'une revue terminée", {
      request: { params: IdParamSchema },
      responses: respond.ok(
        'Questions probables du jury et entraînement chronométré',
        OralPrepSchema,
        400,
        404,
        409,
      ),
    }),
    async (c) => c.json(await service.oral(c.req.valid('param').id), 200),
  );
}
