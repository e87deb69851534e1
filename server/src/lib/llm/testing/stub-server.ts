import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createOfflineEmbedder } from '../embeddings';
import type { JsonSchema } from '../json-schema';
import { countTokens } from '../tokens';
import type { Embedder } from '../types';
import { createPromptCache } from './prompt-cache';

/*
 * A local OpenAI-compatible server for tests and benchmarks: the real `openai` SDK talks to it over real
 * HTTP, so the request building, response parsing, error classes and retries under test are the real ones.
 * It implements the subset we use (chat completions with json_schema output, embeddings, model list) and
 * can inject the failures we must survive. Test-only: never wired into the app.
 */

/** Which endpoint a fault applies to. */
export type StubEndpoint = 'chat' | 'embeddings';

/**
 * A scripted failure. `endpoint` defaults to `chat`; content faults (`malformed_json`,
 * `schema_violation`, `refusal`, `truncated`) only make sense there.
 */
export type StubFault = (
  | { type: 'rate_limit'; retryAfterSeconds?: number; retryAfterMs?: number; code?: string }
  | { type: 'server_error'; status?: number }
  | { type: 'delay'; ms: number }
  | { type: 'disconnect' }
  | { type: 'malformed_json'; content?: string }
  | { type: 'schema_violation'; value?: unknown }
  | { type: 'refusal'; message?: string }
  | { type: 'truncated' }
  | { type: 'http_error'; status: number; code?: string; message?: string; headers?: Record<string, string> }
) & { endpoint?: StubEndpoint };

/** One chat message as received (content flattened to text). */
export interface StubMessage {
  role: string;
  content: string;
}

/** What a responder sees of a chat request. */
export interface StubChatCall {
  model: string;
  messages: StubMessage[];
  /** `response_format.json_schema.schema`, if any. */
  schema: JsonSchema | undefined;
  schemaName: string | undefined;
  /** Every message's content joined with '\n' (what prompt tokens and the prefix cache are computed on). */
  prompt: string;
  body: Record<string, unknown>;
}

/** Produces the JSON value sent as `choices[0].message.content` (stringified). May be async. */
export type StubResponder = (call: StubChatCall) => unknown;

/** One request the stub received, in arrival order. */
export interface StubRequestRecord {
  endpoint: StubEndpoint | 'models' | 'unknown';
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when there was none or it did not parse). */
  body: unknown;
  /** Chat: message contents joined with '\n'; embeddings: inputs joined with '\n'; else ''. */
  prompt: string;
  /** The fault applied to this request, if any. */
  fault?: StubFault;
}

/**
 * Behaviours of real OpenAI-compatible servers, each documented somewhere, that the stub reproduces on
 * demand (alone or combined) so the app is tested against them over HTTP.
 */
export interface StubQuirks {
  /** Embeddings as float arrays even when base64 was asked (Ollama, LM Studio, LiteLLM, LocalAI). */
  floatEmbeddings?: boolean;
  /** Chat answers wrapped in a Markdown fence (`fence`) or in French prose around a fence (`prose`), or prose around bare JSON (`prose_bare`). */
  wrapJson?: 'fence' | 'prose' | 'prose_bare';
  /** 400 on `response_format: json_schema` (no structured-output support). */
  rejectJsonSchema?: boolean;
  /** 400 on `response_format: json_object` (LM Studio). */
  rejectJsonObject?: boolean;
  /** No `usage` in chat answers. */
  noUsage?: boolean;
  /** 404 on `/v1/embeddings` (a chat-only server). */
  noEmbeddings?: boolean;
  /**
   * Azure OpenAI: serves `/openai/deployments/<name>/chat/completions?api-version=…` (and embeddings) with
   * the key in the `api-key` header; a request without `api-version` is refused (400), like Azure does.
   */
  azure?: boolean;
}

