import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, expectOk, unwrap } from '../../lib/api';

export type NotificationList = InferResponseType<typeof api.notifications.$get, 200>;
export type Notification = NotificationList['items'][number];

export const notificationKeys = { all: ['notifications'] as const };

/** The signed-in user's notices; checked again every minute while a page is open. */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => unwrap(api.notifications.$get()),
    enabled,
    refetchInterval: 60_000,
  });
}

/** Marks notices as read (all of them when no ids are given). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => expectOk(api.notifications.read.$post({ json: ids ? { ids } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
