import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REDACTED, redact, redactText } from '../../src/http/redact.js';
import { mulberry32 } from '../../src/services/faults.js';

const cases: Array<[string, unknown, unknown]> = [
  ['secret keys at any depth', { a: { client_secret: 's', password: 'p', nested: [{ access_token: 't' }] } }, { a: { client_secret: REDACTED, password: REDACTED, nested: [{ access_token: REDACTED }] } }],
  ['header names in any case', { Authorization: 'Bearer abc', 'x-reference-id': 'r' }, { Authorization: REDACTED, 'x-reference-id': 'r' }],
  ['vcc keeps its last four', { vcc: '2374980012897093' }, { vcc: '************7093' }],
  ['a numeric vcc too', { vcc: 2374980012897093 }, { vcc: '************7093' }],
  ['card numbers inside text', { note: 'card 2374980012865116 used' }, { note: 'card ************5116 used' }],
  ['short numbers stay', { order: 131000, account: '116994755', phone: '6476161234' }, { order: 131000, account: '116994755', phone: '6476161234' }],
  ['empty secrets stay empty', { password: '' }, { password: '' }],
  ['non-objects pass through', 42, 42],
];
for (const [name, input, expected] of cases) test(`redact: ${name}`, () => assert.deepEqual(redact(input), expected));

test('redactText: forms, JSON text and auth headers', () => {
  assert.equal(redactText('client_id=a&client_secret=b&password=c'), `client_id=a&client_secret=${REDACTED}&password=${REDACTED}`);
  assert.equal(redactText('{"refresh_token":"abc\\"d","x":1}'), `{"refresh_token":"${REDACTED}","x":1}`);
  assert.equal(redactText('Authorization: Bearer 0123abcd'), `Authorization: Bearer ${REDACTED}`);
});

test('mulberry32 is deterministic per seed and spreads over [0, 1)', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const values = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(values, Array.from({ length: 1000 }, () => b()));
  assert.ok(values.every((v) => v >= 0 && v < 1));
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05);
  assert.notDeepEqual(Array.from({ length: 10 }, mulberry32(43)), values.slice(0, 10));
});
