import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadFixtures } from '../../src/fixtures.js';
import { DEMO } from '../helpers/app.js';
import { runCli, startChildServer } from '../helpers/child-server.js';

function tempDir(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-mock-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function clientCredentials(base: string) {
  const response = await fetch(`${base}/flexiti/online-api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.clientSecret }),
  });
  return { status: response.status, body: await response.json() };
}

test('prints the listen line with the real port, serves tokens, and exits 0 on SIGTERM', async (t) => {
  const server = await startChildServer(['--port', '0', '--db', ':memory:']);
  t.after(() => server.stop('SIGKILL'));
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(server.url, 'http://127.0.0.1:0');
  const token = await clientCredentials(server.url);
  assert.equal(token.status, 200);
  assert.equal(token.body.expires_in, 1200);
  const health = await fetch(`${server.url}/__admin/health`);
  assert.equal(health.status, 200);
  const ready = await fetch(`${server.url}/__admin/ready`);
  assert.equal((await ready.json()).status, 'ready');
  assert.equal(await server.stop('SIGTERM'), 0);
});

test('SIGINT also shuts down cleanly', async (t) => {
  const server = await startChildServer(['--port', '0', '--db', ':memory:']);
  t.after(() => server.stop('SIGKILL'));
  assert.equal(await server.stop('SIGINT'), 0);
});

test('restarting on the same database file keeps an issued token valid', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'mock.sqlite');
  const first = await startChildServer(['--port', '0'], { FLEXITI_MOCK_DB: db });
  const issued = (await clientCredentials(first.url)).body;
  const init = await fetch(`${first.url}/flexiti/online-api/online/v2/client-id/${DEMO.clientId}/systems/init`, {
    method: 'POST',
    headers: { authorization: `Bearer ${issued.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lang: 'en-CA', flow: 'apply', amount_requested: 100, fname: 'Tommy' }),
  });
  assert.equal(init.status, 200);
  const orderId = (await init.json()).online_order_id;
  assert.equal(await first.stop(), 0);

  const second = await startChildServer(['--port', '0'], { FLEXITI_MOCK_DB: db });
  t.after(() => second.stop('SIGKILL'));
  // The old access token still opens a protected route, and the order it created is still there.
  const lookup = await fetch(`${second.url}/flexiti/online-api/online/client-id/${DEMO.clientId}/notifications/order-id/${orderId}`, {
    headers: { authorization: `Bearer ${issued.access_token}` },
  });
  assert.equal(lookup.status, 200);
  const order = await lookup.json();
  assert.equal(order.transaction_id, orderId);
  assert.equal(order.apply_status, 'IN_PROGRESS');
  // A refresh only succeeds for a stored, unexpired token pair.
  const refreshed = await fetch(`${second.url}/flexiti/online-api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: issued.refresh_token }),
  });
  assert.equal(refreshed.status, 200);
});

test('a malformed fixture stops start-up naming the file and the field', async (t) => {
  const dir = tempDir(t);
  const merchants = JSON.parse(JSON.stringify(loadFixtures().merchants));
  merchants[0].plans[0].term_months = 'three';
  writeFileSync(join(dir, 'merchants.json'), JSON.stringify(merchants));
  const result = await runCli(['--port', '0', '--db', ':memory:', '--fixtures', dir]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /merchants\.json/);
  assert.match(result.stderr, /\[0\]\.plans\[0\]\.term_months/);
  assert.doesNotMatch(result.stdout, /listening/);
});

test('a bad configuration value stops start-up naming the variable', async () => {
  const result = await runCli(['--db', ':memory:'], { PORT: 'eighty' });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /PORT \(--port\)/);
});
