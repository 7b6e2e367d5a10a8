import type { FastifyPluginAsync } from 'fastify';
import { CallbackListQuery, DeliveryIdParams, type CallbackListFilter } from '../../schemas/admin-callbacks.js';
import type { CallbackAdmin } from '../../services/callbacks/admin.js';

/** The callback delivery log and redelivery (contract C6). */
export const callbackAdminRoutes: FastifyPluginAsync<{ callbacks: CallbackAdmin }> = async (app, { callbacks }) => {
  app.get<{ Querystring: CallbackListFilter }>('/callbacks', { schema: { querystring: CallbackListQuery } }, async (request) => ({
    callbacks: callbacks.list(request.query),
  }));

  app.post<{ Params: { id: string } }>('/callbacks/:id/redeliver', { schema: { params: DeliveryIdParams } }, async (request) =>
    callbacks.redeliver(request.params.id),
  );
};
