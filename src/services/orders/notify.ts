import type { Merchant } from '../../schemas/fixtures.js';
import type { CustomerRecord } from '../../store/customers.js';
import type { OrderStatus } from '../../store/orders.js';
import { buildCallbackPayload, type CallbackPerson, type NotificationType } from '../callback-payload.js';
import { isoDob, type Order } from './model.js';

/**
 * How an order status maps onto the documented notification types Success, Error, Cancelled
 * (api-notes §5): a decline, an error and a retry are all "Error" (the body's apply_status /
 * purchase_status says which); a pending decision gets our own "Pending".
 */
export function notificationTypeOf(status: OrderStatus): NotificationType {
  switch (status) {
    case 'SUCCESS':
      return 'Success';
    case 'CANCELLED':
      return 'Cancelled';
    case 'PENDING':
      return 'Pending';
    default:
      return 'Error';
  }
}

export const expandPublicUrl = (url: string, publicUrl: string) => url.replace('{PUBLIC_URL}', publicUrl);

function personOf(customer: CustomerRecord | undefined): CallbackPerson | null {
  if (!customer) return null;
  return { first_name: customer.first_name, last_name: customer.last_name, dob: customer.dob, postal_code: customer.postal_code, customer_id: customer.customer_id, vcc: customer.vcc };
}

function applicantPerson(order: Order): CallbackPerson {
  const a = order.outcome.applicant ?? order.input;
  return { first_name: a.fname ?? '', last_name: a.lname ?? '', dob: isoDob(a.dob), postal_code: a.postal_code ?? '', customer_id: null, vcc: null };
}

/** The C8 body of an order's current state. `customer` is the order's cardholder, when known. */
export function orderCallbackBody(order: Order, merchant: Merchant, customer: CustomerRecord | undefined) {
  const purchaseReached = order.purchase_status !== null;
  const person = personOf(customer);
  return buildCallbackPayload({
    event: purchaseReached ? 'Purchase' : 'Apply',
    notificationType: notificationTypeOf(order.status),
    callbackUrl: merchant.callback_url,
    username: merchant.username,
    clientId: order.client_id,
    transactionId: order.id,
    merchantOrderId: order.merchant_order_id,
    purchase: purchaseReached
      ? {
          person,
          status: order.purchase_status as string,
          amountCents: order.amount_cents,
          administrativeFeeCents: order.administrative_fee_cents,
          totalCents: order.total_cents,
          planId: order.plan_id,
          term: order.term,
          promoId: order.promo_id,
          comparison: order.outcome.comparison ?? null,
        }
      : null,
    apply: order.apply_status !== null ? { person: person ?? applicantPerson(order), status: order.apply_status } : null,
  });
}
