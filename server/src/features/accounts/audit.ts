import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { auditLog } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';

/** The sensitive actions the audit log records. */
export type AuditAction =
  | 'user.create'
  | 'user.role_change'
  | 'user.profile_change'
  | 'user.delete'
  | 'data.export'
  | 'dossier.delete'
  | 'dossier.purge'
  | 'review.decision'
  | 'review.check'
  | 'rubric.change'
  | 'calibration.import'
  | 'user.sso_sign_in'
  | 'user.sso_refused'
  | 'sso.configure'
  | 'sso.remove';

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  /** Ids, scores and reasons only: never dossier text. */
  detail?: Record<string, unknown>;
}

type Executor = Pick<Database['db'], 'insert'>;

/** Appends to the audit log (inside the caller's transaction when one is passed). */
export async function audit(db: Executor, actor: Actor | null, entry: AuditEntry, organizationId?: string) {
  await db.insert(auditLog).values({
    organizationId: organizationId ?? actor?.organizationId ?? null,
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    detail: entry.detail ?? {},
  });
}

/** An organisation's audit trail, newest first, paged by date. */
export async function listAudit(
  database: Database,
  organizationId: string,
  options: { limit: number; before?: Date },
) {
  const rows = await database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, organizationId),
        options.before ? lt(auditLog.createdAt, options.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(options.limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actorId: r.actorId,
    actorEmail: r.actorEmail,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    detail: r.detail,
  }));
}
