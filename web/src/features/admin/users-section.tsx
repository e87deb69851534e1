import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TableHead } from '../../components/data-table';
import { ScrollTable } from '../../components/scroll-table';
import { ErrorState, FormError, Loading, useErrorMessage } from '../../components/states';
import { api, expectOk, type Role, unwrap } from '../../lib/api';
import { formatShortDate } from '../../lib/format';
import { useMe } from '../auth/session';
import styles from './admin.module.css';
import { IssuedLinkNotice } from './issued-link';
import {
  type AdminCohort,
  type AdminUser,
  type IssuedLink,
  useCohorts,
  useInvalidateAdmin,
  useUsers,
} from './queries';

export const ROLES: Role[] = ['candidate', 'trainer', 'examteam', 'admin'];

type Change = { role?: Role; cohortId?: string | null; trainerCohortIds?: string[]; active?: boolean };
type Pending =
  | { kind: 'role'; user: AdminUser; role: Role }
  | { kind: 'cohorts'; user: AdminUser }
  | { kind: 'deactivate'; user: AdminUser }
  | { kind: 'delete'; user: AdminUser };

/** The organisation's accounts: role, promotions, state, and what an admin can do to each. */
export function UsersSection() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateAdmin();
  const users = useUsers();
  const cohorts = useCohorts();
  const me = useMe();
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedLink | null>(null);

  const change = useMutation({
    mutationFn: ({ id, ...json }: Change & { id: string; done: string }) => {
      const { done: _done, ...body } = json;
      return expectOk(api.admin.users[':id'].$patch({ param: { id }, json: body }));
    },
    onSuccess: (_data, vars) => {
      setStatus(vars.done);
      setPending(null);
    },
    onSettled: () => void invalidate(),
  });
  const remove = useMutation({
    mutationFn: (user: AdminUser) => expectOk(api.admin.users[':id'].$delete({ param: { id: user.id } })),
    onSuccess: (_data, user) => {
      setStatus(t('admin.deleteDialog.done', { name: user.name }));
      setPending(null);
    },
    onSettled: () => void invalidate(),
  });
  const link = useMutation({
    mutationFn: (user: AdminUser) =>
      unwrap(api.admin.users[':id']['password-link'].$post({ param: { id: user.id } })),
    onSuccess: (data) => {
      setStatus(null);
      setIssued(data);
    },
    onSettled: () => void invalidate(),
  });

  if (users.isPending || cohorts.isPending) return <Loading />;
  if (users.isError) return <ErrorState error={users.error} />;
  if (cohorts.isError) return <ErrorState error={cohorts.error} />;
  const all = cohorts.data;
  const open = all.filter((c) => !c.archivedAt);
  const cohortName = (id: string | null) => all.find((c) => c.id === id)?.name ?? '—';
  const error = change.error ?? remove.error ?? link.error;

  return (
    <section className="card section" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users')}</h2>
      <p className="muted">{t('admin.usersIntro')}</p>
      {!pending && <FormError>{error && errorMessage(error)}</FormError>}
      {status && (
        <p role="status" className={styles.status}>
          {status}
        </p>
      )}
      {issued && <IssuedLinkNotice issued={issued} onDismiss={() => setIssued(null)} />}
      {/* On a phone the table scrolls sideways, with a cue while its end is out of sight. */}
      <ScrollTable label={t('admin.usersTable')} hint={t('admin.usersScrollHint')}>
        <table className="data-table">
          <TableHead
            columns={[
              'account.name',
              'auth.email',
              'account.role',
              'account.cohorts',
              'admin.state',
              'admin.actionsCol',
            ].map((key) => ({ label: t(key) }))}
          />
          <tbody>
            {users.data.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                self={u.id === me.data?.id}
                open={open}
                cohortName={cohortName}
                onRole={(role) => {
                  setStatus(null);
                  setPending({ kind: 'role', user: u, role });
                }}
                onCohort={(cohortId) =>
                  change.mutate({
                    id: u.id,
                    cohortId,
                    done: t('admin.cohortsDialog.done', { name: u.name }),
                  })
                }
                onEditCohorts={() => setPending({ kind: 'cohorts', user: u })}
                onDeactivate={() => setPending({ kind: 'deactivate', user: u })}
                onReactivate={() =>
                  change.mutate({ id: u.id, active: true, done: t('admin.reactivated', { name: u.name }) })
                }
                onLink={() => link.mutate(u)}
                onDelete={() => setPending({ kind: 'delete', user: u })}
              />
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {pending && (
        <PendingDialog
          pending={pending}
          open={open}
          cohortName={cohortName}
          change={change}
          remove={remove}
          onClose={() => setPending(null)}
        />
      )}
    </section>
  );
}

