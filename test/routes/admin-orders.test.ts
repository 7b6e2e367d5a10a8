import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { CallbackBodySchema } from '../../src/schemas/notifications.js';
import { DEMO, MAPLE, PUBLIC_URL, buildTestApp, getToken } from '../helpers/app.js';
import { SEED, completeOrder, createOrder } from '../helpers/orders.js';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const base = await buildTestApp(t);
  const token = await getToken(base.app);
  return { ...base, token };
}

test('complete approved on a buy order: a purchase with init\'s card and the first eligible plan', async (t) => {
  const { app, token, store } = await setup(t);
  const id = await createOrder(app, token, SEED.buy);
  const before = store.customers.byVcc(SEED.buy.vcc)!.available_credit_cents;
  const response = await completeOrder(app, id, { outcome: 'approved' });
  assert.equal(response.statusCode, 200);
  const order = response.json();
  assert.equal(order.status, 'SUCCESS');
  assert.equal(order.purchase_status, 'SUCCESS');
  assert.equal(order.plan_id, '4');
  assert.equal(store.customers.byVcc(SEED.buy.vcc)!.available_credit_cents, before - 100);
  assert.deepEqual(order.timeline.events.map((e: { type: string }) => e.type), ['order.created', 'purchase.success', 'callback.enqueued']);
  assert.equal(order.timeline.deliveries.length, 1);
  assert.equal(order.timeline.deliveries[0].body.transaction_id, id);
});

test('complete with each outcome on each flow', async (t) => {
  const { app, token } = await setup(t);
  const table = [
    { flow: 'apply', outcome: 'approved', status: 'SUCCESS', apply: 'SUCCESS', purchase: null },
    { flow: 'apply', outcome: 'pending', status: 'PENDING', apply: 'PENDING', purchase: null },
    { flow: 'apply', outcome: 'declined', status: 'DECLINED', apply: 'DECLINED', purchase: null },
    { flow: 'apply', outcome: 'cancelled', status: 'CANCELLED', apply: 'CANCELLED', purchase: null },
    { flow: 'apply', outcome: 'error', status: 'ERROR', apply: 'ERROR', purchase: null },
    { flow: 'buy', outcome: 'approved', status: 'SUCCESS', apply: null, purchase: 'SUCCESS' },
    { flow: 'buy', outcome: 'declined', status: 'DECLINED', apply: null, purchase: 'DECLINED' },
    { flow: 'buy', outcome: 'cancelled', status: 'CANCELLED', apply: null, purchase: 'CANCELLED' },
    { flow: 'buy', outcome: 'error', status: 'ERROR', apply: null, purchase: 'ERROR' },
    { flow: 'apply/buy', outcome: 'approved', status: 'SUCCESS', apply: 'SUCCESS', purchase: 'SUCCESS' },
    { flow: 'apply/buy', outcome: 'pending', status: 'PENDING', apply: 'PENDING', purchase: null },
    { flow: 'apply/buy', outcome: 'declined', status: 'DECLINED', apply: 'DECLINED', purchase: null },
    { flow: 'apply/buy', outcome: 'cancelled', status: 'CANCELLED', apply: 'CANCELLED', purchase: null },
  ] as const;
  for (const row of table) {
    const id = await createOrder(app, token, SEED[row.flow]);
    const response = await completeOrder(app, id, { outcome: row.outcome });
    assert.equal(response.statusCode, 200, `${row.flow} ${row.outcome}: ${response.body}`);
    const order = response.json();
    assert.deepEqual([order.status, order.apply_status, order.purchase_status], [row.status, row.apply, row.purchase], `${row.flow} ${row.outcome}`);
    assert.equal(order.timeline.deliveries.length, 1, `${row.flow} ${row.outcome}: one callback`);
    const callback = CallbackBodySchema.safeParse(order.timeline.deliveries[0].body);
    assert.ok(callback.success, `${row.flow} ${row.outcome}: callback body matches C8: ${callback.error?.message}`);
  }
});

test('complete with a response key and a plan; a PENDING order resolves with approved or declined only', async (t) => {
  const { app, token, store, clock } = await setup(t);
  const apply = await createOrder(app, token, SEED.apply);
  const approved = (await completeOrder(app, apply, { outcome: 'approved', response_key: 'A-RR_L' })).json();
  assert.equal(store.customers.byId(approved.customer_id)!.credit_limit_cents, 1_500_000);

  const applyBuy = await createOrder(app, token, { ...SEED['apply/buy'], amount_requested: 1500 });
  assert.equal((await completeOrder(app, applyBuy, { outcome: 'pending', response_key: 'P-FRAUD' })).json().status, 'PENDING');
  assert.equal((await completeOrder(app, applyBuy, { outcome: 'cancelled' })).statusCode, 409);
  clock.advance(1);
  const resolved = (await completeOrder(app, applyBuy, { outcome: 'approved', plan_id: '12' })).json();
  assert.deepEqual([resolved.status, resolved.plan_id, resolved.administrative_fee, resolved.transaction_total_amount], ['SUCCESS', '12', '49.99', '1549.99']);
  assert.deepEqual(resolved.timeline.deliveries.map((d: { notification_type: string }) => d.notification_type), ['Pending', 'Success']);

  const pending = await createOrder(app, token, SEED.apply);
  await completeOrder(app, pending, { outcome: 'pending' });
  assert.equal((await completeOrder(app, pending, { outcome: 'declined' })).json().status, 'DECLINED');
});

