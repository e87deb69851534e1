import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/document-title';
import { PageHeader } from '../../components/page-header';
import { forRoles } from '../auth/require-auth';
import { AuditLog } from './audit-log';
import { CohortsSection } from './cohorts-section';
import { InviteForm } from './invite-form';
import { ModelCheck } from './model-check';
import { RosterImport } from './roster-import';
import { SsoSettings } from './sso-settings';
import { UsersSection } from './users-section';

export const AdminPage = forRoles(['admin'], Admin);

/** A school's console: accounts, invitations, roster import, promotions, the model check and the audit log. */
function Admin() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <div className="page">
      <PageHeader title={t('admin.title')} lead={t('admin.intro')} />
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
