import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { adminCallbacks, fixturesWithCallbacks, postTestNotification } from '../helpers/callbacks.js';
import { hostedOrder } from '../helpers/hosted.js';
import { startReceiver } from '../helpers/receiver.js';
import { SEED, completeOrder, createOrder } from '../helpers/orders.js';
import { API, DEMO, MAPLE, bearer, buildTestApp, tokenRequest, type MerchantCredentials } from '../helpers/app.js';

type App = Awaited<ReturnType<typeof buildTestApp>>['app'];
const START = '2026-01-15T12:00:00.000Z';

const clockPost = (app: App, payload: object) => app.inject({ method: 'POST', url: '/__admin/clock', payload });

async function tokens(app: App, merchant: MerchantCredentials) {
  const response = await tokenRequest(app, { client_id: merchant.clientId, client_secret: merchant.clientSecret });
  return response.json() as { access_token: string; refresh_token: string };
}
/** A refresh only works while its access token is unexpired (api-notes §2.3): a public probe of expiry. */
const availability = (app: App, clientId: string, accessToken: string) =>
  app.inject({ method: 'POST', url: `${API}/online/client-id/${clientId}/merchants/payment-availability`, headers: bearer(accessToken), payload: { amount_requested: 400 } });
const refresh = (app: App, refreshToken: string) => tokenRequest(app, { grant_type: 'refresh_token', refresh_token: refreshToken });

test('GET /__admin/clock shows the mock time, globally and for one merchant', async (t) => {
  const { app } = await buildTestApp(t);
  assert.deepEqual((await app.inject({ url: '/__admin/clock' })).json(), {
    now: START, offset_seconds: 0, global_offset_seconds: 0, client_offsets_seconds: {},
  });
  assert.deepEqual((await app.inject({ url: `/__admin/clock?client_id=${DEMO.clientId}` })).json(), {
    now: START, client_id: DEMO.clientId, client_offset_seconds: 0, offset_seconds: 0, global_offset_seconds: 0, client_offsets_seconds: {},
  });
});

test('advancing one merchant\'s clock by 1201 s expires that merchant\'s tokens only', async (t) => {
  const { app } = await buildTestApp(t);
  const demo = await tokens(app, DEMO);
  const maple = await tokens(app, MAPLE);
  const moved = await clockPost(app, { advance_seconds: 1201, client_id: DEMO.clientId });
  assert.equal(moved.statusCode, 200);
  assert.equal(moved.json().now, '2026-01-15T12:20:01.000Z');
  assert.deepEqual(moved.json().client_offsets_seconds, { [DEMO.clientId]: 1201 });
  assert.equal((await app.inject({ url: '/__admin/clock' })).json().now, START, 'the global clock did not move');

  const expired = await availability(app, DEMO.clientId, demo.access_token);
  assert.equal(expired.statusCode, 401);
  assert.deepEqual(expired.json(), { code: 401, error: 'invalid_token', error_description: ERR.expiredToken });
  assert.equal((await availability(app, MAPLE.clientId, maple.access_token)).statusCode, 200);

  const demoRefresh = await refresh(app, demo.refresh_token);
  assert.equal(demoRefresh.statusCode, 400);
  assert.equal(demoRefresh.json().error_description, ERR.expiredRefreshToken);
  assert.equal((await refresh(app, maple.refresh_token)).statusCode, 200);
});

test('advancing the global clock by 1201 s expires every merchant\'s tokens', async (t) => {
  const { app } = await buildTestApp(t);
  const demo = await tokens(app, DEMO);
  const maple = await tokens(app, MAPLE);
  await clockPost(app, { advance_seconds: 1201 });
  assert.equal((await refresh(app, demo.refresh_token)).statusCode, 400);
  assert.equal((await refresh(app, maple.refresh_token)).statusCode, 400);
});

test('set and reset, globally and per merchant', async (t) => {
  const { app } = await buildTestApp(t);
  const set = await clockPost(app, { set: '2026-03-01T00:00:00Z' });
  assert.equal(set.json().now, '2026-03-01T00:00:00.000Z');
  const demoSet = await clockPost(app, { set: '2026-03-02T00:00:00.000+00:00', client_id: DEMO.clientId });
  assert.equal(demoSet.json().now, '2026-03-02T00:00:00.000Z');
  assert.equal(demoSet.json().client_offset_seconds, 86400);
  const demoReset = await clockPost(app, { reset: true, client_id: DEMO.clientId });
  assert.equal(demoReset.json().now, '2026-03-01T00:00:00.000Z');
  await clockPost(app, { advance_seconds: 60, client_id: MAPLE.clientId });
  const reset = await clockPost(app, { reset: true });
  assert.deepEqual(reset.json(), { now: START, offset_seconds: 0, global_offset_seconds: 0, client_offsets_seconds: {} });
});

