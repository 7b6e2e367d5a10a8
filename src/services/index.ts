import type { AppDeps } from '../app.js';
import { createTokenService } from './tokens.js';

/** Builds every service once per app from the injected dependencies. */
export function createServices(deps: AppDeps) {
  const tokens = createTokenService(deps);
  return { tokens };
}

export type Services = ReturnType<typeof createServices>;
