import type { FastifyPluginAsync } from 'fastify';
import type { Dashboard } from '../../dashboard/render.js';
import { ClientScopeQuery } from '../../schemas/admin.js';

/**
 * `GET /__admin/`: the HTML dashboard of recent orders, callbacks and requests. A strict CSP
 * (no scripts at all) backs up the template's escaping.
 */
export const dashboardRoutes: FastifyPluginAsync<{ dashboard: Dashboard }> = async (app, { dashboard }) => {
  app.get('/', { schema: { querystring: ClientScopeQuery } }, async (request, reply) => {
    const { client_id } = request.query as { client_id?: string };
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    return dashboard.render(client_id);
  });
};
