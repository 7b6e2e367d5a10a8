import type { Clock } from '../clock.js';
import { restoreFixtureCustomers, seedFixtures, type Fixtures } from '../fixtures.js';
import type { Store } from '../store/index.js';
import type { FaultService } from './faults.js';
import type { Journal } from './journal.js';

type Deps = { store: Store; clock: Clock; fixtures: Fixtures; faults: FaultService; journal: Journal };

/** `POST /__admin/reset` (contract C6): everything, or one merchant's state only. */
export function createResetService({ store, clock, fixtures, faults, journal }: Deps) {
  return {
    /**
     * Back to a fresh start: no orders, timelines, deliveries or tokens; admin-created merchants
     * gone and fixture merchants and cardholders as the fixtures hold them; no faults, an empty
     * journal and the real time.
     */
    everything(): void {
      faults.clear();
      journal.clear();
      clock.reset();
      const now = clock.now();
      store.transaction(() => {
        store.reset.everything();
        for (const clientId of store.reset.adminMerchantIds()) store.merchants.remove(clientId);
        seedFixtures(store, fixtures, now);
        restoreFixtureCustomers(store, fixtures, now);
      });
    },
    /** One merchant's orders, tokens, callbacks, faults and clock offset; nobody else's. */
    client(clientId: string): void {
      faults.clear(clientId);
      clock.reset(clientId);
      store.transaction(() => store.reset.client(clientId));
    },
  };
}

export type ResetService = ReturnType<typeof createResetService>;
