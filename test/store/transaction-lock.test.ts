import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { openStore } from '../../src/store/index.js';

/** Another connection (its own thread) that takes the write lock, says so, and keeps it for `holdMs`. */
const HOLDER = `
const { workerData, parentPort } = require('node:worker_threads');
const db = new (require(workerData.driver))(workerData.file);
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec('COMMIT');
db.close();
`;

test('a transaction that reads, then writes, waits for another connection\'s write lock instead of failing with SQLITE_BUSY', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-lock-'));
  const file = join(dir, 'mock.sqlite');
  const store = openStore(file);
  t.after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const holder = new Worker(HOLDER, { eval: true, workerData: { file, driver, holdMs: 150 } });
  await new Promise((resolve) => holder.once('message', resolve));

  const token = { access_token: 'a', refresh_token: 'r', client_id: 'flexitidemo', scope: 'merchant' as const, grant_type: 'client_credentials', issued_at: 0, expires_at: 1, refresh_used_at: null };
  store.transaction(() => {
    assert.equal(store.tokens.byAccess('a'), undefined); // the read comes first, as in the order service
    store.tokens.insert(token);
  });
  assert.equal(store.tokens.byAccess('a')?.refresh_token, 'r');
  await new Promise((resolve) => holder.once('exit', resolve));
});
