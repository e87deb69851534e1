import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/icons';
import type { Flag } from '../../lib/api';
import styles from './flags.module.css';

/** Flags in plain words: a translated title per code, the server's explanation, the page and excerpt. */
export function FlagList({ flags, compact = false }: { flags: Flag[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={compact ? `${styles.flagList} ${styles.flagListCompact}` : styles.flagList}>
      {flags.map((flag) => (
        <li
          key={`${flag.code}-${flag.page ?? ''}-${flag.detail ?? flag.message}`}
          className={`${styles.flag} flag-${flag.code}`}
          data-flag={flag.code}
        >
          <span className={styles.flagIcon}>
            <AlertIcon size={16} />
          </span>
          <div>
            <p className={styles.flagTitle}>
              {t(`flags.${flag.code}`)}
              {flag.page !== undefined && (
                <span className="page-ref">{t('report.page', { page: flag.page })}</span>
              )}
            </p>
            {flag.message && <p className={styles.flagMessage}>{flag.message}</p>}
            {flag.detail && (
              <p className={styles.flagDetail}>
                <q>{flag.detail}</q>
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
