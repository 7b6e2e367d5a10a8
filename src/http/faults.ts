import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultAction } from '../schemas/admin.js';
import type { FaultService } from '../services/faults.js';
import type { ErrorEnvelope } from './errors.js';
import { clientIdOf, isFlexitiPath, operationOf, pathOf } from './operations.js';
import { REFERENCE_HEADER } from './reference-id.js';

/** Flexiti's error names for the statuses a fault is likely to inject (api-notes §2.5, contract C4). */
const ERROR_NAMES: Record<number, string> = {
  400: 'invalid_request', 401: 'invalid_token', 403: 'insufficient_scope', 404: 'not_found', 409: 'wrong_inputs',
  413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'too_many_requests', 500: 'server_error',
  502: 'bad_gateway', 503: 'service_unavailable', 504: 'gateway_timeout',
};

/** The body an injected status gets when the fault gives none: Flexiti's envelope, or `{}` below 400. */
export function defaultFaultBody(status: number): ErrorEnvelope | Record<string, never> {
  if (status < 400) return {};
  const error = ERROR_NAMES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request');
  return { code: status, error, error_description: `Injected fault (flexiti-mock): HTTP ${status} ${error}` };
}

/** A JSON body cut off mid-value: `JSON.parse` rejects it. */
export const MALFORMED_JSON = '{"code":200,"online_order_id":1310';

export const DEFAULT_FAULT_STATUS = 503;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the fault check has run, so it runs once per request. */
    faultChecked?: boolean;
  }
}

async function apply(action: FaultAction, request: FastifyRequest, reply: FastifyReply, closing: AbortSignal): Promise<FastifyReply | undefined> {
  // A delay ends early when the server is shutting down, so graceful close stays within C1's 10 s.
  if (action.delay_ms) await sleep(action.delay_ms, undefined, { signal: closing }).catch(() => undefined);
  if (action.reset_connection) {
    // A TCP RST, as a dropped load balancer connection looks to the client (C7).
    reply.hijack();
    const socket = request.raw.socket;
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
    return reply;
  }
  // The fault answers before the x-reference-id hook has run; the header is still echoed (contract C4).
  const reference = request.headers[REFERENCE_HEADER];
  if (reference) reply.header(REFERENCE_HEADER, Array.isArray(reference) ? reference[0] : reference);
  if (action.malformed_body) {
    return reply.code(action.status ?? 200).type('application/json; charset=utf-8').send(MALFORMED_JSON);
  }
  if (action.status === undefined && action.body === undefined) return undefined; // delay only: answer normally
  const status = action.status ?? DEFAULT_FAULT_STATUS;
  return reply.code(status).send(action.body ?? defaultFaultBody(status));
}

/**
 * Fault injection as an HTTP concern (contract C7), only for Flexiti paths, never `/__admin`.
 * It runs at `onRequest` (before the bearer check, so an injected outage wins over a token error
 * exactly as a real outage would) for every route whose client_id is in its path. `/oauth/token`
 * carries its client_id in the form body (or the Basic header), so there the check waits for
 * `preValidation`, the first hook after body parsing; nothing else runs before it on that route
 * except the x-reference-id check.
 */
export function registerFaults(app: FastifyInstance, faults: FaultService): void {
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  const check = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!faults.any() || request.faultChecked || !isFlexitiPath(request.url)) return undefined;
    const operation = operationOf(request.method, request.routeOptions.url);
    request.faultChecked = true;
    const hit = faults.take({ method: request.method, path: pathOf(request), operation, clientId: clientIdOf(request) });
    if (!hit) return undefined;
    if (request.journal) request.journal.fault = hit.id;
    return apply(hit.action, request, reply, closing.signal);
  };
  app.addHook('onRequest', async (request, reply) => {
    if (!faults.any() || operationOf(request.method, request.routeOptions.url) === 'token') return undefined;
    return check(request, reply);
  });
  app.addHook('preValidation', async (request, reply) => check(request, reply));
}
