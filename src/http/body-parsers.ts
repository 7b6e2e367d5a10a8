import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import qs from 'qs';

/**
 * Form bodies may nest objects as `billing_information[first_name]` or
 * `billing_information.first_name` (contract C4); qs reads both. Arrays are not part of any
 * Flexiti contract, so `a[]=x` stays a plain key and fails validation instead of surprising us.
 */
export function parseForm(body: string): Record<string, unknown> {
  return qs.parse(body, { allowDots: true, depth: 2, parameterLimit: 500, arrayLimit: 0, parseArrays: false, charset: 'utf-8' });
}

/** JSON (Fastify's own parser) and forms; anything else is a 415 (contract C4). */
export async function registerBodyParsers(app: FastifyInstance): Promise<void> {
  app.removeContentTypeParser('text/plain');
  await app.register(formbody, { parser: parseForm });
}
