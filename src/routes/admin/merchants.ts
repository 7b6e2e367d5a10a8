import type { FastifyPluginAsync } from 'fastify';
import { AdminClientIdParams, MerchantUpsertSchema } from '../../schemas/admin-merchants.js';
import type { MerchantService } from '../../services/merchants.js';

type Params = { clientId: string };

/**
 * `GET /__admin/merchants`, `GET|PUT|DELETE /__admin/merchants/{clientId}` (contract C6). Merchants
 * are returned as the fixture holds them, secrets included: this is the mock's own configuration.
 */
export const merchantAdminRoutes: FastifyPluginAsync<{ merchants: MerchantService }> = async (app, { merchants }) => {
  app.get('/merchants', async () => ({ merchants: merchants.list() }));

  app.get('/merchants/:clientId', { schema: { params: AdminClientIdParams } }, async (request) =>
    merchants.get((request.params as Params).clientId),
  );

  app.put('/merchants/:clientId', { schema: { params: AdminClientIdParams, body: MerchantUpsertSchema } }, async (request, reply) => {
    const { merchant, created } = merchants.upsert((request.params as Params).clientId, request.body as Record<string, unknown>);
    reply.code(created ? 201 : 200);
    return merchant;
  });

  app.delete('/merchants/:clientId', { schema: { params: AdminClientIdParams } }, async (request) => {
    const { clientId } = request.params as Params;
    const { tokensRevoked } = merchants.remove(clientId);
    return { client_id: clientId, deleted: true, tokens_revoked: tokensRevoked };
  });
};
