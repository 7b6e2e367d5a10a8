import type { AppDeps } from '../../app.js';
import { createCallbackAdmin } from './admin.js';
import { createTestNotifications } from './test-notification.js';
import { createCallbackWorker } from './worker.js';

/** The outbox worker, its admin view and the synthetic test notification (contract C6, C8). */
export function createCallbackServices(deps: Pick<AppDeps, 'store' | 'clock' | 'config' | 'ids' | 'logger' | 'publicUrl'>) {
  const worker = createCallbackWorker({ store: deps.store, clock: deps.clock, config: deps.config, log: deps.logger, publicUrl: deps.publicUrl });
  return {
    worker,
    admin: createCallbackAdmin({ store: deps.store, clock: deps.clock, publicUrl: deps.publicUrl, kick: worker.kick }),
    testNotifications: createTestNotifications(deps),
  };
}

export type CallbackServices = ReturnType<typeof createCallbackServices>;
