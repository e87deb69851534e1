/**
 * Trainers' work on AI reviews: the queue, score decisions, checks, the cohort view.
 *
 * This file only wires the modules together: `human-work.ts` (decisions and check beside a report),
 * `decisions.ts` (recording them), `queue.ts` (the queue, the cohort view, human scores for calibration,
 * over `cohort-reviews.ts`) and `queue-signals.ts` (what pushes a review up the queue).
 */
import { bind } from '../../lib/bind';
import { check, decide } from './decisions';
import type { TrainerDeps } from './deps';
import { annotate, humanWork } from './human-work';
import { cohortView, humanScores, queue } from './queue';

export { queueSignals } from './queue-signals';
export type { Decision, ReviewCheck } from './schemas';

export function createTrainerService(deps: TrainerDeps) {
  return {
    /** The report as people read it: the trainer's decisions beside the AI's scores, and the check. */
    annotate: bind(deps, annotate),
    decisions: bind(deps, humanWork),
    /** Records a trainer's decision on one criterion (append-only: the history stays). */
    decide: bind(deps, decide),
    /** Marks a review as checked by a trainer, with an optional comment for the candidate. */
    check: bind(deps, check),
    queue: bind(deps, queue),
    cohortView: bind(deps, cohortView),
    /** Trainers' decisions as human scores for calibration: the latest per (review, criterion). */
    humanScores: bind(deps, humanScores),
  };
}

export type TrainerService = ReturnType<typeof createTrainerService>;
