import type { AppDeps } from '../app.js';
import { createCallbackServices } from './callbacks/index.js';
import { createTokenService } from './tokens.js';

/** Builds every service once per app from the injected dependencies. */
export function createServices(deps: AppDeps) {
  const tokens = createTokenService(deps);
  const callbacks = createCallbackServices(deps);
  return { tokens, callbacks };
}

export type Services = ReturnType<typeof createServices>;
