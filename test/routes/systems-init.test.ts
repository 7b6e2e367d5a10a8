import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { InitResponseSchema, LearnMoreResponseSchema } from '../../src/schemas/notifications.js';
import { INIT_MSG } from '../../src/schemas/systems.js';
import { API, DEMO, MAPLE, PUBLIC_URL, bearer, buildTestApp, getToken, tokenRequest } from '../helpers/app.js';
import { SEED, V1_INIT, V2_INIT, initRequest, type BodyStyle } from '../helpers/orders.js';

const STYLES: BodyStyle[] = ['json', 'form-brackets', 'form-dots'];
const REDIRECT = new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/hosted/[A-Za-z0-9_-]{20,}\\?lang=(en|fr)$`);

async function setup(t: Parameters<typeof buildTestApp>[0], config: Parameters<typeof buildTestApp>[1] = {}) {
  const base = await buildTestApp(t, config);
  // Strict mode wants x-reference-id on the token call too.
  const token = (await tokenRequest(base.app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, { headers: { 'x-reference-id': crypto.randomUUID() } })).json().access_token as string;
  return { ...base, token };
}

for (const flow of ['apply', 'buy', 'apply/buy'] as const) {
  for (const style of STYLES) {
    test(`the seed's ${flow} example as ${style} → 200 with an order id ≥ 131000 and a redirection_url under the public URL`, async (t) => {
      const { app, token, store } = await setup(t);
      const response = await initRequest(app, token, SEED[flow], { style });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.ok(InitResponseSchema.safeParse(body).success, 'matches the documented response schema');
      assert.deepEqual(Object.keys(body), ['online_order_id', 'redirection_url']);
      assert.ok(Number.isInteger(body.online_order_id) && body.online_order_id >= 131000);
      assert.match(body.redirection_url, REDIRECT);
      const order = store.orders.byId(body.online_order_id)!;
      assert.equal(order.flow, flow);
      assert.equal(order.amount_cents, Math.round(SEED[flow].amount_requested * 100));
      const request = JSON.parse(order.request);
      if (flow !== 'apply') assert.deepEqual(request.billing_information, SEED[flow].billing_information);
      if (flow !== 'buy') assert.equal(request.dob, '06/01/1981');
    });
  }
}

test('every pre-fill field, both merchant order id spellings, booleans and numbers as form strings are stored', async (t) => {
  const { app, token, store } = await setup(t);
  const body = { ...SEED.apply, merchant_order_id: 'cart-77', is_guest: 'True', has_previous_purchase: 'false', customer_id: '1293836' };
  const form = await initRequest(app, token, body, { style: 'form-brackets' });
  const request = JSON.parse(store.orders.byId(form.json().online_order_id)!.request);
  assert.deepEqual(
    [request.merchant_order_id, request.is_guest, request.has_previous_purchase, request.amount_requested, request.salutation, request.phone_number, request.province],
    ['cart-77', true, false, 3000, 'mr', '6476161234', 'ON'],
  );
  const documented = await initRequest(app, token, { ...SEED.apply, merchant_orderid: 'cart-78' });
  assert.equal(store.orders.byId(documented.json().online_order_id)!.merchant_order_id, 'cart-78');
});

test('lang fr… gives a French page link; a 2-decimal amount as a form string is exact', async (t) => {
  const { app, token, store } = await setup(t);
  const response = await initRequest(app, token, { ...SEED.apply, lang: 'fr-CA', amount_requested: '1234.56' }, { style: 'form-dots' });
  assert.match(response.json().redirection_url, /\?lang=fr$/);
  assert.equal(store.orders.byId(response.json().online_order_id)!.amount_cents, 123456);
});

