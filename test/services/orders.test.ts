import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { DECISIONS, CREDIT_LIMITS, DEFAULT_CREDIT_LIMIT } from '../../src/services/decisions.js';
import { createOrderService, FLOW_TOKEN_TTL_MS } from '../../src/services/orders/index.js';
import { initBodySchema } from '../../src/schemas/systems.js';
import { DEMO, MAPLE, PUBLIC_URL, buildTestApp } from '../helpers/app.js';
import { SEED } from '../helpers/orders.js';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const base = await buildTestApp(t);
  const orders = createOrderService({ ...base, publicUrl: () => PUBLIC_URL });
  const create = (body: Record<string, unknown>, clientId: string = DEMO.clientId) =>
    orders.create(clientId, initBodySchema('v2', false).parse(body), { apiVersion: 'v2', kind: 'checkout' }).online_order_id;
  const deliveries = (orderId: number) => base.store.deliveries.byOrder(orderId);
  return { ...base, orders, create, deliveries };
}

const ABOVE_CREDIT = '2374980012811114'; // 250.00 available
const BLOCKED = '2374980012800019';
const NOT_FOUND = '2374980012873425';

test('create: redirection_url under the public URL with lang, a token that lives 24 h of the merchant clock', async (t) => {
  const { orders, clock, store } = await setup(t);
  clock.advance(3600, DEMO.clientId);
  const created = orders.create(DEMO.clientId, initBodySchema('v2', false).parse({ ...SEED.apply, lang: 'fr-CA' }), { apiVersion: 'v2', kind: 'checkout' });
  assert.ok(created.online_order_id >= 131000);
  const order = store.orders.byId(created.online_order_id)!;
  assert.equal(created.redirection_url, `${PUBLIC_URL}/hosted/${order.flow_token}?lang=fr`);
  assert.equal(order.flow_expires_at, clock.now(DEMO.clientId) + FLOW_TOKEN_TTL_MS);
  assert.equal(orders.findByFlowToken(order.flow_token)?.id, order.id);
  assert.equal(orders.findByFlowToken('nope'), undefined);
  assert.deepEqual(store.orders.events(order.id).map((e) => e.type), ['order.created']);
});

const applyTable: { key: string; merchant?: string; status: string; apply: string; limit?: number }[] = [
  ...DECISIONS.map((rule) => ({
    key: rule.key,
    status: { approved: 'SUCCESS', pending: 'PENDING', declined: 'DECLINED', retry: 'RETRY' }[rule.outcome],
    apply: { approved: 'SUCCESS', pending: 'PENDING', declined: 'DECLINED', retry: 'RETRY' }[rule.outcome],
    ...(rule.risk_rating ? { limit: CREDIT_LIMITS[rule.risk_rating] } : {}),
  })),
  { key: '', status: 'SUCCESS', apply: 'SUCCESS', limit: DEFAULT_CREDIT_LIMIT },
  { key: 'test', status: 'SUCCESS', apply: 'SUCCESS', limit: DEFAULT_CREDIT_LIMIT },
  { key: 'a-rr_l', status: 'SUCCESS', apply: 'SUCCESS', limit: CREDIT_LIMITS.L },
  { key: 'A-RR_XX', merchant: MAPLE.clientId, status: 'DECLINED', apply: 'DECLINED' },
  { key: 'A-RR_XXX', merchant: MAPLE.clientId, status: 'DECLINED', apply: 'DECLINED' },
  { key: 'A-RR_X', merchant: MAPLE.clientId, status: 'SUCCESS', apply: 'SUCCESS', limit: CREDIT_LIMITS.X },
];

for (const row of applyTable) {
  test(`apply with middle name "${row.key}"${row.merchant ? ` at ${row.merchant}` : ''} → ${row.status}`, async (t) => {
    const { orders, create, store, deliveries } = await setup(t);
    const id = create({ ...SEED.apply, mname: row.key }, row.merchant);
    const order = orders.submitApplication(id);
    assert.equal(order.status, row.status);
    assert.equal(order.apply_status, row.apply);
    if (row.limit !== undefined) {
      const customer = store.customers.byId(order.customer_id!)!;
      assert.equal(customer.credit_limit_cents, row.limit * 100);
      assert.equal(customer.available_credit_cents, row.limit * 100);
      assert.equal(customer.first_name, 'Tommy');
      assert.equal(customer.dob, '1981-06-01');
      assert.match(customer.vcc, /^237498\d{10}$/);
    } else {
      assert.equal(order.customer_id, null);
    }
    assert.equal(deliveries(id).length, 1, 'one callback per state change');
  });
}

test('the page field overrides init pre-fill: the middle name submitted decides', async (t) => {
  const { orders, create } = await setup(t);
  const id = create({ ...SEED.apply, mname: 'D-NO_HIT' });
  assert.equal(orders.submitApplication(id, { mname: 'A-RR_M' }).status, 'SUCCESS');
});

