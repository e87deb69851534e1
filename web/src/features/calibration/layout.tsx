import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireAuth } from '../auth/require-auth';

/** Calibration pages are the exam team's (and admins'); the API enforces the same rule. */
export function CalibrationGuard({ children }: { children: ReactNode }) {
  return <RequireAuth roles={['examteam', 'admin']}>{children}</RequireAuth>;
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
