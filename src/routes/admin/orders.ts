import type { FastifyPluginAsync } from 'fastify';
import { AdminOrderParamsSchema, AdminOrdersQuerySchema, CompleteOrderSchema, type CompleteOrderRequest } from '../../schemas/admin-orders.js';
import { adminOrderView, type OrderService } from '../../services/orders/index.js';
import type { Store } from '../../store/index.js';

type OrderParams = { Params: { orderId: number } };

/** `/__admin/orders…` (contract C6): list, one order with its timeline, and `complete`. */
export const adminOrderRoutes: FastifyPluginAsync<{ orders: OrderService; store: Store }> = async (app, { orders, store }) => {
  const withTimeline = (orderId: number) => {
    const order = orders.load(orderId);
    return adminOrderView(order, orders.redirectionUrl(order), { events: store.orders.events(order.id), deliveries: store.deliveries.byOrder(order.id) });
  };

  app.get<{ Querystring: { client_id?: string; limit: number } }>('/orders', { schema: { querystring: AdminOrdersQuerySchema } }, async (request) => ({
    orders: orders.list(request.query.client_id, request.query.limit).map((order) => adminOrderView(order, orders.redirectionUrl(order))),
  }));

  app.get<OrderParams>('/orders/:orderId', { schema: { params: AdminOrderParamsSchema } }, async (request) => withTimeline(request.params.orderId));

  app.post<OrderParams & { Body: CompleteOrderRequest }>(
    '/orders/:orderId/complete',
    { schema: { params: AdminOrderParamsSchema, body: CompleteOrderSchema } },
    async (request) => {
      orders.complete(request.params.orderId, request.body);
      return withTimeline(request.params.orderId);
    },
  );
};
