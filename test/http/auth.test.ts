import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { bearerAuthHook } from '../../src/http/auth.js';
import { registerErrorHandling } from '../../src/http/error-handler.js';
import { ERR } from '../../src/http/errors.js';
import { createTokenService } from '../../src/services/tokens.js';
import { DEMO, MAPLE, buildTestApp, getToken, tokenRequest } from '../helpers/app.js';

/** A protected route using the real hook and token service over the real store. */
async function protectedApp(t: Parameters<typeof buildTestApp>[0]) {
  const base = await buildTestApp(t);
  const tokens = createTokenService(base);
  const app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', bearerAuthHook(tokens));
  app.get('/online/client-id/:clientId/probe', async (request) => ({ client: request.auth?.client_id }));
  t.after(() => app.close());
  return { ...base, protectedRoute: app };
}

test('a valid merchant token reaches the route', async (t) => {
  const { app, protectedRoute } = await protectedApp(t);
  const token = await getToken(app);
  const response = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { client: DEMO.clientId });
});

test('no token → 401 invalid_token saying it is missing', async (t) => {
  const { protectedRoute } = await protectedApp(t);
  const response = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe` });
  assert.equal(response.statusCode, 401);
  assert.deepEqual(response.json(), { code: 401, error: 'invalid_token', error_description: ERR.missingToken });
  assert.equal(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
});

test('an unknown token and a malformed header → 401 invalid', async (t) => {
  const { protectedRoute } = await protectedApp(t);
  const unknown = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe`, headers: { authorization: `Bearer ${'a'.repeat(40)}` } });
  assert.deepEqual(unknown.json(), { code: 401, error: 'invalid_token', error_description: ERR.invalidToken });
  const basic = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe`, headers: { authorization: 'Basic abc' } });
  assert.deepEqual(basic.json(), { code: 401, error: 'invalid_token', error_description: ERR.missingToken });
});

test('an expired token → 401 with an "expired" description', async (t) => {
  const { app, clock, protectedRoute } = await protectedApp(t);
  const token = await getToken(app);
  clock.advance(1200);
  const response = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.statusCode, 401);
  assert.match(response.json().error_description, /expired/);
});

test('another merchant\'s token → 403 insufficient_scope', async (t) => {
  const { app, protectedRoute } = await protectedApp(t);
  const token = await getToken(app, MAPLE);
  const response = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.statusCode, 403);
  assert.deepEqual(response.json(), { code: 403, error: 'insufficient_scope', error_description: ERR.otherClient });
});

test('a customer-scope token → 403 insufficient_scope', async (t) => {
  const { app, protectedRoute } = await protectedApp(t);
  const token = (await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret, scope: 'customer' })).json().access_token;
  const response = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe`, headers: { authorization: `Bearer ${token}` } });
  assert.deepEqual(response.json(), { code: 403, error: 'insufficient_scope', error_description: ERR.customerScope });
});

test('a deleted merchant\'s tokens stop working', async (t) => {
  const { app, store, protectedRoute } = await protectedApp(t);
  const token = await getToken(app);
  store.merchants.remove(DEMO.clientId);
  const response = await protectedRoute.inject({ url: `/online/client-id/${DEMO.clientId}/probe`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.statusCode, 401);
});
