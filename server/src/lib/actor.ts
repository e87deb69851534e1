import type { Role } from '../../../db/schema';

export type { Role };

/** Who is calling: the signed-in user with their organisation, role and cohorts. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  /** A candidate's cohort. */
  cohortId: string | null;
  /** The cohorts a trainer follows (empty for other roles). */
  trainerCohortIds: string[];
}

/** Hono context variables set by the app's middleware, shared by every router. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Null when the request carries no valid session (public routes only). */
    actor: Actor | null;
    /**
     * Set by the access policy on `/api/reviews/:id…` routes, from its one query: the review's id and,
     * once it is finished, a fingerprint of everything its JSON depends on (finish time, trainers'
     * decisions and check), the ETag's source. Null while the review runs.
     */
    reviewVersion?: { id: string; version: string | null };
  };
}
