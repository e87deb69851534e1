import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../lib/api';

// Response types of the coaching routes, derived from the server's AppType (never restated by hand).
export type ExamBrief = InferResponseType<(typeof api.exams)[':id']['brief']['$get'], 200>;
export type OutlinePart = ExamBrief['outline'][number];
export type Conversation = InferResponseType<
  (typeof api.dossiers)[':id']['versions'][':v']['coach']['$get'],
  200
>;
export type CoachMessage = Conversation['messages'][number];
export type CoachAnswer = InferResponseType<
  (typeof api.dossiers)[':id']['versions'][':v']['coach']['$post'],
  200
>;
export type CoachCitation = CoachAnswer['citations'][number];
export type OralPrep = InferResponseType<(typeof api.reviews)[':id']['oral']['$get'], 200>;
export type OralQuestion = OralPrep['questions'][number];

export const coachingKeys = {
  brief: (examId: string) => ['brief', examId] as const,
  conversation: (dossierId: string, version: number) => ['coach', dossierId, version] as const,
  oral: (reviewId: string) => ['oral', reviewId] as const,
};

/** An exam's brief: derived from the referential, it does not change during a session. */
export function useBrief(examId: string) {
  return useQuery({
    queryKey: coachingKeys.brief(examId),
    queryFn: () => unwrap(api.exams[':id'].brief.$get({ param: { id: examId } })),
    enabled: Boolean(examId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** The stored conversation with the coach about one version of a dossier. */
export function useConversation(dossierId: string, version: number) {
  return useQuery({
    queryKey: coachingKeys.conversation(dossierId, version),
    queryFn: () =>
      unwrap(api.dossiers[':id'].versions[':v'].coach.$get({ param: { id: dossierId, v: String(version) } })),
    enabled: Boolean(dossierId) && version > 0,
  });
}

/** Oral preparation from a finished review (a review still running answers 409). */
export function useOralPrep(reviewId: string) {
  return useQuery({
    queryKey: coachingKeys.oral(reviewId),
    queryFn: () => unwrap(api.reviews[':id'].oral.$get({ param: { id: reviewId } })),
    enabled: Boolean(reviewId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Where an exam's brief is, and the anchor of one of its criteria or deliverables on it. */
export function briefPath(examId: string, anchor?: string) {
  return `/epreuves/${examId}/fiche${anchor ? `#${anchor}` : ''}`;
}

export const criterionAnchor = (id: string) => `critere-${id}`;
export const deliverableAnchor = (id: string) => `livrable-${id}`;
