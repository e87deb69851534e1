/**
 * A review service the way the server builds it (`createServices` through `createTestApp`, in-memory
 * PGlite), graded by the real `openai` SDK (`createOpenAIChatModel`) against the local stub server, or by
 * the offline analyzer. Reviews are not queued: the benchmark calls `reviews.run` itself and times it.
 */
import { getExam } from '../../server/src/features/referential/index';
import { quotingResponder } from '../../server/src/features/reviews/test-helpers';
import { testConfig } from '../../server/src/lib/env';
import { createOpenAIChatModel } from '../../server/src/lib/llm/openai-chat';
import { type StubServer, startStubServer } from '../../server/src/lib/llm/testing/stub-server';
import type { ChatModel, ChatUsage } from '../../server/src/lib/llm/types';
import { createTestApp, uploadForm } from '../../server/src/testing';
import { benchDossier, dossierPdf } from './dossier';
import { type FlatProvider, startFlatProvider } from './flat-provider';

/** One chat call as the review service made it (times relative to `performance.now()`). */
export interface CallRecord {
  tag: string | undefined;
  startedAt: number;
  endedAt: number;
  usage: ChatUsage;
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Wraps a chat model to record when each call started and ended, and what the SDK reported as usage. */
function recording(chat: ChatModel, calls: CallRecord[]): ChatModel {
  return {
    provider: chat.provider,
    model: chat.model,
    async complete(req) {
      const startedAt = performance.now();
      const result = await chat.complete(req);
      calls.push({ tag: req.tag, startedAt, endedAt: performance.now(), usage: result.usage });
      return result;
    },
  };
}

export interface HarnessOptions {
  grader: 'model' | 'offline';
  /** With `grader: 'model'`: the stub server (default), or the flat provider answering after `flatLatencyMs`. */
  flatLatencyMs?: number;
}

/**
 * `grader: 'model'`: the stub server (quoting responder: one real quote, one invented) behind the real SDK
 * with the default timeout, retries and review concurrency; `grader: 'offline'`: the offline analyzer.
 */
export async function createHarness(options: HarnessOptions) {
  const config = testConfig();
  let stub: StubServer | undefined;
  let flat: FlatProvider | undefined;
  const calls: CallRecord[] = [];
  let chat: ChatModel | null = null;
  if (options.grader === 'model') {
    const responder = quotingResponder(() => 3);
    if (options.flatLatencyMs === undefined) stub = await startStubServer({ responder });
    else flat = await startFlatProvider(options.flatLatencyMs, responder);
    chat = recording(
      createOpenAIChatModel({
        apiKey: 'bench-key',
        baseURL: stub?.url ?? flat?.url,
        model: 'stub-grader',
        timeoutMs: config.llm.timeoutMs,
        maxRetries: config.llm.maxRetries,
      }),
      calls,
    );
  }
  const t = await createTestApp({ overrides: { chat, enqueue: async () => {} } });
  const pdfs = new Map<string, Uint8Array>();

  async function pdfFor(examId: string, pages: number) {
    const key = `${examId}:${pages}`;
    let pdf = pdfs.get(key);
    if (!pdf) {
      pdf = await dossierPdf(await benchDossier(pages, examId));
      pdfs.set(key, pdf);
    }
    return pdf;
  }

  return {
    config,
    stub,
    calls,
    app: t.app,
    services: t.services,
    database: t.database,
    /** Uploads a generated dossier (`pages` pages, on-topic for `examId`) through the API: a new dossier. */
    async upload(examId: string, pages: number): Promise<{ dossierId: string; version: number }> {
      if (!getExam(examId)) throw new Error(`unknown exam ${examId}`);
      const res = await t.app.request('/api/dossiers', {
        method: 'POST',
        body: uploadForm({ name: `dossier-${pages}p.pdf`, bytes: await pdfFor(examId, pages) }, { examId }),
      });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      const dossier = (await res.json()) as { id: string; versions: { version: number }[] };
      return { dossierId: dossier.id, version: dossier.versions[dossier.versions.length - 1].version };
    },
    /** Requests a review (never reused: each upload is a new version) without running it. */
    async request(dossierId: string, version: number): Promise<string> {
      const requested = await t.services.reviews.request(dossierId, version);
      if (requested.reused) throw new Error('review reused: the benchmark needs a fresh one');
      return requested.id;
    },
    async close() {
      await t.close();
      await stub?.close();
      await flat?.close();
    },
  };
}