test('the apply-only path accepts what the public clients send, with no flow and no lang, and defaults them', async (t) => {
  const { app, token, store } = await setup(t);
  // The Magento sample's hard-coded body (api-notes §8.2) and the browser SDK's leading '&' (§8.1).
  for (const payload of [
    'amount_requested=123&email=test@gmail.com&fname=test&mname=test&lname=test&city=Ontario&postal_code=m1m1m1',
    '&fname=Jo&lname=Smith&email=jo@example.com&amount_requested=99.5&lang=en',
  ]) {
    const response = await app.inject({
      method: 'POST',
      url: V1_INIT(DEMO.clientId),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      payload,
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.json().redirection_url, REDIRECT);
    const order = store.orders.byId(response.json().online_order_id)!;
    assert.equal(order.flow, 'apply');
    assert.equal(order.api_version, 'v1');
    assert.ok(['en-CA', 'en'].includes(order.lang));
  }
});

test('the apply-only path refuses another flow', async (t) => {
  const { app, token } = await setup(t);
  const response = await initRequest(app, token, SEED.buy, { url: V1_INIT(DEMO.clientId) });
  assert.equal(response.statusCode, 409);
  assert.equal(response.json().error_description, `Invalid or missing fields: flow: ${INIT_MSG.applyOnly}`);
});

test('a flow the merchant has not enabled is refused with 409', async (t) => {
  const { app, token, store, clock } = await setup(t);
  const merchant = store.merchants.get(DEMO.clientId)!;
  store.merchants.upsert({ ...merchant, flows: ['apply'] }, 'admin', clock.now());
  const response = await initRequest(app, token, SEED.buy);
  assert.deepEqual(response.json(), { code: 409, error: 'wrong_inputs', error_description: ERR.flowNotEnabled('buy') });
  assert.equal((await initRequest(app, token, SEED.apply)).statusCode, 200);
});

test('account 0001 (by vcc or customer_id) → 504 gateway_timeout from init, and no order is created', async (t) => {
  const { app, token, store } = await setup(t);
  for (const card of [{ vcc: '2374980000000001' }, { customer_id: '1293839', vcc: undefined }]) {
    const response = await initRequest(app, token, { ...SEED.buy, ...card });
    assert.equal(response.statusCode, 504);
    assert.deepEqual(response.json(), { code: 504, error: 'gateway_timeout', error_description: ERR.gatewayTimeout });
  }
  assert.equal(store.orders.list().length, 0);
});

test('learn-more: the same inputs, answers a redirection_url and stores a learn_more order', async (t) => {
  const { app, token, store } = await setup(t);
  for (const body of [SEED.apply, { amount_requested: 100, show_close_button: 'true', lang: 'fr-CA' }, {}]) {
    const response = await initRequest(app, token, body, { url: `${API}/online/client-id/${DEMO.clientId}/systems/learn-more` });
    assert.equal(response.statusCode, 200, response.body);
    assert.ok(LearnMoreResponseSchema.safeParse(response.json()).success);
    assert.deepEqual(Object.keys(response.json()), ['redirection_url']);
    assert.match(response.json().redirection_url, REDIRECT);
  }
  assert.deepEqual(store.orders.list().map((o) => o.kind), ['learn_more', 'learn_more', 'learn_more']);
  const bad = await initRequest(app, token, { amount_requested: -1 }, { url: `${API}/online/client-id/${DEMO.clientId}/systems/learn-more` });
  assert.equal(bad.statusCode, 409);
});

const without = (body: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k)));

/** Missing required fields per flow: 409 wrong_inputs naming the field. */
const missingTable: { name: string; body: Record<string, unknown>; field: string; strict?: boolean; url?: 'v1' }[] = [
  { name: 'apply without amount_requested', body: without(SEED.apply, 'amount_requested'), field: 'amount_requested' },
  { name: 'apply without flow', body: without(SEED.apply, 'flow'), field: 'flow' },
  { name: 'buy without amount_requested', body: without(SEED.buy, 'amount_requested'), field: 'amount_requested' },
  { name: 'buy without billing_information', body: without(SEED.buy, 'billing_information'), field: 'billing_information' },
  { name: 'buy without shipping_information', body: without(SEED.buy, 'shipping_information'), field: 'shipping_information' },
  { name: 'buy without vcc or customer_id', body: without(SEED.buy, 'vcc'), field: 'vcc' },
  { name: 'buy with empty vcc', body: { ...SEED.buy, vcc: '' }, field: 'vcc' },
  { name: 'apply/buy without billing_information', body: without(SEED['apply/buy'], 'billing_information'), field: 'billing_information' },
  { name: 'apply/buy without shipping_information', body: without(SEED['apply/buy'], 'shipping_information'), field: 'shipping_information' },
  { name: 'apply/buy without amount_requested', body: without(SEED['apply/buy'], 'amount_requested'), field: 'amount_requested' },
  { name: 'apply-only without amount_requested', body: { fname: 'Jo' }, field: 'amount_requested', url: 'v1' },
  { name: 'strict: apply without lang', body: without(SEED.apply, 'lang'), field: 'lang', strict: true },
  { name: 'strict: apply/buy without vcc or customer_id', body: SEED['apply/buy'], field: 'vcc', strict: true },
  { name: 'strict: buy billing without city', body: { ...SEED.buy, billing_information: without(SEED.buy.billing_information, 'city') }, field: 'billing_information.city', strict: true },
];

