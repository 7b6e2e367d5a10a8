import type { Db } from './open.js';

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'no_endpoint';

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
  state: DeliveryState;
  /** Attempts in the current round (a redelivery starts a new round); the attempt log keeps them all. */
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}

/** One POST of a delivery, as logged (contract C8: status, latency, error). */
export interface AttemptRecord {
  id: number;
  delivery_id: string;
  at: number;
  status: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

export type NewAttempt = Omit<AttemptRecord, 'id'>;

/** The delivery's state after an attempt, decided by the retry policy. */
export interface AttemptOutcome {
  state: DeliveryState;
  attempts: number;
  next_attempt_at: number | null;
  updated_at: number;
}

export interface DeliveryFilter {
  client_id?: string | undefined;
  order_id?: number | undefined;
  state?: DeliveryState | undefined;
  limit?: number | undefined;
}

const COLUMNS = 'id, client_id, order_id, event, notification_type, url, body, reference_id, state, attempts, next_attempt_at, created_at, updated_at';
const ATTEMPT_COLUMNS = 'id, delivery_id, at, status, latency_ms, error, response_excerpt';
const FILTER = `(@client_id IS NULL OR client_id = @client_id)
  AND (@order_id IS NULL OR order_id = @order_id)
  AND (@state IS NULL OR state = @state)`;

type FilterParams = { client_id: string | null; order_id: number | null; state: string | null; limit: number };

export function createDeliveryStore(db: Db) {
  const statements = {
    insert: db.prepare<[DeliveryRecord]>(
      `INSERT INTO deliveries (${COLUMNS}) VALUES (@id, @client_id, @order_id, @event, @notification_type, @url, @body, @reference_id, @state, @attempts, @next_attempt_at, @created_at, @updated_at)`,
    ),
    byId: db.prepare<[string], DeliveryRecord>(`SELECT ${COLUMNS} FROM deliveries WHERE id = ?`),
    byOrder: db.prepare<[number], DeliveryRecord>(`SELECT ${COLUMNS} FROM deliveries WHERE order_id = ? ORDER BY created_at, rowid`),
    /** Per merchant, the earliest pending time: each merchant's clock decides what is due. */
    pendingByClient: db.prepare<[], { client_id: string; next_at: number }>(
      `SELECT client_id, MIN(next_attempt_at) AS next_at FROM deliveries WHERE state = 'pending' GROUP BY client_id`,
    ),
    dueForClient: db.prepare<[string, number, number], DeliveryRecord>(
      `SELECT ${COLUMNS} FROM deliveries WHERE state = 'pending' AND client_id = ? AND next_attempt_at <= ?
       ORDER BY next_attempt_at, created_at, rowid LIMIT ?`,
    ),
    insertAttempt: db.prepare<[NewAttempt]>(
      `INSERT INTO delivery_attempts (delivery_id, at, status, latency_ms, error, response_excerpt)
       VALUES (@delivery_id, @at, @status, @latency_ms, @error, @response_excerpt)`,
    ),
    applyOutcome: db.prepare<[AttemptOutcome & { id: string }]>(
      `UPDATE deliveries SET state = @state, attempts = @attempts, next_attempt_at = @next_attempt_at, updated_at = @updated_at WHERE id = @id`,
    ),
    requeue: db.prepare<[{ id: string; url: string; state: DeliveryState; next_attempt_at: number | null; updated_at: number }]>(
      `UPDATE deliveries SET url = @url, state = @state, attempts = 0, next_attempt_at = @next_attempt_at, updated_at = @updated_at WHERE id = @id`,
    ),
    list: db.prepare<[FilterParams], DeliveryRecord>(`SELECT ${COLUMNS} FROM deliveries WHERE ${FILTER} ORDER BY created_at DESC, rowid DESC LIMIT @limit`),
    attemptsOf: db.prepare<[string], AttemptRecord>(`SELECT ${ATTEMPT_COLUMNS} FROM delivery_attempts WHERE delivery_id = ? ORDER BY id`),
  };
  const enqueueListeners = new Set<(record: DeliveryRecord) => void>();

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
      for (const listener of enqueueListeners) listener(record);
      return record;
    },
    /**
     * Called synchronously by `enqueue`, which usually runs inside a transaction: a listener must
     * only schedule work (e.g. `setImmediate`), which then runs after the commit.
     */
    onEnqueue(listener: (record: DeliveryRecord) => void): () => void {
      enqueueListeners.add(listener);
      return () => enqueueListeners.delete(listener);
    },
    byId: (id: string) => statements.byId.get(id),
    byOrder: (orderId: number) => statements.byOrder.all(orderId),
    pendingByClient: () => statements.pendingByClient.all(),
    dueForClient: (clientId: string, now: number, limit: number) => statements.dueForClient.all(clientId, now, limit),
    /** Logs an attempt and applies its outcome; run it in a transaction with the re-read of the row. */
    recordAttempt(deliveryId: string, attempt: NewAttempt, outcome: AttemptOutcome): void {
      statements.insertAttempt.run(attempt);
      statements.applyOutcome.run({ ...outcome, id: deliveryId });
    },
    /** Starts a new round of attempts at `now` (or records "no endpoint" when url is ''). */
    requeue(deliveryId: string, url: string, now: number): DeliveryState {
      const state: DeliveryState = url === '' ? 'no_endpoint' : 'pending';
      statements.requeue.run({ id: deliveryId, url, state, next_attempt_at: url === '' ? null : now, updated_at: now });
      return state;
    },
    list: (filter: DeliveryFilter = {}) =>
      statements.list.all({ client_id: filter.client_id ?? null, order_id: filter.order_id ?? null, state: filter.state ?? null, limit: filter.limit ?? 500 }),
    attemptsOf: (deliveryId: string) => statements.attemptsOf.all(deliveryId),
  };
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
