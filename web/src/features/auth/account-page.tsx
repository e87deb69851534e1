import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { Field } from '../../components/field';
import { FormError, useErrorMessage } from '../../components/states';
import { api, expectOk, type Me } from '../../lib/api';
import styles from './auth.module.css';
import { AuthField } from './auth-field';
import { RequireAuth } from './require-auth';
import { authPost, meKey, switchUser, useSignOut } from './session';

export function AccountPage() {
  return <RequireAuth>{(me) => <Account me={me} />}</RequireAuth>;
}

function Account({ me }: { me: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const signOut = useSignOut();
  const [name, setName] = useState(me.name);
  const rename = useMutation({
    mutationFn: () => expectOk(api.me.$patch({ json: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const changePassword = useMutation({
    mutationFn: () => authPost('change-password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
  });
  const cohorts = me.role === 'trainer' ? me.trainerCohorts.map((c) => c.name).join(', ') : me.cohort?.name;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('account.title')}</h1>
      </header>
      <section className="card section" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <dl className="facts">
          <dt>{t('account.name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('auth.email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`roles.${me.role}`)}</dd>
          <dt>{t('account.organization')}</dt>
          <dd>{me.organization.name}</dd>
          {cohorts && (
            <>
              <dt>{t('account.cohorts')}</dt>
              <dd>{cohorts}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="card section" aria-labelledby="rename-title">
        <h2 id="rename-title">{t('account.rename')}</h2>
        <form
          className={styles.authForm}
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate();
          }}
        >
          <Field
            id="account-name"
            label={t('account.name')}
            autoComplete="name"
            maxLength={120}
            value={name}
            onValue={setName}
          />
          <FormError>{rename.error && errorMessage(rename.error)}</FormError>
          {rename.isSuccess && <p role="status">{t('account.renamed')}</p>}
          <button
            type="submit"
            className="button button-secondary"
            disabled={rename.isPending || !name.trim()}
          >
            {t('account.renameSubmit')}
          </button>
        </form>
        <h3>{t('account.passwordTitle')}</h3>
        <p className="muted">{t('account.passwordIntro')}</p>
        <form
          className={styles.authForm}
          onSubmit={(e) => {
            e.preventDefault();
            changePassword.mutate();
          }}
        >
          <AuthField name="currentPassword" value={currentPassword} onValue={setCurrentPassword} />
          <AuthField name="newPassword" maxLength={128} value={newPassword} onValue={setNewPassword} />
          <FormError>{changePassword.error && errorMessage(changePassword.error)}</FormError>
          {changePassword.isSuccess && <p role="status">{t('account.passwordChanged')}</p>}
          <button
            type="submit"
            className="button button-secondary"
            disabled={changePassword.isPending || !currentPassword || newPassword.length < 10}
          >
            {t('account.passwordSubmit')}
          </button>
        </form>
      </section>

      <section className="card section" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions')}</h2>
        <p className="muted">{t('account.sessionsIntro')}</p>
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => signOut.mutate({})}>
            {t('auth.signOut')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => signOut.mutate({ everywhere: true })}
          >
            {t('account.signOutEverywhere')}
          </button>
        </div>
      </section>

      <DataSection me={me} />
      <p className="small muted">{t('account.aiNotice')}</p>
    </div>
  );
}

/** The account's data: download it, or delete the account after typing its address. */
function DataSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [confirmEmail, setConfirmEmail] = useState('');
  const remove = useMutation({
    mutationFn: () => expectOk(api.me.$delete({ json: { confirmEmail } })),
    onSuccess: () => {
      switchUser(queryClient, null);
      void navigate('/connexion', { replace: true });
    },
  });

  const onDelete = (e: FormEvent) => {
    e.preventDefault();
    remove.mutate();
  };
  return (
    <section className="card section" aria-labelledby="data-title">
      <h2 id="data-title">{t('account.data')}</h2>
      <p>{t('account.dataIntro')}</p>
      <a className="button button-secondary" href="/api/me/export" download>
        {t('account.export')}
      </a>
      <h3>{t('account.deleteTitle')}</h3>
      <p className="muted">{t('account.deleteIntro')}</p>
      <form onSubmit={onDelete} className={styles.authForm}>
        <Field
          id="confirm-email"
          label={t('account.deleteConfirm', { email: me.email })}
          type="email"
          autoComplete="off"
          value={confirmEmail}
          onValue={setConfirmEmail}
        />
        <FormError>{remove.error && errorMessage(remove.error)}</FormError>
        <button
          type="submit"
          className="button button-danger"
          disabled={remove.isPending || confirmEmail.trim().toLowerCase() !== me.email}
        >
          {t('account.deleteSubmit')}
        </button>
      </form>
    </section>
  );
}
