import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AppError, UnprocessableError } from '../../../lib/errors';
import type { IngestedDocument, IngestOptions } from './ingest';
import { fullResult, type SlimResult } from './slim-result';
import type { ParsedDocument } from './types';

/** A request as the parse child receives it. */
export interface ChildRequest {
  id: number;
  bytes: Uint8Array;
  options: IngestOptions;
}

/** What the child computes for an upload: everything but the bytes, which stay with the parent. */
export interface ChildResult extends IngestedDocument {
  sha256: string;
}

/**
 * An ingested upload with the bytes it was read from (the caller's, kept on this side: see `ingest`) and
 * their SHA-256 (hex), computed in the child.
 */
export interface IngestedUpload extends ChildResult {
  bytes: Uint8Array;
}

/**
 * What the child sends: once `ready` when loaded; for each request `taken` as it arrives, then the reply
 * (an error re-created here).
 */
export type ChildMessage =
  | { kind: 'ready' }
  | { kind: 'taken'; id: number }
  | { kind: 'reply'; id: number; ok: true; result: SlimResult<ChildResult> }
  | {
      kind: 'reply';
      id: number;
      ok: false;
      error: { app: boolean; code: string; status: number; message: string; details?: unknown };
    };

/** One line about a child that died during a job: process facts only, never the file's name or content. */
export interface ParseChildEvent {
  event: 'parse_child_crashed' | 'parse_child_failed_to_start';
  pid: number | undefined;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Size of the upload it was reading, bytes. */
  bytes: number;
  /** Time since the child took the job, ms. */
  elapsedMs: number;
}

export interface PoolOptions {
  /** Child processes parsing at once; more requests wait in line. */
  size: number;
  /** A child is replaced after this many parses, so nothing a library caches can grow without bound. */
  maxJobsPerWorker: number;
  /** Heap cap per child (`--max-old-space-size`): a hostile or huge file fails alone. */
  heapMb: number;
  /**
   * A child left idle this long is stopped (a warm child holds about 125 MB; the next upload starts a new one
   * in about half a second). 0 keeps idle children for good.
   */
  idleMs?: number;
  /** Where a child that died during a job is reported (default: one JSON line on stderr). */
  log?: (event: ParseChildEvent) => void;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = {
  size: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxJobsPerWorker: 50,
  heapMb: 1024,
  idleMs: 5 * 60_000,
};

interface Job {
  id: number;
  bytes: Uint8Array;
  /** The caller gives `bytes` up: the result carries that very array instead of a copy (see `ingest`). */
  transfer: boolean;
  options: IngestOptions;
  /** Counted from the moment a child takes the job: waiting in line is not the file's fault. */
  timeoutMs: number;
  resolve: (result: IngestedUpload) => void;
  reject: (err: Error) => void;
  /** Sent once to a child that died before it took it: the next failure is the job's. */
  resent?: boolean;
}

interface Slot {
  child: ChildProcess;
  job: Job | null;
  /** When the current job was sent, for the log. */
  startedAt: number;
  timer: NodeJS.Timeout | undefined;
  /** Stops the child when it has been idle `idleMs` (never keeps this process alive). */
  idleTimer: NodeJS.Timeout | undefined;
  jobs: number;
  /** The child said it loaded: an exit before that is a broken install, not a bad file. */
  ready: boolean;
  /** The child said it received the current job: a death before that is not the file's doing. */
  taken: boolean;
  exited: Promise<void>;
}

/**
 * How to start a child. Under `tsx` (the app) and Vitest (tests) this module is `.ts` and so is the child:
 * it runs with tsx's loader (`node --import tsx`, Node ≥ 20.6), resolved from here so the child's working
 * directory does not matter. Once compiled to `.js`, the sibling `.js` runs on plain Node.
 */
function childEntry(): { entry: string; loader: string[] } {
  if (!import.meta.url.endsWith('.ts')) {
    return { entry: fileURLToPath(new URL('./parse-child.js', import.meta.url)), loader: [] };
  }
  return {
    entry: fileURLToPath(new URL('./parse-child.ts', import.meta.url)),
    loader: ['--import', import.meta.resolve('tsx')],
  };
}

function timeoutError(timeoutMs: number): AppError {
  return new UnprocessableError(
    'parse_timeout',
    `La lecture du fichier a dépassé le temps imparti (${Math.max(1, Math.round(timeoutMs / 1000))} s). Le document est peut-être très lourd (images en haute résolution, centaines de pages) : exportez-le en PDF plus léger, ou déposez le fichier Word.`,
  );
}

/** A file that crashes its reader (native fault, out of memory) is bad input, never a server error. */
function crashError(): AppError {
  return new UnprocessableError(
    'parse_failed',
    'Le fichier n’a pas pu être lu : son analyse a échoué (fichier trop volumineux, trop complexe ou endommagé). Exportez-le en PDF plus léger (images compressées) ou déposez le fichier Word.',
  );
}

function fromReply(error: Extract<ChildMessage, { ok: false }>['error']): Error {
  if (!error.app) return new Error(error.message);
  return new AppError(error.code, error.status as AppError['status'], error.message, {
    details: error.details,
  });
}

function logToStderr(event: ParseChildEvent): void {
  process.stderr.write(`${JSON.stringify({ level: 'warn', ...event })}\n`);
}

/**
 * A small pool of parse child processes kept warm between uploads. Parsing runs in separate processes,
 * not threads, so that whatever goes wrong natively in a parse (a zlib handle torn down before its init
 * when a thread was terminated, a pdfjs or V8 crash, out of memory) ends that child only, never the API
 * process: the job is refused with 422 `parse_failed` and the next one gets a fresh child. A parse over
 * its budget SIGKILLs its child (422 `parse_timeout`). Idle children never keep the parent alive, and
 * exit when its IPC channel closes, so none outlives it.
 */
export class ParsePool {
  private slots: Slot[] = [];
  /** Every child not yet exited, retired and killed ones included (`close` waits for them). */
  private live = new Set<Slot>();
  private queue: Job[] = [];
  private nextId = 1;
  private readonly log: (event: ParseChildEvent) => void;

