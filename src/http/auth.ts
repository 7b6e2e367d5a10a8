import type { FastifyRequest } from 'fastify';
import type { TokenService } from '../services/tokens.js';
import type { TokenRecord } from '../store/tokens.js';
import { ERR, insufficientScope, invalidToken } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The bearer token of a Flexiti merchant route, set by the auth hook. */
    auth?: TokenRecord;
  }
}

/** Reads the merchant's token from a request the auth hook has passed. */
export function authOf(request: FastifyRequest): TokenRecord {
  if (!request.auth) throw invalidToken(ERR.missingToken);
  return request.auth;
}

/**
 * Bearer auth for every Flexiti route under `client-id/{clientId}`: 401 for a missing, unknown or
 * expired token (the description says which), 403 when the token belongs to another client_id
 * than the path's or has customer scope (contract C4, api-notes §2.4–2.5).
 */
export function bearerAuthHook(tokens: TokenService) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
    if (!match) throw invalidToken(ERR.missingToken);
    const record = tokens.authenticate(match[1] as string);
    const { clientId } = request.params as { clientId?: string };
    if (clientId !== undefined && clientId !== record.client_id) throw insufficientScope(ERR.otherClient);
    if (record.scope !== 'merchant') throw insufficientScope(ERR.customerScope);
    request.auth = record;
  };
}