test('complete: a purchase above the available credit → DECLINED, credit unchanged', async (t) => {
  const { app, token, store } = await setup(t);
  const vcc = '2374980012811114';
  const id = await createOrder(app, token, { ...SEED.buy, vcc, amount_requested: 300 });
  const before = store.customers.byVcc(vcc)!.available_credit_cents;
  const order = (await completeOrder(app, id, { outcome: 'approved' })).json();
  assert.equal(order.status, 'DECLINED');
  assert.equal(store.customers.byVcc(vcc)!.available_credit_cents, before);
});

test('complete: 404 for an unknown order, 409 for an outcome the state does not allow, 409 for bad input', async (t) => {
  const { app, token } = await setup(t);
  const unknown = await completeOrder(app, 999999, { outcome: 'approved' });
  assert.equal(unknown.statusCode, 404);
  assert.deepEqual(unknown.json(), { code: 404, error: 'not_found', error_description: ERR.orderNotFound });
  const id = await createOrder(app, token, SEED.buy);
  assert.equal((await completeOrder(app, id, { outcome: 'pending' })).statusCode, 409);
  await completeOrder(app, id, { outcome: 'approved' });
  const again = await completeOrder(app, id, { outcome: 'cancelled' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error, 'invalid_state');

  const fresh = await createOrder(app, token, SEED.apply);
  const bad: [string, unknown, RegExp][] = [
    ['no outcome', {}, /outcome/],
    ['unknown outcome', { outcome: 'maybe' }, /outcome/],
    ['outcome not a string', { outcome: 1 }, /outcome/],
    ['plan_id an object', { outcome: 'approved', plan_id: {} }, /plan_id/],
    ['response key of another outcome', { outcome: 'approved', response_key: 'D-NO_HIT' }, /response_key/],
    ['array body', [], /body/],
  ];
  for (const [name, body, field] of bad) {
    const response = await completeOrder(app, fresh, body);
    assert.equal(response.statusCode, 409, name);
    assert.match(response.json().error_description, field, name);
  }
  const plan = await createOrder(app, token, SEED.buy);
  const wrongPlan = await completeOrder(app, plan, { outcome: 'approved', plan_id: '36' });
  assert.equal(wrongPlan.statusCode, 409);
  assert.equal(wrongPlan.json().error_description, ERR.planNotEligible('36'));
  const notNumeric = await app.inject({ method: 'POST', url: '/__admin/orders/abc/complete', payload: { outcome: 'approved' } });
  assert.equal(notNumeric.statusCode, 409);
});

test('GET /__admin/orders lists newest first, filtered by client_id; GET one shows the timeline', async (t) => {
  const { app, token } = await setup(t);
  const mapleToken = await getToken(app, MAPLE);
  const a = await createOrder(app, token, SEED.apply);
  const b = await createOrder(app, token, { ...SEED.apply, merchant_order_id: 'cart-9' });
  const m = await createOrder(app, mapleToken, { ...SEED.apply, amount_requested: 400 }, { merchant: MAPLE });
  const all = (await app.inject({ url: '/__admin/orders' })).json().orders.map((o: { online_order_id: number }) => o.online_order_id);
  assert.deepEqual(all, [m, b, a]);
  const demo = (await app.inject({ url: `/__admin/orders?client_id=${DEMO.clientId}` })).json().orders;
  assert.deepEqual(demo.map((o: { online_order_id: number }) => o.online_order_id), [b, a]);
  assert.equal(demo[0].merchant_order_id, 'cart-9');
  assert.equal(demo[0].timeline, undefined);
  const one = (await app.inject({ url: `/__admin/orders/${a}` })).json();
  assert.equal(one.request.fname, 'Tommy');
  assert.ok(one.redirection_url.startsWith(`${PUBLIC_URL}/hosted/`), one.redirection_url);
  assert.match(one.redirection_url, /\/hosted\/[\w-]+\?lang=en$/);
  assert.deepEqual(one.timeline.events.map((e: { type: string }) => e.type), ['order.created']);
  assert.equal((await app.inject({ url: '/__admin/orders/131999' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/__admin/orders?limit=0' })).statusCode, 409);
});
