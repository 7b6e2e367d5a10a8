import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { API, DEMO, MAPLE, buildTestApp, getToken } from '../../helpers/app.js';
import { adminCallbacks, fixturesWithCallbacks, postTestNotification } from '../../helpers/callbacks.js';
import { freePort, startReceiver } from '../../helpers/receiver.js';

const PURCHASE_SUCCESS = { event: 'Purchase', notification_type: 'Success' };

test('a receiver answering 500, 500, 200 gets exactly three attempts, spaced 1 s then 2 s on the mock clock', async (t) => {
  const receiver = await startReceiver(t, [{ status: 500, body: 'boom' }, { status: 500 }, { status: 200, body: 'thanks' }]);
  const { app, clock } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  const start = clock.now();
  const token = await getToken(app);
  assert.equal((await postTestNotification(app, token, PURCHASE_SUCCESS)).statusCode, 200);

  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 1, 'the first attempt goes at once');
  clock.advance(0.999);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 1, 'no retry before the 1 s backoff');
  clock.advance(0.001);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 2, 'second attempt 1 s later');
  clock.advance(1.999);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 2, 'no retry before the 2 s backoff');
  clock.advance(0.001);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 3, 'third attempt 2 s after the second');
  clock.advance(86_400);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 3, 'nothing more after the 2xx');

  const ids = new Set(receiver.received.map((r) => r.headers['x-flexiti-delivery-id']));
  assert.equal(ids.size, 1, 'the delivery id is stable across retries');
  assert.equal(new Set(receiver.received.map((r) => r.body)).size, 1, 'every attempt sends the same body');

  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.state, 'delivered');
  assert.equal(delivery?.id, [...ids][0]);
  assert.deepEqual(
    delivery?.attempts.map((a: Record<string, unknown>) => [a.at, a.status, a.response_excerpt]),
    [
      [new Date(start).toISOString(), 500, 'boom'],
      [new Date(start + 1000).toISOString(), 500, ''],
      [new Date(start + 3000).toISOString(), 200, 'thanks'],
    ],
  );
  for (const attempt of delivery?.attempts ?? []) assert.equal(typeof attempt.latency_ms, 'number');
  assert.equal(delivery?.next_attempt_at, null);
});

test('after the configured number of attempts a delivery is marked failed; the policy is configurable', async (t) => {
  const receiver = await startReceiver(t, Array.from({ length: 10 }, () => ({ status: 503 })));
  const { app, clock } = await buildTestApp(t, {
    config: { callbackMaxAttempts: 3, callbackInitialDelay: 10, callbackMaxDelay: 15 },
    fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }),
  });
  const start = clock.now();
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  for (const seconds of [10, 15, 3600]) {
    await app.callbackWorker.settled();
    clock.advance(seconds);
  }
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 3);
  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.state, 'failed');
  assert.deepEqual(
    delivery?.attempts.map((a: Record<string, unknown>) => a.at),
    [start, start + 10_000, start + 25_000].map((ms) => new Date(ms).toISOString()),
  );
});

