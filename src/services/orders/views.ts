import type { Merchant } from '../../schemas/fixtures.js';
import type { CustomerRecord } from '../../store/customers.js';
import type { DeliveryRecord } from '../../store/deliveries.js';
import type { OrderEventRecord } from '../../store/orders.js';
import { draftComparison } from '../callback-payload.js';
import { hasApply, hasBuy, type Order } from './model.js';
import { expandPublicUrl } from './notify.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const dollarsOrNull = (cents: number | null) => (cents === null ? null : cents / 100);
const dollarText = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2));

/** The apply status a look-up reports: IN_PROGRESS until the application is decided (contract C4). */
export function applyStatusOf(order: Order): string {
  return order.apply_status ?? (order.status === 'PENDING' || order.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : order.status);
}

/**
 * The purchase status a look-up reports: IN_PROGRESS until the buy step ends (also while an
 * apply/buy application is pending: an approval still leads to the purchase); when the order
 * ended before the buy step (an apply/buy application declined, cancelled, failed or to retry),
 * the order's status, with RETRY reported as ERROR (C4's purchase values).
 */
export function purchaseStatusOf(order: Order): string {
  if (order.purchase_status) return order.purchase_status;
  if (order.status === 'IN_PROGRESS' || order.status === 'PENDING') return 'IN_PROGRESS';
  return order.status === 'RETRY' ? 'ERROR' : order.status;
}

/**
 * `GET …/notifications/order-id/{id}` and its siblings (api-notes §3.3, contract C4), with the
 * types of the seed's examples: `transaction_id`, `term`, `purchase_amount`,
 * `transaction_total_amount` and `apply.customer_id` numbers; `plan_id`, `promo_id`,
 * `administrative_fee` and `purchase.customer_id` strings; both `purchase.purchase_status` and
 * `purchase.status`; both `apply.apply_status` and a top-level `apply_status`. Values not known
 * yet (an unfinished order) are null.
 */
export function notificationView(order: Order, merchant: Merchant, publicUrl: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    transaction_id: order.id,
    flow: order.flow,
    callback_url: expandPublicUrl(merchant.callback_url, publicUrl),
  };
  if (hasBuy(order)) {
    const status = purchaseStatusOf(order);
    const purchased = order.purchase_status === 'SUCCESS';
    body.purchase = {
      purchase_status: status,
      status,
      customer_comparison_result: order.outcome.comparison ?? null,
      administrative_fee: dollarText(order.administrative_fee_cents),
      promo_id: order.promo_id,
      term: order.term,
      plan_id: order.plan_id,
      purchase_amount: order.amount_cents / 100,
      transaction_total_amount: purchased ? dollarsOrNull(order.total_cents) : order.amount_cents / 100,
      customer_id: order.outcome.card?.customer_id ?? (order.flow === 'buy' ? (order.input.customer_id ?? null) : order.customer_id),
    };
  }
  if (hasApply(order)) {
    const status = applyStatusOf(order);
    const customerId = order.apply_status === 'SUCCESS' ? order.customer_id : null;
    body.apply = { customer_id: customerId && /^\d+$/.test(customerId) ? Number(customerId) : customerId, apply_status: status };
    body.apply_status = status;
  }
  body.date = iso(order.completed_at ?? order.created_at);
  return body;
}

/** `GET …/notifications/promo-id/{promoId}` (api-notes §3.6), with the draft's types and keys. */
export function promoView(order: Order, cardholder: CustomerRecord | undefined): Record<string, unknown> {
  return {
    fname: cardholder?.first_name ?? '',
    lname: cardholder?.last_name ?? '',
    transaction_total_amount: dollarsOrNull(order.total_cents),
    purchase_amount: (order.amount_cents / 100).toFixed(2),
    plan_id: order.plan_id,
    term: order.term,
    promo_id: order.promo_id,
    administrative_fee: dollarsOrNull(order.administrative_fee_cents),
    customer_comparison_result: draftComparison(order.outcome.comparison ?? null),
  };
}

/** The admin view of an order (contract C6): everything init received, its state and, on request, its timeline. */
export function adminOrderView(
  order: Order,
  redirectionUrl: string,
  timeline?: { events: OrderEventRecord[]; deliveries: DeliveryRecord[] },
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    online_order_id: order.id,
    client_id: order.client_id,
    kind: order.kind,
    api_version: order.api_version,
    flow: order.flow,
    lang: order.lang,
    amount_requested: order.amount_cents / 100,
    merchant_order_id: order.merchant_order_id,
    status: order.status,
    apply_status: order.apply_status,
    purchase_status: order.purchase_status,
    customer_id: order.customer_id,
    plan_id: order.plan_id,
    term: order.term,
    promo_id: order.promo_id,
    administrative_fee: dollarText(order.administrative_fee_cents),
    transaction_total_amount: dollarText(order.total_cents),
    redirection_url: redirectionUrl,
    flow_expires_at: iso(order.flow_expires_at),
    created_at: iso(order.created_at),
    updated_at: iso(order.updated_at),
    completed_at: iso(order.completed_at),
    request: order.input,
    outcome: order.outcome,
  };
  if (timeline) {
    view.timeline = {
      events: timeline.events.map((e) => ({ at: iso(e.at), type: e.type, data: e.data === null ? null : JSON.parse(e.data) })),
      deliveries: timeline.deliveries.map((d) => ({
        id: d.id,
        event: d.event,
        notification_type: d.notification_type,
        url: d.url,
        state: d.state,
        attempts: d.attempts,
        next_attempt_at: iso(d.next_attempt_at),
        created_at: iso(d.created_at),
        body: JSON.parse(d.body),
      })),
    };
  }
  return view;
}
