import type { Database } from '../../../../db/client';
import { offlineEmbedderDimensions } from '../../lib/llm/embeddings';
import type { Embedder } from '../../lib/llm/types';
import type { Logger } from '../../lib/logger';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /**
   * The caller hands the bytes over (the HTTP route, whose request body nobody else holds): the stored
   * upload is that very array, not a copy, and the caller must not change it. Other callers (CLI, evals,
   * tests) keep their array and pay one copy. The parse child always reads a copy (IPC).
   */
  handOver?: boolean;
}

export interface DossierServiceDeps {
  database: Database;
  embedder: Embedder;
  logger: Logger;
  maxUploadBytes: number;
  parseTimeoutMs: number;
  /** Redact e-mail addresses and phone numbers from passages sent to a remote embedding model. */
  redactPii?: boolean;
}

/** The collaborators with what follows from them, computed once per service. */
export interface DossierContext extends DossierServiceDeps {
  /** The offline embedder runs here; any other model is an external provider receiving passages. */
  remote: boolean;
  redact: boolean;
  /** With the offline embedder, the parse child computes the vectors too (CPU, off the event loop). */
  offlineDimensions: ReturnType<typeof offlineEmbedderDimensions>;
}

export function dossierContext(deps: DossierServiceDeps): DossierContext {
  return {
    ...deps,
    remote: !deps.embedder.model.startsWith('offline-'),
    redact: deps.redactPii ?? true,
    offlineDimensions: offlineEmbedderDimensions(deps.embedder),
  };
}
