import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
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
  /** A field's value and setter, bound to `form[key]`. */
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onValue: (value: string) => setForm({ ...form, [key]: value }),
  });
  return (
    <section className="card section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('admin.invite')}</h2>
      <p className="muted">{t('admin.inviteIntro')}</p>
      <form className="form-grid" onSubmit={onSubmit}>
        <Field id="nu-name" label={t('account.name')} required autoComplete="off" {...bind('name')} />
        <Field
          id="nu-email"
          label={t('auth.email')}
          type="email"
          required
          autoComplete="off"
          {...bind('email')}
        />
        <Field as="select" id="nu-role" label={t('account.role')} {...bind('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Field>
        {(form.role === 'candidate' || form.role === 'trainer') && (
          <Field as="select" id="nu-cohort" label={t('admin.cohort')} {...bind('cohortId')}>
            <option value="">—</option>
            {open.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Field>
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
