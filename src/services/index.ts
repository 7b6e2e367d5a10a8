import type { AppDeps } from '../app.js';
import { createCallbackServices } from './callbacks/index.js';
import { createMerchantService } from './merchants.js';
import { createPlanService } from './merchant-plans.js';
import { createOrderService } from './orders/index.js';
import { createTokenService } from './tokens.js';

/** Builds every service once per app from the injected dependencies. */
export function createServices(deps: AppDeps) {
  const tokens = createTokenService(deps);
  const plans = createPlanService(deps);
  const merchants = createMerchantService(deps);
  const orders = createOrderService(deps);
  const callbacks = createCallbackServices(deps);
  return { tokens, plans, merchants, orders, callbacks };
}

export type Services = ReturnType<typeof createServices>;
