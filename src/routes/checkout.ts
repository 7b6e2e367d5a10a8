import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import { initBodySchema, type InitInput } from '../schemas/systems.js';
import type { OrderService } from '../services/orders/index.js';

type ClientParams = { Params: { clientId: string }; Body: InitInput };

/**
 * `systems/init` (v2: every flow; no /v2: apply-only, api-notes §3.0–3.1, contract C4) and the
 * early draft's `systems/learn-more` (§3.6). The bodies are validated per path and mode.
 */
export const checkoutRoutes: FastifyPluginAsync<{ config: Pick<Config, 'strict'>; orders: OrderService }> = async (app, { config, orders }) => {
  app.post<ClientParams>('/online/v2/client-id/:clientId/systems/init', { schema: { body: initBodySchema('v2', config.strict) } }, async (request) =>
    orders.create(request.params.clientId, request.body, { apiVersion: 'v2', kind: 'checkout' }),
  );

  app.post<ClientParams>('/online/client-id/:clientId/systems/init', { schema: { body: initBodySchema('v1', config.strict) } }, async (request) =>
    orders.create(request.params.clientId, request.body, { apiVersion: 'v1', kind: 'checkout' }),
  );

  // The response is undocumented; we answer the redirection_url only (api-notes §3.6, §9.2.14).
  app.post<ClientParams>('/online/client-id/:clientId/systems/learn-more', { schema: { body: initBodySchema('learn_more', config.strict) } }, async (request) => {
    const { redirection_url } = orders.create(request.params.clientId, request.body, { apiVersion: 'v1', kind: 'learn_more' });
    return { redirection_url };
  });
};
