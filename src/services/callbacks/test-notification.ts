import type { Clock } from '../../clock.js';
import { ERR, notFound } from '../../http/errors.js';
import type { Ids } from '../../ids.js';
import type { NotificationTestInput } from '../../schemas/notifications-test.js';
import type { Store } from '../../store/index.js';
import { buildCallbackPayload, type CallbackPerson } from '../callback-payload.js';

/** Statuses as the look-ups spell them (contract C4) for each documented notification type (api-notes §5). */
const STATUS: Record<NotificationTestInput['notification_type'], string> = { Success: 'SUCCESS', Error: 'ERROR', Cancelled: 'CANCELLED' };

/** A sample cardholder: the documented test card's holder (api-notes §7). */
const SAMPLE_PERSON: CallbackPerson = {
  first_name: 'Tommy',
  last_name: 'Samson',
  dob: '1981-06-01',
  postal_code: 'M2A2A2',
  customer_id: '1293835',
  vcc: '2374980012897093',
};

/** The synthetic body: the same builder as real orders, with no order (no transaction_id) behind it. */
function syntheticBody(input: NotificationTestInput, merchant: { callbackUrl: string; username: string; clientId: string }) {
  const status = STATUS[input.notification_type];
  return buildCallbackPayload({
    event: input.event,
    notificationType: input.notification_type,
    ...merchant,
    transactionId: null,
    merchantOrderId: null,
    purchase:
      input.event === 'Purchase'
        ? { person: SAMPLE_PERSON, status, amountCents: 200, administrativeFeeCents: 0, totalCents: 200, planId: '4', term: 3, promoId: '382712', comparison: null }
        : null,
    apply: input.event === 'Apply' ? { person: SAMPLE_PERSON, status } : null,
  });
}

/** `POST …/notifications/test`: enqueues a synthetic notification for the merchant's callback_url (api-notes §5). */
export function createTestNotifications(deps: { store: Store; clock: Clock; ids: Ids; publicUrl: () => string }) {
  const { store, clock, ids } = deps;
  return {
    /** Returns the exact JSON body the receiver will get. */
    send(clientId: string, input: NotificationTestInput, referenceId: string | undefined): string {
      const merchant = store.merchants.get(clientId);
      if (!merchant) throw notFound(ERR.unknownMerchant);
      const now = clock.now(clientId);
      const url = merchant.callback_url.replace('{PUBLIC_URL}', deps.publicUrl());
      const body = JSON.stringify(syntheticBody(input, { callbackUrl: url, username: merchant.username, clientId }));
      store.deliveries.enqueue({
        id: ids.deliveryId(),
        client_id: clientId,
        order_id: null,
        event: input.event,
        notification_type: input.notification_type,
        url,
        body,
        reference_id: referenceId ?? ids.referenceId(),
        created_at: now,
      });
      return body;
    },
  };
}

export type TestNotifications = ReturnType<typeof createTestNotifications>;