  constructor(private readonly options: PoolOptions = DEFAULT_POOL_OPTIONS) {
    this.log = options.log ?? logToStderr;
  }

  /** Parses `bytes` in a child; rejects with the child's `AppError`, 422 `parse_timeout` or `parse_failed`. */
  async run(bytes: Uint8Array, fileName: string, timeoutMs: number): Promise<ParsedDocument> {
    const { doc } = await this.ingest(
      bytes,
      { fileName, passages: false, offlineDimensions: null },
      timeoutMs,
    );
    return doc;
  }

  /**
   * Parses and prepares an upload in a child (see `ingestInProcess`); rejects like `run`. `timeoutMs`
   * runs from the moment a child takes it, not while the request waits for a free child.
   *
   * The child gets a copy (IPC); the result's `bytes` are this side's. With `transfer` they are the very
   * array given (the caller gives it up: no copy of a multi-megabyte upload kept twice); without it, a copy,
   * so the caller's array stays its own.
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

  /** The pids of the pool's current children (tests and measurements). */
  pids(): number[] {
    return this.slots.flatMap((s) => (s.child.pid === undefined ? [] : [s.child.pid]));
  }

  /** Kills every child and waits for them to exit; queued and running requests are rejected. */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const job of this.queue.splice(0)) job.reject(new Error('parse pool closed'));
    for (const slot of slots) {
      clearTimeout(slot.timer);
      clearTimeout(slot.idleTimer);
      slot.job?.reject(new Error('parse pool closed'));
      slot.job = null;
    }
    const live = [...this.live];
    for (const slot of live) {
      // Referenced again so that awaiting `close()` waits for the exits instead of ending the process.
      slot.child.ref();
      slot.child.kill('SIGKILL');
    }
    await Promise.all(live.map((s) => s.exited));
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
    const { entry, loader } = childEntry();
    const child = fork(entry, [], {
      execArgv: [...loader, `--max-old-space-size=${this.options.heapMb}`],
      serialization: 'advanced',
      // Its logs go where ours go; no pipes to drain or to keep this process alive.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let exited!: () => void;
    const slot: Slot = {
      child,
      job: null,
      startedAt: 0,
      timer: undefined,
      idleTimer: undefined,
      jobs: 0,
      ready: false,
      taken: false,
      exited: new Promise<void>((resolve) => {
        exited = resolve;
      }),
    };
    child.on('message', (message: ChildMessage) => this.onMessage(slot, message));
    // Failing to start: the child is unusable, and with no process there is no 'exit' to wait for.
    child.on('error', (err: Error) => {
      if (child.pid === undefined) {
        this.live.delete(slot);
        exited();
      }
      this.onError(slot, err);
    });
    child.on('exit', (code, signal) => {
      this.live.delete(slot);
      exited();
      this.onExit(slot, code, signal);
    });
    this.slots.push(slot);
    this.live.add(slot);
    this.idle(slot);
    return slot;
  }

  /**
   * An idle child does not keep this process alive: neither its process handle nor its IPC channel; left idle
   * `idleMs`, it is stopped (SIGTERM: it is between jobs, nothing to lose).
   */
  private idle(slot: Slot): void {
    slot.child.unref();
    slot.child.channel?.unref();
    clearTimeout(slot.idleTimer);
    const idleMs = this.options.idleMs ?? 0;
    if (idleMs > 0 && this.slots.includes(slot)) {
      slot.idleTimer = setTimeout(() => {
        if (slot.job === null && this.slots.includes(slot)) this.retire(slot, 'SIGTERM');
      }, idleMs);
      slot.idleTimer.unref();
    }
  }

  /** A busy child does (a CLI awaiting a parse must not exit under it). */
  private busy(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.child.ref();
    slot.child.channel?.ref();
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.taken = false;
    slot.jobs++;
    slot.startedAt = performance.now();
    this.busy(slot);
    slot.timer = setTimeout(() => this.onTimeout(slot), job.timeoutMs);
    const request: ChildRequest = { id: job.id, bytes: job.bytes, options: job.options };
    slot.child.send(request, (err) => {
      if (err) this.onSendFailed(slot, job, err);
    });
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    slot.job = null;
    this.idle(slot);
    if (slot.jobs >= this.options.maxJobsPerWorker) this.retire(slot, 'SIGTERM');
  }

  private onMessage(slot: Slot, message: ChildMessage): void {
    if (message.kind === 'ready') {
      slot.ready = true;
      return;
    }
    if (message.kind === 'taken') {
      if (slot.job?.id === message.id) slot.taken = true;
      return;
    }
    const job = slot.job;
    if (job === null || job.id !== message.id) return;
    this.release(slot);
    if (message.ok) {
      const bytes = job.transfer ? job.bytes : job.bytes.slice();
      job.resolve({ ...fullResult(message.result), bytes });
    } else job.reject(fromReply(message.error));
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    this.retire(slot, 'SIGKILL');
    job?.reject(timeoutError(job.timeoutMs));
    this.pump();
  }

  /** The child ended on its own (crash, OOM, killed from outside) or after being retired or killed here. */
  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    if (!this.slots.includes(slot)) return;
    const job = this.detach(slot);
    if (job !== null) {
      if (!slot.taken && !job.resent) {
        // It died before it took the job (idle, its exit not seen yet when the job was sent): a new child
        // gets the job, once. A file that kills its reader at once may so be read twice, never more.
        job.resent = true;
        this.queue.unshift(job);
      } else if (slot.ready) {
        this.log(this.event(slot, 'parse_child_crashed', code, signal, job));
        job.reject(crashError());
      } else {
        this.log(this.event(slot, 'parse_child_failed_to_start', code, signal, job));
        job.reject(new Error(`parse child exited before it was ready (code ${code}, signal ${signal})`));
      }
    }
    this.pump();
  }

