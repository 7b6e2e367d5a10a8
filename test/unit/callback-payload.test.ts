import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCallbackPayload } from '../../src/services/callback-payload.js';

const person = { first_name: 'Tommy', last_name: 'Samson', dob: '1981-06-01', postal_code: 'M2A 2A2', customer_id: '1293835', vcc: '2374980012897093' };

test('a purchase callback has the draft notification shape with its types, plus transaction_id and merchant_orderid', () => {
  const body = buildCallbackPayload({
    event: 'Purchase',
    notificationType: 'Success',
    callbackUrl: 'https://shop.example/cb',
    username: 'merchantonline',
    clientId: 'flexitidemo',
    transactionId: 131005,
    merchantOrderId: 'cart-1',
    purchase: { person, status: 'SUCCESS', amountCents: 150000, administrativeFeeCents: 4999, totalCents: 154999, planId: '12', term: 12, promoId: '382712', comparison: null },
  });
  assert.deepEqual(body, {
    event: 'Purchase',
    notificationType: 'Success',
    callback_url: 'https://shop.example/cb',
    username: 'merchantonline',
    client_id: 'flexitidemo',
    purchase: {
      customer_fname: 'Tommy', customer_lname: 'Samson', customer_dob: '1981-06-01', customer_postal_code: 'M2A 2A2', customer_id: 1293835,
      purchase_status: 'SUCCESS', purchase_amount: '1500.00', administrative_fee: '49.99', transaction_total_amount: 1549.99, vcc: 2374980012897093,
      plan_id: 12, term: 12, promo_id: 382712, customer_comparison_result: null,
    },
    transaction_id: 131005,
    merchant_orderid: 'cart-1',
  });
});

test('an apply callback, and a synthetic one with unknown people, never throws', () => {
  const apply = buildCallbackPayload({ event: 'Apply', notificationType: 'Cancelled', callbackUrl: '', username: 'u', clientId: 'c', transactionId: null, merchantOrderId: null, apply: { person: null, status: 'CANCELLED' } });
  assert.deepEqual(apply.apply, { customer_fname: '', customer_lname: '', customer_dob: '', customer_postal_code: '', apply_status: 'CANCELLED', customer_id: null, vcc: null });
  assert.equal(apply.purchase, undefined);
  assert.equal(apply.transaction_id, null);
});