export interface StubServerOptions {
  /** Server quirks to reproduce (see `StubQuirks`). */
  quirks?: StubQuirks;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1: never reachable from outside. */
  host?: string;
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401 like OpenAI's. */
  apiKey?: string;
  /** Fixed latency of every chat completion, in ms (benchmarks). Default 0. */
  latencyMs?: number;
  /** Default: `sampleFromJsonSchema` of the request's schema. */
  responder?: StubResponder;
  /** Embedding size when a request does not ask for `dimensions`. Default 1536 (text-embedding-3-small). */
  embeddingDimensions?: number;
}

export interface StubServer {
  /** Base URL for the SDK, e.g. `http://127.0.0.1:43123/v1`. */
  readonly url: string;
  /** The server's origin, e.g. `http://127.0.0.1:43123` (Azure's "endpoint"). */
  readonly origin: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: StubRequestRecord[];
  /** Faults queued and not yet consumed. */
  readonly pendingFaults: number;
  /** Queues faults; each applies to exactly one later request of its endpoint, in order. */
  enqueue(...faults: StubFault[]): void;
  /** Faults every matching request (after the queue), e.g. prompts that mention one criterion; `null` clears. */
  setFault(predicate: ((request: StubRequestRecord) => boolean) | null, fault?: StubFault): void;
  setLatency(ms: number): void;
  setResponder(responder: StubResponder | null): void;
  /** Replaces the quirks (reset() restores the ones given at start). */
  setQuirks(quirks: StubQuirks): void;
  /** Forgets requests, faults, the responder and the prefix cache. */
  reset(): void;
  close(): Promise<void>;
}

// --- Request shapes (the subset we read; everything else is accepted and ignored) -----------------------

const ContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
  z.null(),
]);

const ChatBodySchema = z.looseObject({
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

const EmbeddingsBodySchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  dimensions: z.number().int().positive().max(8192).optional(),
  encoding_format: z.enum(['float', 'base64']).optional(),
});

// --- The default responder -------------------------------------------------------------------------------

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === '#') return root;
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!match) return undefined;
  const defs = root[match[1] as string];
  const target = isObject(defs) ? defs[decodeURIComponent(match[2] as string)] : undefined;
  return isObject(target) ? target : undefined;
}

function sampleNumber(node: JsonSchema, integer: boolean): number {
  let value = 0;
  const min = typeof node.minimum === 'number' ? node.minimum : undefined;
  const max = typeof node.maximum === 'number' ? node.maximum : undefined;
  const exMin = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : undefined;
  if (min !== undefined && value < min) value = min;
  if (exMin !== undefined && value <= exMin) value = integer ? Math.floor(exMin) + 1 : exMin + 0.5;
  if (max !== undefined && value > max) value = max;
  return integer ? Math.ceil(value) : value;
}

/**
 * A minimal value valid against `schema`: strings '…', numbers 0 clamped into their bounds (so the
 * minimum when 0 is below it), booleans false, arrays of `minItems` items (empty by default), enums and
 * unions their first (non-null) option, objects with every required property.
 */
export function sampleFromJsonSchema(schema: JsonSchema, root: JsonSchema = schema, depth = 0): unknown {
  if (depth > 32) return null; // a recursive schema with required recursion has no finite instance
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, root);
    return target ? sampleFromJsonSchema(target, root, depth + 1) : null;
  }
  const options = Array.isArray(schema.anyOf)
    ? schema.anyOf
    : Array.isArray(schema.oneOf)
      ? schema.oneOf
      : null;
  if (options) {
    const pick = options.find((o) => isObject(o) && o.type !== 'null') ?? options[0];
    return isObject(pick) ? sampleFromJsonSchema(pick, root, depth + 1) : null;
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'string': {
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return '…'.repeat(Math.max(1, min));
    }
    case 'number':
      return sampleNumber(schema, false);
    case 'integer':
      return sampleNumber(schema, true);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = isObject(schema.items) ? schema.items : {};
      return Array.from({ length: count }, () => sampleFromJsonSchema(items, root, depth + 1));
    }
    default: {
      if (type !== 'object' && !isObject(schema.properties)) return null;
      const props = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required : Object.keys(props);
      const out: Record<string, unknown> = {};
      for (const key of required) {
        const prop = props[key as string];
        out[key as string] = isObject(prop) ? sampleFromJsonSchema(prop, root, depth + 1) : null;
      }
      return out;
    }
  }
}

