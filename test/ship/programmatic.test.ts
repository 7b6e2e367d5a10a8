import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { test } from 'node:test';

const SUITE = resolve(import.meta.dirname, 'fixtures', 'merchant-suite.ts');
const EXIT_LIMIT_MS = 30_000;

test('startMockServer in a merchant suite: checkout, admin complete, notification, close; the process then exits by itself', { timeout: 60_000 }, async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', SUITE], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  t.after(() => child.exitCode === null && child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  // No process.exit in the suite: if close() left a handle open, the process would hang here.
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_LIMIT_MS);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(timer);
  assert.equal(signal, null, `the suite did not exit by itself within ${EXIT_LIMIT_MS} ms (an open handle after close())\n${stdout}\n${stderr}`);
  assert.equal(code, 0, stderr);

  const result = JSON.parse(stdout);
  assert.match(result.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(result.url, 'http://127.0.0.1:0', 'port 0 resolved to the real port');
  assert.equal(result.adminUrl, `${result.url}/__admin`);
  assert.equal(result.initStatus, 200);
  assert.ok(Number.isInteger(result.order.online_order_id) && result.order.online_order_id >= 131000);
  assert.equal(result.completeStatus, 200);
  assert.equal(result.notificationStatus, 200);
  assert.equal(result.notification.purchase.purchase_status, 'SUCCESS');
  assert.equal(result.notification.transaction_id, result.order.online_order_id);
  assert.equal(result.notification.flow, 'buy');
  assert.equal(result.notification.purchase.purchase_amount, 1);
});
