import type { ComparisonResult } from './comparison.js';

/**
 * The callback body (contract C8): the shape of the seed's `notifications/test` response
 * (api-notes §5), whose Swagger placeholders give the types (0 = number, "string" = string), plus
 * `transaction_id` and `merchant_orderid` so a receiver can correlate. Built from plain inputs so
 * synthetic notifications (`notifications/test`) use the same builder as real orders.
 */
export type CallbackEvent = 'Purchase' | 'Apply';
/** The documented types are Success, Error, Cancelled (§5); Pending is ours for a pending decision. */
export type NotificationType = 'Success' | 'Error' | 'Cancelled' | 'Pending';

export interface CallbackPerson {
  first_name: string;
  last_name: string;
  /** As Flexiti holds it (YYYY-MM-DD), '' when unknown. */
  dob: string;
  postal_code: string;
  customer_id: string | null;
  vcc: string | null;
}

export interface CallbackInput {
  event: CallbackEvent;
  notificationType: NotificationType;
  /** The merchant's callback_url as configured ('' = none). */
  callbackUrl: string;
  username: string;
  clientId: string;
  transactionId: number | null;
  merchantOrderId: string | null;
  purchase?: {
    person: CallbackPerson | null;
    status: string;
    amountCents: number;
    administrativeFeeCents: number | null;
    totalCents: number | null;
    planId: string | null;
    term: number | null;
    promoId: string | null;
    comparison: ComparisonResult | null;
  } | null;
  apply?: { person: CallbackPerson | null; status: string } | null;
}

/** Numeric ids as numbers where the draft has 0; null when unknown or not numeric. */
const asNumber = (value: string | null | undefined): number | null => (value && /^\d{1,16}$/.test(value) ? Number(value) : null);
const dollars = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2));

/** The draft's comparison keys (§5): no names or dob under shipping_information. */
export function draftComparison(result: ComparisonResult | null) {
  if (!result) return null;
  const { billing_information: b, shipping_information: s } = result;
  return {
    billing_information: { first_name: b.first_name, last_name: b.last_name, address_1: b.address_1, address_2: b.address_2, city: b.city, postal_code: b.postal_code, province: b.province },
    shipping_information: { address_1: s.address_1, address_2: s.address_2, city: s.city, postal_code: s.postal_code, province: s.province },
  };
}

/** The cardholder fields both the draft's `purchase` and `apply` objects carry (api-notes §5). */
function customerFields(person: CallbackPerson | null | undefined) {
  return {
    customer_fname: person?.first_name ?? '',
    customer_lname: person?.last_name ?? '',
    customer_dob: person?.dob ?? '',
    customer_postal_code: person?.postal_code ?? '',
  };
}

export function buildCallbackPayload(input: CallbackInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    event: input.event,
    notificationType: input.notificationType,
    callback_url: input.callbackUrl,
    // The draft's placeholder is 0, but a merchant username is text ("merchantonline", api-notes §7).
    username: input.username,
    client_id: input.clientId,
  };
  if (input.purchase) {
    const p = input.purchase;
    body.purchase = {
      ...customerFields(p.person),
      customer_id: asNumber(p.person?.customer_id),
      purchase_status: p.status,
      purchase_amount: dollars(p.amountCents),
      administrative_fee: dollars(p.administrativeFeeCents),
      transaction_total_amount: p.totalCents === null ? null : p.totalCents / 100,
      vcc: asNumber(p.person?.vcc),
      plan_id: asNumber(p.planId),
      term: p.term,
      promo_id: asNumber(p.promoId),
      customer_comparison_result: draftComparison(p.comparison),
    };
  }
  if (input.apply) {
    const a = input.apply;
    body.apply = {
      ...customerFields(a.person),
      apply_status: a.status,
      customer_id: asNumber(a.person?.customer_id),
      vcc: asNumber(a.person?.vcc),
    };
  }
  body.transaction_id = input.transactionId;
  body.merchant_orderid = input.merchantOrderId;
  return body;
}
