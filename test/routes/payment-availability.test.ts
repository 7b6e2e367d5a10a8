import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ERR } from '../../src/http/errors.js';
import { PaymentAvailabilityResponseSchema } from '../../src/schemas/plans.js';
import { API, DEMO, MAPLE, bearer, buildTestApp, form, getToken } from '../helpers/app.js';

const url = (clientId: string) => `${API}/online/client-id/${clientId}/merchants/payment-availability`;

function availability(app: FastifyInstance, token: string, payload: unknown, clientId: string = DEMO.clientId) {
  return app.inject({ method: 'POST', url: url(clientId), headers: bearer(token), payload: payload as object });
}

test('the documented example: {"amount_requested": 400} → {"enable_payment_gateway": true}', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const response = await availability(app, token, { amount_requested: 400 });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { enable_payment_gateway: true });
  assert.ok(PaymentAvailabilityResponseSchema.safeParse(response.json()).success, 'matches the documented response schema');
});

test('form bodies and numeric strings are accepted too', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const formResponse = await app.inject({
    method: 'POST', url: url(DEMO.clientId), payload: form({ amount_requested: '400.00' }),
    headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(formResponse.statusCode, 200);
  assert.deepEqual(formResponse.json(), { enable_payment_gateway: true });
  assert.deepEqual((await availability(app, token, { amount_requested: '400' })).json(), { enable_payment_gateway: true });
});

test('range ends are inclusive; just below the lowest minimum and just above the highest maximum → false', async (t) => {
  const { app } = await buildTestApp(t);
  const demo = await getToken(app);
  const maple = await getToken(app, MAPLE);
  const cases: Array<[string, string, number | string, boolean]> = [
    [demo, DEMO.clientId, 0, false],
    [demo, DEMO.clientId, 0.99, false],
    [demo, DEMO.clientId, 1.0, true],
    [demo, DEMO.clientId, 9999.99, true],
    [demo, DEMO.clientId, 15000, true],
    [demo, DEMO.clientId, '15000.00', true],
    [demo, DEMO.clientId, 15000.01, false],
    [demo, DEMO.clientId, 999999999.99, false],
    [maple, MAPLE.clientId, 299.99, false],
    [maple, MAPLE.clientId, 300, true],
    [maple, MAPLE.clientId, 5000, true],
    [maple, MAPLE.clientId, 5000.01, false],
  ];
  for (const [token, clientId, amount, expected] of cases) {
    const response = await availability(app, token, { amount_requested: amount }, clientId);
    assert.equal(response.statusCode, 200, `${clientId} ${amount}`);
    assert.deepEqual(response.json(), { enable_payment_gateway: expected }, `${clientId} ${amount}`);
  }
});

test('bad bodies → a 4xx envelope naming the problem, never a 500', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const json = 'application/json';
  const cases: Array<{ name: string; payload?: string; type?: string; status: number; error: string; named: string }> = [
    { name: 'empty object', payload: '{}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: is required' },
    { name: 'array', payload: '[400]', type: json, status: 409, error: 'wrong_inputs', named: 'body: ' },
    { name: 'bare number', payload: '400', type: json, status: 409, error: 'wrong_inputs', named: 'body: ' },
    { name: 'null', payload: '{"amount_requested":null}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'non-numeric', payload: '{"amount_requested":"abc"}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'boolean', payload: '{"amount_requested":true}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'object', payload: '{"amount_requested":{"a":1}}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'array value', payload: '{"amount_requested":[400]}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'negative', payload: '{"amount_requested":-1}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'negative cent', payload: '{"amount_requested":"-0.01"}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'three decimals', payload: '{"amount_requested":400.001}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'huge', payload: '{"amount_requested":1e300}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'over the maximum', payload: '{"amount_requested":1000000000}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'thousands separator', payload: '{"amount_requested":"1,000"}', type: json, status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'empty form', payload: '', type: 'application/x-www-form-urlencoded', status: 409, error: 'wrong_inputs', named: 'amount_requested: is required' },
    { name: 'form, empty value', payload: 'amount_requested=', type: 'application/x-www-form-urlencoded', status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'form, repeated', payload: 'amount_requested=1&amount_requested=2', type: 'application/x-www-form-urlencoded', status: 409, error: 'wrong_inputs', named: 'amount_requested: ' },
    { name: 'no body at all', status: 409, error: 'wrong_inputs', named: 'body: ' },
    { name: 'malformed JSON', payload: '{"amount_requested":', type: json, status: 400, error: 'invalid_request', named: ERR.invalidJson },
    { name: 'empty JSON', payload: '', type: json, status: 400, error: 'invalid_request', named: ERR.emptyBody },
    { name: 'text/plain', payload: 'amount_requested=400', type: 'text/plain', status: 415, error: 'unsupported_media_type', named: ERR.unsupportedMediaType },
    { name: 'xml', payload: '<amount_requested>400</amount_requested>', type: 'application/xml', status: 415, error: 'unsupported_media_type', named: ERR.unsupportedMediaType },
  ];
  for (const c of cases) {
    const response = await app.inject({
      method: 'POST', url: url(DEMO.clientId), headers: { ...bearer(token), ...(c.type ? { 'content-type': c.type } : {}) },
      ...(c.payload !== undefined ? { payload: c.payload } : {}),
    });
    assert.equal(response.statusCode, c.status, `${c.name}: ${response.body}`);
    const body = response.json();
    assert.equal(body.code, c.status, c.name);
    assert.equal(body.error, c.error, c.name);
    assert.ok(body.error_description.includes(c.named), `${c.name}: ${body.error_description}`);
  }
});

test('authentication and tenant isolation: no token → 401; maplefurniture\'s token on flexitidemo\'s path → 403', async (t) => {
  const { app } = await buildTestApp(t);
  const none = await app.inject({ method: 'POST', url: url(DEMO.clientId), payload: { amount_requested: 400 } });
  assert.equal(none.statusCode, 401);
  const maple = await getToken(app, MAPLE);
  const response = await availability(app, maple, { amount_requested: 400 }, DEMO.clientId);
  assert.equal(response.statusCode, 403);
  assert.deepEqual(response.json(), { code: 403, error: 'insufficient_scope', error_description: ERR.otherClient });
});
