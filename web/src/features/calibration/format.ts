/** How calibration numbers are shown: locale-aware, `—` for a metric undefined on these data (null). */

export function formatMetric(value: number | null | undefined, lang: string, digits = 2): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
}

export function formatPercent(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** « +0,23 », « −0,10 », « 0,00 »: a true minus sign, so a difference reads as one. */
export function formatSigned(value: number | null | undefined, lang: string, digits = 2): string {
  if (value === null || value === undefined) return '—';
  const abs = formatMetric(Math.abs(value), lang, digits);
  if (Number(abs.replace(/[^\d]/g, '')) === 0) return abs;
  return `${value > 0 ? '+' : '−'}${abs}`;
}

/** Below this (in score points), a mean difference is reported as no bias. */
export const BIAS_THRESHOLD = 0.05;

/** Which way the AI leans compared with the humans, from the mean signed difference AI − human. */
export function biasDirection(bias: number | null | undefined): 'higher' | 'lower' | 'none' | null {
  if (bias === null || bias === undefined) return null;
  if (Math.abs(bias) < BIAS_THRESHOLD) return 'none';
  return bias > 0 ? 'higher' : 'lower';
}

/**
 * A reading of QWK for people (Williamson, Xi & Breyer 2012: 0.70 is the usual bar for automated scoring
 * against humans); shown as a word beside the number, never by colour alone.
 */
export function qwkBand(qwk: number | null | undefined): 'good' | 'fair' | 'poor' | null {
  if (qwk === null || qwk === undefined) return null;
  if (qwk >= 0.7) return 'good';
  if (qwk >= 0.5) return 'fair';
  return 'poor';
}

/**
 * A 95 % interval as « [0,55 ; 0,82] » (French separates decimals with a comma, so bounds with « ; »),
 * « [0.55, 0.82] » in English; `—` when the metric has none.
 */
export function formatInterval(
  interval: readonly [number, number] | null | undefined,
  lang: string,
  format: (value: number, lang: string) => string = (v, l) => formatMetric(v, l),
): string {
  if (!interval) return '—';
  const separator = lang.startsWith('fr') ? ' ; ' : ', ';
  return `[${format(interval[0], lang)}${separator}${format(interval[1], lang)}]`;
}
