import styles from './fill-bar.module.css';

/**
 * A thin bar filled to `percent` (0–100): a part's share of the pages, the time spent of an oral. Decorative:
 * the caller states the figure in words beside it.
 */
export function FillBar({ percent }: { percent: number }) {
  return (
    <span className={styles.fillBar} aria-hidden="true">
      <span style={{ width: `${percent}%` }} />
    </span>
  );
}
