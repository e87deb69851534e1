import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap } from '../../lib/api';

export const dossierKeys = {
  all: ['dossiers'] as const,
  dossier: (id: string) => ['dossier', id] as const,
  reviews: (id: string) => ['dossier', id, 'reviews'] as const,
  text: (id: string, version: number) => ['dossier', id, 'text', version] as const,
};

export function useDossiers() {
  return useQuery({ queryKey: dossierKeys.all, queryFn: () => unwrap(api.dossiers.$get()) });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: dossierKeys.dossier(id ?? ''),
    queryFn: () => unwrap(api.dossiers[':id'].$get({ param: { id: id ?? '' } })),
    enabled: Boolean(id),
  });
}

export function useDossierReviews(id: string, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: dossierKeys.reviews(id),
    queryFn: () => unwrap(api.dossiers[':id'].reviews.$get({ param: { id } })),
    // While a review runs, keep the list (and the chart) fresh without a live channel per row.
    refetchInterval: (query) =>
      options.poll !== false && query.state.data?.some((r) => r.status === 'queued' || r.status === 'running')
        ? 3000
        : false,
  });
}

export function useDossierText(id: string, version: number, enabled = true) {
  return useQuery({
    queryKey: dossierKeys.text(id, version),
    queryFn: () =>
      unwrap(api.dossiers[':id'].versions[':v'].text.$get({ param: { id, v: String(version) } })),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function requestReview(dossierId: string, version: number) {
  return unwrap(
    api.dossiers[':id'].versions[':v'].reviews.$post({ param: { id: dossierId, v: String(version) } }),
  );
}

export function useRequestReview(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => requestReview(dossierId, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dossierKeys.reviews(dossierId) }),
  });
}

export function useDeleteDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectOk(api.dossiers[':id'].$delete({ param: { id } })),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: dossierKeys.dossier(id) });
      return queryClient.invalidateQueries({ queryKey: dossierKeys.all });
    },
  });
}
