import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { FormError, Loading, useErrorMessage } from '../../components/states';
import { ApiError } from '../../lib/api';
import styles from './auth.module.css';
import { AuthField } from './auth-field';
import { homeFor } from './require-auth';
import { useMe, useSignIn } from './session';
import { SsoButtons } from './sso-buttons';

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(value: string | null): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signInTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('suivant'));

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={next ?? homeFor(me.data.role)} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => {
          void navigate(next ?? '/', { replace: true });
        },
      },
    );
  };

  let error: string | null = null;
  if (signIn.error instanceof ApiError) {
    if (signIn.error.status === 401 || signIn.error.code === 'INVALID_EMAIL_OR_PASSWORD')
      error = t('auth.errors.invalid');
    else if (signIn.error.status === 429) error = t('auth.errors.rateLimited');
    else if (signIn.error.code === 'ACCOUNT_DISABLED') error = t('auth.errors.disabled');
    else error = errorMessage(signIn.error);
  } else if (signIn.error) error = errorMessage(signIn.error);

  return (
    <div className={`page ${styles.authPage}`}>
      <div className={`card ${styles.authCard}`}>
        <h1>{t('auth.signInTitle')}</h1>
        <p className="muted">{t('auth.signInIntro')}</p>
        <form onSubmit={onSubmit} className={styles.authForm} noValidate>
          <AuthField name="email" required value={email} onValue={setEmail} />
          <AuthField name="password" required value={password} onValue={setPassword} />
          <FormError>{error}</FormError>
          <button
            type="submit"
            className="button button-primary"
            disabled={signIn.isPending || !email || !password}
          >
            {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
        <SsoButtons next={next} />
        <p className="small">
          <Link to="/mot-de-passe-oublie">{t('auth.forgot')}</Link>
        </p>
        <p className="small muted">{t('auth.noSignUp')}</p>
      </div>
    </div>
  );
}
