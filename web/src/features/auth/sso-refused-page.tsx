import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import authStyles from './auth.module.css';
import styles from './sso.module.css';

/** The reasons the server gives (`sso/auth-plugin.ts`); anything else is a failure of the flow itself. */
const KNOWN = [
  'sso_email_unverified',
  'sso_domain_refused',
  'sso_unknown_user',
  'sso_other_organization',
  'sso_not_configured',
] as const;

/** Where a refused or failed single sign-on lands (`/connexion/sso?error=<code>`): why, in words, and what to do. */
export function SsoRefusedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.sso.refusedTitle'));
  const [params] = useSearchParams();
  const code = params.get('error') ?? '';
  const known = (KNOWN as readonly string[]).includes(code) ? code : 'other';
  return (
    <div className={`page ${authStyles.authPage}`}>
      <div className={`card ${authStyles.authCard}`}>
        <h1>{t('auth.sso.refusedTitle')}</h1>
        <p className={styles.reason} role="alert">
          {t(`auth.sso.reasons.${known}`)}
        </p>
        <p>{t('auth.sso.refusedHelp')}</p>
        <p>
          <Link to="/connexion" className="button button-primary">
            {t('auth.backToSignIn')}
          </Link>
        </p>
      </div>
    </div>
  );
}
