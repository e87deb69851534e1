import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

// The referential is static data: fetch once per session.
const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

export const referentialKeys = {
  referential: ['referential'] as const,
  exams: ['exams'] as const,
  exam: (id: string) => ['exam', id] as const,
};

export function useReferential() {
  return useQuery({
    queryKey: referentialKeys.referential,
    queryFn: () => unwrap(api.referential.$get()),
    ...forever,
  });
}

export function useExams() {
  return useQuery({ queryKey: referentialKeys.exams, queryFn: () => unwrap(api.exams.$get()), ...forever });
}

function examQuery(id: string) {
  return {
    queryKey: referentialKeys.exam(id),
    queryFn: () => unwrap(api.exams[':id'].$get({ param: { id } })),
    ...forever,
  };
}

export function useExam(id: string | undefined) {
  return useQuery({ ...examQuery(id ?? ''), enabled: Boolean(id) });
}

/** Every exam in full (deliverables, criteria): the search covers them. */
export function useAllExams(ids: string[]) {
  return useQueries({
    queries: ids.map(examQuery),
    combine: (results) => ({
      data: results.every((r) => r.data)
        ? results.map((r) => r.data).filter((e) => e !== undefined)
        : undefined,
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => {
        for (const r of results) if (r.error) void r.refetch();
      },
    }),
  });
}
