import type { IncomingHttpHeaders } from 'node:http';
import type { JsonSchema } from '../json-schema';

/* The stub server's public types (see `stub-server.ts`). */

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
