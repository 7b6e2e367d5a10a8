import type { Db } from './open.js';

/** One callback delivery in the outbox (contract C8). */
export interface DeliveryRecord {
  id: string;
  client_id: string;
  order_id: number | null;
  event: string;
  notification_type: string;
  /** The merchant's callback_url at enqueue time; '' means the merchant has none ("no endpoint"). */
  url: string;
  /** The exact JSON body that every attempt sends. */
  body: string;
  reference_id: string;
  state: 'pending' | 'delivered' | 'failed' | 'no_endpoint';
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, client_id, order_id, event, notification_type, url, body, reference_id, state, attempts, next_attempt_at, created_at, updated_at';

export function createDeliveryStore(db: Db) {
  const statements = {
    insert: db.prepare<[DeliveryRecord]>(
      `INSERT INTO deliveries (${COLUMNS}) VALUES (@id, @client_id, @order_id, @event, @notification_type, @url, @body, @reference_id, @state, @attempts, @next_attempt_at, @created_at, @updated_at)`,
    ),
    byId: db.prepare<[string], DeliveryRecord>(`SELECT ${COLUMNS} FROM deliveries WHERE id = ?`),
    byOrder: db.prepare<[number], DeliveryRecord>(`SELECT ${COLUMNS} FROM deliveries WHERE order_id = ? ORDER BY created_at, id`),
  };

  return {
    /**
     * Writes a delivery; call it inside the same `store.transaction` as the order state change it
     * reports, so a state change and its callback are committed together or not at all.
     */
    enqueue(input: Omit<DeliveryRecord, 'state' | 'attempts' | 'next_attempt_at' | 'updated_at'>): DeliveryRecord {
      const record: DeliveryRecord = {
        ...input,
        state: input.url === '' ? 'no_endpoint' : 'pending',
        attempts: 0,
        next_attempt_at: input.url === '' ? null : input.created_at,
        updated_at: input.created_at,
      };
      statements.insert.run(record);
      return record;
    },
    byId: (id: string) => statements.byId.get(id),
    byOrder: (orderId: number) => statements.byOrder.all(orderId),
  };
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
