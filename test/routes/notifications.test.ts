import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { NotificationResponseSchema, PromoResponseSchema } from '../../src/schemas/notifications.js';
import { DEMO, MAPLE, buildTestApp, getToken } from '../helpers/app.js';
import { NOTIFICATIONS, SEED, completeOrder, createOrder, lookup } from '../helpers/orders.js';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const base = await buildTestApp(t);
  return { ...base, token: await getToken(base.app) };
}

/** Every look-up body must match the documented response contract. */
function documented(body: unknown, schema: typeof NotificationResponseSchema | typeof PromoResponseSchema = NotificationResponseSchema) {
  const result = schema.safeParse(body);
  assert.ok(result.success, `${JSON.stringify(body)} does not match the documented schema: ${result.error?.message}`);
  return body as Record<string, any>;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SIDE_KEYS = ['province', 'postal_code', 'city', 'address_2', 'address_1', 'dob', 'last_name', 'first_name'];

/** Every look-up path of an order (the promo path has its own shape, tested below). */
function paths(orderId: number, merchantOrderId: string) {
  return [`order-id/${orderId}`, `merchant-order-id/${encodeURIComponent(merchantOrderId)}`, `${orderId}`];
}

/** The seed's buy example's types (api-notes §3.3): strings where it has strings, numbers where numbers. */
function assertBuyShape(purchase: Record<string, unknown>) {
  assert.deepEqual(Object.keys(purchase).sort(), ['administrative_fee', 'customer_comparison_result', 'customer_id', 'plan_id', 'promo_id', 'purchase_amount', 'purchase_status', 'status', 'term', 'transaction_total_amount'].sort());
  for (const key of ['administrative_fee', 'promo_id', 'plan_id', 'customer_id', 'purchase_status', 'status']) assert.equal(typeof purchase[key], 'string', key);
  for (const key of ['term', 'purchase_amount', 'transaction_total_amount']) assert.equal(typeof purchase[key], 'number', key);
  const comparison = purchase.customer_comparison_result as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(comparison), ['shipping_information', 'billing_information']);
  for (const side of Object.values(comparison)) {
    assert.deepEqual(Object.keys(side), SIDE_KEYS);
    for (const value of Object.values(side)) assert.ok(value === null || (typeof value === 'number' && value >= 0 && value <= 1));
    assert.equal(side.dob, null);
    assert.equal(side.address_2, null);
  }
}

test('after complete(approved) on a buy order every look-up path returns the documented buy shape and types', async (t) => {
  const { app, token } = await setup(t);
  const id = await createOrder(app, token, { ...SEED.buy, merchant_order_id: 'cart 42/ü' });
  await completeOrder(app, id, { outcome: 'approved' });
  for (const path of paths(id, 'cart 42/ü')) {
    const response = await lookup(app, token, path);
    assert.equal(response.statusCode, 200, path);
    const body = documented(response.json());
    assert.deepEqual(Object.keys(body), ['transaction_id', 'flow', 'callback_url', 'purchase', 'date'], path);
    assert.equal(body.transaction_id, id);
    assert.equal(body.flow, 'buy');
    assert.equal(body.callback_url, '');
    assert.match(body.date, ISO_MS);
    assertBuyShape(body.purchase);
    assert.equal(body.purchase.purchase_status, 'SUCCESS');
    assert.equal(body.purchase.status, 'SUCCESS');
    assert.deepEqual(
      [body.purchase.administrative_fee, body.purchase.plan_id, body.purchase.term, body.purchase.purchase_amount, body.purchase.transaction_total_amount, body.purchase.customer_id],
      ['0.00', '4', 3, 1, 1, '1293835'],
    );
    // The seed cardholder matches the merchant's address exactly; "Tom" vs "Tommy" is partial.
    const billing = body.purchase.customer_comparison_result.billing_information;
    assert.deepEqual([billing.province, billing.postal_code, billing.city, billing.address_1, billing.last_name], [1, 1, 1, 1, 1]);
    assert.ok(billing.first_name > 0 && billing.first_name < 1);
  }
});

test('an apply order returns apply.customer_id (number) and apply_status in both places', async (t) => {
  const { app, token } = await setup(t);
  const id = await createOrder(app, token, { ...SEED.apply, merchant_order_id: 'A-1' });
  await completeOrder(app, id, { outcome: 'approved' });
  for (const path of paths(id, 'A-1')) {
    const body = documented((await lookup(app, token, path)).json());
    assert.deepEqual(Object.keys(body), ['transaction_id', 'flow', 'callback_url', 'apply', 'apply_status', 'date'], path);
    assert.equal(typeof body.apply.customer_id, 'number');
    assert.ok(body.apply.customer_id >= 1_000_000);
    assert.equal(body.apply.apply_status, 'SUCCESS');
    assert.equal(body.apply_status, 'SUCCESS');
    assert.equal(body.purchase, undefined);
  }
});

