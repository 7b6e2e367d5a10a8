import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../clock.js';
import { ERR, notFound } from '../../http/errors.js';
import { ClientScopeQuery, ClockChangeSchema, type ClockChange } from '../../schemas/admin.js';
import type { Store } from '../../store/index.js';

/** The clock as one merchant (or everyone, without client_id) sees it. */
export function clockView(clock: Clock, clientId?: string) {
  const { global, clients } = clock.offsets();
  const client = clientId === undefined ? 0 : (clients[clientId] ?? 0);
  return {
    now: new Date(clock.now(clientId)).toISOString(),
    ...(clientId === undefined ? {} : { client_id: clientId, client_offset_seconds: client / 1000 }),
    offset_seconds: (global + client) / 1000,
    global_offset_seconds: global / 1000,
    client_offsets_seconds: Object.fromEntries(Object.entries(clients).map(([id, ms]) => [id, ms / 1000])),
  };
}

function change(clock: Clock, body: ClockChange): void {
  const { client_id: clientId } = body;
  if (body.advance_seconds !== undefined) clock.advance(body.advance_seconds, clientId);
  else if (body.set !== undefined) clock.set(Date.parse(body.set), clientId);
  else clock.reset(clientId);
}

/**
 * `/__admin/clock` (contract C6): read, advance, set or reset the business clock, globally or for
 * one merchant. Token expiry, hosted sessions, pending decisions and callback retries read it.
 */
export const clockRoutes: FastifyPluginAsync<{ clock: Clock; store: Store }> = async (app, { clock, store }) => {
  const known = (clientId: string | undefined) => {
    if (clientId !== undefined && !store.merchants.get(clientId)) throw notFound(ERR.unknownMerchant);
  };
  app.get('/clock', { schema: { querystring: ClientScopeQuery } }, async (request) => {
    const { client_id } = request.query as { client_id?: string };
    known(client_id);
    return clockView(clock, client_id);
  });
  app.post('/clock', { schema: { body: ClockChangeSchema } }, async (request) => {
    const body = request.body as ClockChange;
    known(body.client_id);
    change(clock, body);
    return clockView(clock, body.client_id);
  });
};
