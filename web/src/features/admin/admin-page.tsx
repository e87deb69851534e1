import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/document-title';
import { RequireAuth } from '../auth/require-auth';
import { AuditLog } from './audit-log';
import { CohortsSection } from './cohorts-section';
import { InviteForm } from './invite-form';
import { ModelCheck } from './model-check';
import { RosterImport } from './roster-import';
import { SsoSettings } from './sso-settings';
import { UsersSection } from './users-section';

export function AdminPage() {
  return (
    <RequireAuth roles={['admin']}>
      <Admin />
    </RequireAuth>
  );
}

/** A school's console: accounts, invitations, roster import, promotions, the model check and the audit log. */
function Admin() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('admin.title')}</h1>
        <p className="lede">{t('admin.intro')}</p>
      </header>
      <UsersSection />
      <InviteForm />
      <RosterImport />
      <CohortsSection />
      <ModelCheck />
      <SsoSettings />
      <AuditLog />
    </div>
  );
}