test('apply/buy: approval keeps the order open for the buy step on the new customer, with no callback yet', async (t) => {
  const { orders, create, store, deliveries } = await setup(t);
  const id = create({ ...SEED['apply/buy'], mname: 'A-RR_H' });
  const applied = orders.submitApplication(id);
  assert.equal(applied.status, 'IN_PROGRESS');
  assert.equal(applied.apply_status, 'SUCCESS');
  assert.equal(deliveries(id).length, 0);
  const bought = orders.submitPurchase(id, { plan_id: '4' });
  assert.equal(bought.status, 'SUCCESS');
  assert.equal(bought.customer_id, applied.customer_id);
  assert.equal(store.customers.byId(applied.customer_id!)!.available_credit_cents, CREDIT_LIMITS.H * 100 - 200);
  assert.equal(deliveries(id).length, 1);
  assert.equal(deliveries(id)[0]!.event, 'Purchase');
});

test('buy: success draws down credit in the same transaction and stores plan, term, promo, fee, total', async (t) => {
  const { orders, create, store } = await setup(t);
  const id = create({ ...SEED.buy, amount_requested: 1200 });
  const before = store.customers.byVcc(SEED.buy.vcc)!.available_credit_cents;
  const order = orders.submitPurchase(id, { vcc: SEED.buy.vcc, plan_id: '12' });
  assert.equal(order.status, 'SUCCESS');
  assert.deepEqual(
    [order.plan_id, order.term, order.administrative_fee_cents, order.total_cents],
    ['12', 12, 4999, 124999],
  );
  assert.match(order.promo_id!, /^\d{6}$/);
  assert.equal(store.customers.byVcc(SEED.buy.vcc)!.available_credit_cents, before - 120000);
  assert.ok(order.outcome.comparison);
});

test('buy: blocked → DECLINED, above available credit → DECLINED with credit unchanged', async (t) => {
  const { orders, create, store, deliveries } = await setup(t);
  const blocked = create({ ...SEED.buy, vcc: BLOCKED });
  assert.equal(orders.submitPurchase(blocked, { vcc: BLOCKED, plan_id: '4' }).status, 'DECLINED');
  const big = create({ ...SEED.buy, vcc: ABOVE_CREDIT, amount_requested: 250.01 });
  const before = store.customers.byVcc(ABOVE_CREDIT)!.available_credit_cents;
  const declined = orders.submitPurchase(big, { vcc: ABOVE_CREDIT, plan_id: '4' });
  assert.equal(declined.status, 'DECLINED');
  assert.equal(declined.purchase_status, 'DECLINED');
  assert.equal(declined.outcome.reason, 'insufficient_credit');
  assert.equal(store.customers.byVcc(ABOVE_CREDIT)!.available_credit_cents, before);
  assert.equal(deliveries(big).length, 1);
  // Exactly the available credit is fine.
  const exact = create({ ...SEED.buy, vcc: ABOVE_CREDIT, amount_requested: 250 });
  assert.equal(orders.submitPurchase(exact, { vcc: ABOVE_CREDIT, plan_id: '4' }).status, 'SUCCESS');
  assert.equal(store.customers.byVcc(ABOVE_CREDIT)!.available_credit_cents, 0);
});

test('buy: an unknown card is not found and the order stays open; a plan outside the amount range is refused', async (t) => {
  const { orders, create } = await setup(t);
  const id = create({ ...SEED.buy, vcc: NOT_FOUND });
  assert.throws(() => orders.submitPurchase(id, { vcc: NOT_FOUND, plan_id: '4' }), { statusCode: 404, description: ERR.cardNotFound });
  assert.equal(orders.get(DEMO.clientId, id).status, 'IN_PROGRESS');
  assert.throws(() => orders.submitPurchase(id, { vcc: SEED.buy.vcc, plan_id: '36' }), { statusCode: 409, description: ERR.planNotEligible('36') });
  assert.throws(() => orders.submitPurchase(id, { vcc: SEED.buy.vcc, plan_id: '10' }), { statusCode: 409 });
  assert.equal(orders.submitPurchase(id, { vcc: SEED.buy.vcc, plan_id: '4' }).status, 'SUCCESS');
});

test('cancel and fail end an open order once; steps on a finished order are refused', async (t) => {
  const { orders, create, deliveries } = await setup(t);
  const a = create(SEED.apply);
  const cancelled = orders.cancel(a);
  assert.deepEqual([cancelled.status, cancelled.apply_status], ['CANCELLED', 'CANCELLED']);
  assert.equal(deliveries(a)[0]!.notification_type, 'Cancelled');
  assert.throws(() => orders.cancel(a), { statusCode: 409 });
  assert.throws(() => orders.submitApplication(a), { statusCode: 409 });
  const b = create(SEED.buy);
  const failed = orders.fail(b);
  assert.deepEqual([failed.status, failed.purchase_status], ['ERROR', 'ERROR']);
  assert.equal(deliveries(b)[0]!.event, 'Purchase');
  assert.throws(() => orders.submitPurchase(b, { vcc: SEED.buy.vcc, plan_id: '4' }), { statusCode: 409 });
  assert.throws(() => orders.submitApplication(create(SEED.buy)), { statusCode: 409 });
  assert.throws(() => orders.submitPurchase(create(SEED['apply/buy']), { plan_id: '4' }), { statusCode: 409 });
});

