import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FixtureError, loadFixtures } from '../../src/fixtures.js';

function tempDir(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-mock-fixtures-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the bundled fixtures hold the documented merchant and test cards', () => {
  const { merchants, customers } = loadFixtures();
  const demo = merchants.find((m) => m.client_id === 'flexitidemo');
  assert.equal(demo?.client_secret, '77fde15a-9d33-4e15-930a-76e4b3ae33e9');
  assert.equal(demo?.username, 'merchantonline');
  assert.ok(merchants.length >= 2);
  for (const vcc of ['2374980012897093', '2374980012865116']) {
    const customer = customers.find((c) => c.vcc === vcc);
    assert.equal(customer?.status, 'active');
    assert.ok((customer?.available_credit ?? 0) >= 5000);
  }
  assert.equal(customers.find((c) => c.vcc === '2374980012873425'), undefined, 'the documented not-found card must not exist');
});

test('a malformed merchants.json names the file and the field', (t) => {
  const dir = tempDir(t);
  const merchants = JSON.parse(JSON.stringify(loadFixtures().merchants));
  merchants[1].plans[0].min_amount = 'lots';
  delete merchants[0].success_url;
  writeFileSync(join(dir, 'merchants.json'), JSON.stringify(merchants));
  assert.throws(() => loadFixtures(dir), (error: Error) => {
    assert.ok(error instanceof FixtureError);
    assert.match(error.message, /merchants\.json/);
    assert.match(error.message, /\[1\]\.plans\[0\]\.min_amount/);
    assert.match(error.message, /\[0\]\.success_url/);
    return true;
  });
});

test('invalid JSON, a missing folder and duplicate plan ids are reported by file', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'merchants.json'), '[{');
  assert.throws(() => loadFixtures(dir), /merchants\.json: is not valid JSON/);
  assert.throws(() => loadFixtures(join(dir, 'nope')), /no such fixtures file or directory/);
  const merchants = JSON.parse(JSON.stringify(loadFixtures().merchants));
  merchants[0].plans[1].plan_id = merchants[0].plans[0].plan_id;
  writeFileSync(join(dir, 'merchants.json'), JSON.stringify(merchants));
  assert.throws(() => loadFixtures(dir), /\[0\]\.plans\[1\]\.plan_id: duplicate plan_id/);
});

test('a bad customers.json names the file and the field', (t) => {
  const dir = tempDir(t);
  const { merchants, customers } = loadFixtures();
  writeFileSync(join(dir, 'merchants.json'), JSON.stringify(merchants));
  writeFileSync(join(dir, 'customers.json'), JSON.stringify([{ ...customers[0], vcc: '123' }]));
  assert.throws(() => loadFixtures(dir), /customers\.json: invalid fixture\n {2}\[0\]\.vcc: must be 16 digits/);
});

test('one JSON bundle file works as FLEXITI_MOCK_FIXTURES', (t) => {
  const dir = tempDir(t);
  const { merchants } = loadFixtures();
  const file = join(dir, 'bundle.json');
  writeFileSync(file, JSON.stringify({ merchants: [merchants[0]] }));
  const loaded = loadFixtures(file);
  assert.equal(loaded.merchants.length, 1);
  assert.deepEqual(loaded.customers, []);
});
