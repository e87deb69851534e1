/** What the review modules share: the service's collaborators and the few things built once from them. */
import type { Database } from '../../../../db/client';
import { createUsageLedger } from '../../lib/ledger';
import type { ReviewServiceDeps } from './service';

export interface ReviewContext extends ReviewServiceDeps {
  db: Database['db'];
  ledger: ReturnType<typeof createUsageLedger>;
  leaseMs: number;
  /** Wakes progress streams: a review or one of its criteria changed state. */
  moved: (reviewId: string) => void;
}

export function reviewContext(deps: ReviewServiceDeps): ReviewContext {
  return {
    ...deps,
    db: deps.database.db,
    ledger: createUsageLedger(deps.database),
    leaseMs: deps.leaseMs ?? 120_000,
    moved: deps.onProgress ?? (() => {}),
  };
}
