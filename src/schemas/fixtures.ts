import { z } from 'zod';
import { Amount, FLOWS, MerchantUrl, PROVINCES } from './common.js';

/** A merchant plan (contract C3). Amounts in dollars; `apr` a yearly rate, 0.2999 = 29.99 %. */
export const PlanSchema = z
  .object({
    plan_id: z.string().min(1).max(20),
    name: z.string().min(1).max(200),
    kind: z.enum(['promotional', 'regular']),
    term_months: z.number().int().min(1).max(120),
    min_amount: Amount,
    max_amount: Amount,
    apr: z.number().min(0).max(1),
    administrative_fee: Amount.default(0),
  })
  .refine((p) => p.min_amount <= p.max_amount, { message: 'min_amount must not exceed max_amount', path: ['max_amount'] });

export const MerchantSchema = z
  .object({
    client_id: z.string().min(1).max(100).regex(/^[A-Za-z0-9._~-]+$/, 'letters, digits, . _ ~ - only'),
    client_secret: z.string().min(1).max(100),
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    trust_url: z.union([z.literal(''), MerchantUrl]).default(''),
    callback_url: z.union([z.literal(''), MerchantUrl]).default(''),
    success_url: MerchantUrl,
    failure_url: MerchantUrl,
    flows: z.array(z.enum(FLOWS)).min(1).default([...FLOWS]),
    plans: z.array(PlanSchema).default([]),
    /** A-RR_XX / A-RR_XXX applicants are declined when false (api-notes §7). */
    standard_accounts: z.boolean().default(true),
  })
  .superRefine((merchant, ctx) => {
    const seen = new Set<string>();
    merchant.plans.forEach((plan, index) => {
      if (seen.has(plan.plan_id)) {
        ctx.addIssue({ code: 'custom', path: ['plans', index, 'plan_id'], message: `duplicate plan_id "${plan.plan_id}"` });
      }
      seen.add(plan.plan_id);
    });
  });

export const CustomerSchema = z.object({
  customer_id: z.string().regex(/^\d{1,20}(-\d{1,10})?$/, 'digits, optionally -digits for a business user'),
  vcc: z.string().regex(/^\d{16}$/, 'must be 16 digits'),
  account_number: z.string().regex(/^\d{1,12}$/, 'digits only'),
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  dob: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  address_1: z.string(),
  address_2: z.string().default(''),
  city: z.string(),
  province: z.enum(PROVINCES),
  postal_code: z.string(),
  email: z.string(),
  phone: z.string(),
  credit_limit: Amount,
  available_credit: Amount,
  status: z.enum(['active', 'blocked']),
});

export const MerchantsFileSchema = z.array(MerchantSchema);
export const CustomersFileSchema = z.array(CustomerSchema);
/** The single-file form of FLEXITI_MOCK_FIXTURES. */
export const FixtureBundleSchema = z.object({ merchants: MerchantsFileSchema, customers: CustomersFileSchema.default([]) });

export type Plan = z.infer<typeof PlanSchema>;
export type Merchant = z.infer<typeof MerchantSchema>;
export type MerchantInput = z.input<typeof MerchantSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
