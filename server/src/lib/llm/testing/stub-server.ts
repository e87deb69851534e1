import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTokens } from '../tokens';
import { createPromptCache } from './prompt-cache';
import { errorBody, type StubState, send } from './stub-http';
import { handleRequest } from './stub-router';
import { defaultResponder } from './stub-sampling';
import type { StubServer, StubServerOptions } from './stub-types';

/*
 * A local OpenAI-compatible server for tests and benchmarks: the real `openai` SDK talks to it over real
 * HTTP, so the request building, response parsing, error classes and retries under test are the real ones.
 * It implements the subset we use (chat completions with json_schema output, embeddings, model list) and
 * can inject the failures we must survive. Test-only: never wired into the app.
 *
 * This file starts the server and hands out its controls; the handling is in `stub-router.ts`,
 * `stub-chat.ts`, `stub-embeddings.ts` and `stub-http.ts`, the default answers in `stub-sampling.ts`.
 */

export { sampleFromJsonSchema } from './stub-sampling';
export type * from './stub-types';

/** Starts the stub on `host:port` (default 127.0.0.1, a free port). Call `close()` when done. */
export async function startStubServer(options: StubServerOptions = {}): Promise<StubServer> {
  const state: StubState = {
    options,
    requests: [],
    queue: [],
    predicate: null,
    latencyMs: options.latencyMs ?? 0,
    responder: options.responder ?? defaultResponder,
    quirks: { ...options.quirks },
    promptCache: createPromptCache(),
    waiters: new Set(),
    embedders: new Map(),
    counter: 0,
    completions: 0,
  };

  // Load the tokenizer now (about a second, synchronous): inside a request it would stall the first answer,
  // and in tests the client shares this event loop, so its timeout would fire.
  countTokens('warm up');

  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      send(state, res, 500, errorBody(`Stub failure: ${message}`, 'server_error', null));
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
    requests: state.requests,
    get pendingFaults() {
      return state.queue.length;
    },
    enqueue(...faults) {
      state.queue.push(...faults);
    },
    setFault(test, fault = { type: 'server_error' }) {
      state.predicate = test ? { test, fault } : null;
    },
    setLatency(ms) {
      state.latencyMs = ms;
    },
    setResponder(next) {
      state.responder = next ?? options.responder ?? defaultResponder;
    },
    setQuirks(next) {
      state.quirks = { ...next };
    },
    reset() {
      state.requests.length = 0;
      state.queue.length = 0;
      state.predicate = null;
      state.latencyMs = options.latencyMs ?? 0;
      state.responder = options.responder ?? defaultResponder;
      state.quirks = { ...options.quirks };
      state.promptCache.clear();
    },
    close() {
      for (const cancel of [...state.waiters]) cancel();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
}
