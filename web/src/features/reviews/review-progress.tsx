import { useTranslation } from 'react-i18next';
import type { ReviewProgress } from '../../lib/api';
import styles from './review-progress.module.css';

/** Live progress of a review: overall bar and one line per criterion. */
export function ReviewProgressView({
  progress,
  mode,
  criterionTexts,
}: {
  progress: ReviewProgress;
  mode: 'stream' | 'polling' | null;
  criterionTexts?: Map<string, string>;
}) {
  const { t } = useTranslation();
  const finished = progress.done + progress.failed;
  const percent = progress.total > 0 ? Math.round((finished / progress.total) * 100) : 0;
  return (
    <section className={`card ${styles.reviewProgress}`} aria-labelledby="progress-heading">
      <div className={styles.reviewProgressHeader}>
        <span className="spinner" aria-hidden="true" />
        <div>
          <h2 id="progress-heading">
            {progress.status === 'queued' ? t('progress.queued') : t('progress.running')}
          </h2>
          <p className="muted">{t('progress.hint')}</p>
        </div>
      </div>
      <div role="status" aria-live="polite" className={styles.reviewProgressCount}>
        {t('progress.count', { done: finished, total: progress.total })}
      </div>
      <progress max={Math.max(progress.total, 1)} value={finished} aria-label={t('progress.label')}>
        {percent} %
      </progress>
      <ul className={styles.criterionProgress}>
        {progress.criteria.map((c) => (
          <li key={c.id} data-status={c.status}>
            <span className="item-id">{c.id}</span>
            <span className={styles.criterionProgressText}>{criterionTexts?.get(c.id) ?? ''}</span>
            <span className={styles.progressChip}>{t(`progress.status.${c.status}`)}</span>
          </li>
        ))}
      </ul>
      {mode === 'polling' && <p className="muted small">{t('progress.polling')}</p>}
    </section>
  );
}
