import type { AppDeps } from '../app.js';
import { createOrderService } from './orders/index.js';
import { createTokenService } from './tokens.js';

/** Builds every service once per app from the injected dependencies. */
export function createServices(deps: AppDeps) {
  const tokens = createTokenService(deps);
  const orders = createOrderService(deps);
  return { tokens, orders };
}

export type Services = ReturnType<typeof createServices>;
