import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/icons';
import type { Flag } from '../../lib/api';

/** Flags in plain words: a translated title per code, the server's explanation, the page and excerpt. */
export function FlagList({ flags, compact = false }: { flags: Flag[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={compact ? 'flag-list flag-list-compact' : 'flag-list'}>
      {flags.map((flag) => (
        <li
          key={`${flag.code}-${flag.page ?? ''}-${flag.detail ?? flag.message}`}
          className={`flag flag-${flag.code}`}
        >
          <span className="flag-icon">
            <AlertIcon size={16} />
          </span>
          <div>
            <p className="flag-title">
              {t(`flags.${flag.code}`)}
              {flag.page !== undefined && (
                <span className="page-ref">{t('report.page', { page: flag.page })}</span>
              )}
            </p>
            {flag.message && <p className="flag-message">{flag.message}</p>}
            {flag.detail && (
              <p className="flag-detail">
                <q>{flag.detail}</q>
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
