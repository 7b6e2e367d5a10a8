import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Config } from '../config.js';
import { authOf } from '../http/auth.js';
import { ERR, wrongInputs } from '../http/errors.js';
import { WARNING_HEADER } from '../http/reference-id.js';
import { toCents } from '../money.js';
import { ClientIdParams, calculatorQuerySchema, type CalculatorLang } from '../schemas/plans.js';
import type { PlanService } from '../services/merchant-plans.js';

type CalculatorQuery = { price: number; lang?: CalculatorLang; clientId?: string };

/** Adds to the warning header rather than replacing one the x-reference-id check may have set. */
function warn(reply: FastifyReply, message: string): void {
  const existing = reply.getHeader(WARNING_HEADER);
  reply.header(WARNING_HEADER, existing ? `${String(existing)}; ${message}` : message);
}

/**
 * `GET /online/v2/client-id/{clientId}/systems/payment-calculator?price=&lang=` (api-notes §3.2).
 * The documented example repeats the client id as a `clientId` query parameter: a matching one is
 * accepted and ignored, a different one is refused (409 naming `clientId`) rather than silently
 * answered for the path's merchant.
 */
export const paymentCalculatorRoutes: FastifyPluginAsync<{ config: Pick<Config, 'strict'>; plans: PlanService }> = async (
  app,
  { config, plans },
) => {
  app.get(
    '/online/v2/client-id/:clientId/systems/payment-calculator',
    { schema: { params: ClientIdParams, querystring: calculatorQuerySchema(config.strict) } },
    async (request, reply) => {
      const clientId = authOf(request).client_id;
      const query = request.query as CalculatorQuery;
      if (query.clientId !== undefined && query.clientId !== clientId) throw wrongInputs(ERR.calculatorClientIdMismatch);
      // Only lenient mode gets here without lang (strict mode's schema requires it).
      if (query.lang === undefined) warn(reply, 'missing lang query (documented as required; 409 in strict mode): answered in English');
      return plans.calculator(clientId, toCents(query.price), query.lang ?? 'en');
    },
  );
};
