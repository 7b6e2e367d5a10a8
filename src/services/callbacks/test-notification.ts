import type { Clock } from '../../clock.js';
import { ERR, notFound } from '../../http/errors.js';
import type { Ids } from '../../ids.js';
import type { Merchant } from '../../schemas/fixtures.js';
import type { NotificationTestInput } from '../../schemas/notifications-test.js';
import type { Store } from '../../store/index.js';

const STATUS: Record<NotificationTestInput['notification_type'], string> = { Success: 'SUCCESS', Error: 'ERROR', Cancelled: 'CANCELLED' };

/**
 * INTERIM: the synthetic notification body in the documented draft shape (api-notes §5, contract
 * C8), until the order service's `buildCallbackPayload` lands; then this delegates to it.
 */
function syntheticPayload(merchant: Merchant, input: NotificationTestInput, now: number) {
  const status = STATUS[input.notification_type];
  const customer = { customer_fname: 'Tommy', customer_lname: 'Samson', customer_dob: '1981-06-01', customer_postal_code: 'M2A2A2', customer_id: 1293835 };
  const base = {
    event: input.event,
    notificationType: input.notification_type,
    callback_url: merchant.callback_url,
    username: merchant.username,
    client_id: merchant.client_id,
    transaction_id: null,
    merchant_orderid: null,
    date: new Date(now).toISOString(),
  };
  if (input.event === 'Apply') return { ...base, apply_status: status, apply: { ...customer, apply_status: status, vcc: '2374980012897093' } };
  return {
    ...base,
    purchase: { ...customer, purchase_status: status, status, purchase_amount: 2, administrative_fee: '0.00', transaction_total_amount: 2, vcc: '2374980012897093', plan_id: '4', term: 3, promo_id: '382712' },
  };
}

/** `POST …/notifications/test`: enqueues a synthetic notification for the merchant's callback_url (api-notes §5). */
export function createTestNotifications(deps: { store: Store; clock: Clock; ids: Ids }) {
  const { store, clock, ids } = deps;
  return {
    /** Returns the exact JSON body the receiver will get. */
    send(clientId: string, input: NotificationTestInput, referenceId: string | undefined): string {
      const merchant = store.merchants.get(clientId);
      if (!merchant) throw notFound(ERR.unknownMerchant);
      const now = clock.now(clientId);
      const body = JSON.stringify(syntheticPayload(merchant, input, now));
      store.deliveries.enqueue({
        id: ids.deliveryId(),
        client_id: clientId,
        order_id: null,
        event: input.event,
        notification_type: input.notification_type,
        url: merchant.callback_url,
        body,
        reference_id: referenceId ?? ids.referenceId(),
        created_at: now,
      });
      return body;
    },
  };
}

export type TestNotifications = ReturnType<typeof createTestNotifications>;