test('with a secret, the signature recomputed from the raw body and the timestamp matches', async (t) => {
  const secret = 'whsec_test_0123456789';
  const receiver = await startReceiver(t);
  const { app, clock } = await buildTestApp(t, { config: { callbackSecret: secret }, fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  await receiver.waitFor(1);
  const [request] = receiver.received;
  const header = String(request?.headers['x-flexiti-signature']);
  const match = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/);
  assert.ok(match, header);
  assert.equal(Number(match[1]), Math.floor(clock.now(DEMO.clientId) / 1000), 't is the mock clock in unix seconds');
  const expected = createHmac('sha256', secret).update(`${match[1]}.${request?.body}`).digest('hex');
  assert.equal(match[2], expected);
  const wrong = createHmac('sha256', 'another-secret').update(`${match[1]}.${request?.body}`).digest('hex');
  assert.notEqual(match[2], wrong);
});

test('without a secret there is no signature header; the other headers are always there', async (t) => {
  const receiver = await startReceiver(t);
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  const referenceId = crypto.randomUUID();
  const response = await app.inject({
    method: 'POST',
    url: `${API}/online/client-id/${DEMO.clientId}/notifications/test`,
    headers: { authorization: `Bearer ${await getToken(app)}`, 'x-reference-id': referenceId },
    payload: PURCHASE_SUCCESS,
  });
  assert.equal(response.statusCode, 200);
  await receiver.waitFor(1);
  const [request] = receiver.received;
  assert.equal(request?.method, 'POST');
  assert.equal(request?.path, '/flexiti/callback');
  assert.equal(request?.headers['x-flexiti-signature'], undefined);
  assert.equal(request?.headers['content-type'], 'application/json');
  assert.equal(request?.headers['user-agent'], 'flexiti-mock');
  assert.equal(request?.headers['x-reference-id'], referenceId);
  assert.match(String(request?.headers['x-flexiti-delivery-id']), /^dlv_/);
  assert.equal(request?.body, response.body);
});

test('a hanging receiver does not slow the API: requests made during the hang answer before it ends', async (t) => {
  const receiver = await startReceiver(t, ['hang']);
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url, [MAPLE.clientId]: receiver.url }) });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = await getToken(app);
  await postTestNotification(app, token, PURCHASE_SUCCESS);
  await receiver.waitFor(1);
  assert.equal(receiver.hanging(), 1);

  // Over the real socket, while the receiver holds the first callback open.
  const answered: string[] = [];
  const tokenResponse = await fetch(`${base}${API}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret }),
  });
  assert.equal(tokenResponse.status, 200);
  answered.push('token');
  const mapleToken = (await tokenResponse.json()).access_token as string;
  const second = await fetch(`${base}${API}/online/client-id/${MAPLE.clientId}/notifications/test`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mapleToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ Event: 'Apply', Notification_type: 'Error' }),
  });
  assert.equal(second.status, 200);
  answered.push('notifications/test');
  const log = await fetch(`${base}/__admin/callbacks?client_id=${DEMO.clientId}`);
  assert.equal((await log.json()).callbacks[0].state, 'pending');
  answered.push('admin');
  // Another merchant's callback is not held up behind the hanging one either.
  await receiver.waitFor(2);
  answered.push('second callback');

  assert.equal(receiver.hanging(), 1, 'the hang had not ended when every request above was answered');
  assert.deepEqual(answered, ['token', 'notifications/test', 'admin', 'second callback']);
  receiver.release();
  await app.callbackWorker.settled();
  const states = (await adminCallbacks(app)).map((d) => d.state);
  assert.deepEqual(states, ['delivered', 'delivered']);
});

test('an attempt times out after callbackTimeoutMs and is retried', async (t) => {
  const receiver = await startReceiver(t);
  receiver.answerAll('hang');
  const { app, clock } = await buildTestApp(t, { config: { callbackTimeoutMs: 300 }, fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  await app.callbackWorker.settled();
  const [first] = await adminCallbacks(app);
  assert.equal(first?.state, 'pending');
  assert.equal(first?.attempts[0].status, null);
  assert.equal(first?.attempts[0].error, 'timed out after 300 ms');
  receiver.answerAll({ status: 200 });
  clock.advance(1);
  await app.callbackWorker.settled();
  const [second] = await adminCallbacks(app);
  assert.equal(second?.state, 'delivered');
  assert.deepEqual(second?.attempts.map((a: Record<string, unknown>) => a.status), [null, 200]);
});

test('a receiver that is down is logged with the connection error and retried', async (t) => {
  const port = await freePort();
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: `http://127.0.0.1:${port}/cb` }) });
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  await app.callbackWorker.settled();
  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.state, 'pending');
  assert.equal(delivery?.attempts[0].status, null);
  assert.match(delivery?.attempts[0].error, /ECONNREFUSED/);
});

test('the response excerpt is at most 1 KB', async (t) => {
  const receiver = await startReceiver(t, [{ status: 500, body: 'x'.repeat(100_000) }]);
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  await receiver.waitFor(1);
  await app.callbackWorker.settled();
  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.attempts[0].response_excerpt, 'x'.repeat(1024));
});

