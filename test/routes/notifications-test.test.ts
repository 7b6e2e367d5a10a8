import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { CallbackBodySchema } from '../../src/schemas/notifications.js';
import { TEST_EVENTS, TEST_NOTIFICATION_TYPES } from '../../src/schemas/notifications-test.js';
import { API, DEMO, MAPLE, bearer, buildTestApp, getToken } from '../helpers/app.js';
import { adminCallbacks, fixturesWithCallbacks, postTestNotification } from '../helpers/callbacks.js';
import { startReceiver } from '../helpers/receiver.js';

test('every event × notification_type reaches the receiver with the body the endpoint answered', async (t) => {
  const receiver = await startReceiver(t);
  const { app } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  const token = await getToken(app);
  const answered: string[] = [];
  for (const event of TEST_EVENTS) {
    for (const type of TEST_NOTIFICATION_TYPES) {
      const response = await postTestNotification(app, token, { event, notification_type: type });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      const body = response.json();
      assert.ok(CallbackBodySchema.safeParse(body).success, `the C8 callback shape: ${response.body}`);
      assert.equal(body.transaction_id, null, 'no order behind a synthetic notification');
      assert.equal(body.event, event);
      assert.equal(body.notificationType, type);
      assert.equal(body.client_id, DEMO.clientId);
      assert.equal(body.username, DEMO.username);
      assert.equal(body.callback_url, receiver.url);
      assert.ok(event === 'Purchase' ? body.purchase : body.apply, `${event} carries its ${event.toLowerCase()} object`);
      answered.push(response.body);
    }
  }
  await receiver.waitFor(answered.length);
  await app.callbackWorker.settled();
  assert.deepEqual(receiver.received.map((r) => r.body).sort(), [...answered].sort());
  const log = await adminCallbacks(app);
  assert.equal(log.length, 6);
  assert.ok(log.every((d) => d.state === 'delivered' && d.order_id === null));
  assert.deepEqual(
    log.map((d) => `${d.event}/${d.notification_type}`).sort(),
    TEST_EVENTS.flatMap((e) => TEST_NOTIFICATION_TYPES.map((n) => `${e}/${n}`)).sort(),
  );
});

const spellings: Array<[name: string, payload: Record<string, unknown>, event: string, type: string]> = [
  ['the draft table\'s capitalised keys', { Event: 'Purchase', Notification_type: 'Success' }, 'Purchase', 'Success'],
  ['camelCase', { event: 'Apply', notificationType: 'Cancelled' }, 'Apply', 'Cancelled'],
  ['upper case keys and values', { EVENT: 'APPLY', NOTIFICATION_TYPE: 'ERROR' }, 'Apply', 'Error'],
  ['lower case values', { event: 'purchase', notification_type: 'cancelled' }, 'Purchase', 'Cancelled'],
  ['PascalCase key, padded value', { Event: ' Apply ', NotificationType: 'success' }, 'Apply', 'Success'],
  ['the same value under two spellings', { event: 'Apply', Event: 'apply', notification_type: 'Error' }, 'Apply', 'Error'],
  ['unknown extra keys are ignored', { event: 'Apply', notification_type: 'Error', foo: 1 }, 'Apply', 'Error'],
];

for (const [name, payload, event, type] of spellings) {
  test(`notifications/test accepts ${name}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await postTestNotification(app, await getToken(app), payload);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().event, event);
    assert.equal(response.json().notificationType, type);
  });
}

test('notifications/test accepts a form body too', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({
    method: 'POST',
    url: `${API}/online/client-id/${DEMO.clientId}/notifications/test`,
    headers: { ...bearer(await getToken(app)), 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'Event=Apply&Notification_type=Success',
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.json().notificationType, 'Success');
});

const bad: Array<[name: string, payload: unknown, fields: string[]]> = [
  ['an unknown event', { event: 'Refund', notification_type: 'Success' }, ['event']],
  ['an unknown notification_type', { event: 'Purchase', notification_type: 'Pending' }, ['notification_type']],
  ['both unknown', { Event: 'x', Notification_type: 'y' }, ['event', 'notification_type']],
  ['a missing event', { notification_type: 'Success' }, ['event']],
  ['a missing notification_type', { Event: 'Apply' }, ['notification_type']],
  ['an empty object', {}, ['event', 'notification_type']],
  ['a number', { event: 1, notification_type: 'Success' }, ['event']],
  ['an empty string', { event: '', notification_type: 'Success' }, ['event']],
  ['a list', { event: ['Apply'], notification_type: 'Success' }, ['event']],
  ['two spellings that disagree', { event: 'Apply', Event: 'Purchase', notification_type: 'Success' }, ['event']],
  ['a JSON array body', [], ['body']],
];

for (const [name, payload, fields] of bad) {
  test(`notifications/test refuses ${name} with 409 wrong_inputs naming ${fields.join(' and ')}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await postTestNotification(app, await getToken(app), payload);
    assert.equal(response.statusCode, 409, response.body);
    const body = response.json();
    assert.equal(body.code, 409);
    assert.equal(body.error, 'wrong_inputs');
    for (const field of fields) assert.match(body.error_description, new RegExp(`(^|[ ;:])${field}: `), body.error_description);
    for (const other of ['event', 'notification_type'].filter((f) => !fields.includes(f))) {
      assert.doesNotMatch(body.error_description, new RegExp(`(^|[ ;:])${other}: `));
    }
    assert.deepEqual(await adminCallbacks(app), [], 'nothing was enqueued');
  });
}

test('notifications/test needs the merchant\'s own token', async (t) => {
  const { app } = await buildTestApp(t);
  const missing = await app.inject({ method: 'POST', url: `${API}/online/client-id/${DEMO.clientId}/notifications/test`, payload: { event: 'Apply', notification_type: 'Success' } });
  assert.deepEqual(missing.json(), { code: 401, error: 'invalid_token', error_description: ERR.missingToken });
  const other = await postTestNotification(app, await getToken(app, MAPLE), { event: 'Apply', notification_type: 'Success' }, DEMO.clientId);
  assert.deepEqual(other.json(), { code: 403, error: 'insufficient_scope', error_description: ERR.otherClient });
});
