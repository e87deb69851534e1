import type { Database } from '../../../../db/client';
import { offlineEmbedderDimensions } from '../../lib/llm/embeddings';
import type { Embedder } from '../../lib/llm/types';
import type { Logger } from '../../lib/logger';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /**
   * The caller hands the bytes over (the HTTP route, whose request body nobody else holds): they move to the
   * parse worker instead of being copied, and the array is unusable (detached) afterwards. Other callers
   * (CLI, evals, tests) keep their array and pay one copy.
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
  /** With the offline embedder, the parse worker computes the vectors too (CPU, off the event loop). */
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
