import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** The route pattern, e.g. `/flexiti/online-api/online/client-id/:clientId/notifications/order-id/:orderId`. */
  url: string;
}

/**
 * Every route the app registers, read from `printRoutes({ commonPrefix: false })`, so tests that
 * must cover "every endpoint" pick up new routes without being edited. That output is a tree: each
 * line is `{indent}├── {segment} (METHODS)`, 4 characters of indent per level, and a route's path
 * is its ancestors' segments joined. HEAD twins of GET routes are left out: Fastify adds them.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = line.match(/^(.*?)[├└]── (\S*)(?: \(([A-Z, ]+)\))?\s*$/);
    if (!match) continue;
    const [, indent, segment, methods] = match as unknown as [string, string, string, string | undefined];
    const depth = indent.length / 4;
    stack.length = depth;
    stack.push(segment);
    const url = stack.join('') || '/';
    for (const method of (methods ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}

/** The same routes as `METHOD /path` strings, sorted (what the OpenAPI and README checks compare). */
export function routeKeys(app: FastifyInstance): string[] {
  return [...new Set(registeredRoutes(app).map((route) => `${route.method} ${route.url}`))].sort();
}

/** The names of a route pattern's path parameters, in order. */
export function pathParams(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
}
