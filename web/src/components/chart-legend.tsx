import type { ReactNode } from 'react';

/**
 * Legend labels in the text colour: recharts colours them like their series, and pale series colours fail
 * WCAG 1.4.3 contrast on white. The swatch beside each label keeps the series colour.
 */
export function legendText(value: ReactNode): ReactNode {
  return <span className="chart-legend-text">{value}</span>;
}
