import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ERR, invalidToken } from './errors.js';

/** Routes that stay open with an admin token set: orchestrators probe them without secrets (contract C2). */
const OPEN_ADMIN_ROUTES = new Set(['/__admin/health', '/__admin/ready']);

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `FLEXITI_MOCK_ADMIN_TOKEN` (contract C2): an onRequest hook on the whole admin scope, so every
 * admin route, including ones added later, needs `Authorization: Bearer <token>`.
 */
export function adminTokenHook(adminToken: string) {
  return async function checkAdminToken(request: FastifyRequest): Promise<void> {
    if (OPEN_ADMIN_ROUTES.has(request.routeOptions.url?.replace(/\/+$/, '') ?? '')) return;
    const match = request.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i);
    if (!match) throw invalidToken(ERR.missingAdminToken);
    if (!sameSecret(match[1] as string, adminToken)) throw invalidToken(ERR.badAdminToken);
  };
}
