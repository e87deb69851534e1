/**
 * Rubric versions per organisation and exam. v1 is the built-in `defaultRubric` (code, never stored);
 * exam teams write v2, v3… from any earlier version. One version is active per exam (none stored active:
 * v1), and the review engine grades candidates' dossiers with it. A version is frozen once a review has
 * been requested with it: `first_used_at` is set in the same statement that hands it to the engine.
 *
 * This file only wires the modules together: `rubric-reads.ts` (versions, the active one, the engine's
 * source) and `rubric-writes.ts` (create, update, activate).
 */
import type { Actor } from '../../lib/actor';
import { bind } from '../../lib/bind';
import { diffRubrics } from './rubric-diff';
import { detail, list, type RubricDeps, resolve, rubricSource } from './rubric-reads';
import { activate, create, update } from './rubric-writes';

export { compareLabels, type RubricVersionSummary } from './rubric-reads';
export type { RubricVersionInput } from './rubric-writes';

export function createRubricVersionService(deps: RubricDeps) {
  return {
    /** The review engine's view: which rubric grades a dossier. */
    source: rubricSource(deps),
    /** A version of the organisation by label, the built-in v1 included; 404 when there is none. */
    resolve: bind(deps, resolve),
    detail: (actor: Actor, examId: string, version: string) =>
      detail(deps, actor.organizationId, examId, version),
    /** Every version of an exam for the caller's organisation: v1 first, then by label. */
    list: bind(deps, list),
    /** A new version edited from `basedOn` (default: the active one); labelled `v<N+1>` unless given. */
    create: bind(deps, create),
    /** Replaces the criteria (and note) of a version nobody has used yet; 409 once used. */
    update: bind(deps, update),
    /** Makes a version the one candidates' dossiers are graded with (v1: back to the default). */
    activate: bind(deps, activate),
    async diff(actor: Actor, examId: string, from: string, to: string) {
      const a = await resolve(deps, actor.organizationId, examId, from);
      const b = await resolve(deps, actor.organizationId, examId, to);
      return diffRubrics(a.rubric, b.rubric);
    },
  };
}

export type RubricVersionService = ReturnType<typeof createRubricVersionService>;
