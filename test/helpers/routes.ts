import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** The route pattern, e.g. `/flexiti/online-api/online/client-id/:clientId/notifications/order-id/:orderId`. */
  url: string;
}

/**
 * Every route the app registers, read from `printRoutes({ commonPrefix: false })` (one line per
 * path, its methods in brackets), so tests that must cover "every endpoint" pick up new routes
 * without being edited. HEAD twins of GET routes are left out: Fastify adds them itself.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = line.match(/(\/\S*) \(([A-Z, ]+)\)\s*$/);
    if (!match) continue;
    const [, url, methods] = match as unknown as [string, string, string];
    for (const method of methods.split(',').map((m) => m.trim())) {
      if (method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}

/** The names of a route pattern's path parameters, in order. */
export function pathParams(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
}
