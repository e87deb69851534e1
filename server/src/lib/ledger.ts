import { createHash } from 'node:crypto';
import { and, count, eq, gt, lt, max, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { usageEvents } from '../../../db/schema';
import { AppError } from './errors';

export type UsageKind = (typeof usageEvents.$inferInsert)['kind'];

/** Rows older than this are pruned: every window read from the ledger is shorter. */
export const LEDGER_RETENTION_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/** The ledger subject of a sign-in attempt: a hash of the normalised e-mail, never the address itself. */
export function signInSubject(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * The append-only usage ledger (`usage_events`): limits are counted from it, never from the rows a
 * user can delete (reviews, messages), so deleting a dossier does not give an allowance back.
 */
export function createUsageLedger(database: Database) {
  const { db } = database;

  async function countSince(kind: UsageKind, subject: string, since: Date) {
    const [row] = await db
      .select({ n: count(), last: max(usageEvents.at) })
      .from(usageEvents)
      .where(and(eq(usageEvents.kind, kind), eq(usageEvents.subject, subject), gt(usageEvents.at, since)));
    return { n: Number(row?.n ?? 0), last: row?.last ? new Date(row.last) : null };
  }

  return {
    countSince,

    async record(kind: UsageKind, subject: string) {
      await db.insert(usageEvents).values({ kind, subject });
    },

    /**
     * Spends one unit of an hourly allowance: refuses with a 429 (and records nothing) when `subject`
     * already has `perHour` events of `kind` in the last hour. Check and record happen under one
     * advisory lock per subject, so concurrent requests cannot both take the last unit.
     */
    async spend(kind: UsageKind, subject: string, perHour: number, message: string) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${kind}:${subject}`}))`);
        const [row] = await tx
          .select({ n: count() })
          .from(usageEvents)
          .where(
            and(
              eq(usageEvents.kind, kind),
              eq(usageEvents.subject, subject),
              gt(usageEvents.at, new Date(Date.now() - HOUR_MS)),
            ),
          );
        if (Number(row?.n ?? 0) >= perHour) throw new AppError('rate_limited', 429, message);
        await tx.insert(usageEvents).values({ kind, subject });
      });
    },

    /** Deletes rows older than the retention: the only deletion the ledger ever sees. */
    async prune(now = new Date()) {
      await db.delete(usageEvents).where(lt(usageEvents.at, new Date(now.getTime() - LEDGER_RETENTION_MS)));
    },
  };
}

export type UsageLedger = ReturnType<typeof createUsageLedger>;
