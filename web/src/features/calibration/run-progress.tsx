import { useTranslation } from 'react-i18next';
import styles from './calibration.module.css';
import type { CalibrationRun } from './queries';

/** How many of a run's reviews are done, as a bar and in words (announced as it changes). */
export function RunProgress({ run }: { run: Pick<CalibrationRun, 'status' | 'progress'> }) {
  const { t } = useTranslation();
  const { total, done, failed } = run.progress;
  const finished = done + failed;
  return (
    <div className={styles.runProgress} role="status">
      <progress max={Math.max(total, 1)} value={finished} aria-hidden="true" />
      <span className="small">
        {run.status === 'running'
          ? t('calibration.progress.running', { done: finished, total })
          : t('calibration.progress.done', { total })}
        {failed > 0 && ` · ${t('calibration.progress.failed', { count: failed })}`}
      </span>
    </div>
  );
}
