import type { AppDeps } from '../app.js';
import { createFaultService } from './faults.js';
import { createJournal } from './journal.js';
import { createResetService } from './reset.js';
import { createCallbackServices } from './callbacks/index.js';
import { createMerchantService } from './merchants.js';
import { createPlanService } from './merchant-plans.js';
import { createOrderService } from './orders/index.js';
import { createTokenService } from './tokens.js';

/** Builds every service once per app from the injected dependencies. */
export function createServices(deps: AppDeps) {
  const tokens = createTokenService(deps);
  const faults = createFaultService(deps);
  const journal = createJournal({ size: deps.config.journalSize, clock: deps.clock });
  const reset = createResetService({ ...deps, faults, journal });
  const plans = createPlanService(deps);
  const merchants = createMerchantService(deps);
  const orders = createOrderService(deps);
  const callbacks = createCallbackServices(deps);
  return { tokens, faults, journal, reset, plans, merchants, orders, callbacks };
}

export type Services = ReturnType<typeof createServices>;