const defaultResponder: StubResponder = (call) => (call.schema ? sampleFromJsonSchema(call.schema) : {});

/**
 * A schema written in the system prompt as a ```json fence (what the client sends when the server does not
 * take `json_schema`): the stub then answers like a model that follows the instruction.
 */
function schemaInPrompt(messages: StubMessage[]): JsonSchema | undefined {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const fences = [...system.matchAll(/```json\n([\s\S]*?)\n```/g)];
  const last = fences[fences.length - 1]?.[1];
  if (!last) return undefined;
  try {
    const value = JSON.parse(last) as unknown;
    return isObject(value) && ('properties' in value || 'type' in value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function wrap(content: string, how: StubQuirks['wrapJson']): string {
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

// --- The server ------------------------------------------------------------------------------------------

function textOf(content: z.infer<typeof ContentSchema> | undefined): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => p.text ?? '').join('');
  return '';
}

function errorBody(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the stub on `host:port` (default 127.0.0.1, a free port). Call `close()` when done. */
export async function startStubServer(options: StubServerOptions = {}): Promise<StubServer> {
  const requests: StubRequestRecord[] = [];
  const queue: StubFault[] = [];
  let predicate: { test: (r: StubRequestRecord) => boolean; fault: StubFault } | null = null;
  let latencyMs = options.latencyMs ?? 0;
  let responder: StubResponder = options.responder ?? defaultResponder;
  let quirks: StubQuirks = { ...options.quirks };
  // OpenAI-like prefix caching (see prompt-cache.ts): best case, every prompt cached as it arrives.
  const promptCache = createPromptCache();
  const waiters = new Set<() => void>();
  const embedders = new Map<number, Embedder>();
  let counter = 0;
  let completions = 0;

  /** Waits `ms` unless the client goes away first (then resolves false: nobody to answer). */
  function wait(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!res.destroyed);
    return new Promise((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        res.off('close', cancel);
        waiters.delete(cancel);
        resolve(ok);
      };
      const cancel = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      res.once('close', cancel);
      waiters.add(cancel);
    });
  }

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': `req_stub_${++counter}`,
      ...headers,
    });
    res.end(JSON.stringify(body));
  }

  function takeFault(endpoint: StubEndpoint, record: StubRequestRecord): StubFault | undefined {
    const index = queue.findIndex((f) => (f.endpoint ?? 'chat') === endpoint);
    if (index >= 0) return queue.splice(index, 1)[0];
    if (predicate && (predicate.fault.endpoint ?? 'chat') === endpoint && predicate.test(record)) {
      return predicate.fault;
    }
    return undefined;
  }

  /** Answers transport-level faults; returns true when the request was fully handled. */
  async function applyTransportFault(fault: StubFault | undefined, res: ServerResponse): Promise<boolean> {
    if (!fault) return false;
    switch (fault.type) {
      case 'rate_limit': {
        const headers: Record<string, string> = {};
        if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
        if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
        const code = fault.code ?? 'rate_limit_exceeded';
        const type = code === 'insufficient_quota' ? 'insufficient_quota' : 'requests';
        send(res, 429, errorBody('Rate limit reached (stub).', type, code), headers);
        return true;
      }
      case 'server_error':
        send(res, fault.status ?? 500, errorBody('The server had an error (stub).', 'server_error', null));
        return true;
      case 'http_error':
        send(
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
        return !(await wait(fault.ms, res));
      default:
        return false;
    }
  }

  async function handleChat(record: StubRequestRecord, res: ServerResponse): Promise<void> {
    const parsed = ChatBodySchema.safeParse(record.body);
    if (!parsed.success) {
      send(
        res,
        400,
        errorBody(`Invalid chat request: ${parsed.error.message}`, 'invalid_request_error', null),
      );
      return;
    }
    const body = parsed.data;
    const messages = body.messages.map((m) => ({ role: m.role, content: textOf(m.content) }));
    record.prompt = messages.map((m) => m.content).join('\n');
    const fault = takeFault('chat', record);
    if (fault) record.fault = fault;
    if (await applyTransportFault(fault, res)) return;
    const format = body.response_format?.type;
    if (
      (format === 'json_schema' && quirks.rejectJsonSchema) ||
      (format === 'json_object' && quirks.rejectJsonObject)
    ) {
      // Worded like vLLM/LM Studio: the request is refused before any generation.
      send(
        res,
        400,
        errorBody(
          `response_format type '${format}' is not supported (stub).`,
          'invalid_request_error',
          null,
          'response_format',
        ),
      );
      return;
    }
    // Usage is counted on arrival, inside the latency window, like a provider reading the prompt: counted
    // after the wait, concurrent calls due together would queue behind each other's tokenising on this
    // event loop (which tests and benchmarks share with the client).
    const counting = performance.now();
    const usage = promptCache.observe(body.model, record.prompt);
    if (!(await wait(latencyMs - (performance.now() - counting), res))) return;

    const call: StubChatCall = {
      model: body.model,
      messages,
      schema: body.response_format?.json_schema?.schema ?? schemaInPrompt(messages),
      schemaName: body.response_format?.json_schema?.name,
      prompt: record.prompt,
      body: parsed.data,
    };
    let content: string | null;
    let refusal: string | null = null;
    let finishReason = 'stop';
    switch (fault?.type) {
      case 'malformed_json':
        content = fault.content ?? '{"score": 3,';
        break;
      case 'schema_violation':
        content = JSON.stringify(fault.value ?? { foo: 1 });
        break;
      case 'refusal':
        content = null;
        refusal = fault.message ?? "I'm sorry, I can't help with that.";
        break;
      case 'truncated':
        content = '{"score": 3, "rationale": "Le dossier prés';
        finishReason = 'length';
        break;
      default:
        try {
          content = wrap(JSON.stringify(await responder(call)), quirks.wrapJson);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          send(res, 500, errorBody(`Stub responder failed: ${message}`, 'server_error', null));
          return;
        }
    }
    const { promptTokens, cachedTokens } = usage;
    const completionTokens = countTokens(content ?? refusal ?? '');
    send(res, 200, {
      id: `chatcmpl-stub-${++completions}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      system_fingerprint: 'fp_stub',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal, annotations: [] },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      ...(quirks.noUsage
        ? {}
        : {
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: completionTokens,
              total_tokens: promptTokens + completionTokens,
              prompt_tokens_details: { cached_tokens: cachedTokens },
              completion_tokens_details: { reasoning_tokens: 0 },
            },
          }),
    });
  }

  async function handleEmbeddings(record: StubRequestRecord, res: ServerResponse): Promise<void> {
    const parsed = EmbeddingsBodySchema.safeParse(record.body);
    if (!parsed.success) {
      send(
        res,
        400,
        errorBody(`Invalid embeddings request: ${parsed.error.message}`, 'invalid_request_error', null),
      );
      return;
    }
    const body = parsed.data;
    if (quirks.noEmbeddings) {
      send(res, 404, errorBody('Not found (stub: chat-only server).', 'invalid_request_error', null));
      return;
    }
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    record.prompt = inputs.join('\n');
    const fault = takeFault('embeddings', record);
    if (fault) record.fault = fault;
    if (await applyTransportFault(fault, res)) return;

    const dimensions = body.dimensions ?? options.embeddingDimensions ?? 1536;
    let embedder = embedders.get(dimensions);
    if (!embedder) {
      embedder = createOfflineEmbedder({ dimensions });
      embedders.set(dimensions, embedder);
    }
    const vectors = await embedder.embed(inputs);
    const tokens = inputs.reduce((sum, t) => sum + countTokens(t), 0);
    send(res, 200, {
      object: 'list',
      model: body.model,
      data: vectors.map((v, index) => ({
        object: 'embedding',
        index,
        // The SDK asks for base64 (little-endian float32) unless told otherwise, and decodes it itself.
        embedding:
          body.encoding_format === 'base64' && !quirks.floatEmbeddings
            ? Buffer.from(new Float32Array(v).buffer).toString('base64')
            : v,
      })),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://stub');
    const rawPath = url.pathname.replace(/\/+$/, '');
    // Azure: /openai/deployments/<deployment>/<operation>?api-version=…; the deployment is the model.
    const azure = quirks.azure ? /^\/openai\/deployments\/([^/]+)(\/.*)$/.exec(rawPath) : null;
    const path = azure ? `/v1${azure[2]}` : quirks.azure ? '/azure/unknown' : rawPath;
    const endpoint: StubRequestRecord['endpoint'] =
      method === 'POST' && path === '/v1/chat/completions'
        ? 'chat'
        : method === 'POST' && path === '/v1/embeddings'
          ? 'embeddings'
          : method === 'GET' && path === '/v1/models'
            ? 'models'
            : 'unknown';
    const raw = await readBody(req);
    let body: unknown;
    let badJson = false;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    if (azure && typeof body === 'object' && body !== null) {
      body = { ...(body as Record<string, unknown>), model: decodeURIComponent(azure[1] as string) };
    }
    const record: StubRequestRecord = {
      endpoint,
      method,
      path: rawPath,
      headers: req.headers,
      body,
      prompt: '',
    };
    requests.push(record);

    const authorised = quirks.azure
      ? req.headers['api-key'] === options.apiKey
      : req.headers.authorization === `Bearer ${options.apiKey}`;
    if (options.apiKey !== undefined && !authorised) {
      send(
        res,
        401,
        errorBody('Incorrect API key provided (stub).', 'invalid_request_error', 'invalid_api_key'),
      );
      return;
    }
    if (badJson) {
      send(res, 400, errorBody('The request body is not valid JSON.', 'invalid_request_error', null));
      return;
    }
    if (quirks.azure && !url.searchParams.get('api-version')) {
      send(
        res,
        400,
        errorBody(
          'Missing required query parameter: api-version (stub).',
          'invalid_request_error',
          'missing_api_version',
        ),
      );
      return;
    }
    switch (endpoint) {
      case 'chat':
        return handleChat(record, res);
      case 'embeddings':
        return handleEmbeddings(record, res);
      case 'models':
        send(res, 200, {
          object: 'list',
          data: [{ id: 'stub-model', object: 'model', created: 0, owned_by: 'stub' }],
        });
        return;
      default:
        send(
          res,
          404,
          errorBody(`Unknown endpoint ${method} ${path} (stub).`, 'invalid_request_error', null),
        );
    }
  }

  // Load the tokenizer now (about a second, synchronous): inside a request it would stall the first answer,
  // and in tests the client shares this event loop, so its timeout would fire.
  countTokens('warm up');

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      send(res, 500, errorBody(`Stub failure: ${message}`, 'server_error', null));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/v1`,
    origin: `http://${urlHost}:${port}`,
    port,
    requests,
    get pendingFaults() {
      return queue.length;
    },
    enqueue(...faults) {
      queue.push(...faults);
    },
    setFault(test, fault = { type: 'server_error' }) {
      predicate = test ? { test, fault } : null;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    setResponder(next) {
      responder = next ?? options.responder ?? defaultResponder;
    },
    setQuirks(next) {
      quirks = { ...next };
    },
    reset() {
      requests.length = 0;
      queue.length = 0;
      predicate = null;
      latencyMs = options.latencyMs ?? 0;
      responder = options.responder ?? defaultResponder;
      quirks = { ...options.quirks };
      promptCache.clear();
    },
    close() {
      for (const cancel of [...waiters]) cancel();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
}
