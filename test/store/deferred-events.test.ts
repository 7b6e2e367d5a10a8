import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { test } from 'node:test';
import { openStore, type Store } from '../../src/store/index.js';

function insertOrder(store: Store): number {
  return Number(
    store.db
      .prepare(`INSERT INTO orders (client_id, kind, api_version, flow, lang, amount_cents, request, status, flow_token, flow_expires_at, created_at, updated_at)
        VALUES ('flexitidemo', 'checkout', 'v2', 'buy', 'en-CA', 200, '{}', 'IN_PROGRESS', ?, 0, 0, 0)`)
      .run(crypto.randomUUID()).lastInsertRowid,
  );
}

const rawCount = (store: Store) => (store.db.prepare("SELECT count(*) AS n FROM order_events WHERE type = 'lookup'").get() as { n: number }).n;

test('deferred events are written together in the next event-loop turn, not one commit each', async (t) => {
  const store = openStore(':memory:');
  t.after(() => store.close());
  const id = insertOrder(store);
  for (let i = 0; i < 5; i++) store.orders.addEventSoon(id, i, 'lookup', { i });
  assert.equal(rawCount(store), 0, 'nothing is written synchronously');
  await nextTurn();
  assert.equal(rawCount(store), 5);
});

test('a timeline read and any other event write flush first, so the order of events is kept', (t) => {
  const store = openStore(':memory:');
  t.after(() => store.close());
  const id = insertOrder(store);
  store.orders.addEventSoon(id, 1, 'lookup');
  store.orders.addEvent(id, 1, 'order.completed');
  store.orders.addEventSoon(id, 1, 'lookup');
  assert.deepEqual(store.orders.events(id).map((e) => e.type), ['lookup', 'order.completed', 'lookup']);
});

test('an event for an order removed before the batch is written is dropped, not a crash', async (t) => {
  const store = openStore(':memory:');
  t.after(() => store.close());
  const id = insertOrder(store);
  store.orders.addEventSoon(id, 1, 'lookup');
  store.orders.remove();
  await nextTurn();
  assert.equal(rawCount(store), 0);
});

test('closing the store writes the buffered events', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-mock-deferred-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'mock.sqlite');
  const first = openStore(path);
  const id = insertOrder(first);
  first.orders.addEventSoon(id, 1, 'lookup');
  first.close();
  const second = openStore(path);
  t.after(() => second.close());
  assert.deepEqual(second.orders.events(id).map((e) => e.type), ['lookup']);
});
