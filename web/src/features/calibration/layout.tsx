import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumb, type Crumb } from '../../components/breadcrumb';
import { forRoles } from '../auth/require-auth';

/** A calibration page: the exam team's (and admins'); the API enforces the same rule. */
export function calibrationPage(Page: ComponentType): ComponentType {
  return forRoles(['examteam', 'admin'], Page);
}

/** Calibration › … › current page. */
export function CalibrationBreadcrumb({ trail = [], current }: { trail?: Crumb[]; current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb trail={[{ to: '/calibration', label: t('calibration.title') }, ...trail]} current={current} />
  );
}
