import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { ErrorState, FormError, Loading, useErrorMessage } from '../../components/states';
import { api, expectOk, unwrap } from '../../lib/api';
import styles from './admin.module.css';
import { type AdminCohort, useCohorts, useInvalidateAdmin, useUsers } from './queries';

/** Promotions: create, rename, archive (hidden from pickers, data kept), with who is in each. */
export function CohortsSection() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateAdmin();
  const cohorts = useCohorts();
  const users = useUsers();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (n: string) => unwrap(api.admin.cohorts.$post({ json: { name: n } })),
    onSuccess: (c) => {
      setName('');
      setStatus(t('admin.cohorts.created', { name: c.name }));
      void invalidate();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, ...json }: { id: string; name?: string; archived?: boolean }) =>
      expectOk(api.admin.cohorts[':id'].$patch({ param: { id }, json })),
    onSettled: () => void invalidate(),
  });
  if (cohorts.isPending) return <Loading />;
  if (cohorts.isError) return <ErrorState error={cohorts.error} />;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    create.mutate(name);
  };
  const members = (id: string) =>
    (users.data ?? []).filter((u) => u.role === 'candidate' && u.cohortId === id);
  const trainers = (id: string) =>
    (users.data ?? []).filter((u) => u.role === 'trainer' && u.trainerCohortIds.includes(id));
  return (
    <section className="card section" aria-labelledby="cohorts-title">
      <h2 id="cohorts-title">{t('admin.cohorts.title')}</h2>
      <p className="muted">{t('admin.cohorts.intro')}</p>
      <form className={styles.inlineForm} onSubmit={onSubmit}>
        <Field
          id="new-cohort"
          label={t('admin.cohorts.name')}
          required
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.cohorts.create')}
        </button>
      </form>
      <FormError>{(create.error ?? update.error) && errorMessage(create.error ?? update.error)}</FormError>
      {status && (
        <p role="status" className={styles.status}>
          {status}
        </p>
      )}
      {cohorts.data.length === 0 ? (
        <p className="muted">{t('admin.cohorts.none')}</p>
      ) : (
        <DataTable
          columns={[
            ...['name', 'members', 'trainers'].map((k) => ({ label: t(`admin.cohorts.${k}`) })),
            { label: t('admin.actionsCol') },
          ]}
        >
          {cohorts.data.map((c) => (
            <CohortRow
              key={c.id}
              cohort={c}
              members={members(c.id).length}
              trainers={trainers(c.id)
                .map((u) => u.name)
                .join(', ')}
              busy={update.isPending}
              onChange={(change) => update.mutate({ id: c.id, ...change })}
            />
          ))}
        </DataTable>
      )}
    </section>
  );
}

function CohortRow({
  cohort: c,
  members,
  trainers,
  busy,
  onChange,
}: {
  cohort: AdminCohort;
  members: number;
  trainers: string;
  busy: boolean;
  onChange: (change: { name?: string; archived?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(c.name);
  return (
    <tr className={c.archivedAt ? styles.inactiveRow : undefined}>
      <td>
        {renaming ? (
          <form
            className={styles.rowActions}
            onSubmit={(e) => {
              e.preventDefault();
              onChange({ name });
              setRenaming(false);
            }}
          >
            <label htmlFor={`rename-${c.id}`} className="visually-hidden">
              {t('admin.cohorts.newName', { name: c.name })}
            </label>
            <input
              id={`rename-${c.id}`}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="button button-primary button-small" disabled={busy}>
              {t('admin.cohorts.save')}
            </button>
          </form>
        ) : (
          <>
            {c.name}
            {c.archivedAt && (
              <span className={`${styles.badge} ${styles.badgeInactive}`}>{t('admin.cohorts.archived')}</span>
            )}
          </>
        )}
      </td>
      <td className="num">{members}</td>
      <td>{trainers || '—'}</td>
      <td>
        <div className={styles.rowActions}>
          {!renaming && (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('admin.cohorts.renameOf', { name: c.name })}
              onClick={() => {
                setName(c.name);
                setRenaming(true);
              }}
            >
              {t('admin.cohorts.rename')}
            </button>
          )}
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            aria-label={
              c.archivedAt
                ? t('admin.cohorts.unarchiveOf', { name: c.name })
                : t('admin.cohorts.archiveOf', { name: c.name })
            }
            onClick={() => onChange({ archived: !c.archivedAt })}
          >
            {c.archivedAt ? t('admin.cohorts.unarchive') : t('admin.cohorts.archive')}
          </button>
        </div>
      </td>
    </tr>
  );
}
