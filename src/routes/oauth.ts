import type { FastifyPluginAsync } from 'fastify';
import { ERR, invalidRequest } from '../http/errors.js';
import { TokenRequestSchema } from '../schemas/oauth.js';
import type { TokenService } from '../services/tokens.js';

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** `POST /oauth/token`: form-encoded only (api-notes §2.1); every OAuth failure is a 400 envelope. */
export const oauthRoutes: FastifyPluginAsync<{ tokens: TokenService }> = async (app, { tokens }) => {
  app.post('/oauth/token', async (request, reply) => {
    if (!FORM.test(request.headers['content-type'] ?? '')) throw invalidRequest(ERR.formOnly);
    const parsed = TokenRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw invalidRequest(`Each token parameter must appear once, as a string: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const token = tokens.grant(parsed.data, request.headers.authorization);
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return token;
  });
};
