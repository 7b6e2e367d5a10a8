import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallbackBodySchema } from '../../../src/schemas/notifications.js';
import { DEMO, buildTestApp, getToken } from '../../helpers/app.js';
import { adminCallbacks, fixturesWithCallbacks } from '../../helpers/callbacks.js';
import { SEED, completeOrder, createOrder, lookup } from '../../helpers/orders.js';
import { startReceiver } from '../../helpers/receiver.js';

test('a completed order\'s callback arrives once, with the documented body filled from the order and the id headers', async (t) => {
  const receiver = await startReceiver(t);
  const { app, clock } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  const token = await getToken(app);
  const orderId = await createOrder(app, token, { ...SEED.buy, merchant_orderid: 'cart-42' });
  assert.equal((await completeOrder(app, orderId, { outcome: 'approved' })).statusCode, 200);

  const order = (await lookup(app, token, `order-id/${orderId}`)).json();
  await receiver.waitFor(1);
  clock.advance(86_400);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 1, 'exactly once');

  const [request] = receiver.received;
  const body = CallbackBodySchema.parse(JSON.parse(request?.body ?? ''));
  assert.equal(body.event, 'Purchase');
  assert.equal(body.notificationType, 'Success');
  assert.equal(body.transaction_id, orderId);
  assert.equal(body.merchant_orderid, 'cart-42');
  assert.equal(body.client_id, DEMO.clientId);
  assert.equal(body.username, DEMO.username);
  assert.equal(body.callback_url, receiver.url);
  assert.equal(body.purchase?.purchase_status, order.purchase.purchase_status);
  assert.equal(body.purchase?.purchase_amount, '1.00');
  assert.equal(body.purchase?.transaction_total_amount, order.purchase.transaction_total_amount);
  assert.equal(String(body.purchase?.plan_id), order.purchase.plan_id);
  assert.equal(body.purchase?.term, order.purchase.term);
  assert.equal(String(body.purchase?.promo_id), order.purchase.promo_id);
  assert.equal(String(body.purchase?.customer_id), order.purchase.customer_id);
  assert.equal(String(body.purchase?.vcc), SEED.buy.vcc);
  assert.equal(body.apply, undefined);

  const [delivery] = await adminCallbacks(app, `?order_id=${orderId}`);
  assert.equal(delivery?.state, 'delivered');
  assert.equal(request?.headers['x-flexiti-delivery-id'], delivery?.id);
  assert.equal(request?.headers['x-reference-id'], delivery?.reference_id);
  assert.equal(request?.headers['content-type'], 'application/json');
  assert.deepEqual(delivery?.body, JSON.parse(request?.body ?? ''));
});

test('an order\'s timeline shows its deliveries and every attempt', async (t) => {
  const receiver = await startReceiver(t, [{ status: 502 }]);
  const { app, clock } = await buildTestApp(t, { fixtures: fixturesWithCallbacks({ [DEMO.clientId]: receiver.url }) });
  const token = await getToken(app);
  const orderId = await createOrder(app, token, SEED.apply);
  await completeOrder(app, orderId, { outcome: 'declined' });
  await app.callbackWorker.settled();
  clock.advance(1);
  await app.callbackWorker.settled();
  assert.equal(receiver.received.length, 2);
  assert.equal(JSON.parse(receiver.received[0]?.body ?? '').apply.apply_status, 'DECLINED');

  const [delivery] = await adminCallbacks(app, `?order_id=${orderId}`);
  const redeliver = await app.inject({ method: 'POST', url: `/__admin/callbacks/${delivery?.id}/redeliver` });
  assert.equal(redeliver.statusCode, 200);
  await app.callbackWorker.settled();

  const order = (await app.inject({ method: 'GET', url: `/__admin/orders/${orderId}` })).json();
  const events = order.timeline.events.filter((e: { type: string }) => e.type.startsWith('callback.'));
  assert.deepEqual(
    events.map((e: { type: string; data: Record<string, unknown> }) => [e.type, e.data.status ?? null, e.data.state]),
    [
      ['callback.enqueued', null, 'pending'],
      ['callback.attempt', 502, 'pending'],
      ['callback.attempt', 200, 'delivered'],
      ['callback.redelivered', null, 'pending'],
      ['callback.attempt', 200, 'delivered'],
    ],
  );
  assert.ok(events.every((e: { data: Record<string, unknown> }) => e.data.delivery_id === delivery?.id));
  assert.equal(order.timeline.deliveries.length, 1);
});
