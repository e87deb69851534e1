import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, UnprocessableError } from '../../../lib/errors';
import type { IngestedDocument, IngestOptions } from './ingest';
import { fullResult, type SlimResult } from './slim-result';
import type { ParsedDocument } from './types';

/** A request as the worker receives it. */
export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  options: IngestOptions;
}

/**
 * An ingested upload with the bytes it was read from, handed back by the worker without a copy, and their
 * SHA-256 (hex), computed there too.
 */
export interface IngestedUpload extends IngestedDocument {
  bytes: Uint8Array;
  sha256: string;
}

/** What the worker posts back: the ingested upload, or an error to re-create on this side. */
export type WorkerReply =
  | { id: number; ok: true; result: SlimResult<IngestedUpload> }
  | {
      id: number;
      ok: false;
      error: { app: boolean; code: string; status: number; message: string; details?: unknown };
    };

export interface PoolOptions {
  /** Workers running at once; more requests wait in line. */
  size: number;
  /** A worker is replaced after this many parses, so nothing a library caches can grow without bound. */
  maxJobsPerWorker: number;
  /** Heap cap per worker: a hostile or huge file fails alone instead of taking the API process down. */
  heapMb: number;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = {
  size: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxJobsPerWorker: 50,
  heapMb: 1024,
};

interface Job {
  id: number;
  bytes: Uint8Array;
  /** Move `bytes` to the worker instead of copying them (see `ingest`). */
  transfer: boolean;
  options: IngestOptions;
  /** Counted from the moment a worker takes the job: waiting in line is not the file's fault. */
  timeoutMs: number;
  resolve: (result: IngestedUpload) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | undefined;
  jobs: number;
}

/**
 * How to start a worker. Under `tsx` (the app) and Vitest (tests) this module is `.ts` and so is the
 * worker; Node 20 ignores ESM loaders given to a Worker through `execArgv` (nodejs/node#47747), so a
 * small bootstrap registers tsx's loader inside the worker (its `register()` API) before importing it.
 * Once compiled to `.js`, the sibling `.js` worker runs as is.
 */
function workerEntry(): { entry: string | URL; evalCode: boolean } {
  if (!import.meta.url.endsWith('.ts'))
    return { entry: new URL('./parse-worker.js', import.meta.url), evalCode: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./parse-worker.ts', import.meta.url).href;
  const entry = `(async () => {
    const { register } = await import(${JSON.stringify(tsx)});
    register();
    await import(${JSON.stringify(worker)});
  })().catch((err) => { throw err; });`;
  return { entry, evalCode: true };
}

/** A view on the whole of a plain ArrayBuffer: moving it to a thread detaches nothing else. */
function ownsItsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

function timeoutError(timeoutMs: number): AppError {
  return new UnprocessableError(
    'parse_timeout',
    `La lecture du fichier a dépassé le temps imparti (${Math.max(1, Math.round(timeoutMs / 1000))} s). Le document est peut-être très lourd (images en haute résolution, centaines de pages) : exportez-le en PDF plus léger, ou déposez le fichier Word.`,
  );
}

function crashError(err: Error & { code?: string }): Error {
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new UnprocessableError(
      'parse_failed',
      'Le fichier est trop volumineux ou trop complexe pour être lu. Exportez-le en PDF plus léger (images compressées) ou déposez le fichier Word.',
    );
  }
  return err;
}

function fromReply(error: Extract<WorkerReply, { ok: false }>['error']): Error {
  if (!error.app) return new Error(error.message);
  return new AppError(error.code, error.status as AppError['status'], error.message, {
    details: error.details,
  });
}

/**
 * A small pool of parse workers kept warm between uploads: starting a worker (loader, pdfjs, language
 * data) costs about a second, a parse of a 20-page dossier a few hundred milliseconds. A parse over its
 * budget terminates its worker (a new one is started for the next request); idle workers never keep
 * the process alive.
 */
export class ParsePool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly options: PoolOptions = DEFAULT_POOL_OPTIONS) {}

  /** Parses `bytes` in a worker; rejects with the worker's `AppError`, or 422 `parse_timeout`. */
  async run(bytes: Uint8Array, fileName: string, timeoutMs: number): Promise<ParsedDocument> {
    const { doc } = await this.ingest(
      bytes,
      { fileName, passages: false, offlineDimensions: null },
      timeoutMs,
    );
    return doc;
  }

  /**
   * Parses and prepares an upload in a worker (see `ingestInProcess`); rejects like `run`. `timeoutMs`
   * runs from the moment a worker starts on it, not while the request waits for a free worker.
   *
   * With `transfer`, a `bytes` that owns its whole buffer moves to the worker and back (the result's
   * `bytes`) instead of being copied: it is unusable (detached) from the call on. Without it, or for a
   * view on a shared buffer, the worker gets a copy.
   */
  ingest(
    bytes: Uint8Array,
    options: IngestOptions,
    timeoutMs: number,
    transfer = false,
  ): Promise<IngestedUpload> {
    return new Promise<IngestedUpload>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, transfer, options, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every worker; queued requests are rejected. */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const job of this.queue.splice(0)) job.reject(new Error('parse pool closed'));
    for (const slot of slots) {
      clearTimeout(slot.timer);
      slot.job?.reject(new Error('parse pool closed'));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (slot === undefined) {
        if (this.slots.length >= this.options.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift();
      if (job !== undefined) this.dispatch(slot, job);
    }
  }

  private spawn(): Slot {
    const { entry, evalCode } = workerEntry();
    const worker = new Worker(entry, {
      eval: evalCode,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    const slot: Slot = { worker, job: null, timer: undefined, jobs: 0 };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (err: Error) => this.onCrash(slot, err));
    worker.on('exit', (code) => this.onCrash(slot, new Error(`parse worker exited with code ${code}`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.jobs++;
    // Busy workers keep the process alive (a CLI awaiting a parse must not exit under it).
    slot.worker.ref();
    slot.timer = setTimeout(() => this.onTimeout(slot), job.timeoutMs);
    const bytes = job.transfer && ownsItsBuffer(job.bytes) ? job.bytes : job.bytes.slice();
    const request: WorkerRequest = { id: job.id, bytes, options: job.options };
    slot.worker.postMessage(request, [bytes.buffer]);
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = null;
    slot.worker.unref();
    if (slot.jobs >= this.options.maxJobsPerWorker) this.retire(slot);
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (job === null || job.id !== reply.id) return;
    this.release(slot);
    if (reply.ok) job.resolve(fullResult(reply.result));
    else job.reject(fromReply(reply.error));
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    this.retire(slot);
    job?.reject(timeoutError(job.timeoutMs));
    this.pump();
  }

  private onCrash(slot: Slot, err: Error): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    clearTimeout(slot.timer);
    slot.job?.reject(crashError(err));
    this.pump();
  }

  private retire(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
    clearTimeout(slot.timer);
    void slot.worker.terminate();
  }
}
