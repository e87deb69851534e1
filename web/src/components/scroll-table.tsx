import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './scroll-table.module.css';

/**
 * A table that may be wider than the screen: it scrolls sideways inside a focusable region (keyboard users
 * scroll it with the arrows), with a shadow on the side that has more, and « Faites défiler » while the
 * end (the « Évolution » column) is out of sight.
 */
export function ScrollTable({
  label,
  hint,
  children,
}: {
  label: string;
  /** What scrolling shows (the compare table's default: its « Évolution » column). */
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const ref = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const left = element.scrollLeft > 1;
      const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
      setEdges((old) => (old.left === left && old.right === right ? old : { left, right }));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    const table = element.firstElementChild;
    if (table) observer?.observe(table);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);

  const classes = [styles.frame];
  if (edges.left) classes.push(styles.moreLeft);
  if (edges.right) classes.push(styles.moreRight);
  return (
    <div className={styles.wrap}>
      {edges.right && (
        <p id={hintId} className={styles.hint} data-testid="scroll-hint">
          <span aria-hidden="true">↔</span> {hint ?? t('dossier.scrollHint')}
        </p>
      )}
      <div className={classes.join(' ')}>
        {/* A section with a name is a region: focusable, so keyboard users can scroll it (WCAG 2.1.1). */}
        <section
          ref={ref}
          className={styles.scroller}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be keyboard-focusable (axe scrollable-region-focusable)
          tabIndex={0}
          aria-label={label}
          aria-describedby={edges.right ? hintId : undefined}
        >
          {children}
        </section>
      </div>
    </div>
  );
}
