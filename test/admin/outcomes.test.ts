import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { DECISIONS, TIMEOUT_ACCOUNT_NUMBER } from '../../src/services/decisions.js';
import { APPLY_PIN, NOT_FOUND_CARD } from '../../src/services/outcomes.js';
import { buildTestApp } from '../helpers/app.js';

const README = readFileSync(resolve(import.meta.dirname, '..', '..', 'fixtures', 'README.md'), 'utf8');
const backticked = new Set([...README.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string));

test('GET /__admin/outcomes lists every response key, the PIN, the test cards and account 0001', async (t) => {
  const { app, fixtures } = await buildTestApp(t);
  const response = await app.inject({ url: '/__admin/outcomes' });
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.deepEqual(body.response_keys.keys.map((k: { key: string }) => k.key), DECISIONS.map((rule) => rule.key));
  for (const key of ['A-RR_L', 'A-RR_XX', 'P-REVIEW_MISC', 'P-MISSING_INFO', 'D-NO_HIT', 'D-EMAIL_DBL_TIMEOUT']) {
    assert.ok(body.response_keys.keys.some((k: { key: string }) => k.key === key), key);
  }
  assert.deepEqual(body.response_keys.keys.find((k: { key: string }) => k.key === 'A-RR_XXX'), {
    key: 'A-RR_XXX', outcome: 'approved', description: DECISIONS.find((r) => r.key === 'A-RR_XXX')?.description, risk_rating: 'XXX', credit_limit: 1000, needs_standard_accounts: true,
  });
  assert.equal(body.response_keys.keys.find((k: { key: string }) => k.key === 'P-CREDIT').resolution, 'declined');
  assert.equal(body.pin.value, '2222');
  assert.deepEqual(body.cards.map((c: { vcc: string }) => c.vcc), fixtures.customers.map((c) => c.vcc));
  assert.match(body.cards.find((c: { account_number: string }) => c.account_number === '0001').effect, /^504/);
  assert.match(body.cards.find((c: { status: string }) => c.status === 'blocked').effect, /DECLINED/);
  assert.deepEqual(body.unknown_cards.examples, ['2374980012873425']);
  assert.deepEqual(body.accounts.map((a: { account_number: string }) => a.account_number), ['0001']);
});

test('fixtures/README.md lists the same magic values as the catalogue, and no others', async (t) => {
  const { app } = await buildTestApp(t);
  const body = (await app.inject({ url: '/__admin/outcomes' })).json();
  const values: string[] = [
    ...body.response_keys.keys.map((k: { key: string }) => k.key),
    body.pin.value,
    ...body.cards.map((c: { vcc: string }) => c.vcc),
    ...body.unknown_cards.examples,
    ...body.accounts.map((a: { account_number: string }) => a.account_number),
  ];
  for (const value of values) assert.ok(backticked.has(value), `fixtures/README.md does not list \`${value}\``);
  const readmeKeys = [...backticked].filter((v) => /^[ADP]-[A-Z_]+$/.test(v));
  assert.deepEqual(readmeKeys.sort(), DECISIONS.map((rule) => rule.key).sort(), 'a response key in the README the mock does not know');
  assert.equal(APPLY_PIN, body.pin.value);
  assert.equal(NOT_FOUND_CARD, body.unknown_cards.examples[0]);
  assert.equal(TIMEOUT_ACCOUNT_NUMBER, '0001');
});
