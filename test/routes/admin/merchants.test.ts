import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ERR } from '../../../src/http/errors.js';
import type { MerchantInput } from '../../../src/schemas/fixtures.js';
import { API, DEMO, MAPLE, bearer, buildTestApp, getToken, tokenRequest } from '../../helpers/app.js';

const ACME = { clientId: 'acme-test', clientSecret: 'acme-secret' };

const acme = (plans: MerchantInput['plans']): MerchantInput => ({
  client_id: ACME.clientId,
  client_secret: ACME.clientSecret,
  username: 'acmeonline',
  password: 'acme-pass',
  name: 'Acme Test Store',
  callback_url: 'http://127.0.0.1:9999/callbacks',
  success_url: 'http://127.0.0.1:9999/success',
  failure_url: 'http://127.0.0.1:9999/failure',
  plans,
});

const SIX_MONTHS = [{ plan_id: 'a6', name: '6 months 0 %', kind: 'promotional' as const, term_months: 6, min_amount: 100, max_amount: 2000, apr: 0 }];
const TEN_MONTHS = [{ plan_id: 'a10', name: '10 months 0 %', kind: 'promotional' as const, term_months: 10, min_amount: 50, max_amount: 500, apr: 0, administrative_fee: 10 }];

const put = (app: FastifyInstance, clientId: string, payload: unknown) =>
  app.inject({ method: 'PUT', url: `/__admin/merchants/${clientId}`, payload: payload as object });

const calculator = (app: FastifyInstance, token: string, price: string) =>
  app.inject({ url: `${API}/online/v2/client-id/${ACME.clientId}/systems/payment-calculator?price=${price}&lang=en`, headers: bearer(token) });

const availability = (app: FastifyInstance, token: string, amount: number) =>
  app.inject({ method: 'POST', url: `${API}/online/client-id/${ACME.clientId}/merchants/payment-availability`, headers: bearer(token), payload: { amount_requested: amount } });

test('GET /__admin/merchants lists the fixture merchants as the fixture holds them, secrets included', async (t) => {
  const { app, fixtures } = await buildTestApp(t);
  const response = await app.inject({ url: '/__admin/merchants' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { merchants: [...fixtures.merchants].sort((a, b) => a.client_id.localeCompare(b.client_id)) });
  const one = await app.inject({ url: `/__admin/merchants/${DEMO.clientId}` });
  assert.equal(one.statusCode, 200);
  assert.deepEqual(one.json(), fixtures.merchants.find((m) => m.client_id === DEMO.clientId));
  assert.equal(one.json().client_secret, DEMO.clientSecret);
});

test('GET and DELETE of an unknown merchant → 404 not_found', async (t) => {
  const { app } = await buildTestApp(t);
  for (const method of ['GET', 'DELETE'] as const) {
    const response = await app.inject({ method, url: '/__admin/merchants/nobody' });
    assert.equal(response.statusCode, 404, method);
    assert.deepEqual(response.json(), { code: 404, error: 'not_found', error_description: ERR.unknownMerchant });
  }
});

test('PUT /__admin/merchants/acme-test with plans: a token works at once and availability/calculator reflect the plans', async (t) => {
  const { app } = await buildTestApp(t);
  const created = await put(app, ACME.clientId, acme(SIX_MONTHS));
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().client_id, ACME.clientId);
  assert.equal(created.json().plans[0].administrative_fee, 0, 'defaults applied as in the fixture');

  const token = await getToken(app, ACME);
  assert.deepEqual((await availability(app, token, 100)).json(), { enable_payment_gateway: true });
  assert.deepEqual((await availability(app, token, 99.99)).json(), { enable_payment_gateway: false });
  assert.deepEqual((await calculator(app, token, '600')).json().paymentPlan, { monthlyPayment: '100.00', months: '6' });

  // Replacing the plans takes effect on the very next request (the store's cache is dropped on write).
  const replaced = await put(app, ACME.clientId, { ...acme(TEN_MONTHS), client_id: undefined });
  assert.equal(replaced.statusCode, 200);
  assert.deepEqual((await availability(app, token, 1000)).json(), { enable_payment_gateway: false });
  assert.deepEqual((await availability(app, token, 50)).json(), { enable_payment_gateway: true });
  assert.deepEqual((await calculator(app, token, '100')).json().paymentPlan, { monthlyPayment: '11.00', months: '10' });
  assert.equal((await calculator(app, token, '600')).statusCode, 409);
  assert.deepEqual((await app.inject({ url: `/__admin/merchants/${ACME.clientId}` })).json().plans, replaced.json().plans);
});

test('PUT without client_id in the body takes the path\'s; a different one → 409 naming client_id', async (t) => {
  const { app } = await buildTestApp(t);
  const { client_id: _omitted, ...body } = acme(SIX_MONTHS);
  const response = await put(app, ACME.clientId, body);
  assert.equal(response.statusCode, 201);
  assert.equal(response.json().client_id, ACME.clientId);
  const mismatch = await put(app, ACME.clientId, { ...body, client_id: 'someone-else' });
  assert.equal(mismatch.statusCode, 409);
  assert.deepEqual(mismatch.json(), { code: 409, error: 'wrong_inputs', error_description: ERR.merchantClientIdMismatch });
});

