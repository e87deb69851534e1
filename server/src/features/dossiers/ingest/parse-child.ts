/**
 * A parse child process (see `ParsePool`): serves the parent's requests one at a time over its IPC channel
 * (hash, parse, passages, offline embeddings) and exits when the channel closes, so it never outlives the
 * API process. Errors travel as data (class instances do not cross processes).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../lib/errors';
import { ingestInProcess } from './ingest';
import type { ChildMessage, ChildRequest } from './parse-pool';
import { slimResult } from './slim-result';

async function handle(request: ChildRequest): Promise<ChildMessage> {
  const { id, options } = request;
  // Structured clone may give a Buffer or a Uint8Array: parsers get a plain view either way.
  const bytes = new Uint8Array(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ingested = await ingestInProcess(bytes, options);
    // The bytes stay here: the parent kept its own and answers with them.
    return { kind: 'reply', id, ok: true, result: slimResult({ ...ingested, sha256 }) };
  } catch (err) {
    if (err instanceof AppError) {
      return {
        kind: 'reply',
        id,
        ok: false,
        error: { app: true, code: err.code, status: err.status, message: err.message, details: err.details },
      };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'reply', id, ok: false, error: { app: false, code: 'internal', status: 500, message } };
  }
}

const send = (message: ChildMessage) => process.send?.(message);

process.on('message', (request: ChildRequest) => {
  send({ kind: 'taken', id: request.id });
  void handle(request).then(send);
});
// The parent is gone (exited, crashed or killed) or let this child go: nothing left to serve.
process.on('disconnect', () => process.exit(0));
// Ctrl-C in a terminal signals the whole process group: the API then lets the requests in flight finish,
// parses included, and this child goes when the API exits and its channel closes.
process.on('SIGINT', () => undefined);
send({ kind: 'ready' });
