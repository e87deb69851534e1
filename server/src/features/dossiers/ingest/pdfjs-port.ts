/**
 * Opens a PDF with pdfjs's worker side in this thread, talking to it through a port that hands operator
 * lists over without cloning them.
 *
 * In Node, pdfjs runs its "worker" in the calling thread (a fake worker) behind a `LoopbackPort` that
 * `structuredClone`s every message, as a real worker boundary would. An operator list carries one glyph
 * object per character shown, so the clone copies every glyph of the document once more, and the copies
 * are garbage as soon as they are read: about a tenth of a parse (profiled on the bench's 30-page PDF).
 * pdfjs has no option against it, but it accepts a port of our own (`new PDFWorker({ port })`, the worker
 * side set up on the same port with `WorkerMessageHandler.initializeFromPort`, as a real worker does).
 *
 * What may be shared rather than cloned: an operator-list chunk is built fresh for the message and pdfjs's
 * worker side only empties its two arrays after sending them (`OperatorList.flush`), so those two arrays
 * are copied (shallowly) and their contents handed over as they are. Their typed arrays are ones pdfjs
 * transfers (gives up) anyway, and the glyphs are its font's cached, never-modified glyph objects; our
 * reading (`pdf-ops.ts`) never writes to any of it. Every other message is cloned exactly as pdfjs's own
 * port does, transfers included.
 */
import { getResolvedPDFJS } from 'unpdf';

type Listener = (this: unknown, event: { data: unknown }) => void;

interface OperatorListChunk {
  fnArray: unknown[];
  argsArray: unknown[];
}

function operatorListChunk(message: unknown): OperatorListChunk | null {
  if (typeof message !== 'object' || message === null || !('chunk' in message)) return null;
  const chunk = (message as { chunk: unknown }).chunk;
  if (typeof chunk !== 'object' || chunk === null) return null;
  const { fnArray, argsArray } = chunk as Partial<OperatorListChunk>;
  return Array.isArray(fnArray) && Array.isArray(argsArray) ? (chunk as OperatorListChunk) : null;
}

/** Plain data nested deeper than this is left to `structuredClone` (which also handles cycles). */
const MAX_PLAIN_DEPTH = 8;
const NOT_PLAIN = Symbol('not plain');

/**
 * A copy of plain data (primitives, plain objects, arrays without holes), or `NOT_PLAIN`. For such data it
 * is what a structured clone gives, without the clone's fixed cost, which dominates the small control
 * messages pdfjs sends for every page (stream pulls, page requests and their answers).
 */
function plainCopy(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null)
    return typeof value === 'function' || typeof value === 'symbol' ? NOT_PLAIN : value;
  if (depth >= MAX_PLAIN_DEPTH) return NOT_PLAIN;
  const proto = Object.getPrototypeOf(value);
  if (proto === Array.prototype) {
    const array = value as unknown[];
    // Named properties on an array are cloned too: left to the clone.
    if (Object.keys(array).length !== array.length) return NOT_PLAIN;
    const copy = new Array(array.length);
    for (let i = 0; i < array.length; i++) {
      const item = plainCopy(array[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      copy[i] = item;
    }
    return copy;
  }
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !('value' in descriptor)) return NOT_PLAIN;
    const item = plainCopy(descriptor.value, depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = item;
  }
  return copy;
}

/** A message as the other side receives it: a structured clone of it, `transfer` honoured. */
function cloneMessage(message: unknown, transfer: Transferable[] | undefined): unknown {
  if (transfer === undefined || transfer.length === 0) {
    const copy = plainCopy(message, 0);
    if (copy !== NOT_PLAIN) return copy;
  }
  return structuredClone(message, transfer ? { transfer } : undefined);
}

/**
 * pdfjs's `LoopbackPort` (both sides of the fake worker on one port, messages delivered asynchronously in
 * order), except that operator-list chunks are handed over without a deep clone, and plain-data messages
 * are copied in JavaScript rather than through `structuredClone`.
 */
export class SharingPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #delivered = Promise.resolve();

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const chunk = operatorListChunk(message);
    const data =
      chunk === null
        ? cloneMessage(message, transfer)
        : {
            ...(message as object),
            chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() },
          };
    const event = { data };
    void this.#delivered.then(() => {
      for (const listener of this.#listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    let unsubscribe: (() => void) | null = null;
    const signal = options?.signal;
    if (signal instanceof AbortSignal) {
      if (signal.aborted) return;
      const onAbort = () => this.removeEventListener(_type, listener);
      unsubscribe = () => signal.removeEventListener('abort', onAbort);
      signal.addEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, unsubscribe);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const unsubscribe of this.#listeners.values()) unsubscribe?.();
    this.#listeners.clear();
  }
}

interface WorkerMessageHandler {
  initializeFromPort(port: SharingPort): void;
}

type Pdfjs = Awaited<ReturnType<typeof getResolvedPDFJS>>;
type PdfWorker = InstanceType<Pdfjs['PDFWorker']>;

/**
 * A pdfjs worker for one document, its worker side in this thread on a `SharingPort`. pdfjs does not
 * destroy a worker it was given: the caller destroys it after the document.
 */
export async function sharingWorker(): Promise<PdfWorker> {
  const pdfjs = await getResolvedPDFJS();
  // The bundled pdfjs registers its worker side there when it loads (`globalThis.pdfjsWorker`).
  const handler = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: WorkerMessageHandler } })
    .pdfjsWorker?.WorkerMessageHandler;
  if (handler === undefined) throw new Error('pdfjs worker side not loaded');
  const port = new SharingPort();
  handler.initializeFromPort(port);
  return new pdfjs.PDFWorker({ port: port as unknown as null });
}
