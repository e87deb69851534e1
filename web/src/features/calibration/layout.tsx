import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumb, type Crumb } from '../../components/breadcrumb';
import { RequireAuth } from '../auth/require-auth';

/** Calibration pages are the exam team's (and admins'); the API enforces the same rule. */
export function CalibrationGuard({ children }: { children: ReactNode }) {
  return <RequireAuth roles={['examteam', 'admin']}>{children}</RequireAuth>;
}

/** Calibration › … › current page. */
export function CalibrationBreadcrumb({ trail = [], current }: { trail?: Crumb[]; current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb trail={[{ to: '/calibration', label: t('calibration.title') }, ...trail]} current={current} />
  );
}