test('pending decisions follow the mock clock: resolved on the next read once the review is due', async (t) => {
  const { orders, create, clock, deliveries } = await setup(t);
  const approvedLater = create({ ...SEED.apply, mname: 'P-REVIEW_MISC' });
  const declinedLater = create({ ...SEED.apply, mname: 'P-CREDIT' });
  orders.submitApplication(approvedLater);
  orders.submitApplication(declinedLater);
  clock.advance(3599, DEMO.clientId);
  assert.equal(orders.get(DEMO.clientId, approvedLater).status, 'PENDING');
  clock.advance(1, DEMO.clientId);
  const approved = orders.get(DEMO.clientId, approvedLater);
  assert.deepEqual([approved.status, approved.apply_status], ['SUCCESS', 'SUCCESS']);
  assert.ok(approved.customer_id);
  assert.equal(orders.get(DEMO.clientId, declinedLater).status, 'PENDING');
  clock.advance(48 * 3600, DEMO.clientId);
  assert.equal(orders.get(DEMO.clientId, declinedLater).status, 'DECLINED');
  assert.deepEqual(deliveries(approvedLater).map((d) => d.notification_type), ['Pending', 'Success']);
  assert.deepEqual(deliveries(declinedLater).map((d) => d.notification_type), ['Pending', 'Error']);
});

test('a pending apply/buy approved by review carries on into the purchase', async (t) => {
  const { orders, create, clock, deliveries } = await setup(t);
  const id = create({ ...SEED['apply/buy'], mname: 'P-EXIST_CUST' });
  orders.submitApplication(id);
  clock.advance(24 * 3600, DEMO.clientId);
  const order = orders.get(DEMO.clientId, id);
  assert.deepEqual([order.status, order.apply_status, order.purchase_status, order.plan_id], ['SUCCESS', 'SUCCESS', 'SUCCESS', '4']);
  assert.deepEqual(deliveries(id).map((d) => d.notification_type), ['Pending', 'Success']);
});

test('get: another merchant\'s order or a learn-more order is not found', async (t) => {
  const { orders, create } = await setup(t);
  const id = create(SEED.apply);
  assert.throws(() => orders.get(MAPLE.clientId, id), { statusCode: 404, description: ERR.orderNotFound });
  assert.throws(() => orders.get(DEMO.clientId, 'abc'), { statusCode: 404 });
  const learn = orders.create(DEMO.clientId, initBodySchema('learn_more', false).parse({}), { apiVersion: 'v1', kind: 'learn_more' });
  assert.throws(() => orders.get(DEMO.clientId, learn.online_order_id), { statusCode: 404 });
  assert.throws(() => orders.submitApplication(learn.online_order_id), { statusCode: 409 });
});

test('callbacks: the merchant callback_url with {PUBLIC_URL} expanded, the C8 body of the order, in the outbox', async (t) => {
  const { orders, create, store, clock } = await setup(t);
  const merchant = store.merchants.get(DEMO.clientId)!;
  store.merchants.upsert({ ...merchant, callback_url: '{PUBLIC_URL}/merchant/cb' }, 'admin', clock.now());
  const id = create({ ...SEED.apply, merchant_order_id: 'cart-5', mname: 'A-RR_M' });
  const order = orders.submitApplication(id);
  const [delivery, ...rest] = store.deliveries.byOrder(id);
  assert.equal(rest.length, 0);
  assert.equal(delivery!.url, `${PUBLIC_URL}/merchant/cb`);
  assert.equal(delivery!.state, 'pending');
  assert.equal(delivery!.event, 'Apply');
  assert.equal(delivery!.notification_type, 'Success');
  const body = JSON.parse(delivery!.body);
  assert.deepEqual(Object.keys(body), ['event', 'notificationType', 'callback_url', 'username', 'client_id', 'apply', 'transaction_id', 'merchant_orderid']);
  assert.deepEqual(body.apply, {
    customer_fname: 'Tommy', customer_lname: 'Samson', customer_dob: '1981-06-01', customer_postal_code: 'M2A2A2',
    apply_status: 'SUCCESS', customer_id: Number(order.customer_id), vcc: Number(store.customers.byId(order.customer_id!)!.vcc),
  });
  assert.deepEqual([body.callback_url, body.username, body.client_id, body.transaction_id, body.merchant_orderid], [`${PUBLIC_URL}/merchant/cb`, 'merchantonline', DEMO.clientId, id, 'cart-5']);
  const events = store.orders.events(id).map((e) => e.type);
  assert.deepEqual(events, ['order.created', 'application.approved', 'callback.enqueued']);
});
