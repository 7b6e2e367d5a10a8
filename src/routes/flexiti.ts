import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import { bearerAuthHook } from '../http/auth.js';
import { referenceIdHook } from '../http/reference-id.js';
import type { Services } from '../services/index.js';
import { checkoutRoutes } from './checkout.js';
import { notificationRoutes } from './notifications.js';
import { notificationTestRoutes } from './notifications-test.js';
import { oauthRoutes } from './oauth.js';
import { paymentAvailabilityRoutes } from './payment-availability.js';
import { paymentCalculatorRoutes } from './payment-calculator.js';

/** Every documented Flexiti endpoint, under `/flexiti/online-api` (contract C4). */
export const flexitiApi: FastifyPluginAsync<{ config: Config; services: Services; publicUrl: () => string }> = async (app, { config, services, publicUrl }) => {
  app.addHook('onRequest', referenceIdHook(config.strict));
  await app.register(oauthRoutes, { tokens: services.tokens });
  await app.register(async (online) => {
    online.addHook('onRequest', bearerAuthHook(services.tokens));
    // Merchant routes (`/online/...client-id/{clientId}/...`) register here, in this authenticated scope.
    await online.register(paymentAvailabilityRoutes, { plans: services.plans });
    await online.register(paymentCalculatorRoutes, { config, plans: services.plans });
    await online.register(checkoutRoutes, { config, orders: services.orders });
    await online.register(notificationRoutes, { orders: services.orders, publicUrl });
    await online.register(notificationTestRoutes, { notifications: services.callbacks.testNotifications });
  });
};