test('apply/buy returns both objects, with the new customer on both', async (t) => {
  const { app, token } = await setup(t);
  const id = await createOrder(app, token, { ...SEED['apply/buy'], merchant_order_id: '77' });
  await completeOrder(app, id, { outcome: 'approved' });
  for (const path of paths(id, '77')) {
    const body = documented((await lookup(app, token, path)).json());
    assert.equal(body.flow, 'apply/buy');
    assertBuyShape(body.purchase);
    assert.equal(body.apply.apply_status, 'SUCCESS');
    assert.equal(body.apply_status, 'SUCCESS');
    assert.equal(body.purchase.customer_id, String(body.apply.customer_id));
  }
});

test('an unfinished order reports IN_PROGRESS on every path and flow', async (t) => {
  const { app, token } = await setup(t);
  for (const flow of ['apply', 'buy', 'apply/buy'] as const) {
    const id = await createOrder(app, token, { ...SEED[flow], merchant_order_id: `open-${flow}` });
    for (const path of paths(id, `open-${flow}`)) {
      const body = documented((await lookup(app, token, path)).json());
      if (flow !== 'buy') assert.deepEqual([body.apply.apply_status, body.apply_status, body.apply.customer_id], ['IN_PROGRESS', 'IN_PROGRESS', null], `${flow} ${path}`);
      if (flow !== 'apply') assert.deepEqual([body.purchase.purchase_status, body.purchase.status, body.purchase.plan_id], ['IN_PROGRESS', 'IN_PROGRESS', null], `${flow} ${path}`);
      assert.match(body.date, ISO_MS);
    }
  }
});

test('declined, pending and cancelled orders report their status', async (t) => {
  const { app, token } = await setup(t);
  const table = [
    { body: { ...SEED.apply, mname: 'D-FRAUD' }, outcome: 'declined', apply: 'DECLINED' },
    { body: SEED.apply, outcome: 'pending', apply: 'PENDING' },
    { body: SEED.apply, outcome: 'cancelled', apply: 'CANCELLED' },
    { body: SEED.buy, outcome: 'declined', purchase: 'DECLINED' },
    { body: SEED.buy, outcome: 'cancelled', purchase: 'CANCELLED' },
    { body: SEED['apply/buy'], outcome: 'declined', apply: 'DECLINED', purchase: 'DECLINED' },
  ];
  for (const row of table) {
    const id = await createOrder(app, token, row.body);
    await completeOrder(app, id, { outcome: row.outcome });
    const body = documented((await lookup(app, token, `order-id/${id}`)).json());
    if (row.apply) assert.equal(body.apply_status, row.apply, `${row.body.flow} ${row.outcome}`);
    if (row.purchase) assert.equal(body.purchase.purchase_status, row.purchase, `${row.body.flow} ${row.outcome}`);
  }
});

test('merchant-order-id: the newest order wins when a merchant reuses an id; non-numeric ids work', async (t) => {
  const { app, token } = await setup(t);
  const first = await createOrder(app, token, { ...SEED.apply, merchant_order_id: 'ORD-abc_1' });
  const second = await createOrder(app, token, { ...SEED.apply, merchant_orderid: 'ORD-abc_1' });
  assert.ok(second > first);
  assert.equal((await lookup(app, token, 'merchant-order-id/ORD-abc_1')).json().transaction_id, second);
});

test('promo-id look-up: the draft shape with its types', async (t) => {
  const { app, token } = await setup(t);
  const id = await createOrder(app, token, { ...SEED.buy, amount_requested: 1500 });
  const order = (await completeOrder(app, id, { outcome: 'approved', plan_id: '12' })).json();
  const response = await lookup(app, token, `promo-id/${order.promo_id}`);
  assert.equal(response.statusCode, 200);
  const body = documented(response.json(), PromoResponseSchema);
  assert.deepEqual(Object.keys(body), ['fname', 'lname', 'transaction_total_amount', 'purchase_amount', 'plan_id', 'term', 'promo_id', 'administrative_fee', 'customer_comparison_result']);
  assert.deepEqual(
    [body.fname, body.lname, body.transaction_total_amount, body.purchase_amount, body.plan_id, body.term, body.promo_id, body.administrative_fee],
    ['Tommy', 'Samson', 1549.99, '1500.00', '12', 12, order.promo_id, 49.99],
  );
  assert.deepEqual(Object.keys(body.customer_comparison_result.billing_information), ['first_name', 'last_name', 'address_1', 'address_2', 'city', 'postal_code', 'province']);
  assert.deepEqual(Object.keys(body.customer_comparison_result.shipping_information), ['address_1', 'address_2', 'city', 'postal_code', 'province']);
});

