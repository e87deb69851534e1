import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../lib/errors';
import { ingestInProcess } from './ingest';
import type { WorkerReply, WorkerRequest } from './parse-pool';
import { slimResult } from './slim-result';

/**
 * Serves requests one at a time (hash, parse, passages, offline embeddings); errors travel as data (class
 * instances do not cross threads).
 */
async function handle(request: WorkerRequest): Promise<WorkerReply> {
  const { id, bytes, options } = request;
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ingested = await ingestInProcess(bytes, options);
    return { id, ok: true, result: slimResult({ ...ingested, bytes, sha256 }) };
  } catch (err) {
    if (err instanceof AppError) {
      return {
        id,
        ok: false,
        error: { app: true, code: err.code, status: err.status, message: err.message, details: err.details },
      };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { id, ok: false, error: { app: false, code: 'internal', status: 500, message } };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  // The upload's bytes go back moved, not copied: the API stores them.
  void handle(request).then((reply) =>
    parentPort?.postMessage(reply, reply.ok ? [reply.result.bytes.buffer as ArrayBuffer] : []),
  );
});
