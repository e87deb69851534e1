import { z } from '@hono/zod-openapi';

export const NOTIFICATION_KINDS = ['review_ready', 'feedback_returned'] as const;

export const NotificationSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    reviewId: z.string().uuid().nullable(),
    title: z.string(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Notification');
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z
  .object({ unread: z.number().int().min(0), items: z.array(NotificationSchema) })
  .openapi('NotificationList');
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const MarkReadSchema = z
  .object({ ids: z.array(z.string().uuid()).max(200).optional() })
  .openapi('MarkNotificationsRead');
