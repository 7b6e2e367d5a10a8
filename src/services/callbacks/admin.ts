import type { Clock } from '../../clock.js';
import { ERR, notFound } from '../../http/errors.js';
import type { AttemptRecord, DeliveryFilter, DeliveryRecord } from '../../store/deliveries.js';
import type { Store } from '../../store/index.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function attemptView(attempt: AttemptRecord) {
  return { at: iso(attempt.at), status: attempt.status, latency_ms: attempt.latency_ms, error: attempt.error, response_excerpt: attempt.response_excerpt };
}

/** A delivery as the admin API shows it: times in ISO-8601, the body parsed, every attempt. */
export function deliveryView(delivery: DeliveryRecord, attempts: readonly AttemptRecord[]) {
  return {
    id: delivery.id,
    client_id: delivery.client_id,
    order_id: delivery.order_id,
    event: delivery.event,
    notification_type: delivery.notification_type,
    url: delivery.url,
    state: delivery.state,
    reference_id: delivery.reference_id,
    created_at: iso(delivery.created_at),
    updated_at: iso(delivery.updated_at),
    next_attempt_at: iso(delivery.next_attempt_at),
    body: JSON.parse(delivery.body) as unknown,
    attempts: attempts.map(attemptView),
  };
}

export type DeliveryView = ReturnType<typeof deliveryView>;

/** `GET /__admin/callbacks` and `POST /__admin/callbacks/{id}/redeliver` (contract C6). */
export function createCallbackAdmin(deps: { store: Store; clock: Clock; publicUrl: () => string; kick: () => void }) {
  const { store, clock } = deps;
  const view = (delivery: DeliveryRecord) => deliveryView(delivery, store.deliveries.attemptsOf(delivery.id));

  return {
    list: (filter: DeliveryFilter) => store.deliveries.list(filter).map(view),
    /**
     * Starts a new round of attempts now, to the merchant's current callback_url (the usual reason
     * to redeliver is a receiver fixed since), or records "no endpoint" if it has none any more.
     */
    redeliver(id: string): DeliveryView {
      const updated = store.transaction(() => {
        const delivery = store.deliveries.byId(id);
        if (!delivery) throw notFound(ERR.unknownDelivery);
        const configured = store.merchants.get(delivery.client_id)?.callback_url;
        const url = configured === undefined ? delivery.url : configured.replace('{PUBLIC_URL}', deps.publicUrl());
        const now = clock.now(delivery.client_id);
        const state = store.deliveries.requeue(delivery.id, url, now);
        if (delivery.order_id !== null) store.orders.addEvent(delivery.order_id, now, 'callback.redelivered', { delivery_id: id, url, state });
        return store.deliveries.byId(id) as DeliveryRecord;
      });
      deps.kick();
      return view(updated);
    },
  };
}

export type CallbackAdmin = ReturnType<typeof createCallbackAdmin>;
