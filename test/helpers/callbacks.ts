import type { FastifyInstance } from 'fastify';
import { loadFixtures, type Fixtures } from '../../src/fixtures.js';
import { API, DEMO, bearer } from './app.js';

/** The bundled fixtures with some merchants' callback_url pointed at a test receiver. */
export function fixturesWithCallbacks(urls: Record<string, string>): Fixtures {
  const fixtures = loadFixtures();
  return {
    ...fixtures,
    merchants: fixtures.merchants.map((m) => (m.client_id in urls ? { ...m, callback_url: urls[m.client_id] as string } : m)),
  };
}

/** `POST …/notifications/test` as a merchant would send it. */
export function postTestNotification(app: FastifyInstance, token: string, payload: unknown, clientId: string = DEMO.clientId) {
  return app.inject({
    method: 'POST',
    url: `${API}/online/client-id/${clientId}/notifications/test`,
    headers: bearer(token),
    payload: payload as Record<string, unknown>,
  });
}

export async function adminCallbacks(app: FastifyInstance, query = '') {
  const response = await app.inject({ method: 'GET', url: `/__admin/callbacks${query}` });
  if (response.statusCode !== 200) throw new Error(`admin callbacks: ${response.statusCode} ${response.body}`);
  return response.json().callbacks as Array<Record<string, any>>;
}
