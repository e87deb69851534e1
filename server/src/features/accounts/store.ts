import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { embeddings, passages } from '../../../../db/schema';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { Auth } from './auth';

/** What the account modules share: the database, better-auth and the logger. */
export interface AccountDeps {
  database: Database;
  auth: Auth;
  logger: Logger;
  /** Called for each review deleted with its dossier (cached access must go). */
  onReviewChanged?: (reviewId: string) => void;
}

/**
 * One answer whether an address is taken here or in another organisation, and no address echoed: an
 * admin must not learn which organisations someone belongs to (the admin's own list shows theirs).
 */
export function emailUnavailable() {
  return new AppError(
    'email_unavailable',
    409,
    'Cette adresse e-mail ne peut pas être utilisée pour un nouveau compte. Vérifiez la liste des comptes ou utilisez une autre adresse.',
  );
}

/** Deletes embeddings no passage points at any more (they are shared between identical passages). */
export const ORPHAN_EMBEDDINGS = sql`delete from ${embeddings} e where not exists (select 1 from ${passages} p where p.content_hash = e.content_hash)`;
