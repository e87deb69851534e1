import type { ReviewCheck } from './queries';

/**
 * The check a report carries once a trainer marked it as verified. The server adds `check` to the
 * report it answers, but the report's schema does not declare it, so it is read with a guard.
 */
export function reportCheck(report: unknown): ReviewCheck | null {
  if (typeof report !== 'object' || report === null || !('check' in report)) return null;
  const check = (report as { check: unknown }).check;
  if (typeof check !== 'object' || check === null) return null;
  const { by, comment, at } = check as Record<string, unknown>;
  if (typeof by !== 'string' || typeof at !== 'string') return null;
  return { by, at, comment: typeof comment === 'string' ? comment : null };
}
