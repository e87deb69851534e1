import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, type Review, unwrap } from '../../lib/api';
import { fetchReview, reviewKeys } from '../reviews/queries';

export type QueueItem = InferResponseType<typeof api.trainer.queue.$get, 200>[number];
export type QueueFlag = QueueItem['flags'][number];
export type QueueFilters = NonNullable<InferRequestType<typeof api.trainer.queue.$get>['query']>;
export type CohortView = InferResponseType<typeof api.trainer.cohort.$get, 200>;
export type CohortFilters = NonNullable<InferRequestType<typeof api.trainer.cohort.$get>['query']>;
type DecisionEndpoint = (typeof api.reviews)[':id']['criteria'][':criterionId']['decision']['$post'];
export type DecisionInput = InferRequestType<DecisionEndpoint>['json'];
export type Decision = InferResponseType<DecisionEndpoint, 201>;
export type Reason = DecisionInput['reason'];
type DecisionsEndpoint = (typeof api.reviews)[':id']['decisions']['$get'];
export type ReviewCheck = NonNullable<InferResponseType<DecisionsEndpoint, 200>['check']>;

export const trainerKeys = {
  all: ['trainer'] as const,
  queue: (filters: QueueFilters) => ['trainer', 'queue', filters] as const,
  cohort: (filters: CohortFilters) => ['trainer', 'cohort', filters] as const,
};

/** Drops empty filters, so that `{}` and `{ examId: undefined }` share a cache entry and a URL. */
function compact<T extends Record<string, string | undefined>>(filters: T): T {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as T;
}

/** The trainer's queue, most in need of a human first (the server orders it). */
export function useQueue(filters: QueueFilters) {
  const query = compact(filters);
  return useQuery({
    queryKey: trainerKeys.queue(query),
    queryFn: () => unwrap(api.trainer.queue.$get({ query })),
    // Changing a filter keeps the previous rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useCohortView(filters: CohortFilters) {
  const query = compact(filters);
  return useQuery({
    queryKey: trainerKeys.cohort(query),
    queryFn: () => unwrap(api.trainer.cohort.$get({ query })),
    placeholderData: keepPreviousData,
  });
}

/** The review as the trainer reads it: the annotated report (decisions beside the AI's scores). */
export function useTrainerReview(id: string) {
  return useQuery({ queryKey: reviewKeys.review(id), queryFn: () => fetchReview(id) });
}

/** After a decision or a check, the review, the queue and the cohort view are stale. */
function refreshAfterWork(queryClient: ReturnType<typeof useQueryClient>, reviewId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: reviewKeys.review(reviewId) }),
    queryClient.invalidateQueries({ queryKey: trainerKeys.all }),
  ]);
}

export function useDecide(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ criterionId, ...json }: DecisionInput & { criterionId: string }) =>
      unwrap(
        api.reviews[':id'].criteria[':criterionId'].decision.$post({
          param: { id: reviewId, criterionId },
          json,
        }),
      ),
    onSuccess: (decision) => {
      // Show the decision at once; the refetch that follows brings the server's own view.
      queryClient.setQueryData<Review>(reviewKeys.review(reviewId), (old) =>
        old?.report
          ? {
              ...old,
              report: {
                ...old.report,
                criteria: old.report.criteria.map((c) =>
                  c.id === decision.criterionId
                    ? {
                        ...c,
                        decision: {
                          score: decision.score,
                          reason: decision.reason,
                          comment: decision.comment,
                          by: decision.by,
                          at: decision.at,
                        },
                      }
                    : c,
                ),
              },
            }
          : old,
      );
      return refreshAfterWork(queryClient, reviewId);
    },
  });
}

export function useCheckReview(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) =>
      unwrap(
        api.reviews[':id'].check.$post({
          param: { id: reviewId },
          json: comment.trim() ? { comment: comment.trim() } : {},
        }),
      ),
    onSuccess: (check) => {
      queryClient.setQueryData<Review>(reviewKeys.review(reviewId), (old) =>
        old?.report ? { ...old, report: { ...old.report, check } } : old,
      );
      return refreshAfterWork(queryClient, reviewId);
    },
  });
}
