import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Embedder } from '../types';
import type { createPromptCache } from './prompt-cache';
import type {
  StubEndpoint,
  StubFault,
  StubQuirks,
  StubRequestRecord,
  StubResponder,
  StubServerOptions,
} from './stub-types';

/** What the stub's handlers share: what it received, what it must do next, and its counters. */
export interface StubState {
  readonly options: StubServerOptions;
  readonly requests: StubRequestRecord[];
  readonly queue: StubFault[];
  predicate: { test: (r: StubRequestRecord) => boolean; fault: StubFault } | null;
  latencyMs: number;
  responder: StubResponder;
  quirks: StubQuirks;
  /** OpenAI-like prefix caching (see prompt-cache.ts): best case, every prompt cached as it arrives. */
  readonly promptCache: ReturnType<typeof createPromptCache>;
  readonly waiters: Set<() => void>;
  readonly embedders: Map<number, Embedder>;
  counter: number;
  completions: number;
}

// --- Request shapes (the subset we read; everything else is accepted and ignored) -----------------------

export const ContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
  z.null(),
]);

export const ChatBodySchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: ContentSchema.optional() })).min(1),
  response_format: z
    .looseObject({
      type: z.string(),
      json_schema: z
        .looseObject({ name: z.string(), schema: z.record(z.string(), z.unknown()).optional() })
        .optional(),
    })
    .optional(),
});

export const EmbeddingsBodySchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  dimensions: z.number().int().positive().max(8192).optional(),
  encoding_format: z.enum(['float', 'base64']).optional(),
});

export function wrap(content: string, how: StubQuirks['wrapJson']): string {
  switch (how) {
    case 'fence':
      return `\`\`\`json\n${content}\n\`\`\``;
    case 'prose':
      return `Voici mon évaluation : \`\`\`json ${content}\`\`\` J'espère que cela vous aide.`;
    case 'prose_bare':
      return `Voici mon évaluation du critère :\n${content}\nN'hésitez pas si vous avez des questions.`;
    default:
      return content;
  }
}

export function textOf(content: z.infer<typeof ContentSchema> | undefined): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => p.text ?? '').join('');
  return '';
}

export function errorBody(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Waits `ms` unless the client goes away first (then resolves false: nobody to answer). */
export function wait(state: StubState, ms: number, res: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!res.destroyed);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      res.off('close', cancel);
      state.waiters.delete(cancel);
      resolve(ok);
    };
    const cancel = () => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    res.once('close', cancel);
    state.waiters.add(cancel);
  });
}

export function send(
  state: StubState,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': `req_stub_${++state.counter}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

export function takeFault(
  state: StubState,
  endpoint: StubEndpoint,
  record: StubRequestRecord,
): StubFault | undefined {
  const index = state.queue.findIndex((f) => (f.endpoint ?? 'chat') === endpoint);
  if (index >= 0) return state.queue.splice(index, 1)[0];
  if (
    state.predicate &&
    (state.predicate.fault.endpoint ?? 'chat') === endpoint &&
    state.predicate.test(record)
  ) {
    return state.predicate.fault;
  }
  return undefined;
}

/** Answers transport-level faults; returns true when the request was fully handled. */
export async function applyTransportFault(
  state: StubState,
  fault: StubFault | undefined,
  res: ServerResponse,
): Promise<boolean> {
  if (!fault) return false;
  switch (fault.type) {
    case 'rate_limit': {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      const code = fault.code ?? 'rate_limit_exceeded';
      const type = code === 'insufficient_quota' ? 'insufficient_quota' : 'requests';
      send(state, res, 429, errorBody('Rate limit reached (stub).', type, code), headers);
      return true;
    }
    case 'server_error':
      send(
        state,
        res,
        fault.status ?? 500,
        errorBody('The server had an error (stub).', 'server_error', null),
      );
      return true;
    case 'http_error':
      send(
        state,
        res,
        fault.status,
        errorBody(
          fault.message ?? `Error ${fault.status} (stub).`,
          'invalid_request_error',
          fault.code ?? null,
        ),
        fault.headers,
      );
      return true;
    case 'disconnect':
      res.socket?.destroy();
      return true;
    case 'delay':
      // Answer normally afterwards, unless the client gave up (its timeout) in the meantime.
      return !(await wait(state, fault.ms, res));
    default:
      return false;
  }
}

/** The request body checked against its schema, or null once a 400 like OpenAI's has been sent. */
export function bodyOr400<T>(
  state: StubState,
  res: ServerResponse,
  schema: z.ZodType<T>,
  body: unknown,
  what: string,
): T | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  send(
    state,
    res,
    400,
    errorBody(`Invalid ${what} request: ${parsed.error.message}`, 'invalid_request_error', null),
  );
  return null;
}
