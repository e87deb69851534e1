import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiErrorFrom, type Me, unwrap } from '../../lib/api';

/** The `me` query key. */
export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no valid session (401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => unwrap(api.me.$get()),
    staleTime: 5 * 60_000,
  });
}

/** POSTs JSON to better-auth (`/api/auth/*`, not part of the typed client) and throws an ApiError on failure. */
export async function authPost(path: string, body: unknown = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/api/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    // better-auth answers `{ code, message }`; ours `{ error: { code, message } }`.
    const flat = data as { code?: string; message?: string } | null;
    if (flat && typeof flat.code === 'string' && !('error' in flat)) {
      throw new ApiError(res.status, flat.code, '');
    }
    throw apiErrorFrom(res.status, data);
  }
  return data;
}

/**
 * Forgets everything cached for the previous user but keeps the `me` query itself (components
 * observing it stay subscribed) and sets it to the new user, or null.
 */
export function switchUser(queryClient: QueryClient, me: Me | null) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, me);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => authPost('sign-in/email', input),
    onSuccess: async () => {
      switchUser(queryClient, await unwrap(api.me.$get()));
    },
  });
}

/** Signs out this browser, or every session of the account (`everywhere`). */

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ everywhere }: { everywhere?: boolean } = {}) => {
      if (everywhere) await authPost('revoke-sessions');
      await authPost('sign-out');
    },
    onSettled: () => switchUser(queryClient, null),
  });
}
