import type { FastifyPluginAsync } from 'fastify';
import { authOf } from '../http/auth.js';
import { toCents } from '../money.js';
import { ClientIdParams, PaymentAvailabilityBodySchema } from '../schemas/plans.js';
import type { PlanService } from '../services/merchant-plans.js';

/** `POST /online/client-id/{clientId}/merchants/payment-availability` (api-notes §3.5); JSON or form body. */
export const paymentAvailabilityRoutes: FastifyPluginAsync<{ plans: PlanService }> = async (app, { plans }) => {
  app.post(
    '/online/client-id/:clientId/merchants/payment-availability',
    { schema: { params: ClientIdParams, body: PaymentAvailabilityBodySchema } },
    async (request) => {
      const { amount_requested } = request.body as { amount_requested: number };
      // Answered with the example's field name, not the parameter table's `enable_payment_gate` (api-notes §9.1.3).
      return { enable_payment_gateway: plans.availability(authOf(request).client_id, toCents(amount_requested)) };
    },
  );
};
