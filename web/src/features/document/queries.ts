import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, expectOk, unwrap } from '../../lib/api';
import type { Anchor } from './anchor';

export type PassageComment = InferResponseType<
  (typeof api.dossiers)[':id']['versions'][':v']['comments']['$get'],
  200
>[number];
export type BankEntry = InferResponseType<(typeof api.trainer)['comment-bank']['$get'], 200>[number];

export const commentKeys = {
  version: (dossierId: string, version: number) => ['comments', dossierId, version] as const,
  bank: ['comment-bank'] as const,
};

/** The trainers' comments on a version, in reading order. */
export function usePassageComments(dossierId: string, version: number) {
  return useQuery({
    queryKey: commentKeys.version(dossierId, version),
    queryFn: () =>
      unwrap(
        api.dossiers[':id'].versions[':v'].comments.$get({ param: { id: dossierId, v: String(version) } }),
      ),
    enabled: Boolean(dossierId),
  });
}

export function useCommentMutations(dossierId: string, version: number) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: commentKeys.version(dossierId, version) });
  return {
    create: useMutation({
      mutationFn: (input: Anchor & { body: string }) =>
        unwrap(
          api.dossiers[':id'].versions[':v'].comments.$post({
            param: { id: dossierId, v: String(version) },
            json: input,
          }),
        ),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) =>
        unwrap(
          api.dossiers[':id'].comments[':commentId'].$patch({
            param: { id: dossierId, commentId: id },
            json: { body },
          }),
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        expectOk(
          api.dossiers[':id'].comments[':commentId'].$delete({ param: { id: dossierId, commentId: id } }),
        ),
      onSuccess: refresh,
    }),
  };
}

/** The signed-in trainer's comment bank. */
export function useCommentBank(enabled = true) {
  return useQuery({
    queryKey: commentKeys.bank,
    queryFn: () => unwrap(api.trainer['comment-bank'].$get()),
    enabled,
  });
}

export function useBankMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: commentKeys.bank });
  return {
    save: useMutation({
      mutationFn: (body: string) => unwrap(api.trainer['comment-bank'].$post({ json: { body } })),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (entryId: string) =>
        expectOk(api.trainer['comment-bank'][':entryId'].$delete({ param: { entryId } })),
      onSuccess: refresh,
    }),
  };
}
