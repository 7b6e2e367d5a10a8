import type { FastifyInstance, HTTPMethods, RouteOptions } from 'fastify';
import type { z } from 'zod';

/**
 * How a route documents its responses in `GET /__admin/openapi.json` (contract C6).
 *
 * Route owners: do NOT put zod in `schema.response` (Fastify would hand it to its JSON serializer).
 * Instead either set `config: { openapi: { summary, responses: { 200: MyResponseSchema } } }` on the
 * route, or add an entry keyed `'METHOD /full/path'` to `ROUTE_DOCS` in `src/openapi/docs.ts`.
 * Request bodies, query strings, path params and headers need nothing: they come from the zod
 * schemas in `schema.body/querystring/params/headers`. Every route gets the error envelope for 4XX
 * and 5XX automatically.
 */
export interface RouteDoc {
  summary?: string;
  description?: string;
  /** By status code: a zod schema (a JSON body), or a full response description. */
  responses?: Record<number | string, z.ZodType | ResponseDoc>;
}

export interface ResponseDoc {
  description: string;
  /** A zod schema for the body; absent = no body documented. */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    openapi?: RouteDoc;
  }
}

export interface CollectedRoute {
  method: HTTPMethods;
  /** The full Fastify path, e.g. `/flexiti/online-api/online/client-id/:clientId/notifications/:orderId`. */
  url: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown; headers?: unknown };
  doc: RouteDoc | undefined;
}

/**
 * Records every route as it is registered. Must be the first thing `buildApp` does: an `onRoute`
 * hook only sees routes registered after it (in its own scope and the scopes created below it).
 * HEAD routes Fastify derives from GET ones are left out (they are implied by the GET).
 */
export function collectRoutes(app: FastifyInstance): CollectedRoute[] {
  const routes: CollectedRoute[] = [];
  const seen = new Set<string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[];
    // `ignoreTrailingSlash` serves `/x` and `/x/` alike, and a prefix's `/` route is registered as both.
    const url = route.url.length > 1 ? route.url.replace(/\/+$/, '') : route.url;
    for (const method of methods) {
      const upper = method.toUpperCase() as HTTPMethods;
      if (upper === 'HEAD' && route.exposeHeadRoute !== false && routes.some((r) => r.method === 'GET' && r.url === url)) continue;
      const key = `${upper} ${url}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push({ method: upper, url, schema: (route.schema ?? {}) as CollectedRoute['schema'], doc: route.config?.openapi });
    }
  });
  return routes;
}
