import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { Pager } from '../../components/pager';
import { ErrorState, Loading } from '../../components/states';
import { api, unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import styles from './admin.module.css';
import { type AuditEntry, type AuditPage, adminKeys, useUsers } from './queries';

const PAGE_SIZE = 25;
/** An action the log can hold: the server serves the list with each page (`AuditPage.actions`). */
type Action = AuditPage['actions'][number];

interface Filters {
  actor: string;
  action: '' | Action;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { actor: '', action: '', from: '', to: '' };

function queryOf(f: Filters) {
  return {
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** The audit log: names and links, filters by who, what and when, server-side pages, CSV export. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const query = queryOf(filters);
  const audit = useQuery({
    queryKey: [...adminKeys.audit, query, page],
    queryFn: () =>
      unwrap(api.admin.audit.$get({ query: { ...query, page: String(page), pageSize: String(PAGE_SIZE) } })),
    placeholderData: keepPreviousData,
  });
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => {
    setFilters({ ...filters, [key]: e.target.value });
    setPage(1);
  };
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / PAGE_SIZE)) : 1;
  const exportHref = `${api.admin['audit.csv'].$path()}?${new URLSearchParams(query).toString()}`;
  return (
    <section className="card section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      <p className="muted">{t('admin.auditIntro')}</p>
      <form className={styles.filters} aria-label={t('admin.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="audit-actor">{t('admin.who')}</label>
          <select id="audit-actor" value={filters.actor} onChange={set('actor')}>
            <option value="">{t('admin.allActors')}</option>
            <option value="system">{t('admin.system')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('admin.action')}</label>
          <select id="audit-action" value={filters.action} onChange={set('action')}>
            <option value="">{t('admin.allActions')}</option>
            {(audit.data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {t(`admin.actions.${a}`, { defaultValue: a })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('admin.from')}</label>
          <input id="audit-from" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('admin.to')}</label>
          <input id="audit-to" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <div className={styles.filterActions}>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setFilters(NO_FILTERS);
              setPage(1);
            }}
          >
            {t('admin.resetFilters')}
          </button>
          <a className="button button-secondary" href={exportHref} download>
            {t('admin.export')}
          </a>
        </div>
      </form>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorState error={audit.error} />
      ) : audit.data.entries.length === 0 ? (
        <p className="muted" role="status">
          {t('admin.noEntries')}
        </p>
      ) : (
        <>
          <DataTable
            columns={['when', 'who', 'action', 'target', 'detail'].map((k) => ({ label: t(`admin.${k}`) }))}
          >
            {audit.data.entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.at, i18n.language)}</td>
                <td>{e.actorName ?? e.actorEmail ?? t('admin.system')}</td>
                <td>{t(`admin.actions.${e.action}`, { defaultValue: e.action })}</td>
                <td>
                  <Target entry={e} />
                </td>
                <td className="small">
                  <Detail entry={e} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={page}
            pages={pages}
            onPage={setPage}
            label={t('admin.audit')}
            status={t('admin.page', { page, pages, total: audit.data.total })}
            previous={t('admin.previous')}
            next={t('admin.next')}
            small
            className={styles.pager}
          />
        </>
      )}
    </section>
  );
}

function Target({ entry: e }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (e.targetHref && e.targetLabel) return <Link to={e.targetHref}>{e.targetLabel}</Link>;
  if (e.targetLabel) return <>{e.targetLabel}</>;
  if (e.targetType === 'user' && e.targetId) return <span className="muted">{t('admin.deletedTarget')}</span>;
  return <span className="muted">{e.targetId ? t('admin.deletedTarget') : '—'}</span>;
}

/** The few details worth a glance (role changes, counts); the CSV export has them all. */
function Detail({ entry: e }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const d = e.detail as Record<string, unknown>;
  if (
    e.action === 'user.role_change' &&
    typeof d.from === 'string' &&
    typeof d.to === 'string' &&
    d.from !== d.to
  )
    return (
      <>{`${t(`roles.${d.from}`, { defaultValue: d.from })} → ${t(`roles.${d.to}`, { defaultValue: d.to })}`}</>
    );
  if (typeof d.role === 'string') return <>{t(`roles.${d.role}`, { defaultValue: d.role })}</>;
  if (typeof d.sessionsRevoked === 'number')
    return <>{t('admin.details.sessionsRevoked', { count: d.sessionsRevoked })}</>;
  if (typeof d.count === 'number') return <>{t('admin.details.count', { count: d.count })}</>;
  if (typeof d.archived === 'boolean')
    return <>{d.archived ? t('admin.details.archived') : t('admin.details.unarchived')}</>;
  if (typeof d.from === 'string' && typeof d.to === 'string') return <>{`${d.from} → ${d.to}`}</>;
  return null;
}
