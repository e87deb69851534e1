import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, useErrorMessage } from '../../components/states';
import { api, type Role, unwrap } from '../../lib/api';
import { IssuedLinkNotice } from './issued-link';
import { useCohorts, useInvalidateAdmin } from './queries';
import { ROLES } from './users-section';

const EMPTY = { name: '', email: '', role: 'candidate' as Role, cohortId: '' };

/** Invites one person: the account exists at once, the person chooses their password through the link. */
export function InviteForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateAdmin();
  const cohorts = useCohorts();
  const open = (cohorts.data ?? []).filter((c) => !c.archivedAt);
  const [form, setForm] = useState(EMPTY);
  const invite = useMutation({
    mutationFn: () =>
      unwrap(
        api.admin.users.$post({
          json: {
            name: form.name,
            email: form.email.trim(),
            role: form.role,
            ...(form.role === 'candidate' && form.cohortId ? { cohortId: form.cohortId } : {}),
            ...(form.role === 'trainer' && form.cohortId ? { trainerCohortIds: [form.cohortId] } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setForm(EMPTY);
      void invalidate();
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('admin.invite')}</h2>
      <p className="muted">{t('admin.inviteIntro')}</p>
      <form className="form-grid" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="nu-name">{t('account.name')}</label>
          <input id="nu-name" required autoComplete="off" value={form.name} onChange={set('name')} />
        </div>
        <div className="field">
          <label htmlFor="nu-email">{t('auth.email')}</label>
          <input
            id="nu-email"
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={set('email')}
          />
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
            <label htmlFor="nu-cohort">{t('admin.cohort')}</label>
            <select id="nu-cohort" value={form.cohortId} onChange={set('cohortId')}>
              <option value="">—</option>
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <FormError>{invite.error && errorMessage(invite.error)}</FormError>
        <div>
          <button type="submit" className="button button-primary" disabled={invite.isPending}>
            {t('admin.inviteSubmit')}
          </button>
        </div>
      </form>
      {invite.data && <IssuedLinkNotice issued={invite.data} />}
    </section>
  );
}
