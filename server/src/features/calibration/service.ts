/**
 * Exam-team calibration: sets of dossiers with human scores (a jury's CSV, trainers' decisions), runs of a
 * rubric version over a set (one review per dossier, through the review job queue), and the agreement
 * between the AI and the humans — computed by THE metrics module (`metrics.ts`), the one the evals use.
 * Everything is scoped to the caller's organisation: a set, run or dossier of another one is a 404.
 *
 * This file only wires the modules together: `sets.ts`, `score-import.ts` (with `score-rows.ts`, the
 * CSV row schema), `runs.ts`, `comparisons.ts`, `exports.ts`, over the shared reads of `store.ts`.
 */
import type { Actor } from '../../lib/actor';
import { compare } from './comparisons';
import { agreementCsv, scoresCsv, templateCsv } from './exports';
import { agreement, getRun, items, startRun } from './runs';
import { importCsv, importTrainerScores } from './score-import';
import { createSet, deleteSet, getSet, listSets } from './sets';
import { type CalibrationServiceDeps, examDossiers, examOf } from './store';

export type { CriterionAgreement, RunAgreement, RunProgress, RunSummary } from './schemas';
export { MAX_IMPORT_ROWS, MAX_LISTED_ERRORS, TRAINER_RATER } from './score-import';
export { DEFAULT_RATER } from './score-rows';
export type { CalibrationServiceDeps } from './store';

/** Binds a module function to the service's collaborators: `(ctx, ...args)` becomes `(...args)`. */
const bind =
  <A extends unknown[], R>(ctx: CalibrationServiceDeps, fn: (ctx: CalibrationServiceDeps, ...args: A) => R) =>
  (...args: A) =>
    fn(ctx, ...args);

export function createCalibrationService(deps: CalibrationServiceDeps) {
  return {
    /** The exam's dossiers the caller sees (to build a set and its CSV). */
    examDossiers(actor: Actor, examId: string) {
      examOf(examId);
      return examDossiers(deps, actor, examId);
    },
    listSets: bind(deps, listSets),
    createSet: bind(deps, createSet),
    getSet: bind(deps, getSet),
    deleteSet: bind(deps, deleteSet),
    /** All rows or none; every bad row reported by line (see `score-import.ts`). */
    importCsv: bind(deps, importCsv),
    importTrainerScores: bind(deps, importTrainerScores),
    templateCsv: bind(deps, templateCsv),
    startRun: bind(deps, startRun),
    getRun: bind(deps, getRun),
    agreement: bind(deps, agreement),
    items: bind(deps, items),
    compare: bind(deps, compare),
    scoresCsv: bind(deps, scoresCsv),
    agreementCsv: bind(deps, agreementCsv),
  };
}

export type CalibrationService = ReturnType<typeof createCalibrationService>;
