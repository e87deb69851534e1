import { createRouter, jsonRequest, respond, routesTagged } from '../../lib/openapi';
import { requireActor } from '../accounts';
import { MarkReadSchema, NotificationListSchema } from './schemas';
import type { NotificationService } from './service';

const route = routesTagged('Notifications');

/** `/api/notifications`: what's new for the signed-in user, and marking it read. */
export function notificationRoutes(service: NotificationService) {
  return createRouter()
    .openapi(
      route.get('/', 'Mes notifications, les plus récentes d’abord, et le nombre de non lues', {
        responses: respond.ok('Notifications', NotificationListSchema, 401),
      }),
      async (c) => c.json(await service.list(requireActor(c.get('actor')).userId), 200),
    )
    .openapi(
      route.post('/read', 'Marquer mes notifications comme lues (toutes, ou celles données)', {
        ...jsonRequest(MarkReadSchema),
        responses: respond.noContent('Marquées comme lues', 400, 401, 415),
      }),
      async (c) => {
        await service.markRead(requireActor(c.get('actor')).userId, c.req.valid('json').ids);
        return c.body(null, 204);
      },
    );
}
