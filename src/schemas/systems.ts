import { z } from 'zod';
import { FLOWS, LooseBoolean, PositiveAmount, PROVINCES } from './common.js';

/**
 * `systems/init` and `systems/learn-more` bodies (api-notes §3.1, §3.6). JSON and form bodies
 * both land here: forms carry numbers and booleans as strings, so those fields accept both.
 * Unknown fields are ignored, as Flexiti's examples carry leftovers (e.g. `show_close_button`).
 */

/** Optional pre-fill text; '' counts as not sent (the documented examples send `"mname": ""`). */
const text = (max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`))
    .optional();

/** A two-letter province, any case; '' = not sent. */
const Province = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.union([z.literal(''), z.enum(PROVINCES, { message: `must be one of ${PROVINCES.join(', ')}` })]))
  .optional();

/** Documented as ASCII(20) (api-notes §3.1); digits, optionally `-digits` for a business user (§6.5). */
const CustomerId = z
  .union([z.string().trim(), z.number().int().nonnegative()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^(\d{1,20}(-\d{1,10})?)?$/, 'must be a Flexiti customer id (digits)'))
  .optional();

const Vcc = z
  .union([z.string().trim(), z.number().int().nonnegative()])
  .transform((v) => String(v).replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\d{16})?$/, 'must be a 16-digit FlexitiCard number'))
  .optional();

/** '' counts as not sent: the browser SDK appends `&lang=` (and forms send empty inputs) (api-notes §8.1). */
const blankAsMissing = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** `en-CA`, `fr-CA`, `en`, `fr`, browser tags such as `en-US`, the draft's `En-CA` (api-notes §9.1.13). */
const Lang = z.preprocess(
  blankAsMissing,
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/, 'must be a language tag such as en-CA or fr-CA')
    .optional(),
);

/** Lower-cased: the early draft writes "Apply, Buy" (api-notes §9.1.14). */
const Flow = z.preprocess(
  blankAsMissing,
  z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(FLOWS, { message: `must be one of ${FLOWS.join(', ')}` }))
    .optional(),
);

export const AddressSchema = z.object({
  first_name: text(100),
  last_name: text(100),
  address_1: text(200),
  address_2: text(200),
  city: text(100),
  province: Province,
  postal_code: text(10),
});
export type Address = z.infer<typeof AddressSchema>;
const ADDRESS_FIELDS = ['first_name', 'last_name', 'address_1', 'address_2', 'city', 'province', 'postal_code'] as const;

/** Every body field but the per-flow rules, which depend on the path and mode. */
const fields = {
  merchant_orderid: text(100),
  merchant_order_id: text(100),
  is_guest: LooseBoolean.optional(),
  has_previous_purchase: LooseBoolean.optional(),
  customer_id: CustomerId,
  vcc: Vcc,
  lang: Lang,
  flow: Flow,
  amount_requested: PositiveAmount.optional(),
  salutation: text(10),
  email: text(254),
  phone_number: text(20),
  fname: text(100),
  mname: text(100),
  lname: text(100),
  dob: text(20),
  address_1: text(200),
  address_2: text(200),
  city: text(100),
  province: Province,
  postal_code: text(10),
  billing_information: AddressSchema.optional(),
  shipping_information: AddressSchema.optional(),
  show_close_button: z.union([z.string().max(10), z.boolean()]).optional(),
};

/**
 * The per-flow rules run even when a field already failed, so one 409 names every failing field;
 * only a body that is not an object at all (array, null, a string) skips them.
 */
const PER_FLOW_RULES_ALWAYS = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
};

export type InitVariant = 'v2' | 'v1' | 'learn_more';

/** The messages of the per-flow rules; tests reuse them. */
export const INIT_MSG = {
  required: 'is required',
  requiredForFlow: (flow: string) => `is required when flow is ${flow}`,
  customerRequired: (flow: string) => `vcc or customer_id is required when flow is ${flow}`,
  applyOnly: 'must be apply on the apply-only init (no /v2 in the path); use /online/v2/... for buy and apply/buy',
} as const;

/**
 * The init body for one path and mode (api-notes §3.1; contract C4):
 * - v2: `flow` and `amount_requested` required; `lang` required in strict mode, else en-CA.
 * - v1 (no /v2): apply-only; `flow` defaults to apply (any other flow is refused), `lang` to en-CA.
 * - learn-more: the same inputs, all optional (an informational page; flow defaults to apply).
 * buy and apply/buy need billing_information and shipping_information; buy needs vcc or
 * customer_id (strict mode: apply/buy too, and every address field).
 */
export function initBodySchema(variant: InitVariant, strict: boolean) {
  return z
    .object(fields)
    .superRefine((body, ctx) => {
      const missing = (path: string, message: string = INIT_MSG.required) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (variant === 'learn_more') return;
      if (body.amount_requested === undefined) missing('amount_requested');
      if (variant === 'v2') {
        if (body.flow === undefined) missing('flow');
        if (body.lang === undefined && strict) missing('lang');
      }
      if (variant === 'v1' && body.flow !== undefined && body.flow !== 'apply') missing('flow', INIT_MSG.applyOnly);
      const flow = body.flow;
      if (flow === 'buy' || flow === 'apply/buy') {
        if (!body.billing_information) missing('billing_information', INIT_MSG.requiredForFlow(flow));
        if (!body.shipping_information) missing('shipping_information', INIT_MSG.requiredForFlow(flow));
        // The docs' table requires vcc or customer_id for apply/buy too, but their own apply/buy
        // example sends neither (the application creates the customer): strict mode only (§3.1, §9.1.12).
        if (!body.vcc && !body.customer_id && (flow === 'buy' || strict)) missing('vcc', INIT_MSG.customerRequired(flow));
        if (strict) {
          for (const side of ['billing_information', 'shipping_information'] as const) {
            const sent = body[side];
            if (!sent || typeof sent !== 'object') continue;
            for (const field of ADDRESS_FIELDS) if (sent[field] === undefined) ctx.addIssue({ code: 'custom', path: [side, field], message: INIT_MSG.requiredForFlow(flow) });
          }
        }
      }
    }, PER_FLOW_RULES_ALWAYS)
    .transform(({ merchant_orderid, merchant_order_id, flow, lang, amount_requested, ...rest }) => ({
      ...rest,
      // Both spellings are accepted (contract C4; api-notes §9.1.2); the documented one wins.
      merchant_order_id: merchant_orderid || merchant_order_id || undefined,
      flow: flow ?? 'apply',
      lang: lang ?? 'en-CA',
      amount_requested: amount_requested ?? 0,
    }));
}

export type InitInput = z.output<ReturnType<typeof initBodySchema>>;

/** The documented contracts (strict mode), for the OpenAPI. */
export const InitBodySchema = initBodySchema('v2', true);
export const ApplyOnlyInitBodySchema = initBodySchema('v1', true);
export const LearnMoreBodySchema = initBodySchema('learn_more', true);
