import type { FastifyPluginAsync } from 'fastify';

export interface ReadinessCheck {
  name: string;
  ready: () => boolean;
}

/** Liveness and readiness; both stay open when an admin token is configured (contract C2, C6). */
export const healthRoutes: FastifyPluginAsync<{ checks: readonly ReadinessCheck[] }> = async (app, { checks }) => {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const results = Object.fromEntries(checks.map((check) => [check.name, check.ready()]));
    const ready = Object.values(results).every(Boolean);
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'starting', checks: results };
  });
};
