import { z } from 'zod';
import { Amount } from './common.js';

export const ClientIdParams = z.object({ clientId: z.string().min(1).max(100) });

/** `POST …/merchants/payment-availability` body (api-notes §3.5); JSON number or form string. */
export const PaymentAvailabilityBodySchema = z.object({ amount_requested: Amount });

/**
 * The response. The docs' parameter table names the field `enable_payment_gate`, their example
 * `enable_payment_gateway` (api-notes §9.1.3); we answer with the example's name, which is what
 * client code written against the example reads.
 */
export const PaymentAvailabilityResponseSchema = z.object({ enable_payment_gateway: z.boolean() });

export const CALCULATOR_LANGS = ['en', 'fr'] as const;
export type CalculatorLang = (typeof CALCULATOR_LANGS)[number];

/**
 * A language tag whose primary subtag is en or fr, any case and region (`en`, `fr`, `en-CA`,
 * `fr-CA`, the draft's `en-FR`, `fr_CA`), reduced to its primary subtag (api-notes §9.1.13).
 */
export const CalculatorLang = z
  .string()
  .trim()
  .regex(/^(en|fr)(?:[-_][A-Za-z0-9]{1,8})*$/i, 'must be an English or French language tag (en, fr, en-CA, fr-CA, …)')
  .transform((tag) => tag.slice(0, 2).toLowerCase() as CalculatorLang);

/**
 * `GET …/systems/payment-calculator` query (api-notes §3.2). `price` and `lang` are documented as
 * required; lenient mode defaults a missing `lang` to English (product pages written against the
 * early draft, which has no lang, still work), strict mode refuses it. The example's redundant
 * `clientId` query and the draft's optional customer id (`customer_id` / `customerId`) are
 * accepted; a `clientId` different from the path's is refused by the route.
 */
export function calculatorQuerySchema(strict: boolean) {
  return z.object({
    price: Amount,
    lang: strict ? CalculatorLang : CalculatorLang.optional(),
    clientId: z.string().max(100).optional(),
    customer_id: z.string().max(20).optional(),
    customerId: z.string().max(20).optional(),
  });
}

/** The documented contract (strict), for the OpenAPI. */
export const CalculatorQuerySchema = calculatorQuerySchema(true);

export const CalculatorResponseSchema = z.object({
  htmlRender: z.string(),
  /** Strings, as in the documented example (api-notes §3.2). */
  paymentPlan: z.object({ monthlyPayment: z.string().regex(/^\d+\.\d{2}$/), months: z.string().regex(/^\d+$/) }),
});

export type CalculatorResponse = z.infer<typeof CalculatorResponseSchema>;