test('PUT on a fixture merchant replaces its plans and secret', async (t) => {
  const { app, fixtures } = await buildTestApp(t);
  const maple = fixtures.merchants.find((m) => m.client_id === MAPLE.clientId);
  const response = await put(app, MAPLE.clientId, { ...maple, client_secret: 'rotated', plans: SIX_MONTHS });
  assert.equal(response.statusCode, 200);
  const old = await tokenRequest(app, { client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret });
  assert.equal(old.statusCode, 400);
  const token = await getToken(app, { clientId: MAPLE.clientId, clientSecret: 'rotated' });
  const check = await app.inject({ method: 'POST', url: `${API}/online/client-id/${MAPLE.clientId}/merchants/payment-availability`, headers: bearer(token), payload: { amount_requested: 100 } });
  assert.deepEqual(check.json(), { enable_payment_gateway: true });
});

test('bad merchant bodies → 409 wrong_inputs naming the field', async (t) => {
  const { app } = await buildTestApp(t);
  const good = acme(SIX_MONTHS);
  const plan = SIX_MONTHS[0] as (typeof SIX_MONTHS)[number];
  const cases: Array<[string, unknown, string]> = [
    ['missing client_secret', { ...good, client_secret: undefined }, 'client_secret: is required'],
    ['empty name', { ...good, name: '' }, 'name: '],
    ['bad success_url', { ...good, success_url: 'not a url' }, 'success_url: '],
    ['bad callback_url', { ...good, callback_url: 'ftp://x' }, 'callback_url: '],
    ['unknown flow', { ...good, flows: ['borrow'] }, 'flows.0: '],
    ['plans not an array', { ...good, plans: 'many' }, 'plans: '],
    ['non-numeric min_amount', { ...good, plans: [{ ...plan, min_amount: 'abc' }] }, 'plans.0.min_amount: '],
    ['negative max_amount', { ...good, plans: [{ ...plan, max_amount: -5 }] }, 'plans.0.max_amount: '],
    ['min above max', { ...good, plans: [{ ...plan, min_amount: 3000 }] }, 'plans.0.max_amount: min_amount must not exceed max_amount'],
    ['unknown kind', { ...good, plans: [{ ...plan, kind: 'special' }] }, 'plans.0.kind: '],
    ['fractional term', { ...good, plans: [{ ...plan, term_months: 2.5 }] }, 'plans.0.term_months: '],
    ['apr above 1', { ...good, plans: [{ ...plan, apr: 29.99 }] }, 'plans.0.apr: '],
    ['duplicate plan ids', { ...good, plans: [plan, plan] }, 'plans.1.plan_id: duplicate plan_id "a6"'],
    ['array body', [good], 'body: '],
    ['empty body', {}, 'client_secret: is required'],
  ];
  for (const [name, body, named] of cases) {
    const response = await put(app, ACME.clientId, body);
    assert.equal(response.statusCode, 409, `${name}: ${response.body}`);
    const envelope = response.json();
    assert.equal(envelope.error, 'wrong_inputs', name);
    assert.ok(envelope.error_description.includes(named), `${name}: ${envelope.error_description}`);
  }
  const bad = await put(app, 'bad id!', good);
  assert.equal(bad.statusCode, 409);
  assert.ok(bad.json().error_description.includes('client_id: '), bad.body);
  assert.equal((await app.inject({ url: `/__admin/merchants/${ACME.clientId}` })).statusCode, 404, 'nothing was stored');
});

test('DELETE removes the merchant and revokes its tokens: they get 401 at once', async (t) => {
  const { app } = await buildTestApp(t);
  await put(app, ACME.clientId, acme(SIX_MONTHS));
  const first = await getToken(app, ACME);
  const second = await getToken(app, ACME);
  const demoToken = await getToken(app);
  assert.equal((await availability(app, first, 500)).statusCode, 200);

  const response = await app.inject({ method: 'DELETE', url: `/__admin/merchants/${ACME.clientId}` });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { client_id: ACME.clientId, deleted: true, tokens_revoked: 2 });

  for (const token of [first, second]) {
    const after = await availability(app, token, 500);
    assert.equal(after.statusCode, 401);
    assert.deepEqual(after.json(), { code: 401, error: 'invalid_token', error_description: ERR.invalidToken });
  }
  assert.equal((await tokenRequest(app, { client_id: ACME.clientId, client_secret: ACME.clientSecret })).statusCode, 400);
  assert.equal((await app.inject({ url: `/__admin/merchants/${ACME.clientId}` })).statusCode, 404);
  assert.equal((await app.inject({ method: 'DELETE', url: `/__admin/merchants/${ACME.clientId}` })).statusCode, 404);
  const demo = await app.inject({ method: 'POST', url: `${API}/online/client-id/${DEMO.clientId}/merchants/payment-availability`, headers: bearer(demoToken), payload: { amount_requested: 400 } });
  assert.equal(demo.statusCode, 200, 'other merchants\' tokens are untouched');

  // Re-creating the merchant does not bring the revoked tokens back.
  await put(app, ACME.clientId, acme(SIX_MONTHS));
  assert.equal((await availability(app, first, 500)).statusCode, 401);
});
