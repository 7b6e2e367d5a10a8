import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { DEMO, MAPLE, buildTestApp, getToken } from '../helpers/app.js';
import { adminCallbacks, fixturesWithCallbacks, postTestNotification } from '../helpers/callbacks.js';
import { freePort, startReceiver } from '../helpers/receiver.js';

test('GET /__admin/callbacks filters by client_id and state, newest first, each with every attempt', async (t) => {
  const receiver = await startReceiver(t, [{ status: 500 }]);
  const { app, clock } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app, DEMO), { event: 'Purchase', notification_type: 'Success' });
  await app.callbackWorker.settled();
  clock.advance(0.5); // newer, and still before the first retry is due
  await postTestNotification(app, await getToken(app, MAPLE), { event: 'Apply', notification_type: 'Error' }, MAPLE.clientId);
  await app.callbackWorker.settled();

  const all = await adminCallbacks(app);
  assert.deepEqual(all.map((d) => d.client_id), [MAPLE.clientId, DEMO.clientId]);
  const demo = await adminCallbacks(app, `?client_id=${DEMO.clientId}`);
  assert.equal(demo.length, 1);
  assert.deepEqual(Object.keys(demo[0] ?? {}).sort(), [
    'attempts', 'body', 'client_id', 'created_at', 'event', 'id', 'next_attempt_at', 'notification_type', 'order_id', 'reference_id', 'state', 'updated_at', 'url',
  ]);
  assert.equal(demo[0]?.state, 'pending');
  assert.equal(demo[0]?.attempts.length, 1);
  assert.deepEqual(Object.keys(demo[0]?.attempts[0]).sort(), ['at', 'error', 'latency_ms', 'response_excerpt', 'status']);
  assert.equal(demo[0]?.body.event, 'Purchase');
  assert.deepEqual((await adminCallbacks(app, '?state=no_endpoint')).map((d) => d.client_id), [MAPLE.clientId]);
  assert.deepEqual(await adminCallbacks(app, '?state=delivered'), []);
  assert.deepEqual(await adminCallbacks(app, '?order_id=131000'), []);
  assert.equal((await adminCallbacks(app, '?limit=1')).length, 1);
});

const badQueries: Array<[query: string, field: string]> = [
  ['?state=sent', 'state'],
  ['?order_id=abc', 'order_id'],
  ['?order_id=-4', 'order_id'],
  ['?limit=0', 'limit'],
  ['?limit=5000', 'limit'],
  ['?client_id=', 'client_id'],
];

for (const [query, field] of badQueries) {
  test(`GET /__admin/callbacks${query} is a 409 naming ${field}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject({ method: 'GET', url: `/__admin/callbacks${query}` });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error, 'wrong_inputs');
    assert.match(response.json().error_description, new RegExp(`${field}: `));
  });
}

test('redeliver re-queues a failed delivery now, to the merchant\'s current callback_url', async (t) => {
  const down = await freePort();
  const { app, store, clock } = await buildTestApp(t, {
    config: { callbackMaxAttempts: 1 },
    fixtures: fixturesWithCallbacks({ [DEMO.clientId]: `http://127.0.0.1:${down}/cb` }),
  });
  await postTestNotification(app, await getToken(app), { event: 'Purchase', notification_type: 'Success' });
  await app.callbackWorker.settled();
  const [failed] = await adminCallbacks(app);
  assert.equal(failed?.state, 'failed');

  // The merchant fixes its endpoint, then asks for the delivery again.
  const receiver = await startReceiver(t);
  const merchant = store.merchants.get(DEMO.clientId);
  assert.ok(merchant);
  store.merchants.upsert({ ...merchant, callback_url: receiver.url }, 'admin', clock.now());
  const response = await app.inject({ method: 'POST', url: `/__admin/callbacks/${failed?.id}/redeliver` });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.json().state, 'pending');
  assert.equal(response.json().url, receiver.url);
  assert.equal(response.json().next_attempt_at, new Date(clock.now(DEMO.clientId)).toISOString());

  await receiver.waitFor(1);
  await app.callbackWorker.settled();
  assert.equal(receiver.received[0]?.headers['x-flexiti-delivery-id'], failed?.id, 'same delivery id');
  assert.equal(receiver.received[0]?.body, JSON.stringify(failed?.body));
  const [delivered] = await adminCallbacks(app);
  assert.equal(delivered?.state, 'delivered');
  assert.deepEqual(delivered?.attempts.map((a: Record<string, unknown>) => a.status), [null, 200], 'the log keeps both rounds');
});

test('redelivering a delivered callback sends it once more', async (t) => {
  const receiver = await startReceiver(t);
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app), { event: 'Apply', notification_type: 'Success' });
  await receiver.waitFor(1);
  await app.callbackWorker.settled();
  const [delivery] = await adminCallbacks(app);
  await app.inject({ method: 'POST', url: `/__admin/callbacks/${delivery?.id}/redeliver` });
  await receiver.waitFor(2);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 2);
  assert.equal((await adminCallbacks(app))[0]?.attempts.length, 2);
});

test('redeliver of an unknown id is a 404', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'POST', url: '/__admin/callbacks/dlv_nope/redeliver' });
  assert.equal(response.statusCode, 404);
  assert.deepEqual(response.json(), { code: 404, error: 'not_found', error_description: ERR.unknownDelivery });
});
