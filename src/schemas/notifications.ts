import { z } from 'zod';
import { FLOWS } from './common.js';

/**
 * Response contracts of the checkout endpoints, for the OpenAPI and for tests (never set as a
 * route's `schema.response`). Types follow the seed's examples (api-notes §3.1, §3.3, §3.6, §5).
 */
export const InitResponseSchema = z.strictObject({
  online_order_id: z.number().int().min(131000),
  redirection_url: z.url(),
});

export const LearnMoreResponseSchema = z.strictObject({ redirection_url: z.url() });

const Score = z.number().min(0).max(1).nullable();

/** One side of `customer_comparison_result`, in the buy example's key order (§3.3). */
export const ComparisonSideSchema = z.strictObject({
  province: Score,
  postal_code: Score,
  city: Score,
  address_2: Score,
  address_1: Score,
  dob: Score,
  last_name: Score,
  first_name: Score,
});

export const ComparisonSchema = z.strictObject({ shipping_information: ComparisonSideSchema, billing_information: ComparisonSideSchema });

export const PURCHASE_STATUSES = ['SUCCESS', 'DECLINED', 'CANCELLED', 'ERROR', 'IN_PROGRESS'] as const;
export const APPLY_STATUSES = ['SUCCESS', 'PENDING', 'DECLINED', 'CANCELLED', 'ERROR', 'RETRY', 'IN_PROGRESS'] as const;

/** `purchase` of a look-up: strings where the example has strings, numbers where numbers; null until known. */
export const NotificationPurchaseSchema = z.strictObject({
  purchase_status: z.enum(PURCHASE_STATUSES),
  status: z.enum(PURCHASE_STATUSES),
  customer_comparison_result: ComparisonSchema.nullable(),
  administrative_fee: z.string().regex(/^\d+\.\d{2}$/).nullable(),
  promo_id: z.string().nullable(),
  term: z.number().int().nullable(),
  plan_id: z.string().nullable(),
  purchase_amount: z.number(),
  transaction_total_amount: z.number().nullable(),
  customer_id: z.string().nullable(),
});

export const NotificationApplySchema = z.strictObject({
  customer_id: z.union([z.number().int(), z.string()]).nullable(),
  apply_status: z.enum(APPLY_STATUSES),
});

/** `GET …/notifications/order-id/{orderId}` and its siblings (§3.3, contract C4). */
export const NotificationResponseSchema = z.strictObject({
  transaction_id: z.number().int(),
  flow: z.enum(FLOWS),
  callback_url: z.string(),
  purchase: NotificationPurchaseSchema.optional(),
  apply: NotificationApplySchema.optional(),
  apply_status: z.enum(APPLY_STATUSES).optional(),
  date: z.iso.datetime({ precision: 3 }),
});

const DraftScore = Score;
/** The early draft's comparison keys (§3.6, §5): no names under shipping_information, no dob. */
export const DraftComparisonSchema = z.strictObject({
  billing_information: z.strictObject({ first_name: DraftScore, last_name: DraftScore, address_1: DraftScore, address_2: DraftScore, city: DraftScore, postal_code: DraftScore, province: DraftScore }),
  shipping_information: z.strictObject({ address_1: DraftScore, address_2: DraftScore, city: DraftScore, postal_code: DraftScore, province: DraftScore }),
});

/** `GET …/notifications/promo-id/{promoId}` (§3.6), with the draft's types. */
export const PromoResponseSchema = z.strictObject({
  fname: z.string(),
  lname: z.string(),
  transaction_total_amount: z.number().nullable(),
  purchase_amount: z.string(),
  plan_id: z.string().nullable(),
  term: z.number().int().nullable(),
  promo_id: z.string().nullable(),
  administrative_fee: z.number().nullable(),
  customer_comparison_result: DraftComparisonSchema.nullable(),
});

const Person = {
  customer_fname: z.string(),
  customer_lname: z.string(),
  customer_dob: z.string(),
  customer_postal_code: z.string(),
};

/** The callback body (contract C8): the draft `notifications/test` shape plus transaction_id and merchant_orderid. */
export const CallbackBodySchema = z.strictObject({
  event: z.enum(['Purchase', 'Apply']),
  notificationType: z.enum(['Success', 'Error', 'Cancelled', 'Pending']),
  callback_url: z.string(),
  username: z.string(),
  client_id: z.string(),
  purchase: z
    .strictObject({
      ...Person,
      customer_id: z.number().int().nullable(),
      purchase_status: z.string(),
      purchase_amount: z.string(),
      administrative_fee: z.string().nullable(),
      transaction_total_amount: z.number().nullable(),
      vcc: z.number().int().nullable(),
      plan_id: z.number().int().nullable(),
      term: z.number().int().nullable(),
      promo_id: z.number().int().nullable(),
      customer_comparison_result: DraftComparisonSchema.nullable(),
    })
    .optional(),
  apply: z
    .strictObject({ ...Person, apply_status: z.string(), customer_id: z.number().int().nullable(), vcc: z.number().int().nullable() })
    .optional(),
  transaction_id: z.number().int().nullable(),
  merchant_orderid: z.string().nullable(),
});
