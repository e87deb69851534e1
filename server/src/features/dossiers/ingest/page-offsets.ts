import type { PageOffset } from './types';

/** The page holding `offset` (in a page separator: the page before it). */
export function pageAt(offsets: PageOffset[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo]?.page ?? 1;
}
