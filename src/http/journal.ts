import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { boundBody, type Journal } from '../services/journal.js';
import { clientIdOf, isFlexitiPath, operationOf, pathOf } from './operations.js';
import { redact, redactText } from './redact.js';
import { REFERENCE_HEADER } from './reference-id.js';

declare module 'fastify' {
  interface FastifyRequest {
    journal?: { responseBody?: unknown; recorded?: boolean; fault?: string };
  }
}

/** The response payload as the client got it, parsed back when it is JSON, then redacted. */
function responseBodyOf(payload: unknown, contentType: unknown): unknown {
  if (payload === null || payload === undefined) return null;
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '[stream]';
  if (typeof contentType === 'string' && contentType.includes('json')) {
    try {
      return redact(JSON.parse(text));
    } catch {
      // an unparseable body (e.g. an injected malformed_body) is kept as text
    }
  }
  return redactText(text);
}

function record(journal: Journal, request: FastifyRequest, reply: FastifyReply, status: number | null): void {
  const state = (request.journal ??= {});
  if (state.recorded) return;
  state.recorded = true;
  const reference = request.headers[REFERENCE_HEADER];
  journal.record({
    method: request.method,
    path: pathOf(request),
    query: redact(request.query ?? {}),
    operation: operationOf(request.method, request.routeOptions.url) ?? null,
    client_id: clientIdOf(request) ?? null,
    reference_id: (Array.isArray(reference) ? reference[0] : reference) ?? null,
    request_headers: redact({ ...request.headers }) as Record<string, unknown>,
    request_body: boundBody(typeof request.body === 'string' ? redactText(request.body) : redact(request.body)),
    status,
    response_body: boundBody(state.responseBody ?? null),
    duration_ms: Math.round(reply.elapsedTime * 100) / 100,
    fault: state.fault ?? null,
  });
}

/** Records every Flexiti request (never `/__admin` or the hosted pages) in the journal (contract C10). */
export function registerJournal(app: FastifyInstance, journal: Journal): void {
  if (journal.size === 0) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!isFlexitiPath(request.url)) return;
    request.journal = {};
    // A reset connection never finishes the response, so onResponse does not run: record on close.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) record(journal, request, reply, null);
    });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.journal) request.journal.responseBody = responseBodyOf(payload, reply.getHeader('content-type'));
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.journal) record(journal, request, reply, reply.statusCode);
  });
}
