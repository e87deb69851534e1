import { useTranslation } from 'react-i18next';
import styles from './calibration.module.css';
import type { RubricChange } from './queries';

function ChangeLabel({ change }: { change: RubricChange }) {
  const { t } = useTranslation();
  return <>{t(`calibration.change.${change.field}`, { score: change.score })}</>;
}

/** One criterion's changes: what was there and what replaces it. */
export function RubricChangeList({ changes }: { changes: RubricChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="muted small">{t('calibration.change.none')}</p>;
  return (
    <ul className={styles.rubricChanges}>
      {changes.map((change) => (
        <li key={`${change.field}-${change.score ?? ''}-${String(change.before)}-${String(change.after)}`}>
          <span className={styles.changeWhat}>
            <ChangeLabel change={change} />
          </span>
          {change.before !== null && (
            <del>
              <span className="visually-hidden">{t('calibration.change.before')} </span>
              {String(change.before)}
            </del>
          )}
          {change.after !== null && (
            <ins>
              <span className="visually-hidden">{t('calibration.change.after')} </span>
              {String(change.after)}
            </ins>
          )}
        </li>
      ))}
    </ul>
  );
}
