import type { Db } from './open.js';

export type OrderStatus = 'IN_PROGRESS' | 'SUCCESS' | 'PENDING' | 'DECLINED' | 'CANCELLED' | 'ERROR' | 'RETRY';
export type OrderKind = 'checkout' | 'learn_more';

/** An order row (schema 001). `request` and `result` are JSON text; money in cents; times epoch ms. */
export interface OrderRecord {
  id: number;
  client_id: string;
  kind: OrderKind;
  api_version: 'v1' | 'v2';
  flow: string;
  lang: string;
  amount_cents: number;
  merchant_order_id: string | null;
  request: string;
  status: OrderStatus;
  apply_status: string | null;
  purchase_status: string | null;
  customer_id: string | null;
  plan_id: string | null;
  term: number | null;
  promo_id: string | null;
  administrative_fee_cents: number | null;
  total_cents: number | null;
  result: string | null;
  flow_token: string;
  flow_expires_at: number;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

export type NewOrder = Omit<OrderRecord, 'id'>;

/** The columns a state change may write. */
export type OrderPatch = Pick<
  OrderRecord,
  | 'status'
  | 'apply_status'
  | 'purchase_status'
  | 'customer_id'
  | 'plan_id'
  | 'term'
  | 'promo_id'
  | 'administrative_fee_cents'
  | 'total_cents'
  | 'result'
  | 'updated_at'
  | 'completed_at'
>;

export interface OrderEventRecord {
  id: number;
  order_id: number;
  at: number;
  type: string;
  data: string | null;
}

const COLUMNS =
  'id, client_id, kind, api_version, flow, lang, amount_cents, merchant_order_id, request, status, apply_status, purchase_status, customer_id, plan_id, term, promo_id, administrative_fee_cents, total_cents, result, flow_token, flow_expires_at, created_at, updated_at, completed_at';
const INSERT_COLUMNS = COLUMNS.split(', ').filter((c) => c !== 'id');

export function createOrderStore(db: Db) {
  const statements = {
    insert: db.prepare<[NewOrder]>(`INSERT INTO orders (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map((c) => `@${c}`).join(', ')})`),
    update: db.prepare<[OrderPatch & { id: number }]>(
      `UPDATE orders SET status = @status, apply_status = @apply_status, purchase_status = @purchase_status, customer_id = @customer_id,
       plan_id = @plan_id, term = @term, promo_id = @promo_id, administrative_fee_cents = @administrative_fee_cents, total_cents = @total_cents,
       result = @result, updated_at = @updated_at, completed_at = @completed_at WHERE id = @id`,
    ),
    byId: db.prepare<[number], OrderRecord>(`SELECT ${COLUMNS} FROM orders WHERE id = ?`),
    byFlowToken: db.prepare<[string], OrderRecord>(`SELECT ${COLUMNS} FROM orders WHERE flow_token = ?`),
    byMerchantOrderId: db.prepare<[string, string], OrderRecord>(
      `SELECT ${COLUMNS} FROM orders WHERE client_id = ? AND merchant_order_id = ? AND kind = 'checkout' ORDER BY id DESC LIMIT 1`,
    ),
    byPromoId: db.prepare<[string, string], OrderRecord>(
      `SELECT ${COLUMNS} FROM orders WHERE client_id = ? AND promo_id = ? AND kind = 'checkout' ORDER BY id DESC LIMIT 1`,
    ),
    listByClient: db.prepare<[string, number], OrderRecord>(`SELECT ${COLUMNS} FROM orders WHERE client_id = ? ORDER BY id DESC LIMIT ?`),
    list: db.prepare<[number], OrderRecord>(`SELECT ${COLUMNS} FROM orders ORDER BY id DESC LIMIT ?`),
    removeByClient: db.prepare<[string]>('DELETE FROM orders WHERE client_id = ?'),
    removeAll: db.prepare('DELETE FROM orders'),
    addEvent: db.prepare<[number, number, string, string | null]>('INSERT INTO order_events (order_id, at, type, data) VALUES (?, ?, ?, ?)'),
    events: db.prepare<[number], OrderEventRecord>('SELECT id, order_id, at, type, data FROM order_events WHERE order_id = ? ORDER BY id'),
    /** For deferred events: the order may have been removed (reset) before the batch is written. */
    addEventIfOrder: db.prepare<[number, number, string, string | null, number]>(
      'INSERT INTO order_events (order_id, at, type, data) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM orders WHERE id = ?)',
    ),
  };

  /**
   * Look-up events are diagnostics, not promises: writing each in its own commit made every
   * notification look-up a write (issue 9's profile: 12-15 % of the request thread). They are
   * buffered and written in one transaction per event-loop turn. Any other event write and every
   * timeline read flushes the buffer first, so the timeline order and what readers see are the
   * same as if they had been written at once; only a crash within that turn can lose them.
   */
  const deferred: Array<[number, number, string, string | null, number]> = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (deferred.length === 0) return;
    const batch = deferred.splice(0);
    if (!db.open) return;
    db.transaction(() => {
      for (const event of batch) statements.addEventIfOrder.run(...event);
    }).immediate();
  };

  return {
    /** Inserts an order and returns its id (from the sequence that starts at 131000, contract C4). */
    insert: (order: NewOrder): number => Number(statements.insert.run(order).lastInsertRowid),
    update: (id: number, patch: OrderPatch): void => void statements.update.run({ ...patch, id }),
    byId: (id: number) => statements.byId.get(id),
    byFlowToken: (token: string) => statements.byFlowToken.get(token),
    /** The newest checkout order with that merchant order id (api-notes §3.4: ids may be reused). */
    byMerchantOrderId: (clientId: string, merchantOrderId: string) => statements.byMerchantOrderId.get(clientId, merchantOrderId),
    byPromoId: (clientId: string, promoId: string) => statements.byPromoId.get(clientId, promoId),
    /** Newest first. */
    list: (options: { clientId?: string | undefined; limit?: number } = {}) =>
      options.clientId === undefined ? statements.list.all(options.limit ?? 200) : statements.listByClient.all(options.clientId, options.limit ?? 200),
    /** Deletes orders (their events and deliveries cascade). */
    remove: (clientId?: string) => (clientId === undefined ? statements.removeAll.run() : statements.removeByClient.run(clientId)).changes,
    addEvent(orderId: number, at: number, type: string, data?: unknown): void {
      flush();
      statements.addEvent.run(orderId, at, type, data === undefined ? null : JSON.stringify(data));
    },
    /** Records an event in the next batch write (see `deferred` above). */
    addEventSoon(orderId: number, at: number, type: string, data?: unknown): void {
      deferred.push([orderId, at, type, data === undefined ? null : JSON.stringify(data), orderId]);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(() => {
          try {
            flush();
          } catch {
            // A failed batch of diagnostics must not take the server down; the orders are intact.
          }
        });
      }
    },
    events(orderId: number) {
      flush();
      return statements.events.all(orderId);
    },
    /** Writes buffered events now (before the database closes). */
    flush,
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;
