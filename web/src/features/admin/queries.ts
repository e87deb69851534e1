import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { ApiError, api, apiErrorFrom, unwrap } from '../../lib/api';

export type AdminUser = InferResponseType<typeof api.admin.users.$get, 200>[number];
export type AdminCohort = InferResponseType<typeof api.admin.cohorts.$get, 200>[number];
export type IssuedLink = InferResponseType<typeof api.admin.users.$post, 201>;
export type RosterResult = InferResponseType<typeof api.admin.roster.$post, 201>;
export type AuditPage = InferResponseType<typeof api.admin.audit.$get, 200>;
export type AuditEntry = AuditPage['entries'][number];

export const adminKeys = {
  users: ['admin', 'users'] as const,
  cohorts: ['admin', 'cohorts'] as const,
  audit: ['admin', 'audit'] as const,
};

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => unwrap(api.admin.users.$get()) });
}

export function useCohorts() {
  return useQuery({ queryKey: adminKeys.cohorts, queryFn: () => unwrap(api.admin.cohorts.$get()) });
}

/** After any admin change: accounts, promotions and the audit log may all have moved. */
export function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['admin'] });
}

/** A roster refused with row errors (`details.errors` of the API's answer). */
export class RosterImportError extends ApiError {
  constructor(
    base: ApiError,
    readonly rows: { line: number; message: string }[],
    readonly total: number,
  ) {
    super(base.status, base.code, base.message);
  }
}

async function importRoster(file: Blob): Promise<RosterResult> {
  let res: Response;
  try {
    res = await fetch(api.admin.roster.$path(), {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'text/csv' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const details = (
      body as { error?: { details?: { errors?: { line: number; message: string }[]; total?: number } } }
    )?.error?.details;
    const base = apiErrorFrom(res.status, body);
    if (details?.errors)
      throw new RosterImportError(base, details.errors, details.total ?? details.errors.length);
    throw base;
  }
  return body as RosterResult;
}

export function useImportRoster() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: importRoster, onSuccess: () => invalidate() });
}
