import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { FormError, useErrorMessage } from '../../components/states';
import { ApiError } from '../../lib/api';
import styles from './auth.module.css';
import { AuthField } from './auth-field';
import { authPost } from './session';

/** Asks for a reset link. The answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgotTitle'));
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setState('sending');
    setError(null);
    try {
      await authPost('request-password-reset', { email: email.trim(), redirectTo: '/reinitialiser' });
      setState('sent');
    } catch (err) {
      setState('idle');
      setError(
        err instanceof ApiError && err.status === 429 ? t('auth.errors.rateLimited') : errorMessage(err),
      );
    }
  };

  return (
    <div className={`page ${styles.authPage}`}>
      <div className={`card ${styles.authCard}`}>
        <h1>{t('auth.forgotTitle')}</h1>
        {state === 'sent' ? (
          <p role="status">{t('auth.forgotSent')}</p>
        ) : (
          <form onSubmit={onSubmit} className={styles.authForm}>
            <p className="muted">{t('auth.forgotIntro')}</p>
            <AuthField name="email" required value={email} onValue={setEmail} />
            <FormError>{error}</FormError>
            <button type="submit" className="button button-primary" disabled={state === 'sending' || !email}>
              {t('auth.forgotSubmit')}
            </button>
          </form>
        )}
        <p className="small">
          <Link to="/connexion">{t('auth.backToSignIn')}</Link>
        </p>
      </div>
    </div>
  );
}

/** Sets a new password from the link's token; every session of the account is then closed. */
export function ResetPasswordPage() {
  return <PasswordFromLink variant="reset" />;
}

/**
 * The invitation link's page: the same single-use token as a reset link (better-auth's), for an account
 * an admin created without a password, so the person chooses their own.
 */
export function InvitationPage() {
  return <PasswordFromLink variant="invite" />;
}

function PasswordFromLink({ variant }: { variant: 'reset' | 'invite' }) {
  const { t } = useTranslation();
  const text =
    variant === 'invite'
      ? {
          title: t('auth.inviteTitle'),
          invalid: t('auth.inviteInvalid'),
          submit: t('auth.inviteSubmit'),
          done: t('auth.inviteDone'),
        }
      : {
          title: t('auth.resetTitle'),
          invalid: t('auth.resetInvalid'),
          submit: t('auth.resetSubmit'),
          done: t('auth.resetDone'),
        };
  useDocumentTitle(text.title);
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);

  if (!token || params.get('error')) {
    return (
      <div className={`page ${styles.authPage}`}>
        <div className={`card ${styles.authCard}`} role="alert">
          <h1>{text.title}</h1>
          <p>{text.invalid}</p>
          {variant === 'reset' && <Link to="/mot-de-passe-oublie">{t('auth.forgot')}</Link>}
        </div>
      </div>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 10) return setError(t('auth.errors.tooShort'));
    if (password !== confirm) return setError(t('auth.errors.mismatch'));
    setState('saving');
    setError(null);
    try {
      await authPost('reset-password', { newPassword: password, token });
      setState('done');
    } catch (err) {
      setState('idle');
      setError(err instanceof ApiError && err.status === 400 ? text.invalid : errorMessage(err));
    }
  };

  return (
    <div className={`page ${styles.authPage}`}>
      <div className={`card ${styles.authCard}`}>
        <h1>{text.title}</h1>
        {state === 'done' ? (
          <p role="status">
            {text.done} <Link to="/connexion">{t('auth.signIn')}</Link>
          </p>
        ) : (
          <form onSubmit={onSubmit} className={styles.authForm}>
            {variant === 'invite' && <p className="muted">{t('auth.inviteIntro')}</p>}
            <AuthField name="newPassword" required value={password} onValue={setPassword} />
            <AuthField name="confirmPassword" required value={confirm} onValue={setConfirm} />
            <FormError>{error}</FormError>
            <button type="submit" className="button button-primary" disabled={state === 'saving'}>
              {text.submit}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