type ChangeMutation = UseMutationResult<unknown, Error, Change & { id: string; done: string }>;

/** The confirmation a change waits for: a role, a trainer's promotions, deactivating or deleting. */
function PendingDialog({
  pending,
  open,
  cohortName,
  change,
  remove,
  onClose,
}: {
  pending: Pending;
  open: AdminCohort[];
  cohortName: (id: string | null) => string;
  change: ChangeMutation;
  remove: UseMutationResult<unknown, Error, AdminUser>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { user } = pending;
  const cancel = () => {
    change.reset();
    onClose();
  };
  // What both change dialogs are given: whose account, the open promotions, and the request's state.
  const dialog = {
    user,
    open,
    busy: change.isPending,
    error: change.error ? errorMessage(change.error) : null,
    onCancel: cancel,
  };
  if (pending.kind === 'role') {
    return (
      <RoleDialog
        {...dialog}
        role={pending.role}
        cohortName={cohortName}
        onConfirm={(c) =>
          change.mutate({
            id: user.id,
            ...c,
            done: t('admin.roleDialog.done', { name: user.name, role: t(`roles.${pending.role}`) }),
          })
        }
      />
    );
  }
  if (pending.kind === 'cohorts') {
    return (
      <TrainerCohortsDialog
        {...dialog}
        onConfirm={(ids) =>
          change.mutate({
            id: user.id,
            trainerCohortIds: ids,
            done: t('admin.cohortsDialog.done', { name: user.name }),
          })
        }
      />
    );
  }
  // Deactivating and deleting: the same danger dialog, each with its own words and request.
  const key = pending.kind === 'deactivate' ? 'deactivateDialog' : 'deleteDialog';
  const mutation = pending.kind === 'deactivate' ? change : remove;
  return (
    <ConfirmDialog
      title={t(`admin.${key}.title`, { name: user.name })}
      confirmLabel={t(`admin.${key}.confirm`)}
      cancelLabel={t('admin.cancel')}
      danger
      busy={mutation.isPending}
      onCancel={onClose}
      onConfirm={() =>
        pending.kind === 'deactivate'
          ? change.mutate({
              id: user.id,
              active: false,
              done: t('admin.deactivateDialog.done', { name: user.name }),
            })
          : remove.mutate(user)
      }
    >
      <p>{t(`admin.${key}.body`)}</p>
      <FormError>{mutation.error && errorMessage(mutation.error)}</FormError>
    </ConfirmDialog>
  );
}

function UserRow({
  user: u,
  self,
  open,
  cohortName,
  onRole,
  onCohort,
  onEditCohorts,
  onDeactivate,
  onReactivate,
  onLink,
  onDelete,
}: {
  user: AdminUser;
  /** The admin's own row: their role, deactivation and deletion go through another admin or « Mon compte ». */
  self: boolean;
  open: AdminCohort[];
  cohortName: (id: string | null) => string;
  onRole: (role: Role) => void;
  onCohort: (cohortId: string | null) => void;
  onEditCohorts: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
  onLink: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  // The candidate's current promotion stays listed even when archived (so the select shows the truth).
  const choices =
    open.some((c) => c.id === u.cohortId) || !u.cohortId
      ? open
      : [...open, { id: u.cohortId, name: cohortName(u.cohortId), archivedAt: '' }];
  return (
    <tr className={u.active ? undefined : styles.inactiveRow}>
      <td>{u.name}</td>
      <td>{u.email}</td>
      <td>
        <select
          aria-label={t('admin.roleOf', { name: u.name })}
          value={u.role}
          disabled={self}
          onChange={(e) => onRole(e.target.value as Role)}
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
            onChange={(e) => onCohort(e.target.value || null)}
          >
            <option value="">—</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        {u.role === 'trainer' && (
          <div className={styles.cellStack}>
            <span>
              {u.trainerCohortIds.length
                ? u.trainerCohortIds.map(cohortName).join(', ')
                : t('admin.noCohort')}
            </span>
            <RowAction action="editCohorts" name={u.name} onClick={onEditCohorts} />
          </div>
        )}
      </td>
      <td>
        {!u.active ? (
          <span className={`${styles.badge} ${styles.badgeInactive}`}>
            {t('admin.states.inactive', { date: formatShortDate(u.deactivatedAt ?? '', i18n.language) })}
          </span>
        ) : u.pending ? (
          <span className={`${styles.badge} ${styles.badgePending}`}>{t('admin.states.pending')}</span>
        ) : (
          <span className={styles.badge}>{t('admin.states.active')}</span>
        )}
      </td>
      <td>
        <div className={styles.rowActions}>
          <RowAction action={u.pending ? 'resendInvite' : 'resetPassword'} name={u.name} onClick={onLink} />
          {self ? null : u.active ? (
            <RowAction action="deactivate" name={u.name} onClick={onDeactivate} />
          ) : (
            <RowAction action="reactivate" name={u.name} onClick={onReactivate} />
          )}
          {!self && <RowAction action="delete" name={u.name} onClick={onDelete} danger />}
        </div>
      </td>
    </tr>
  );
}

/** A small button acting on one account: its text says the action, its accessible name adds whose. */
function RowAction({
  action,
  name,
  danger = false,
  onClick,
}: {
  action: 'editCohorts' | 'resendInvite' | 'resetPassword' | 'deactivate' | 'reactivate' | 'delete';
  name: string;
  danger?: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`button ${danger ? 'button-danger-outline' : 'button-secondary'} button-small`}
      aria-label={t(`admin.${action}Of`, { name })}
      onClick={onClick}
    >
      {t(`admin.${action}`)}
    </button>
  );
}

/** Says what a role change does to the person's promotions, and lets the admin set them in the same step. */
function RoleDialog({
  user,
  role,
  open,
  cohortName,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  user: AdminUser;
  role: Role;
  open: AdminCohort[];
  cohortName: (id: string | null) => string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (change: Change) => void;
}) {
  const { t } = useTranslation();
  const initial =
    user.role === 'candidate' && user.cohortId && open.some((c) => c.id === user.cohortId)
      ? [user.cohortId]
      : user.trainerCohortIds;
  const [trainerIds, setTrainerIds] = useState<string[]>(role === 'trainer' ? initial : []);
  const [cohortId, setCohortId] = useState<string>(user.cohortId ?? '');
  const from = t(`roles.${user.role}`);
  const to = t(`roles.${role}`);
  let explanation: string;
  if (role === 'trainer' && user.role === 'candidate' && user.cohortId)
    explanation = t('admin.roleDialog.candidateToTrainer', {
      name: user.name,
      cohort: cohortName(user.cohortId),
    });
  else if (role === 'trainer') explanation = t('admin.roleDialog.toTrainer', { name: user.name });
  else if (role === 'candidate') explanation = t('admin.roleDialog.toCandidate', { name: user.name });
  else explanation = t('admin.roleDialog.toStaff', { name: user.name });
  return (
    <ConfirmDialog
      title={t('admin.roleDialog.title', { name: user.name })}
      confirmLabel={t('admin.roleDialog.confirm')}
      cancelLabel={t('admin.cancel')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() =>
        onConfirm(
          role === 'trainer'
            ? { role, trainerCohortIds: trainerIds }
            : role === 'candidate'
              ? { role, cohortId: cohortId || null }
              : { role },
        )
      }
    >
      <p>
        <strong>{t('admin.roleDialog.summary', { name: user.name, from, to })}</strong>
      </p>
      <p>{explanation}</p>
      {role === 'trainer' && <CohortChecks open={open} value={trainerIds} onChange={setTrainerIds} />}
      {role === 'candidate' && (
        <div className="field">
          <label htmlFor="role-dialog-cohort">{t('admin.cohort')}</label>
          <select id="role-dialog-cohort" value={cohortId} onChange={(e) => setCohortId(e.target.value)}>
            <option value="">—</option>
            {open.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormError>{error}</FormError>
    </ConfirmDialog>
  );
}

function TrainerCohortsDialog({
  user,
  open,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  user: AdminUser;
  open: AdminCohort[];
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const [ids, setIds] = useState(user.trainerCohortIds.filter((id) => open.some((c) => c.id === id)));
  return (
    <ConfirmDialog
      title={t('admin.cohortsDialog.title', { name: user.name })}
      confirmLabel={t('admin.cohortsDialog.confirm')}
      cancelLabel={t('admin.cancel')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => onConfirm(ids)}
    >
      <p>{t('admin.cohortsDialog.intro', { name: user.name })}</p>
      <CohortChecks open={open} value={ids} onChange={setIds} />
      <FormError>{error}</FormError>
    </ConfirmDialog>
  );
}

function CohortChecks({
  open,
  value,
  onChange,
}: {
  open: AdminCohort[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={styles.checks}>
      <legend>{t('account.cohorts')}</legend>
      {open.map((c) => (
        <label key={c.id} className={styles.check}>
          <input
            type="checkbox"
            checked={value.includes(c.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, c.id] : value.filter((id) => id !== c.id))
            }
          />
          {c.name}
        </label>
      ))}
    </fieldset>
  );
}
