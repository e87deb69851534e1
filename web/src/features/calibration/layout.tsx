import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { forRoles } from '../auth/require-auth';

/** A calibration page: the exam team's (and admins'); the API enforces the same rule. */
export function calibrationPage(Page: ComponentType): ComponentType {
  return forRoles(['examteam', 'admin'], Page);
}

/** Calibration › … › current page. */
export function CalibrationBreadcrumb({
  trail = [],
  current,
}: {
  trail?: { to: string; label: string }[];
  current: string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/calibration">{t('calibration.title')}</Link>
        </li>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