test('unknown ids → 404 not_found on every path', async (t) => {
  const { app, token } = await setup(t);
  const table: [string, string][] = [
    ['order-id/999999', ERR.orderNotFound],
    ['order-id/abc', ERR.orderNotFound],
    ['order-id/1e5', ERR.orderNotFound],
    ['order-id/99999999999999999999', ERR.orderNotFound],
    ['999999', ERR.orderNotFound],
    ['merchant-order-id/nope', ERR.merchantOrderNotFound],
    ['promo-id/123456', ERR.promoNotFound],
  ];
  for (const [path, description] of table) {
    const response = await lookup(app, token, path);
    assert.equal(response.statusCode, 404, path);
    assert.deepEqual(response.json(), { code: 404, error: 'not_found', error_description: description }, path);
  }
});

test('tenant isolation: merchant B\'s token never sees merchant A\'s order on any look-up path', async (t) => {
  const { app, token } = await setup(t);
  const maple = await getToken(app, MAPLE);
  const id = await createOrder(app, token, { ...SEED.buy, merchant_order_id: 'shared-1' });
  const order = (await completeOrder(app, id, { outcome: 'approved' })).json();
  const all = [...paths(id, 'shared-1'), `promo-id/${order.promo_id}`];
  for (const path of all) {
    // Maple's token on Maple's own path: the order is simply not there.
    const own = await lookup(app, maple, path, MAPLE);
    assert.equal(own.statusCode, 404, `maple path ${path}`);
    assert.equal(own.json().error, 'not_found');
    // Maple's token on the demo merchant's path: refused by the auth hook.
    const other = await lookup(app, maple, path, DEMO);
    assert.equal(other.statusCode, 403, `demo path ${path}`);
    assert.equal(other.json().error_description, ERR.otherClient);
    assert.equal((await lookup(app, token, path)).statusCode, 200, `owner ${path}`);
  }
  // Maple reusing the same merchant order id sees only its own order.
  const mapleId = await createOrder(app, maple, { ...SEED.apply, amount_requested: 400, merchant_order_id: 'shared-1' }, { merchant: MAPLE });
  assert.equal((await lookup(app, maple, 'merchant-order-id/shared-1', MAPLE)).json().transaction_id, mapleId);
  assert.equal((await lookup(app, token, 'merchant-order-id/shared-1')).json().transaction_id, id);
});

test('auth on a real look-up route: no token 401, expired token 401 "expired", another merchant 403', async (t) => {
  const { app, token, clock } = await setup(t);
  const id = await createOrder(app, token, SEED.apply);
  const url = `${NOTIFICATIONS(DEMO.clientId)}/order-id/${id}`;
  const none = await app.inject({ url });
  assert.equal(none.statusCode, 401);
  assert.deepEqual(none.json(), { code: 401, error: 'invalid_token', error_description: ERR.missingToken });
  const maple = await getToken(app, MAPLE);
  const other = await lookup(app, maple, `order-id/${id}`);
  assert.deepEqual(other.json(), { code: 403, error: 'insufficient_scope', error_description: ERR.otherClient });
  clock.advance(1200);
  const expired = await lookup(app, token, `order-id/${id}`);
  assert.equal(expired.statusCode, 401);
  assert.match(expired.json().error_description, /expired/);
});

test('look-ups are on the order timeline; a due pending decision resolves on look-up', async (t) => {
  const { app, token, clock } = await setup(t);
  const id = await createOrder(app, token, { ...SEED.apply, mname: 'P-REVIEW_MISC' });
  await completeOrder(app, id, { outcome: 'pending', response_key: 'P-REVIEW_MISC' });
  assert.equal((await lookup(app, token, `order-id/${id}`)).json().apply_status, 'PENDING');
  clock.advance(3600);
  const fresh = await getToken(app);
  assert.equal((await lookup(app, fresh, `order-id/${id}`)).json().apply_status, 'SUCCESS');
  const events = (await app.inject({ url: `/__admin/orders/${id}` })).json().timeline.events.map((e: { type: string }) => e.type);
  assert.deepEqual(events, ['order.created', 'application.pending', 'callback.enqueued', 'lookup', 'application.approved', 'callback.enqueued', 'lookup']);
});
