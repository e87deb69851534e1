import { useTranslation } from 'react-i18next';
import styles from './flag-badges.module.css';
import type { QueueFlag } from './queries';
import { QUEUE_FLAGS } from './reasons';

const severityClass = {
  high: styles.flagBadgeHigh,
  medium: styles.flagBadgeMedium,
  low: styles.flagBadgeLow,
};

/** How serious a signal is, for its colour (the words carry the meaning). */
function severity(flag: QueueFlag): 'high' | 'medium' | 'low' {
  if (flag === 'prompt_injection' || flag === 'hidden_text' || flag === 'review_failed') return 'high';
  if (flag === 'borderline' || flag === 'low_confidence') return 'low';
  return 'medium';
}

/** A review's signals as badges; each says in words what it means (title, and the legend below the queue). */
export function FlagBadges({ flags }: { flags: QueueFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <span className="muted small">{t('trainer.queue.noFlag')}</span>;
  return (
    <ul className={styles.flagBadges}>
      {flags.map((flag) => (
        <li
          key={flag}
          className={`${styles.flagBadge} ${severityClass[severity(flag)]}`}
          title={t(`trainer.flagHelp.${flag}`)}
        >
          {t(`trainer.flags.${flag}`)}
        </li>
      ))}
    </ul>
  );
}

/** What each signal means, for the signals on screen (all of them when none is given). */
export function FlagLegend({ flags }: { flags?: QueueFlag[] }) {
  const { t } = useTranslation();
  const shown = flags ? QUEUE_FLAGS.filter((f) => flags.includes(f)) : QUEUE_FLAGS;
  if (shown.length === 0) return null;
  return (
    <details className="card flag-legend" open>
      <summary className="trainer-summary">{t('trainer.queue.flagsLegend')}</summary>
      <dl className={styles.flagLegendList}>
        {shown.map((flag) => (
          <div key={flag} className={styles.flagLegendItem}>
            <dt>
              <span className={`${styles.flagBadge} ${severityClass[severity(flag)]}`}>
                {t(`trainer.flags.${flag}`)}
              </span>
            </dt>
            <dd className={styles.flagLegendText}>{t(`trainer.flagHelp.${flag}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