test('a merchant\'s own clock decides when its retries are due', async (t) => {
  const receiver = await startReceiver(t, [{ status: 500 }, { status: 500 }]);
  const { app, clock } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url, [MAPLE.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app, DEMO), PURCHASE_SUCCESS, DEMO.clientId);
  await receiver.waitFor(1);
  await postTestNotification(app, await getToken(app, MAPLE), PURCHASE_SUCCESS, MAPLE.clientId);
  await receiver.waitFor(2);
  await app.callbackWorker.settled();

  clock.advance(5, MAPLE.clientId);
  await app.callbackWorker.settled();
  const byClient = Object.fromEntries((await adminCallbacks(app)).map((d) => [d.client_id, d]));
  assert.equal(byClient[MAPLE.clientId]?.state, 'delivered', 'maple\'s clock moved: its retry ran');
  assert.equal(byClient[DEMO.clientId]?.attempts.length, 1, 'the demo merchant\'s clock did not move: no retry yet');
  clock.advance(1, DEMO.clientId);
  await app.callbackWorker.settled();
  assert.equal((await adminCallbacks(app, `?client_id=${DEMO.clientId}`))[0]?.state, 'delivered');
});

test('a merchant without a callback_url records "no endpoint" and nothing is sent', async (t) => {
  const { app, clock } = await buildTestApp(t);
  const response = await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  assert.equal(response.statusCode, 200);
  clock.advance(3600);
  await app.callbackWorker.settled();
  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.state, 'no_endpoint');
  assert.deepEqual(delivery?.attempts, []);
});

test('rows deleted while an attempt is in flight (an admin reset) do not crash the worker', async (t) => {
  const receiver = await startReceiver(t, ['hang', { status: 200 }]);
  const { app, store } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  const token = await getToken(app);
  await postTestNotification(app, token, PURCHASE_SUCCESS);
  await receiver.waitFor(1);
  store.db.prepare('DELETE FROM deliveries').run();
  receiver.release();
  await app.callbackWorker.settled();
  assert.deepEqual(await adminCallbacks(app), []);
  // The worker is still alive and delivers the next one.
  await postTestNotification(app, token, PURCHASE_SUCCESS);
  await receiver.waitFor(2);
  await app.callbackWorker.settled();
  assert.equal((await adminCallbacks(app))[0]?.state, 'delivered');
});

test('readiness reports the worker, and closing the app records the attempt in flight before the database closes', async (t) => {
  const receiver = await startReceiver(t, ['hang']);
  const { app, store } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  const ready = await app.inject({ method: 'GET', url: '/__admin/ready' });
  assert.equal(ready.json().checks.worker, true);
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  await receiver.waitFor(1);
  const attempts = store.db.prepare('SELECT status FROM delivery_attempts');
  assert.deepEqual(attempts.all(), []);
  // Record what the worker wrote just before the store closes.
  let atClose: unknown;
  const closeStore = store.close;
  store.close = () => {
    atClose = attempts.all();
    closeStore();
  };
  const closing = app.close();
  while (app.callbackWorker.running()) await new Promise(setImmediate);
  // The worker has stopped taking work and is waiting for the attempt in flight: let it end.
  receiver.release();
  await closing;
  assert.deepEqual(atClose, [{ status: 200 }]);
  assert.equal(store.db.open, false);
});

test('closing cuts off an attempt that outlasts the flush deadline and logs it as interrupted', async (t) => {
  const receiver = await startReceiver(t, ['hang']);
  const { app, store } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  await receiver.waitFor(1);
  await app.callbackWorker.stop(10);
  assert.equal(app.callbackWorker.running(), false);
  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.state, 'pending', 'it will be retried by the next process');
  assert.equal(delivery?.attempts[0].error, 'interrupted: flexiti-mock was shutting down');
  assert.equal(store.db.open, true);
  const ready = await app.inject({ method: 'GET', url: '/__admin/ready' });
  assert.equal(ready.statusCode, 503);
  assert.equal(ready.json().checks.worker, false);
});

test('a redirect is not followed: it is a failed attempt like any other non-2xx', async (t) => {
  const target = await startReceiver(t);
  const receiver = await startReceiver(t, [{ status: 307, headers: { location: target.url } }]);
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  await postTestNotification(app, await getToken(app), PURCHASE_SUCCESS);
  await receiver.waitFor(1);
  await app.callbackWorker.settled();
  const [delivery] = await adminCallbacks(app);
  assert.equal(delivery?.state, 'pending');
  assert.equal(delivery?.attempts[0].status, 307);
  assert.equal(target.received.length, 0);
});
