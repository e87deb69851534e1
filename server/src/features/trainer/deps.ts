import type { Database } from '../../../../db/client';

/** What the trainer modules share. */
export interface TrainerDeps {
  database: Database;
  /** Called after a review is marked as checked: tells its candidate. */
  onChecked?: (reviewId: string, by: string) => Promise<void>;
  /** Called after a decision or a check is stored: what a finished report's JSON depends on changed. */
  onChanged?: (reviewId: string) => void;
}
