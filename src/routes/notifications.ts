import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Order, OrderService } from '../services/orders/index.js';
import { notificationView, promoView } from '../services/orders/index.js';

type Params<K extends string> = { Params: { clientId: string } & Record<K, string> };

/**
 * The notification look-ups (api-notes §3.3–3.6, contract C4). Every look-up is scoped to the
 * token's merchant: another merchant's order is a 404, exactly like an unknown one.
 */
export const notificationRoutes: FastifyPluginAsync<{ orders: OrderService; publicUrl: () => string }> = async (app, { orders, publicUrl }) => {
  const answer = (request: FastifyRequest, order: Order) => {
    orders.recordLookup(order, { route: request.routeOptions.url, reference_id: request.headers['x-reference-id'] ?? null });
    return notificationView(order, orders.merchantOf(order.client_id), publicUrl());
  };
  const base = '/online/client-id/:clientId/notifications';

  app.get<Params<'orderId'>>(`${base}/order-id/:orderId`, async (request) => answer(request, orders.get(request.params.clientId, request.params.orderId)));

  // The newest order when a merchant reused its id; any string works (api-notes §3.4, §9.2.17).
  app.get<Params<'merchantOrderId'>>(`${base}/merchant-order-id/:merchantOrderId`, async (request) =>
    answer(request, orders.getByMerchantOrderId(request.params.clientId, request.params.merchantOrderId)),
  );

  app.get<Params<'promoId'>>(`${base}/promo-id/:promoId`, async (request) => {
    const order = orders.getByPromoId(request.params.clientId, request.params.promoId);
    orders.recordLookup(order, { route: request.routeOptions.url, reference_id: request.headers['x-reference-id'] ?? null });
    return promoView(order, orders.customerOf(order));
  });

  // The legacy path the Magento sample's return page calls (api-notes §3.0, §8.2).
  app.get<Params<'orderId'>>(`${base}/:orderId`, async (request) => answer(request, orders.get(request.params.clientId, request.params.orderId)));
};
