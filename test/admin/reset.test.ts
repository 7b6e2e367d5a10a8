import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCustomerRecord } from '../../src/store/customers.js';
import { DEMO, MAPLE, buildTestApp, getToken, tokenRequest, type MerchantCredentials } from '../helpers/app.js';
import { SEED, completeOrder, createOrder, lookup } from '../helpers/orders.js';

type App = Awaited<ReturnType<typeof buildTestApp>>['app'];

const reset = (app: App, payload?: object) => app.inject({ method: 'POST', url: '/__admin/reset', ...(payload ? { payload } : {}) });
async function refreshToken(app: App, merchant: MerchantCredentials): Promise<string> {
  return (await tokenRequest(app, { client_id: merchant.clientId, client_secret: merchant.clientSecret })).json().refresh_token;
}
const refreshWorks = async (app: App, token: string) => (await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: token })).statusCode === 200;
const faultIds = async (app: App) => (await app.inject({ url: '/__admin/faults' })).json().faults.map((f: { match: { client_id?: string } }) => f.match.client_id ?? '*');

test('reset of one merchant leaves the other merchant\'s orders readable, and removes its own orders and callbacks', async (t) => {
  const { app, store } = await buildTestApp(t);
  const demoToken = await getToken(app, DEMO);
  const mapleToken = await getToken(app, MAPLE);
  const demoOrder = await createOrder(app, demoToken, SEED.buy);
  const mapleOrder = await createOrder(app, mapleToken, { ...SEED.apply, amount_requested: 400 }, { merchant: MAPLE });
  assert.equal((await completeOrder(app, demoOrder, { outcome: 'approved' })).statusCode, 200);
  assert.equal((await completeOrder(app, mapleOrder, { outcome: 'approved' })).statusCode, 200);
  assert.ok(store.deliveries.byOrder(demoOrder).length > 0, 'the demo order has a callback to remove');

  assert.equal((await reset(app, { client_id: DEMO.clientId })).statusCode, 200);
  const maple = await lookup(app, mapleToken, `order-id/${mapleOrder}`, MAPLE);
  assert.equal(maple.statusCode, 200);
  assert.equal(maple.json().transaction_id, mapleOrder);
  assert.equal((await app.inject({ url: `/__admin/orders/${mapleOrder}` })).statusCode, 200);
  assert.ok(store.deliveries.byOrder(mapleOrder).length > 0, 'the other merchant keeps its callbacks');

  const freshDemo = await getToken(app, DEMO);
  assert.equal((await lookup(app, freshDemo, `order-id/${demoOrder}`)).statusCode, 404);
  assert.deepEqual(store.deliveries.byOrder(demoOrder), []);
  assert.deepEqual((await app.inject({ url: `/__admin/orders?client_id=${DEMO.clientId}` })).json().orders, []);
});

test('reset of everything removes every order, and order ids start again at 131000', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app, DEMO);
  await createOrder(app, token, SEED.buy);
  const second = await createOrder(app, token, SEED.buy);
  assert.equal(second, 131001);
  await reset(app);
  assert.deepEqual((await app.inject({ url: '/__admin/orders' })).json().orders, []);
  assert.equal(await createOrder(app, await getToken(app, DEMO), SEED.buy), 131000);
});

test('reset of one merchant: its tokens, faults and clock offset go; the other merchant keeps all of its own', async (t) => {
  const { app } = await buildTestApp(t);
  const demo = await refreshToken(app, DEMO);
  const maple = await refreshToken(app, MAPLE);
  for (const clientId of [DEMO.clientId, MAPLE.clientId, undefined]) {
    await app.inject({ method: 'POST', url: '/__admin/faults', payload: { match: { operation: 'init', ...(clientId ? { client_id: clientId } : {}) }, action: { status: 500 } } });
  }
  for (const clientId of [DEMO.clientId, MAPLE.clientId]) await app.inject({ method: 'POST', url: '/__admin/clock', payload: { advance_seconds: 60, client_id: clientId } });

  const response = await reset(app, { client_id: DEMO.clientId });
  assert.deepEqual(response.json(), { reset: 'client', client_id: DEMO.clientId });
  assert.equal(await refreshWorks(app, demo), false);
  assert.equal(await refreshWorks(app, maple), true);
  assert.deepEqual(await faultIds(app), [MAPLE.clientId, '*']);
  assert.deepEqual((await app.inject({ url: '/__admin/clock' })).json().client_offsets_seconds, { [MAPLE.clientId]: 60 });
});

