import type { FastifyPluginAsync } from 'fastify';
import { authOf } from '../http/auth.js';
import { GUID, REFERENCE_HEADER } from '../http/reference-id.js';
import { ClientIdParams, NotificationTestBody, type NotificationTestInput } from '../schemas/notifications-test.js';
import type { TestNotifications } from '../services/callbacks/test-notification.js';

/**
 * `POST /online/client-id/{clientId}/notifications/test` (early draft only, api-notes §3.6, §5):
 * fires a synthetic notification at the merchant's callback_url and answers with its body, the
 * exact bytes the receiver gets. The caller's x-reference-id, when a GUID, travels with it.
 */
export const notificationTestRoutes: FastifyPluginAsync<{ notifications: TestNotifications }> = async (app, { notifications }) => {
  app.post<{ Body: NotificationTestInput }>(
    '/online/client-id/:clientId/notifications/test',
    { schema: { params: ClientIdParams, body: NotificationTestBody } },
    async (request, reply) => {
      const header = request.headers[REFERENCE_HEADER];
      const referenceId = typeof header === 'string' && GUID.test(header) ? header : undefined;
      const body = notifications.send(authOf(request).client_id, request.body, referenceId);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
};
