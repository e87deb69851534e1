import type { ReactNode } from 'react';

/** The charts' shared look: grid lines, value axis ticks, and the bold category ticks (competency ids). */
export const GRID_STROKE = '#e2e8f0';
export const AXIS_TICK = { fontSize: 12, fill: '#475569' };
export const CATEGORY_TICK = { fontSize: 13, fill: '#1e293b', fontWeight: 600 };
/** Horizontal bars' category axis: one bold id (`dataKey="id"`) per bar, no tick marks. */
export const ID_AXIS = { type: 'category', dataKey: 'id', tick: CATEGORY_TICK, tickLine: false } as const;
/**
 * What every chart here shares: it fills its figure's width at `height`, and has no keyboard layer of its
 * own (it is `aria-hidden`; the table beside it is the accessible view).
 */
export function chartFrame(
  height: number,
  margin: { top: number; right: number; bottom: number; left: number },
) {
  return { responsive: true, accessibilityLayer: false, style: { width: '100%', height }, margin } as const;
}
/** A dashed green line at the target (« prêt » score, good agreement). */
export const TARGET_LINE = { stroke: '#2f855a', strokeDasharray: '4 4' } as const;

/**
 * A chart in its figure: the drawing is hidden from screen readers (`aria-hidden`), the caption says what
 * it shows, and `table` (a visible or a screen-reader table) carries the same numbers.
 */
export function ChartFigure({
  caption,
  className,
  canvasClassName,
  table,
  children,
}: {
  caption: ReactNode;
  /** Added to `chart` (sizing, the caller's CSS Module). */
  className?: string;
  /** Added to `chart-canvas`. */
  canvasClassName?: string;
  table?: ReactNode;
  /** The recharts chart. */
  children: ReactNode;
}) {
  return (
    <figure className={className ? `chart ${className}` : 'chart'}>
      <div
        aria-hidden="true"
        className={canvasClassName ? `chart-canvas ${canvasClassName}` : 'chart-canvas'}
      >
        {children}
      </div>
      <figcaption className="muted small">{caption}</figcaption>
      {table}
    </figure>
  );
}
