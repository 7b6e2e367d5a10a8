import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendQuery, destinationOf, langOf, stepOf } from '../../src/hosted/flow.js';
import { typedCard } from '../../src/hosted/forms.js';
import { contentSecurityPolicy, frameAncestors, originOf } from '../../src/hosted/render.js';
import type { Order } from '../../src/services/orders/index.js';

test('appendQuery keeps the URL\'s own query and fragment', () => {
  const params = { orderId: '131000', auth_token: 'abc' };
  const table = [
    ['http://shop/ok', 'http://shop/ok?orderId=131000&auth_token=abc'],
    ['http://shop/ok?', 'http://shop/ok?orderId=131000&auth_token=abc'],
    ['http://shop/ok?a=1', 'http://shop/ok?a=1&orderId=131000&auth_token=abc'],
    ['http://shop/ok?a=1&', 'http://shop/ok?a=1&orderId=131000&auth_token=abc'],
    ['http://shop/ok?a=x%20y+z#frag', 'http://shop/ok?a=x%20y+z&orderId=131000&auth_token=abc#frag'],
    ['http://shop/ok#/spa?route', 'http://shop/ok?orderId=131000&auth_token=abc#/spa?route'],
  ];
  for (const [url, expected] of table) assert.equal(appendQuery(url!, params), expected, url);
});

test('destinationOf: success_url for SUCCESS and PENDING, failure_url for the rest; the event matches', () => {
  assert.deepEqual(destinationOf('SUCCESS'), { target: 'success', event: 'flx-success' });
  assert.deepEqual(destinationOf('PENDING'), { target: 'success', event: 'flx-success' });
  assert.deepEqual(destinationOf('CANCELLED'), { target: 'failure', event: 'flx-cancel' });
  for (const status of ['DECLINED', 'ERROR', 'RETRY']) assert.deepEqual(destinationOf(status), { target: 'failure', event: 'flx-failure' }, status);
});

test('stepOf follows the flow and the order state', () => {
  const order = (o: Partial<Order>) => ({ kind: 'checkout', status: 'IN_PROGRESS', apply_status: null, purchase_status: null, ...o }) as Order;
  const table: [Partial<Order>, string][] = [
    [{ flow: 'apply' }, 'apply'],
    [{ flow: 'apply/buy' }, 'apply'],
    [{ flow: 'buy' }, 'buy'],
    [{ flow: 'apply/buy', apply_status: 'SUCCESS' }, 'buy'],
    [{ flow: 'apply', status: 'PENDING', apply_status: 'PENDING' }, 'finished'],
    [{ flow: 'buy', status: 'CANCELLED', purchase_status: 'CANCELLED' }, 'finished'],
    [{ flow: 'apply', kind: 'learn_more' }, 'learn_more'],
  ];
  for (const [o, step] of table) assert.equal(stepOf(order(o)), step, JSON.stringify(o));
});

test('langOf: en or fr from the query, else the init language', () => {
  assert.equal(langOf('fr'), 'fr');
  assert.equal(langOf('en', { lang: 'fr-CA' }), 'en');
  assert.equal(langOf('de', { lang: 'fr-CA' }), 'fr');
  assert.equal(langOf(['fr'], { lang: 'en-CA' }), 'en');
  assert.equal(langOf(undefined), 'en');
});

test('a typed card: 16 digits is a FlexitiCard number, anything else a customer id', () => {
  assert.deepEqual(typedCard('2374 9800 1289 7093'), { vcc: '2374980012897093' });
  assert.deepEqual(typedCard('2374-9800-1289-7093'), { vcc: '2374980012897093' });
  assert.deepEqual(typedCard('1293835'), { customer_id: '1293835' });
  assert.deepEqual(typedCard('1234567-12345'), { customer_id: '1234567-12345' });
});

test('frame-ancestors: the trust_url origin plus loopback, or anyone without a trust_url', () => {
  assert.equal(frameAncestors('https://shop.example/path'), "'self' https://shop.example http://localhost:* http://127.0.0.1:*");
  assert.equal(frameAncestors(''), '*');
  assert.equal(frameAncestors(undefined), '*');
  assert.equal(frameAncestors('not a url'), '*');
  assert.equal(originOf('http://localhost:3000'), 'http://localhost:3000');
  const csp = contentSecurityPolicy('n0nce', '*');
  assert.match(csp, /script-src 'nonce-n0nce'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(csp, /form-action/, 'form-action would block the redirect to the merchant after a POST');
});
