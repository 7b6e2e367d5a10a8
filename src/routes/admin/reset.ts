import type { FastifyPluginAsync } from 'fastify';
import { ResetSchema } from '../../schemas/admin.js';
import type { ResetService } from '../../services/reset.js';

/** `POST /__admin/reset` (contract C6): `{}` resets everything, `{client_id}` one merchant's state. */
export const resetRoutes: FastifyPluginAsync<{ reset: ResetService }> = async (app, { reset }) => {
  app.post('/reset', { schema: { body: ResetSchema } }, async (request) => {
    const clientId = (request.body as { client_id?: string } | null | undefined)?.client_id;
    if (clientId === undefined) {
      reset.everything();
      return { reset: 'everything' };
    }
    reset.client(clientId);
    return { reset: 'client', client_id: clientId };
  });
};
