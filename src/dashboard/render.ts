import { Eta } from 'eta';
import type { Clock } from '../clock.js';
import { formatAmount } from '../money.js';
import { redactText } from '../http/redact.js';
import { deliveryView } from '../services/callbacks/admin.js';
import type { Journal } from '../services/journal.js';
import type { Store } from '../store/index.js';
import { DASHBOARD_TEMPLATE } from './template.js';

/** Rows shown per section: enough to debug a CI run, small enough to render instantly. */
export const DASHBOARD_ROWS = 50;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Renders `GET /__admin/` from the store and the journal on every request (reload = refresh). */
export function createDashboard({ store, clock, journal }: { store: Store; clock: Clock; journal: Journal }) {
  const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true });
  eta.loadTemplate('@dashboard', DASHBOARD_TEMPLATE);

  function model(clientId?: string) {
    const orders = store.orders.list({ clientId, limit: DASHBOARD_ROWS }).map((order) => ({
      id: order.id,
      client_id: order.client_id,
      kind: order.kind,
      api_version: order.api_version,
      flow: order.flow,
      status: order.status,
      apply_status: order.apply_status,
      purchase_status: order.purchase_status,
      merchant_order_id: order.merchant_order_id,
      amount: formatAmount(order.amount_cents),
      // Event data is free-form JSON from other services: redacted like the journal before display.
      timeline: store.orders.events(order.id).map((event) => ({ type: event.type, at: iso(event.at), data: event.data === null ? null : redactText(event.data) })),
    }));
    const deliveries = store.deliveries.list({ client_id: clientId, limit: DASHBOARD_ROWS }).map((delivery) => deliveryView(delivery, store.deliveries.attemptsOf(delivery.id)));
    const requests = journal.list({ client_id: clientId, limit: DASHBOARD_ROWS });
    return { now: iso(clock.now(clientId)), clientId, orders, deliveries, requests };
  }

  return {
    model,
    render: (clientId?: string) => eta.render('@dashboard', model(clientId)),
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
