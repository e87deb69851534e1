/** Small statistics and timing helpers shared by the benchmark sections. */

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (`p` in 0–100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * First quartile, median and third quartile of a non-empty list, by linear interpolation between the
 * sorted values (the method of R's default `quantile` and numpy's `percentile`): `q3 - q1` is the
 * interquartile range, the spread of the middle half of the samples, which one slow outlier cannot move.
 */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } {
  if (values.length === 0) throw new RangeError('quartiles of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = q * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** Rounds to `digits` decimals (figures in the report and the JSON stay readable). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Milliseconds taken by `fn`. No forced garbage collection between runs: a full GC ages V8's bytecode, and
 * forcing one before every run made pdfjs recompile its functions and the in-process parse twice as slow.
 */
export async function timeMs(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Progress for humans, on stderr, so that `--json` leaves stdout to the one JSON object. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
