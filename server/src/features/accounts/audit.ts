import type { Database } from '../../../../db/client';
import { auditLog } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import type { AuditView } from './schemas';

/** The sensitive actions the audit log records (the admin's filter lists them). */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.invite',
  'user.import',
  'user.password_reset',
  'user.role_change',
  'user.profile_change',
  'user.deactivate',
  'user.reactivate',
  'user.delete',
  'cohort.create',
  'cohort.update',
  'cohort.archive',
  'data.export',
  'dossier.delete',
  'dossier.purge',
  'review.decision',
  'review.check',
  'rubric.change',
  'calibration.import',
  'user.sso_sign_in',
  'user.sso_refused',
  'sso.configure',
  'sso.remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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

export interface AuditFilter {
  actorId?: string;
  action?: string;
  /** Inclusive bounds, as instants (the route turns days into them). */
  from?: Date;
  to?: Date;
}

function where(organizationId: string, f: AuditFilter) {
  const params: unknown[] = [organizationId];
  const clauses = ['a.organization_id = $1'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (f.actorId === 'system') clauses.push('a.actor_id is null');
  else if (f.actorId) add('a.actor_id = ?', f.actorId);
  if (f.action) add('a.action = ?', f.action);
  if (f.from) add('a.created_at >= ?', f.from.toISOString());
  if (f.to) add('a.created_at <= ?', f.to.toISOString());
  return { sql: clauses.join(' and '), params };
}

/**
 * An organisation's audit trail, newest first, one page at a time, with names instead of ids: the
 * actor's current name (their e-mail at the time when the account is gone), and the target's name
 * (a person, a promotion, a dossier's exam and owner, a calibration set) with a link to its page.
 */
export async function listAudit(
  database: Database,
  organizationId: string,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ entries: AuditView[]; total: number }> {
  const w = where(organizationId, filter);
  const [{ total }] = await database.query<{ total: number }>(
    `select count(*)::int as total from audit_log a where ${w.sql}`,
    w.params,
  );
  const rows = await database.query<{
    id: string;
    created_at: Date | string;
    actor_id: string | null;
    actor_name: string | null;
    actor_email: string | null;
    action: string;
    target_type: string;
    target_id: string | null;
    detail: Record<string, unknown>;
    user_name: string | null;
    cohort_name: string | null;
    dossier_label: string | null;
    review_label: string | null;
    set_name: string | null;
  }>(
    `select a.id, a.created_at, a.actor_id, actor.name as actor_name, a.actor_email, a.action,
       a.target_type, a.target_id, a.detail,
       tu.name as user_name, tc.name as cohort_name,
       case when td.id is not null then td.exam_id || ' · ' || coalesce(tdo.name, '') end as dossier_label,
       case when rd.id is not null then rd.exam_id || ' · ' || coalesce(rdo.name, '') || ' · v' || rv.version end as review_label,
       cs.name as set_name
     from audit_log a
     left join users actor on actor.id = a.actor_id
     left join users tu on a.target_type = 'user' and tu.id = a.target_id
     left join cohorts tc on a.target_type = 'cohort' and tc.id::text = a.target_id
     left join dossiers td on a.target_type = 'dossier' and td.id::text = a.target_id
     left join users tdo on tdo.id = td.owner_id
     left join reviews r on a.target_type = 'review' and r.id::text = a.target_id
     left join dossier_versions rv on rv.id = r.version_id
     left join dossiers rd on rd.id = rv.dossier_id
     left join users rdo on rdo.id = rd.owner_id
     left join calibration_sets cs on a.target_type = 'calibration_set' and cs.id::text = a.target_id
     where ${w.sql}
     order by a.created_at desc, a.id
     limit ${Math.trunc(page.limit)} offset ${Math.trunc(page.offset)}`,
    w.params,
  );
  const entries = rows.map((r): AuditView => {
    let label: string | null = null;
    let href: string | null = null;
    switch (r.target_type) {
      case 'user':
        label = r.user_name;
        break;
      case 'cohort':
        label = r.cohort_name;
        break;
      case 'dossier':
        label = r.dossier_label;
        href = r.dossier_label && r.target_id ? `/dossiers/${r.target_id}` : null;
        break;
      case 'review':
        label = r.review_label;
        href = r.review_label && r.target_id ? `/revues/${r.target_id}` : null;
        break;
      case 'calibration_set':
        label = r.set_name;
        href = r.set_name && r.target_id ? `/calibration/jeux/${r.target_id}` : null;
        break;
      case 'rubric_version':
        label = r.target_id;
        break;
    }
    return {
      id: r.id,
      at: new Date(r.created_at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorEmail: r.actor_email,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetLabel: label,
      targetHref: href,
      detail: r.detail,
    };
  });
  return { entries, total };
}
