import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { createCustomerStore } from './customers.js';
import { createDeliveryStore } from './deliveries.js';
import { createMerchantStore } from './merchants.js';
import { migrate } from './migrations/index.js';
import { openDatabase, type Db } from './open.js';
import { createResetStore } from './reset.js';
import { createOrderStore } from './orders.js';
import { createTokenStore } from './tokens.js';

/** The store: the database plus one module of prepared statements per table. SQL lives only here. */
export function createStore(db: Db, checkpointer?: Checkpointer) {
  migrate(db);
  const orders = createOrderStore(db);
  return {
    db,
    merchants: createMerchantStore(db),
    customers: createCustomerStore(db),
    tokens: createTokenStore(db),
    deliveries: createDeliveryStore(db),
    reset: createResetStore(db),
    orders,
    /**
     * Runs `fn` in one synchronous transaction (no awaiting inside). IMMEDIATE takes the write lock
     * up front, waiting busy_timeout for it: a deferred transaction that reads first and then
     * writes cannot wait for another connection's write lock (SQLite refuses the read-to-write
     * upgrade with SQLITE_BUSY at once), which the concurrency test caught as hosted-page 500s.
     */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    /** Present on file databases: checkpoints run in a worker thread (see checkpointer.ts). */
    checkpointer,
    close(): void {
      if (db.open) orders.flush();
      checkpointer?.stop();
      if (db.open) db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(path: string): Store {
  const db = openDatabase(path);
  return createStore(db, path === ':memory:' ? undefined : startCheckpointer(db));
}
