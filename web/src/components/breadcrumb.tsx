import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** One step of a breadcrumb trail: a link to a page above the current one. */
export interface Crumb {
  to: string;
  label: string;
}

/** The trail of links above the current page, then the current page itself (`aria-current`). */
export function Breadcrumb({ trail, current }: { trail: readonly Crumb[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <ol>
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
