import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../lib/api';
import { postCsv } from '../../lib/csv-import';

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

/** Sends a CSV roster as it is; a refusal (CsvImportError) carries each bad line. */
function importRoster(file: Blob): Promise<RosterResult> {
  return postCsv(api.admin.roster.$path(), file);
}

export function useImportRoster() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: importRoster, onSuccess: () => invalidate() });
}
