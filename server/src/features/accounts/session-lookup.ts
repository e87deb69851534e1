import { LRUCache } from 'lru-cache';
import type { Actor, Role } from '../../lib/actor';
import { createReviewAccessCache } from './review-access-cache';
import type { AccountDeps } from './store';

/** The session cookie's value (better-auth's signed token), the key of the session cache. */
const SESSION_TOKEN = /(?:^|;\s*)((?:__Secure-)?prejury[.-]session_token)=([^;]+)/;

/**
 * Who is calling, from a request's session cookie. Signed-in reads skip the session and membership
 * queries for up to `cacheMs`: the cost of most requests otherwise. Concurrent requests with one cookie
 * share one lookup (fetchMethod).
 */
export function createSessionLookup(
  deps: Pick<AccountDeps, 'auth' | 'database'> & {
    /** How long a looked-up session is reused (ms, ≤ 5 s; 0 disables). */
    cacheMs: number;
    /** The session cache's clock (tests move it by hand); default `performance`. */
    clock?: { now(): number };
  },
) {
  const { auth, database, cacheMs } = deps;
  const sessionCache =
    cacheMs > 0
      ? new LRUCache<string, { actor: Actor | null }, Headers>({
          max: 50_000,
          ttl: cacheMs,
          ...(deps.clock ? { perf: deps.clock, ttlResolution: 0 } : {}),
          fetchMethod: async (_token, _stale, { context }) => ({ actor: await lookUp(context) }),
        })
      : null;

  const reviewAccess = createReviewAccessCache({
    ttlMs: cacheMs,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });

  async function lookUp(headers: Headers): Promise<Actor | null> {
    const session = await auth.api.getSession({ headers });
    if (!session) return null;
    return actorForUser(session.user);
  }

  async function actorForUser(user: { id: string; email: string; name: string }): Promise<Actor | null> {
    // One round trip: the membership and, for trainers, the cohorts they follow.
    const [member] = await database.query<{
      role: Role;
      organization_id: string;
      cohort_id: string | null;
      trainer_cohorts: string[] | null;
    }>(
      `select m.role, m.organization_id, m.cohort_id,
         array(select ct.cohort_id::text from cohort_trainers ct where ct.user_id = m.user_id) as trainer_cohorts
       from memberships m join users u on u.id = m.user_id
       where m.user_id = $1 and u.active`,
      [user.id],
    );
    if (!member) return null;
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: member.role,
      organizationId: member.organization_id,
      cohortId: member.cohort_id,
      trainerCohortIds: member.role === 'trainer' ? (member.trainer_cohorts ?? []) : [],
    };
  }

  return {
    /** The caller behind a request's session cookie, or null. */
    async actorFromHeaders(headers: Headers): Promise<Actor | null> {
      // No session cookie, no lookup: anonymous calls to public routes cost nothing here.
      const token = SESSION_TOKEN.exec(headers.get('cookie') ?? '');
      if (!token) return null;
      if (!sessionCache) return lookUp(headers);
      const hit = await sessionCache.fetch(`${token[1]}=${token[2]}`, { context: headers });
      return hit?.actor ?? null;
    },
    /**
     * Forget every cached session of this process: called after anything that can end a session or
     * change what a user may do (sign-out, revoke-all, password reset, deactivation, role changes), so
     * it takes effect here at once; other processes see it when their entries lapse (≤ 5 s).
     */
    forgetSessions() {
      sessionCache?.clear();
      reviewAccess.clear();
    },
    /** Review access decisions reused like sessions (see `createReviewAccessCache`). */
    reviewAccess,
  };
}
