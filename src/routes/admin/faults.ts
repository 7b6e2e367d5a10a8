import type { FastifyPluginAsync } from 'fastify';
import { ERR, notFound } from '../../http/errors.js';
import { ClientScopeQuery, FaultIdParams, FaultInputSchema, type FaultInput } from '../../schemas/admin.js';
import type { FaultService } from '../../services/faults.js';

/** `/__admin/faults` (contract C7): add, list, remove one, remove all (or one client_id's). */
export const faultRoutes: FastifyPluginAsync<{ faults: FaultService }> = async (app, { faults }) => {
  app.post('/faults', { schema: { body: FaultInputSchema } }, async (request, reply) => {
    const fault = faults.add(request.body as FaultInput);
    reply.code(201);
    return { id: fault.id, fault };
  });
  app.get('/faults', { schema: { querystring: ClientScopeQuery } }, async (request) => {
    const { client_id } = request.query as { client_id?: string };
    return { faults: faults.list(client_id) };
  });
  app.get('/faults/:id', { schema: { params: FaultIdParams } }, async (request) => {
    const fault = faults.get((request.params as { id: string }).id);
    if (!fault) throw notFound(ERR.unknownFault);
    return fault;
  });
  app.delete('/faults/:id', { schema: { params: FaultIdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    if (!faults.remove(id)) throw notFound(ERR.unknownFault);
    return { deleted: 1, id };
  });
  app.delete('/faults', { schema: { querystring: ClientScopeQuery } }, async (request) => {
    const { client_id } = request.query as { client_id?: string };
    return { deleted: faults.clear(client_id) };
  });
};
