import type { createUsageLedger } from '../../lib/ledger';

/**
 * Reviews cost money: a user may start only so many new ones per hour (reused ones are free). Counted in
 * the append-only ledger, not from review rows, which deleting a dossier removes. Throws a 429 when spent.
 */
export async function spendReviewAllowance(
  ledger: ReturnType<typeof createUsageLedger>,
  requestedBy: string | undefined,
  perHourLimit: number | undefined,
) {
  if (!requestedBy || !perHourLimit) return;
  await ledger.spend(
    'review',
    requestedBy,
    perHourLimit,
    `Trop d'analyses demandées : ${perHourLimit} par heure au plus. Réessayez un peu plus tard.`,
  );
}
