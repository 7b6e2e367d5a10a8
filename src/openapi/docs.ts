import { z } from 'zod';
import { ErrorEnvelopeSchema, TokenResponseSchema } from '../schemas/oauth.js';
import type { RouteDoc } from './routes.js';

/** Shapes of the mock's own small answers, for the document only. */
const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({ status: z.enum(['ready', 'starting']), checks: z.record(z.string(), z.boolean()) });
const OpenApiSchema = z.object({ openapi: z.string(), info: z.object({}).loose(), paths: z.record(z.string(), z.unknown()) }).loose();

export { ErrorEnvelopeSchema };

/**
 * Response documentation for routes that do not carry `config.openapi` themselves, keyed
 * `'METHOD /full/fastify/path'` (see `RouteDoc` in ./routes.ts). A route's own config wins.
 */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'POST /flexiti/online-api/oauth/token': {
    summary: 'Get an access token (client_credentials, password or refresh_token grant)',
    description:
      'Form-encoded only (a JSON body is 400 invalid_request). Client credentials in the form or in `Authorization: Basic`. ' +
      'Every OAuth failure is a 400 envelope (invalid_request, invalid_client, invalid_grant). api-notes §2.',
    responses: { 200: TokenResponseSchema },
  },
  'GET /__admin/health': { summary: 'Liveness (open even when an admin token is set)', responses: { 200: HealthSchema } },
  'GET /__admin/ready': {
    summary: 'Readiness: migrations done, fixtures loaded, worker running',
    responses: { 200: ReadySchema, 503: { description: 'Not ready yet', schema: ReadySchema } },
  },
  'GET /__admin/openapi.json': { summary: 'This document', responses: { 200: OpenApiSchema } },
};