test('reset of everything: tokens, faults, journal, clock, admin merchants and cardholder balances', async (t) => {
  const { app, store, fixtures, clock } = await buildTestApp(t);
  const demo = await refreshToken(app, DEMO);
  await app.inject({ method: 'POST', url: '/__admin/faults', payload: { match: { operation: 'init' }, action: { status: 500 } } });
  await app.inject({ method: 'POST', url: '/__admin/clock', payload: { advance_seconds: 60 } });
  const extra = { ...fixtures.merchants[0]!, client_id: 'adminmade', client_secret: 's' };
  store.merchants.upsert(extra, 'admin', clock.now());
  store.merchants.upsert({ ...fixtures.merchants[1]!, name: 'Renamed by admin' }, 'admin', clock.now());
  const card = fixtures.customers[0]!;
  assert.ok(store.customers.debit(card.customer_id, 100_00));
  store.customers.put(toCustomerRecord({ ...card, customer_id: '9999999', vcc: '2374980099999999' }, 'apply', clock.now()));

  assert.deepEqual((await reset(app)).json(), { reset: 'everything' });
  assert.deepEqual((await app.inject({ url: '/__admin/requests' })).json().requests, []);
  assert.equal(await refreshWorks(app, demo), false);
  assert.deepEqual(await faultIds(app), []);
  assert.equal((await app.inject({ url: '/__admin/clock' })).json().offset_seconds, 0);
  assert.equal(store.merchants.get('adminmade'), undefined);
  assert.equal(store.merchants.get(MAPLE.clientId)?.name, fixtures.merchants[1]!.name);
  assert.equal(store.customers.byId(card.customer_id)?.available_credit_cents, Math.round(card.available_credit * 100));
  assert.equal(store.customers.byId('9999999'), undefined);
  assert.equal(await refreshWorks(app, await refreshToken(app, DEMO)), true, 'the mock still works after a reset');
});

test('an empty POST (no body) resets everything too', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'POST', url: '/__admin/reset' });
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json(), { reset: 'everything' });
});

for (const [name, payload, field] of [['an empty client_id', { client_id: '' }, 'client_id'], ['a numeric client_id', { client_id: 5 }, 'client_id'], ['an unknown key', { everything: true }, 'body']] as const) {
  test(`POST /__admin/reset refuses ${name} with 409 naming ${field}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await reset(app, payload);
    assert.equal(response.statusCode, 409);
    assert.ok(response.json().error_description.includes(`${field}:`), response.json().error_description);
  });
}

test('reset of everything removes merchants created through the admin API and restores edited fixture merchants', async (t) => {
  const { app, fixtures } = await buildTestApp(t);
  const demo = fixtures.merchants.find((m) => m.client_id === DEMO.clientId)!;
  const created = await app.inject({ method: 'PUT', url: '/__admin/merchants/acme-test', payload: { ...demo, client_id: 'acme-test', name: 'Acme' } });
  assert.ok(created.statusCode < 300, created.body);
  const edited = await app.inject({ method: 'PUT', url: `/__admin/merchants/${DEMO.clientId}`, payload: { ...demo, name: 'Edited' } });
  assert.ok(edited.statusCode < 300, edited.body);
  await reset(app, {});
  assert.equal((await app.inject({ url: '/__admin/merchants/acme-test' })).statusCode, 404);
  assert.equal((await app.inject({ url: `/__admin/merchants/${DEMO.clientId}` })).json().name, demo.name);
});
