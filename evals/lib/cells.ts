/** The table cells' number formats shared by the terminal and HTML reports; a missing value shows as `—`. */

export const num = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? '—' : n.toFixed(digits);
export const pct = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${Math.round(n * 100)}%`;
export const signed = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? '—' : `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