  private onError(slot: Slot, err: Error): void {
    if (!this.slots.includes(slot)) return;
    const job = this.detach(slot);
    slot.child.kill('SIGKILL');
    job?.reject(err);
    this.pump();
  }

  /**
   * The child was gone before it could read the job (it died idle, its 'exit' not yet seen): the job goes
   * back to the front of the line, once, for a new child; a second failure is the job's.
   */
  private onSendFailed(slot: Slot, job: Job, err: Error): void {
    if (slot.job !== job || !this.slots.includes(slot)) return;
    if (job.resent) {
      this.onError(slot, err);
      return;
    }
    job.resent = true;
    this.retire(slot, 'SIGKILL');
    this.queue.unshift(job);
    this.pump();
  }

  private retire(slot: Slot, signal: NodeJS.Signals): void {
    this.detach(slot);
    slot.child.kill(signal);
  }

  /** Takes the slot out of the pool, its timers stopped; returns the job it was running, now no one's. */
  private detach(slot: Slot): Job | null {
    this.slots = this.slots.filter((s) => s !== slot);
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    const job = slot.job;
    slot.job = null;
    return job;
  }

  private event(
    slot: Slot,
    event: ParseChildEvent['event'],
    exitCode: number | null,
    signal: NodeJS.Signals | null,
    job: Job,
  ): ParseChildEvent {
    return {
      event,
      pid: slot.child.pid,
      exitCode,
      signal,
      bytes: job.bytes.byteLength,
      elapsedMs: Math.round(performance.now() - slot.startedAt),
    };
  }
}
