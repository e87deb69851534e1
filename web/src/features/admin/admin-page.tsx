import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/document-title';
import { ErrorState, FormError, Loading, useErrorMessage } from '../../components/states';
import { api, expectOk, type Role, unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { RequireAuth } from '../auth/require-auth';
import { ModelCheck } from './model-check';
import { SsoSettings } from './sso-settings';

const ROLES: Role[] = ['candidate', 'trainer', 'examteam', 'admin'];
const keys = {
  users: ['admin', 'users'] as const,
  cohorts: ['admin', 'cohorts'] as const,
  audit: ['admin', 'audit'] as const,
};

export function AdminPage() {
  return (
    <RequireAuth roles={['admin']}>
      <Admin />
    </RequireAuth>
  );
}

function Admin() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('admin.title')}</h1>
        <p className="lede">{t('admin.intro')}</p>
      </header>
      <Users />
      <NewUser />
      <ModelCheck />
      <SsoSettings />
      <AuditLog />
    </div>
  );
}

function useCohorts() {
  return useQuery({ queryKey: keys.cohorts, queryFn: () => unwrap(api.admin.cohorts.$get()) });
}

function Users() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const users = useQuery({ queryKey: keys.users, queryFn: () => unwrap(api.admin.users.$get()) });
  const cohorts = useCohorts();
  const change = useMutation({
    mutationFn: (input: {
      id: string;
      role?: Role;
      cohortId?: string | null;
      trainerCohortIds?: string[];
    }) => {
      const { id, ...json } = input;
      return expectOk(api.admin.users[':id'].$patch({ param: { id }, json }));
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.users });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
  if (users.isPending || cohorts.isPending) return <Loading />;
  if (users.isError) return <ErrorState error={users.error} />;
  const cohortName = (id: string | null) => cohorts.data?.find((c) => c.id === id)?.name ?? '—';
  return (
    <section className="card section" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users')}</h2>
      <FormError>{change.error && errorMessage(change.error)}</FormError>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be keyboard-focusable (axe scrollable-region-focusable, WCAG 2.1.1) */}
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('account.name')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('account.role')}</th>
              <th scope="col">{t('account.cohorts')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  <select
                    aria-label={t('admin.roleOf', { name: u.name })}
                    value={u.role}
                    onChange={(e) => change.mutate({ id: u.id, role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {u.role === 'candidate' && (
                    <select
                      aria-label={t('admin.cohortOf', { name: u.name })}
                      value={u.cohortId ?? ''}
                      onChange={(e) => change.mutate({ id: u.id, cohortId: e.target.value || null })}
                    >
                      <option value="">—</option>
                      {cohorts.data?.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  )}
                  {u.role === 'trainer' && u.trainerCohortIds.map(cohortName).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NewUser() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const cohorts = useCohorts();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'candidate' as Role,
    password: '',
    cohortId: '',
  });
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.admin.users.$post({
          json: {
            name: form.name,
            email: form.email.trim(),
            role: form.role,
            password: form.password,
            ...(form.role === 'candidate' && form.cohortId ? { cohortId: form.cohortId } : {}),
            ...(form.role === 'trainer' && form.cohortId ? { trainerCohortIds: [form.cohortId] } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setForm({ name: '', email: '', role: 'candidate', password: '', cohortId: '' });
      void queryClient.invalidateQueries({ queryKey: keys.users });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card section" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('admin.newUser')}</h2>
      <p className="muted">{t('admin.newUserIntro')}</p>
      <form className="form-grid" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="nu-name">{t('account.name')}</label>
          <input id="nu-name" required value={form.name} onChange={set('name')} />
        </div>
        <div className="field">
          <label htmlFor="nu-email">{t('auth.email')}</label>
          <input id="nu-email" type="email" required value={form.email} onChange={set('email')} />
        </div>
        <div className="field">
          <label htmlFor="nu-role">{t('account.role')}</label>
          <select id="nu-role" value={form.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {(form.role === 'candidate' || form.role === 'trainer') && (
          <div className="field">
            <label htmlFor="nu-cohort">{t('account.cohorts')}</label>
            <select id="nu-cohort" value={form.cohortId} onChange={set('cohortId')}>
              <option value="">—</option>
              {cohorts.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="nu-password">{t('admin.initialPassword')}</label>
          <input
            id="nu-password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={form.password}
            onChange={set('password')}
          />
        </div>
        <FormError>{create.error && errorMessage(create.error)}</FormError>
        {create.isSuccess && <p role="status">{t('admin.created')}</p>}
        <div>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('admin.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const audit = useQuery({
    queryKey: keys.audit,
    queryFn: () => unwrap(api.admin.audit.$get({ query: {} })),
  });
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ErrorState error={audit.error} />;
  return (
    <section className="card section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      <p className="muted">{t('admin.auditIntro')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be keyboard-focusable (axe scrollable-region-focusable, WCAG 2.1.1) */}
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.who')}</th>
              <th scope="col">{t('admin.action')}</th>
              <th scope="col">{t('admin.target')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.at, i18n.language)}</td>
                <td>{e.actorEmail ?? t('admin.system')}</td>
                <td>{t(`admin.actions.${e.action}`, { defaultValue: e.action })}</td>
                <td>
                  <code>
                    {e.targetType}
                    {e.targetId ? ` ${e.targetId.slice(0, 8)}` : ''}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
