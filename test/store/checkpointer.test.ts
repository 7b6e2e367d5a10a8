import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from '../../src/store/checkpointer.js';
import { openStore } from '../../src/store/index.js';

test('a file database checkpoints its WAL in a worker thread, not inside request-thread commits', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-checkpoint-'));
  const store = openStore(join(dir, 'mock.sqlite'));
  t.after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // The request thread's own automatic checkpoint only remains as a far-off fallback.
  assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), FALLBACK_AUTOCHECKPOINT_PAGES);
  assert.ok(store.checkpointer);
  for (let i = 0; i < 300; i++) {
    store.tokens.insert({ access_token: `a${i}`, refresh_token: `r${i}`, client_id: 'flexitidemo', scope: 'merchant', grant_type: 'client_credentials', issued_at: 0, expires_at: 1, refresh_used_at: null });
  }
  const result = await store.checkpointer.checkpointNow();
  assert.equal(result.busy, 0);
  assert.ok(result.log > 0, 'the WAL had frames');
  assert.equal(result.checkpointed, result.log, 'every frame copied into the database by the worker');
  assert.equal(store.tokens.byAccess('a299')?.refresh_token, 'r299');
});

test('an in-memory database has no WAL and no checkpoint worker', (t) => {
  const store = openStore(':memory:');
  t.after(() => store.close());
  assert.equal(store.checkpointer, undefined);
});
