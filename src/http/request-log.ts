import type { FastifyInstance } from 'fastify';
import { clientIdOf } from './operations.js';
import { REFERENCE_HEADER } from './reference-id.js';

/**
 * One log line per request (contract C10) with the route pattern rather than the raw URL, so
 * hosted-flow tokens never reach the log; credentials are never logged at all.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        referenceId: request.headers[REFERENCE_HEADER],
        clientId: request.auth?.client_id ?? clientIdOf(request),
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    );
  });
}
