/**
 * Accounts: who is calling, user management, personal-data export and erasure, retention.
 *
 * This file only wires the modules together: `session-lookup.ts` (the caller behind a cookie, cached),
 * `users.ts`, `organizations.ts`, `data-export.ts`, `retention.ts` and `seed-demo.ts`, over `store.ts`.
 */
import { bind } from '../../lib/bind';
import { exportData } from './data-export';
import { assertOpenCohorts, createCohort, createOrganization, listCohorts } from './organizations';
import { deleteDossier, purgeOldDrafts } from './retention';
import { seedDemo } from './seed-demo';
import { createSessionLookup } from './session-lookup';
import type { AccountDeps } from './store';
import { createUser, deleteUser, listUsers, memberOf, updateProfile, updateUser } from './users';

export { emailUnavailable } from './store';
export { foldName, type NewUser } from './users';

export function createAccountService(
  deps: AccountDeps & {
    /** How long a looked-up session is reused (ms, ≤ 5 s; 0 disables). */
    sessionCacheMs?: number;
    /** The session cache's clock (tests move it by hand); default `performance`. */
    clock?: { now(): number };
  },
) {
  return {
    ...createSessionLookup({
      auth: deps.auth,
      database: deps.database,
      cacheMs: deps.sessionCacheMs ?? 0,
      ...(deps.clock ? { clock: deps.clock } : {}),
    }),
    createUser: bind(deps, createUser),
    deleteUser: bind(deps, deleteUser),
    /** Everything Préjury holds about a user, as a ZIP: `donnees.json` and the original files. */
    exportData: bind(deps, exportData),
    /** New assignments only go to open promotions (archived ones are kept for the record). */
    assertOpenCohorts: bind(deps, assertOpenCohorts),
    createOrganization: bind(deps, createOrganization),
    createCohort: bind(deps, createCohort),
    listCohorts: bind(deps, listCohorts),
    listUsers: bind(deps, listUsers),
    updateUser: bind(deps, updateUser),
    updateProfile: bind(deps, updateProfile),
    memberOf: bind(deps, memberOf),
    deleteDossier: bind(deps, deleteDossier),
    purgeOldDrafts: bind(deps, purgeOldDrafts),
    seedDemo: bind(deps, seedDemo),
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
