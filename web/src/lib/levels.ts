/** Colours of the rubric levels (index = score), for charts; the CSS uses the same values. */
export const LEVEL_COLORS = ['#b42318', '#c2410c', '#a16207', '#2f855a', '#1c6b4a'] as const;

export function levelColor(score: number | null): string {
  if (score === null) return '#94a3b8';
  return LEVEL_COLORS[Math.max(0, Math.min(4, Math.round(score)))];
}
