import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { outcomeOf, retryDelaySeconds } from '../../src/services/callbacks/policy.js';
import { callbackHeaders } from '../../src/services/callbacks/sender.js';
import { signatureHeader } from '../../src/services/callbacks/signature.js';

const DEFAULT = { callbackInitialDelay: 1, callbackMaxDelay: 3600, callbackMaxAttempts: 12 };

const delays: Array<[attempt: number, policy: typeof DEFAULT, seconds: number]> = [
  [1, DEFAULT, 1],
  [2, DEFAULT, 2],
  [3, DEFAULT, 4],
  [11, DEFAULT, 1024],
  [12, DEFAULT, 2048],
  [13, DEFAULT, 3600],
  [500, DEFAULT, 3600],
  [1, { ...DEFAULT, callbackInitialDelay: 30 }, 30],
  [3, { ...DEFAULT, callbackInitialDelay: 30, callbackMaxDelay: 100 }, 100],
];

for (const [attempt, policy, seconds] of delays) {
  test(`retry delay after attempt ${attempt} (initial ${policy.callbackInitialDelay} s, cap ${policy.callbackMaxDelay} s) is ${seconds} s`, () => {
    assert.equal(retryDelaySeconds(attempt, policy), seconds);
  });
}

test('outcome: 2xx delivers, a failure reschedules, the last allowed attempt fails for good', () => {
  const now = 1_000_000;
  assert.deepEqual(outcomeOf(204, 1, now, DEFAULT), { state: 'delivered', attempts: 1, next_attempt_at: null, updated_at: now });
  assert.deepEqual(outcomeOf(500, 1, now, DEFAULT), { state: 'pending', attempts: 1, next_attempt_at: now + 1000, updated_at: now });
  assert.deepEqual(outcomeOf(null, 3, now, DEFAULT), { state: 'pending', attempts: 3, next_attempt_at: now + 4000, updated_at: now });
  assert.deepEqual(outcomeOf(301, 2, now, DEFAULT), { state: 'pending', attempts: 2, next_attempt_at: now + 2000, updated_at: now });
  assert.deepEqual(outcomeOf(500, 12, now, DEFAULT), { state: 'failed', attempts: 12, next_attempt_at: null, updated_at: now });
  assert.deepEqual(outcomeOf(200, 12, now, DEFAULT).state, 'delivered');
  assert.equal(outcomeOf(199, 1, now, DEFAULT).state, 'pending');
  assert.equal(outcomeOf(300, 1, now, DEFAULT).state, 'pending');
});

test('the signature is t=<unix>,v1=<hex hmac-sha256(secret, t.body)>', () => {
  const body = '{"event":"Purchase"}';
  const expected = createHmac('sha256', 's3cret').update(`1768478400.${body}`).digest('hex');
  assert.equal(signatureHeader('s3cret', body, 1768478400), `t=1768478400,v1=${expected}`);
});

test('callback headers: JSON, the ids, a user agent, and a signature only with a secret', () => {
  const base = { body: '{}', deliveryId: 'dlv_1', referenceId: 'ref-1', now: 1768478400_999 };
  assert.deepEqual(callbackHeaders({ ...base, secret: undefined }), {
    'content-type': 'application/json',
    'user-agent': 'flexiti-mock',
    'x-reference-id': 'ref-1',
    'x-flexiti-delivery-id': 'dlv_1',
  });
  assert.equal(callbackHeaders({ ...base, secret: 'k' })['x-flexiti-signature'], signatureHeader('k', '{}', 1768478400));
});
