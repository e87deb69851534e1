import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';

/**
 * The account fields the auth forms share, each defined once: its id, label, type and the `autocomplete`
 * token password managers rely on (`username` for the e-mail, `current-password`, `new-password`).
 */
const AUTH_FIELDS = {
  email: { id: 'email', label: 'auth.email', type: 'email', autoComplete: 'username' },
  password: { id: 'password', label: 'auth.password', type: 'password', autoComplete: 'current-password' },
  currentPassword: {
    id: 'current-password',
    label: 'account.currentPassword',
    type: 'password',
    autoComplete: 'current-password',
  },
  // The server's minimum length; the browser checks it first.
  newPassword: {
    id: 'new-password',
    label: 'auth.newPassword',
    type: 'password',
    autoComplete: 'new-password',
    minLength: 10,
  },
  confirmPassword: {
    id: 'confirm-password',
    label: 'auth.confirmPassword',
    type: 'password',
    autoComplete: 'new-password',
  },
} as const;

/** One of the shared account fields; other attributes (`required`, `maxLength`) pass through. */
export function AuthField({
  name,
  ...props
}: { name: keyof typeof AUTH_FIELDS } & Omit<ComponentProps<typeof Field<'input'>>, 'id' | 'label'>) {
  const { t } = useTranslation();
  const { label, ...field } = AUTH_FIELDS[name];
  return <Field {...field} label={t(label)} {...props} />;
}