const badChanges: Array<{ name: string; body: object; field: string }> = [
  { name: 'nothing to do', body: {}, field: 'body' },
  { name: 'two changes at once', body: { advance_seconds: 1, reset: true }, field: 'body' },
  { name: 'advance_seconds not a number', body: { advance_seconds: '10' }, field: 'advance_seconds' },
  { name: 'advance_seconds absurdly large', body: { advance_seconds: 1e12 }, field: 'advance_seconds' },
  { name: 'set not an ISO date-time', body: { set: 'tomorrow' }, field: 'set' },
  { name: 'reset false', body: { reset: false }, field: 'reset' },
  { name: 'empty client_id', body: { advance_seconds: 1, client_id: '' }, field: 'client_id' },
  { name: 'an unknown key', body: { advance_seconds: 1, merchant: 'x' }, field: 'body' },
];

for (const bad of badChanges) {
  test(`POST /__admin/clock refuses ${bad.name} with 409 naming ${bad.field}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await clockPost(app, bad.body);
    assert.equal(response.statusCode, 409, response.body);
    assert.ok(response.json().error_description.includes(`${bad.field}:`), response.json().error_description);
  });
}

test('an unknown merchant → 404 on read and change', async (t) => {
  const { app } = await buildTestApp(t);
  assert.equal((await app.inject({ url: '/__admin/clock?client_id=nobody' })).statusCode, 404);
  const response = await clockPost(app, { advance_seconds: 1, client_id: 'nobody' });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().error_description, ERR.unknownMerchant);
});

test('pending decisions follow the admin clock of their merchant only', async (t) => {
  const { app } = await buildTestApp(t);
  const demo = (await tokens(app, DEMO)).access_token;
  const maple = (await tokens(app, MAPLE)).access_token;
  const demoOrder = await createOrder(app, demo, { ...SEED.apply, mname: 'P-REVIEW_MISC' });
  const mapleOrder = await createOrder(app, maple, { ...SEED.apply, mname: 'P-REVIEW_MISC', amount_requested: 400 }, { merchant: MAPLE });
  for (const id of [demoOrder, mapleOrder]) await completeOrder(app, id, { outcome: 'pending', response_key: 'P-REVIEW_MISC' });

  await clockPost(app, { advance_seconds: 3600, client_id: DEMO.clientId });
  const status = async (id: number) => (await app.inject({ url: `/__admin/orders/${id}` })).json().status;
  assert.equal(await status(demoOrder), 'SUCCESS');
  assert.equal(await status(mapleOrder), 'PENDING');
});

test('hosted sessions follow the admin clock: 24 h on one merchant\'s clock expires its hosted page', async (t) => {
  const { app } = await buildTestApp(t);
  const order = await hostedOrder(app, SEED.apply);
  await clockPost(app, { advance_seconds: 24 * 3600 - 1, client_id: DEMO.clientId });
  assert.equal((await app.inject({ url: order.path })).statusCode, 200);
  await clockPost(app, { advance_seconds: 24 * 3600, client_id: MAPLE.clientId });
  assert.equal((await app.inject({ url: order.path })).statusCode, 200, 'another merchant\'s clock does not matter');
  await clockPost(app, { advance_seconds: 1, client_id: DEMO.clientId });
  assert.equal((await app.inject({ url: order.path })).statusCode, 410);
});

test('callback retries follow the admin clock: advancing one merchant runs its due retry', async (t) => {
  const receiver = await startReceiver(t, [{ status: 500 }]);
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, (await tokens(app, DEMO)).access_token, { event: 'Purchase', notification_type: 'Success' });
  await receiver.waitFor(1);
  await app.callbackWorker.settled();
  assert.equal((await adminCallbacks(app))[0]?.state, 'pending');
  await clockPost(app, { advance_seconds: 1, client_id: DEMO.clientId });
  await receiver.waitFor(2);
  await app.callbackWorker.settled();
  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.state, 'delivered');
  assert.deepEqual(delivery?.attempts.map((a: { status: number }) => a.status), [500, 200]);
});