for (const row of missingTable) {
  test(`missing field: ${row.name} → 409 wrong_inputs naming ${row.field}`, async (t) => {
    const { app, token } = await setup(t, row.strict ? { config: { strict: true } } : {});
    const response = await initRequest(app, token, row.body, { url: row.url === 'v1' ? V1_INIT(DEMO.clientId) : V2_INIT(DEMO.clientId) });
    assert.equal(response.statusCode, 409, response.body);
    const body = response.json();
    assert.equal(body.error, 'wrong_inputs');
    assert.match(body.error_description, new RegExp(`(^|[:;] )${row.field.replace('.', '\\.')}: `));
  });
}

test('lenient mode: v2 without lang defaults to en-CA', async (t) => {
  const { app, token, store } = await setup(t);
  const response = await initRequest(app, token, without(SEED.apply, 'lang'));
  assert.equal(response.statusCode, 200);
  assert.equal(store.orders.byId(response.json().online_order_id)!.lang, 'en-CA');
});

/** Wrong types and hostile bodies: always a 4xx envelope, never a 500. */
const badTable: { name: string; payload: string; contentType?: string; status: number; field?: string }[] = [
  { name: '{}', payload: '{}', status: 409, field: 'amount_requested' },
  { name: 'a JSON array', payload: '[]', status: 409, field: 'body' },
  { name: 'a JSON array of the seed body', payload: JSON.stringify([SEED.apply]), status: 409 },
  { name: 'a 100 kB JSON string', payload: JSON.stringify('x'.repeat(100_000)), status: 409 },
  { name: 'a 100 kB field', payload: JSON.stringify({ ...SEED.apply, fname: 'x'.repeat(100_000) }), status: 409, field: 'fname' },
  { name: 'JSON null', payload: 'null', status: 409 },
  { name: 'a JSON number', payload: '42', status: 409 },
  { name: 'broken JSON', payload: '{"flow":', status: 400 },
  { name: 'an empty JSON body', payload: '', status: 400 },
  { name: 'zero amount', payload: JSON.stringify({ ...SEED.apply, amount_requested: 0 }), status: 409, field: 'amount_requested' },
  { name: 'negative amount', payload: JSON.stringify({ ...SEED.apply, amount_requested: -5 }), status: 409, field: 'amount_requested' },
  { name: 'non-numeric amount', payload: JSON.stringify({ ...SEED.apply, amount_requested: 'ten' }), status: 409, field: 'amount_requested' },
  { name: 'amount with 3 decimals', payload: JSON.stringify({ ...SEED.apply, amount_requested: 1.005 }), status: 409, field: 'amount_requested' },
  { name: 'amount as an object', payload: JSON.stringify({ ...SEED.apply, amount_requested: { v: 1 } }), status: 409, field: 'amount_requested' },
  { name: 'huge amount', payload: JSON.stringify({ ...SEED.apply, amount_requested: 1e12 }), status: 409, field: 'amount_requested' },
  { name: 'unknown flow', payload: JSON.stringify({ ...SEED.apply, flow: 'lease' }), status: 409, field: 'flow' },
  { name: 'flow as a number', payload: JSON.stringify({ ...SEED.apply, flow: 3 }), status: 409, field: 'flow' },
  { name: 'unknown province', payload: JSON.stringify({ ...SEED.apply, province: 'ZZ' }), status: 409, field: 'province' },
  { name: 'unknown billing province', payload: JSON.stringify({ ...SEED.buy, billing_information: { ...SEED.buy.billing_information, province: 'XX' } }), status: 409, field: 'billing_information.province' },
  { name: 'billing_information a string', payload: JSON.stringify({ ...SEED.buy, billing_information: 'Toronto' }), status: 409, field: 'billing_information' },
  { name: 'vcc too short', payload: JSON.stringify({ ...SEED.buy, vcc: '12345' }), status: 409, field: 'vcc' },
  { name: 'customer_id not digits', payload: JSON.stringify({ ...SEED.buy, vcc: undefined, customer_id: 'abc' }), status: 409, field: 'customer_id' },
  { name: 'is_guest not a boolean', payload: JSON.stringify({ ...SEED.apply, is_guest: 'maybe' }), status: 409, field: 'is_guest' },
  { name: 'lang not a language tag', payload: JSON.stringify({ ...SEED.apply, lang: '<script>' }), status: 409, field: 'lang' },
  { name: 'fname an array', payload: JSON.stringify({ ...SEED.apply, fname: ['a'] }), status: 409, field: 'fname' },
  { name: 'form: amount not numeric', payload: 'flow=apply&lang=en-CA&amount_requested=abc', contentType: 'application/x-www-form-urlencoded', status: 409, field: 'amount_requested' },
  { name: 'form: array-style key', payload: 'flow[]=apply&amount_requested=5', contentType: 'application/x-www-form-urlencoded', status: 409 },
  { name: 'form: billing as a scalar', payload: 'flow=buy&lang=en-CA&amount_requested=5&vcc=2374980012897093&billing_information=x&shipping_information[city]=T', contentType: 'application/x-www-form-urlencoded', status: 409, field: 'billing_information' },
  { name: 'text/plain', payload: 'hello', contentType: 'text/plain', status: 415 },
];

