/**
 * A school's admin console: invitations and reset links (better-auth's reset-password tokens, stored
 * hashed), roster import, deactivation, promotions. The user sets their own password through the link,
 * so no admin ever types or passes on a password.
 *
 * This file only wires the modules together: `admin-links.ts` (tokens and their delivery),
 * `admin-invitations.ts` (invitations, links, roster import) and `admin-members.ts`.
 */
import { bind } from '../../lib/bind';
import { importRoster, invite, sendPasswordLink } from './admin-invitations';
import type { AdminDeps } from './admin-links';
import { createCohort, setActive, updateCohort } from './admin-members';

export {
  ADMIN_RESET_HOURS,
  type AdminDeps,
  INVITATION_DAYS,
  type Invitee,
  type IssuedLink,
} from './admin-links';

export function createAdminService(deps: AdminDeps) {
  return {
    /** Creates an account without a password and sends (or returns) the link to choose one. */
    invite: bind(deps, invite),
    /** An invitation again while they have never set a password, else a reset link. */
    sendPasswordLink: bind(deps, sendPasswordLink),
    /** Deactivates (every session revoked, sign-in refused) or reactivates an account. */
    setActive: bind(deps, setActive),
    updateCohort: bind(deps, updateCohort),
    createCohort: bind(deps, createCohort),
    /** Every row checked first, then every account created with its invitation, or nothing at all. */
    importRoster: bind(deps, importRoster),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
