import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, type Review, type ReviewProgress, unwrap } from '../../lib/api';
import { dossierKeys } from '../dossiers/queries';

export const reviewKeys = { review: (id: string) => ['review', id] as const };

export function isActive(status: Review['status'] | undefined) {
  return status === 'queued' || status === 'running';
}

export function fetchReview(id: string) {
  return unwrap(api.reviews[':id'].$get({ param: { id } }));
}

const POLL_MS = 2000;

/**
 * The review, live: while it is queued or running, progress arrives over server-sent events; if the
 * stream cannot be opened (or drops), the query polls every 2 s instead.
 */
export function useLiveReview(id: string) {
  const queryClient = useQueryClient();
  const [streamFailed, setStreamFailed] = useState(false);
  const review = useQuery({
    queryKey: reviewKeys.review(id),
    queryFn: () => fetchReview(id),
    refetchInterval: (query) => (streamFailed && isActive(query.state.data?.status) ? POLL_MS : false),
  });
  const active = isActive(review.data?.status);
  const dossierId = review.data?.dossierId;

  useEffect(() => {
    if (!active || streamFailed) return;
    if (typeof EventSource === 'undefined') {
      setStreamFailed(true);
      return;
    }
    const source = new EventSource(api.reviews[':id'].events.$path({ param: { id } }));
    const finish = () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: reviewKeys.review(id) });
      if (dossierId) void queryClient.invalidateQueries({ queryKey: dossierKeys.reviews(dossierId) });
    };
    source.addEventListener('progress', (event) => {
      const progress = JSON.parse((event as MessageEvent<string>).data) as ReviewProgress;
      if (!isActive(progress.status)) {
        finish();
        return;
      }
      queryClient.setQueryData<Review>(reviewKeys.review(id), (old) =>
        old ? { ...old, status: progress.status, progress } : old,
      );
    });
    source.addEventListener('done', finish);
    source.addEventListener('error', () => {
      // EventSource would reconnect on its own; polling is simpler to reason about and always works.
      source.close();
      setStreamFailed(true);
    });
    return () => source.close();
  }, [active, streamFailed, id, dossierId, queryClient]);

  return { review, live: active ? (streamFailed ? 'polling' : 'stream') : null } as const;
}

export function useRetryCriterion(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (criterionId: string) =>
      unwrap(
        api.reviews[':id'].criteria[':criterionId'].retry.$post({ param: { id: reviewId, criterionId } }),
      ),
    onSuccess: () => {
      // The review is queued again: mark it so, and let the live channel take over.
      queryClient.setQueryData<Review>(reviewKeys.review(reviewId), (old) =>
        old ? { ...old, status: 'queued' } : old,
      );
      return queryClient.invalidateQueries({ queryKey: reviewKeys.review(reviewId) });
    },
  });
}

/** The levels of the rubric a review was graded with (descriptors and anchors per criterion). It never changes. */
export function useReviewRubric(reviewId: string, enabled = true) {
  return useQuery({
    queryKey: ['reviewRubric', reviewId] as const,
    queryFn: () => unwrap(api.reviews[':id'].rubric.$get({ param: { id: reviewId } })),
    enabled: enabled && Boolean(reviewId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
