import type { QueueFlag, Reason } from './queries';

/*
 * The server's codes as runtime lists. `web` imports only types from `server`, so the lists are written
 * here; the records make the compiler fail when the server adds a code the web app does not know.
 */

const REASON_SET: Record<Reason, true> = {
  agree: true,
  evidence_missed: true,
  evidence_overrated: true,
  off_topic: true,
  rubric_misapplied: true,
  hidden_or_injected: true,
  other: true,
};

/** Why a trainer keeps or changes the AI's score, in the server's order (labels: `trainer.reasons.*`). */
export const REASONS = Object.keys(REASON_SET) as Reason[];

const FLAG_SET: Record<QueueFlag, true> = {
  prompt_injection: true,
  hidden_text: true,
  review_failed: true,
  criterion_failed: true,
  unverified_quote: true,
  keyword_stuffing: true,
  low_confidence: true,
  borderline: true,
};

/** The queue's signals, most serious first (labels: `trainer.flags.*`, explanations: `trainer.flagHelp.*`). */
export const QUEUE_FLAGS = Object.keys(FLAG_SET) as QueueFlag[];

export function isQueueFlag(value: string | null): value is QueueFlag {
  return value !== null && Object.hasOwn(FLAG_SET, value);
}

export function isReason(value: string): value is Reason {
  return Object.hasOwn(REASON_SET, value);
}

/** A reason's label in the UI language; an unknown code (a newer server) is shown as it is. */
export function reasonLabel(t: (key: string) => string, reason: string): string {
  return isReason(reason) ? t(`trainer.reasons.${reason}`) : reason;
}
