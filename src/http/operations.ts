import type { FastifyRequest } from 'fastify';
import { basicCredentials } from '../services/tokens.js';

/** The prefix every Flexiti endpoint lives under (contract C4). */
export const FLEXITI_PREFIX = '/flexiti/online-api';

/**
 * The one table of Flexiti operations (contract C7: faults match by `operation`). Keyed by method
 * and route pattern relative to the prefix, with every `:param` written `:`, so it does not care
 * what the route files name their path parameters. Paths from api-notes §3.0.
 */
const OPERATION_TABLE: ReadonlyArray<readonly [method: string, pattern: string, operation: string]> = [
  ['POST', '/oauth/token', 'token'],
  ['POST', '/online/v2/client-id/:/systems/init', 'init'],
  ['POST', '/online/client-id/:/systems/init', 'init-apply-only'],
  ['POST', '/online/client-id/:/systems/learn-more', 'learn-more'],
  ['POST', '/online/client-id/:/merchants/payment-availability', 'payment-availability'],
  ['GET', '/online/v2/client-id/:/systems/payment-calculator', 'payment-calculator'],
  ['GET', '/online/client-id/:/notifications/order-id/:', 'notification-by-order-id'],
  ['GET', '/online/client-id/:/notifications/merchant-order-id/:', 'notification-by-merchant-order-id'],
  ['GET', '/online/client-id/:/notifications/promo-id/:', 'notification-by-promo-id'],
  ['GET', '/online/client-id/:/notifications/:', 'notification-legacy'],
  ['POST', '/online/client-id/:/notifications/test', 'notification-test'],
];

export const OPERATIONS = [...new Set(OPERATION_TABLE.map(([, , operation]) => operation))] as readonly string[];

const normalise = (pattern: string) => pattern.replace(/:[A-Za-z0-9_]+/g, ':').replace(/\/+$/, '');
const BY_KEY = new Map(OPERATION_TABLE.map(([method, pattern, operation]) => [`${method} ${pattern}`, operation]));

/** The operation name of a matched Flexiti route, from its route pattern (`request.routeOptions.url`). */
export function operationOf(method: string, routeUrl: string | undefined): string | undefined {
  if (!routeUrl?.startsWith(FLEXITI_PREFIX)) return undefined;
  const method_ = method === 'HEAD' ? 'GET' : method;
  return BY_KEY.get(`${method_} ${normalise(routeUrl.slice(FLEXITI_PREFIX.length))}`);
}

/** True for any request under the Flexiti prefix (matched route or not); never for `/__admin`. */
export function isFlexitiPath(url: string): boolean {
  return url === FLEXITI_PREFIX || url.startsWith(`${FLEXITI_PREFIX}/`) || url.startsWith(`${FLEXITI_PREFIX}?`);
}

const CLIENT_IN_PATH = /\/client-id\/([^/]+)/;

/** The request path without its query string. */
export const pathOf = (request: FastifyRequest) => request.url.split('?')[0] as string;

/**
 * The merchant a request speaks for: the path's `clientId`, else, on `/oauth/token`, the form's
 * `client_id` or the Basic header's (so for that route it is only complete once the body is parsed).
 */
export function clientIdOf(request: FastifyRequest): string | undefined {
  const params = request.params as { clientId?: unknown } | undefined;
  if (typeof params?.clientId === 'string') return params.clientId;
  if (operationOf(request.method, request.routeOptions.url) !== 'token') {
    // An unmatched path (a 404) still names its merchant; the journal and faults want it.
    const inPath = pathOf(request).match(CLIENT_IN_PATH)?.[1];
    if (!inPath) return undefined;
    try {
      return decodeURIComponent(inPath);
    } catch {
      return inPath;
    }
  }
  const body = request.body as { client_id?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.client_id === 'string' && body.client_id !== '') return body.client_id;
  return basicCredentials(request.headers.authorization)?.clientId || undefined;
}
