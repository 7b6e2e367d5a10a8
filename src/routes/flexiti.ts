import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import { bearerAuthHook } from '../http/auth.js';
import { referenceIdHook } from '../http/reference-id.js';
import type { Services } from '../services/index.js';
import { notificationTestRoutes } from './notifications-test.js';
import { oauthRoutes } from './oauth.js';

/** Every documented Flexiti endpoint, under `/flexiti/online-api` (contract C4). */
export const flexitiApi: FastifyPluginAsync<{ config: Config; services: Services }> = async (app, { config, services }) => {
  app.addHook('onRequest', referenceIdHook(config.strict));
  await app.register(oauthRoutes, { tokens: services.tokens });
  await app.register(async (online) => {
    online.addHook('onRequest', bearerAuthHook(services.tokens));
    // Merchant routes (`/online/...client-id/{clientId}/...`) register here, in this authenticated scope.
    await online.register(notificationTestRoutes, { notifications: services.callbacks.testNotifications });
  });
};
