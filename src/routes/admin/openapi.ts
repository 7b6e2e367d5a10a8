import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { buildOpenApiDocument } from '../../openapi/document.js';
import type { CollectedRoute } from '../../openapi/routes.js';

// package.json sits two folders up from both src/routes/admin and dist/routes/admin (and in the image).
const VERSION = (JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** `GET /__admin/openapi.json` (contract C6): built on first request, once every route is registered. */
export const openApiRoutes: FastifyPluginAsync<{ routes: readonly CollectedRoute[]; publicUrl: () => string }> = async (app, { routes, publicUrl }) => {
  let document: unknown;
  app.get('/openapi.json', async () => {
    document ??= buildOpenApiDocument(routes, { serverUrl: publicUrl(), version: VERSION });
    return document;
  });
};
