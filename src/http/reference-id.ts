import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERR, invalidRequest } from './errors.js';

export const REFERENCE_HEADER = 'x-reference-id';
export const WARNING_HEADER = 'x-flexiti-mock-warning';

/** 32 hex characters, or the 36-character hyphenated form hyperswitch sends (api-notes §8.3, §9.1.9). */
export const GUID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * `x-reference-id` is documented as required, but the public browser SDK and the Magento sample
 * never send it (api-notes §8.1, §8.2). Lenient mode accepts that with a warning header; strict
 * mode refuses it (contract C4). The id is echoed on every response.
 */
export function referenceIdHook(strict: boolean) {
  return async function checkReferenceId(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const value = request.headers[REFERENCE_HEADER];
    const id = Array.isArray(value) ? value[0] : value;
    if (id) reply.header(REFERENCE_HEADER, id);
    if (!id) {
      if (strict) throw invalidRequest(ERR.missingReferenceId);
      reply.header(WARNING_HEADER, `missing ${REFERENCE_HEADER} header (documented as required; 400 in strict mode)`);
    } else if (!GUID.test(id)) {
      if (strict) throw invalidRequest(ERR.badReferenceId);
      reply.header(WARNING_HEADER, `${REFERENCE_HEADER} is not a GUID (400 in strict mode)`);
    }
  };
}
