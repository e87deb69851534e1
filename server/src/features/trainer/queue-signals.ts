import type { GapReport } from '../reviews';
import type { QUEUE_FLAGS } from './schemas';

export type QueueFlag = (typeof QUEUE_FLAGS)[number];

/** How much each signal pushes a review up the queue: what most needs a human comes first. */
const WEIGHTS: Record<QueueFlag, number> = {
  prompt_injection: 100,
  hidden_text: 80,
  review_failed: 60,
  criterion_failed: 50,
  unverified_quote: 40,
  keyword_stuffing: 30,
  low_confidence: 25,
  borderline: 15,
};

/** The signals of a review that call for a human, from its report (or its failure). */
export function queueSignals(
  status: string,
  report: GapReport | null,
): { flags: QueueFlag[]; priority: number } {
  const found = new Map<QueueFlag, number>();
  const add = (flag: QueueFlag, times = 1) => found.set(flag, (found.get(flag) ?? 0) + times);
  if (status === 'failed' || !report) add('review_failed');
  if (report) {
    const all = [...report.flags, ...report.criteria.flatMap((c) => c.flags)];
    for (const f of all) {
      if (f.code === 'prompt_injection' || f.code === 'hidden_text' || f.code === 'keyword_stuffing')
        add(f.code);
      if (f.code === 'unverified_quote') add('unverified_quote');
      if (f.code === 'low_confidence') add('low_confidence');
    }
    const failed = report.criteria.filter((c) => c.status === 'failed').length;
    if (failed > 0) add('criterion_failed', failed);
    if (report.overall.ready === 'presque') add('borderline');
  }
  // One point per signal kind at full weight, repeats add a little (capped) so two kinds beat one repeated.
  let priority = 0;
  for (const [flag, times] of found) priority += WEIGHTS[flag] + Math.min(times - 1, 5) * 2;
  return { flags: [...found.keys()].sort((a, b) => WEIGHTS[b] - WEIGHTS[a]), priority };
}
