import { useTranslation } from 'react-i18next';
import type { RubricLevels } from '../../lib/api';
import styles from './criterion-levels.module.css';

const SCORES = [0, 1, 2, 3, 4] as const;
const LEVELS = ['absent', 'insuffisant', 'partiel', 'satisfaisant', 'excellent'] as const;

/**
 * « Ce que signifient les niveaux »: a criterion's descriptors 0–4 from the review's rubric version, the
 * current score marked, and the jury-scored anchors when the exam team gave some. Collapsed by default
 * (a native disclosure): the score line stays short, the meaning is one click away.
 */
export function CriterionLevels({
  levels,
  score,
  open = false,
}: {
  levels: RubricLevels;
  /** The score shown as the criterion's headline (the trainer's when decided), marked in the list. */
  score?: number;
  open?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <details className={styles.levels} open={open} data-testid={`levels-${levels.id}`}>
      <summary className={styles.summary}>{t('report.levelsTitle')}</summary>
      <ol className={styles.list}>
        {SCORES.map((s) => (
          <li
            key={s}
            className={s === score ? `${styles.level} ${styles.current}` : styles.level}
            aria-current={s === score ? 'true' : undefined}
          >
            <span className={`${styles.badge} level-${s}`}>
              {s}/4 · {t(`levels.${LEVELS[s]}`)}
            </span>
            <span className={styles.descriptor}>
              {levels.descriptors[s]}
              {s === score && <span className={styles.currentTag}> — {t('report.levelCurrent')}</span>}
            </span>
          </li>
        ))}
      </ol>
      {levels.anchors.length > 0 && (
        <div className={styles.anchors}>
          <h5 className={styles.anchorsTitle}>{t('report.levelsAnchors')}</h5>
          <ul className={styles.anchorList}>
            {levels.anchors.map((a) => (
              <li key={`${a.score}-${a.excerpt}`}>
                <strong>{a.score}/4</strong> <q>{a.excerpt}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
