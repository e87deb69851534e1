import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { ErrorState, FormError, Loading, useErrorMessage } from '../../components/states';
import { api, expectOk, unwrap } from '../../lib/api';
import styles from './sso-settings.module.css';

const key = ['admin', 'sso'] as const;
const EMPTY = { name: '', issuer: '', clientId: '', clientSecret: '', domain: '', allowSignUp: false };

/**
 * The organisation's single sign-on (OpenID Connect): the provider's issuer, the client registered there,
 * the only e-mail domain accepted, and whether unknown users become candidates. The client secret is
 * write-only: the server never sends it back, so the field stays empty and « unchanged » when left so.
 */
export function SsoSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const settings = useQuery({ queryKey: key, queryFn: () => unwrap(api.admin.sso.$get()) });
  const [form, setForm] = useState(EMPTY);
  const provider = settings.data?.provider ?? null;
  useEffect(() => {
    if (provider) {
      setForm({
        name: provider.name,
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: '',
        domain: provider.domain,
        allowSignUp: provider.allowSignUp,
      });
    }
  }, [provider]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['sso', 'providers'] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
  };
  const save = useMutation({
    mutationFn: () => {
      const { clientSecret, ...rest } = form;
      return unwrap(
        api.admin.sso.$put({
          json: { ...rest, domain: rest.domain.trim(), ...(clientSecret ? { clientSecret } : {}) },
        }),
      );
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => expectOk(api.admin.sso.$delete()),
    onSuccess: () => {
      setForm(EMPTY);
      refresh();
    },
  });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} />;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  /** A text field's value and setter, bound to `form[name]`. */
  const bind = (name: Exclude<keyof typeof EMPTY, 'allowSignUp'>) => ({
    value: form[name],
    onValue: (value: string) => setForm({ ...form, [name]: value }),
  });
  return (
    <section className="card section" aria-labelledby="sso-title">
      <h2 id="sso-title">{t('admin.sso.title')}</h2>
      <p className="muted">{t('admin.sso.intro')}</p>
      <p>{provider ? t('admin.sso.active', { name: provider.name }) : t('admin.sso.inactive')}</p>
      <p id="sso-redirect-help">{t('admin.sso.redirectUri')}</p>
      <code className={styles.redirect} aria-describedby="sso-redirect-help">
        {settings.data.redirectUri}
      </code>
      <form className="form-grid" onSubmit={onSubmit}>
        <Field id="sso-name" label={t('admin.sso.name')} required {...bind('name')} />
        <Field id="sso-issuer" label={t('admin.sso.issuer')} inputMode="url" required {...bind('issuer')} />
        <Field id="sso-client" label={t('admin.sso.clientId')} required {...bind('clientId')} />
        <Field
          id="sso-secret"
          label={provider?.hasClientSecret ? t('admin.sso.clientSecretKept') : t('admin.sso.clientSecret')}
          type="password"
          autoComplete="off"
          required={!provider?.hasClientSecret}
          {...bind('clientSecret')}
        />
        <Field
          id="sso-domain"
          label={t('admin.sso.domain')}
          required
          placeholder="ecole.fr"
          {...bind('domain')}
        />
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={form.allowSignUp}
            onChange={(e) => setForm({ ...form, allowSignUp: e.target.checked })}
          />
          <span>{t('admin.sso.allowSignUp')}</span>
        </label>
        <FormError>
          {(save.error && errorMessage(save.error)) || (remove.error && errorMessage(remove.error))}
        </FormError>
        {save.isSuccess && <p role="status">{t('admin.sso.saved')}</p>}
        <div className={styles.actions}>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('admin.sso.save')}
          </button>
          {provider && (
            <button
              type="button"
              className="button button-secondary"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('admin.sso.removeConfirm'))) remove.mutate();
              }}
            >
              {t('admin.sso.remove')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