for (const row of badTable) {
  test(`bad input: ${row.name} → ${row.status} envelope`, async (t) => {
    const { app, token } = await setup(t);
    const response = await app.inject({
      method: 'POST',
      url: V2_INIT(DEMO.clientId),
      headers: { ...bearer(token), 'content-type': row.contentType ?? 'application/json' },
      payload: row.payload,
    });
    assert.equal(response.statusCode, row.status, response.body);
    const body = response.json();
    assert.deepEqual(Object.keys(body), ['code', 'error', 'error_description']);
    assert.equal(body.code, row.status);
    if (row.field) assert.match(body.error_description, new RegExp(`(^|[:;] )${row.field.replace('.', '\\.')}: `));
  });
}

test('init: no token 401, another merchant\'s token 403 (checked before the body)', async (t) => {
  const { app } = await setup(t);
  const none = await app.inject({ method: 'POST', url: V2_INIT(DEMO.clientId), payload: SEED.apply });
  assert.equal(none.statusCode, 401);
  const maple = await getToken(app, MAPLE);
  const other = await initRequest(app, maple, {}, { url: V2_INIT(DEMO.clientId) });
  assert.deepEqual(other.json(), { code: 403, error: 'insufficient_scope', error_description: ERR.otherClient });
});

test('one 409 names every failing field, type errors and per-flow rules together', async (t) => {
  const { app, token } = await setup(t);
  const response = await initRequest(app, token, { flow: 'buy', amount_requested: 'abc', province: 'ZZ' });
  assert.equal(response.statusCode, 409);
  const description = response.json().error_description as string;
  for (const field of ['amount_requested', 'province', 'billing_information', 'shipping_information', 'vcc']) {
    assert.match(description, new RegExp(`(^|[:;] )${field}: `), field);
  }
});

test('empty lang and flow count as not sent; flow is case-insensitive ("Apply", as the early draft writes it)', async (t) => {
  const { app, token, store } = await setup(t);
  const v1 = await initRequest(app, token, { amount_requested: 10, lang: '', flow: '' }, { url: V1_INIT(DEMO.clientId), style: 'form-brackets' });
  assert.equal(v1.statusCode, 200, v1.body);
  const order = store.orders.byId(v1.json().online_order_id)!;
  assert.deepEqual([order.flow, order.lang], ['apply', 'en-CA']);
  const v2 = await initRequest(app, token, { ...SEED.apply, flow: 'Apply', lang: '' });
  assert.equal(v2.statusCode, 200, v2.body);
  const missing = await initRequest(app, token, { ...SEED.apply, flow: '' });
  assert.match(missing.json().error_description, /flow: is required/);
});

test('form keys written unencoded, as the browser SDK sends them: billing_information[city] and shipping_information.city', async (t) => {
  const { app, token, store } = await setup(t);
  const address = (prefix: string, open: string, close: string) =>
    ['first_name=Tom', 'last_name=Samson', 'address_1=123 Any Street', 'address_2=', 'city=Toronto', 'province=ON', 'postal_code=M2A2A2']
      .map((pair) => `${prefix}${open}${pair.replace('=', `${close}=`)}`)
      .join('&');
  const payload = `flow=buy&lang=en-CA&amount_requested=1.00&vcc=2374980012897093&${address('billing_information', '[', ']')}&${address('shipping_information', '.', '')}`;
  const response = await app.inject({ method: 'POST', url: V2_INIT(DEMO.clientId), headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' }, payload });
  assert.equal(response.statusCode, 200, response.body);
  const request = JSON.parse(store.orders.byId(response.json().online_order_id)!.request);
  assert.deepEqual(request.billing_information, SEED.buy.billing_information);
  assert.deepEqual(request.shipping_information, SEED.buy.shipping_information);
});
