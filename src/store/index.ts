import { createCustomerStore } from './customers.js';
import { createDeliveryStore } from './deliveries.js';
import { createMerchantStore } from './merchants.js';
import { migrate } from './migrations/index.js';
import { openDatabase, type Db } from './open.js';
import { createOrderStore } from './orders.js';
import { createTokenStore } from './tokens.js';

/** The store: the database plus one module of prepared statements per table. SQL lives only here. */
export function createStore(db: Db) {
  migrate(db);
  return {
    db,
    merchants: createMerchantStore(db),
    customers: createCustomerStore(db),
    tokens: createTokenStore(db),
    deliveries: createDeliveryStore(db),
    orders: createOrderStore(db),
    /** Runs `fn` in one synchronous transaction (no awaiting inside). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    close(): void {
      if (db.open) db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(path: string): Store {
  return createStore(openDatabase(path));
}
