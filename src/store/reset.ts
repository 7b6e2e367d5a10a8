import type { Db } from './open.js';

/**
 * Bulk deletes behind `POST /__admin/reset` (issue 7). Timelines, deliveries and their attempts go
 * with their orders through `ON DELETE CASCADE`; deliveries without an order (synthetic
 * `notifications/test` ones) are deleted by client_id.
 */
export function createResetStore(db: Db) {
  const statements = {
    everything: [
      'DELETE FROM delivery_attempts',
      'DELETE FROM deliveries',
      'DELETE FROM order_events',
      'DELETE FROM orders',
      'DELETE FROM tokens',
      // Order ids start again at 131000 (contract C4), as on a fresh database.
      "UPDATE sqlite_sequence SET seq = 130999 WHERE name = 'orders'",
    ].map((sql) => db.prepare(sql)),
    client: [
      'DELETE FROM deliveries WHERE client_id = @client_id',
      'DELETE FROM orders WHERE client_id = @client_id',
      'DELETE FROM tokens WHERE client_id = @client_id',
    ].map((sql) => db.prepare<[{ client_id: string }]>(sql)),
    adminMerchants: db.prepare<[], { client_id: string }>("SELECT client_id FROM merchants WHERE source = 'admin'"),
  };

  return {
    /** Merchants created or overwritten through the admin API (reset removes them through the merchant store, which caches). */
    adminMerchantIds: () => statements.adminMerchants.all().map((row) => row.client_id),
    /** Deletes every order, timeline, delivery, attempt and token. */
    everything(): void {
      for (const statement of statements.everything) statement.run();
    },
    /** Deletes one merchant's orders (with their timelines), deliveries and tokens. */
    client(clientId: string): void {
      for (const statement of statements.client) statement.run({ client_id: clientId });
    },
  };
}

export type ResetStore = ReturnType<typeof createResetStore>;
