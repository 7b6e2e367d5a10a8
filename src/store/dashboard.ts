import type { Db } from './open.js';

export interface DashboardOrder {
  id: number;
  client_id: string;
  kind: string;
  api_version: string;
  flow: string;
  status: string;
  apply_status: string | null;
  purchase_status: string | null;
  amount_cents: number;
  merchant_order_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface DashboardEvent {
  at: number;
  type: string;
  data: string | null;
}

export interface DashboardDelivery {
  id: string;
  client_id: string;
  order_id: number | null;
  event: string;
  notification_type: string;
  url: string;
  state: string;
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
}

export interface DashboardAttempt {
  at: number;
  status: number | null;
  latency_ms: number;
  error: string | null;
}

/** Read-only queries behind the admin dashboard (issue 7): the newest rows first, bounded. */
export function createDashboardStore(db: Db) {
  const statements = {
    orders: db.prepare<[string | null, string | null, number], DashboardOrder>(
      `SELECT id, client_id, kind, api_version, flow, status, apply_status, purchase_status, amount_cents, merchant_order_id, created_at, updated_at
       FROM orders WHERE (? IS NULL OR client_id = ?) ORDER BY id DESC LIMIT ?`,
    ),
    events: db.prepare<[number], DashboardEvent>('SELECT at, type, data FROM order_events WHERE order_id = ? ORDER BY at, id'),
    deliveries: db.prepare<[string | null, string | null, number], DashboardDelivery>(
      `SELECT id, client_id, order_id, event, notification_type, url, state, attempts, next_attempt_at, created_at
       FROM deliveries WHERE (? IS NULL OR client_id = ?) ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    ),
    attempts: db.prepare<[string], DashboardAttempt>('SELECT at, status, latency_ms, error FROM delivery_attempts WHERE delivery_id = ? ORDER BY id'),
  };

  return {
    recentOrders: (limit: number, clientId?: string) => statements.orders.all(clientId ?? null, clientId ?? null, limit),
    timeline: (orderId: number) => statements.events.all(orderId),
    recentDeliveries: (limit: number, clientId?: string) => statements.deliveries.all(clientId ?? null, clientId ?? null, limit),
    attempts: (deliveryId: string) => statements.attempts.all(deliveryId),
  };
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
