import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore, type Store } from '../../src/store/index.js';

function memoryStore(t: { after: (fn: () => void) => void }): Store {
  const store = openStore(':memory:');
  t.after(() => store.close());
  return store;
}

function insertOrder(store: Store, clientId = 'flexitidemo'): number {
  return Number(
    store.db
      .prepare(`INSERT INTO orders (client_id, kind, api_version, flow, lang, amount_cents, request, status, flow_token, flow_expires_at, created_at, updated_at)
        VALUES (?, 'checkout', 'v2', 'buy', 'en-CA', 200, '{}', 'SUCCESS', ?, 0, 0, 0)`)
      .run(clientId, crypto.randomUUID()).lastInsertRowid,
  );
}

const delivery = (id: string, overrides: Partial<{ client_id: string; order_id: number | null; url: string; created_at: number }> = {}) => ({
  id,
  client_id: 'flexitidemo',
  order_id: null,
  event: 'Purchase',
  notification_type: 'Success',
  url: 'http://127.0.0.1:9/cb',
  body: '{}',
  reference_id: 'ref',
  created_at: 1000,
  ...overrides,
});

test('due deliveries are found per merchant, against that merchant\'s time, oldest first', (t) => {
  const store = memoryStore(t);
  store.deliveries.enqueue(delivery('b', { created_at: 2000 }));
  store.deliveries.enqueue(delivery('a', { created_at: 1000 }));
  store.deliveries.enqueue(delivery('m', { client_id: 'maplefurniture', created_at: 5000 }));
  store.deliveries.enqueue(delivery('none', { url: '' }));
  assert.deepEqual(
    store.deliveries.pendingByClient().sort((x, y) => x.client_id.localeCompare(y.client_id)),
    [{ client_id: 'flexitidemo', next_at: 1000 }, { client_id: 'maplefurniture', next_at: 5000 }],
  );
  assert.deepEqual(store.deliveries.dueForClient('flexitidemo', 1500, 10).map((d) => d.id), ['a']);
  assert.deepEqual(store.deliveries.dueForClient('flexitidemo', 2000, 10).map((d) => d.id), ['a', 'b']);
  assert.deepEqual(store.deliveries.dueForClient('flexitidemo', 2000, 1).map((d) => d.id), ['a']);
  assert.deepEqual(store.deliveries.dueForClient('maplefurniture', 4999, 10), []);
  assert.equal(store.deliveries.byId('none')?.state, 'no_endpoint');
});

test('an attempt is logged and applies its outcome; a requeue starts a new round', (t) => {
  const store = memoryStore(t);
  const orderId = insertOrder(store);
  store.deliveries.enqueue(delivery('d1', { order_id: orderId }));
  store.transaction(() =>
    store.deliveries.recordAttempt(
      'd1',
      { delivery_id: 'd1', at: 1000, status: 500, latency_ms: 3, error: null, response_excerpt: 'no' },
      { state: 'pending', attempts: 1, next_attempt_at: 2000, updated_at: 1003 },
    ),
  );
  const record = store.deliveries.byId('d1');
  assert.equal(record?.attempts, 1);
  assert.equal(record?.next_attempt_at, 2000);
  assert.equal(record?.updated_at, 1003);
  assert.deepEqual(store.deliveries.attemptsOf('d1').map((a) => [a.at, a.status, a.latency_ms, a.response_excerpt]), [[1000, 500, 3, 'no']]);

  assert.equal(store.deliveries.requeue('d1', 'http://127.0.0.1:9/new', 9000), 'pending');
  assert.deepEqual(
    (({ state, attempts, next_attempt_at, url }) => ({ state, attempts, next_attempt_at, url }))(store.deliveries.byId('d1')!),
    { state: 'pending', attempts: 0, next_attempt_at: 9000, url: 'http://127.0.0.1:9/new' },
  );
  assert.equal(store.deliveries.requeue('d1', '', 9500), 'no_endpoint');
  assert.equal(store.deliveries.byId('d1')?.next_attempt_at, null);
  assert.equal(store.deliveries.attemptsOf('d1').length, 1, 'the log keeps every round');
  assert.equal(store.deliveries.byOrder(orderId).length, 1);
});

test('enqueue listeners are told about every delivery written', (t) => {
  const store = memoryStore(t);
  const seen: string[] = [];
  const off = store.deliveries.onEnqueue((record) => seen.push(`${record.id}:${record.state}`));
  store.deliveries.enqueue(delivery('x'));
  store.deliveries.enqueue(delivery('y', { url: '' }));
  off();
  store.deliveries.enqueue(delivery('z'));
  assert.deepEqual(seen, ['x:pending', 'y:no_endpoint']);
});

test('the list filters by merchant, order and state', (t) => {
  const store = memoryStore(t);
  const orderId = insertOrder(store);
  store.deliveries.enqueue(delivery('1', { order_id: orderId, created_at: 1 }));
  store.deliveries.enqueue(delivery('2', { client_id: 'maplefurniture', created_at: 2 }));
  store.deliveries.enqueue(delivery('3', { url: '', created_at: 3 }));
  assert.deepEqual(store.deliveries.list().map((d) => d.id), ['3', '2', '1']);
  assert.deepEqual(store.deliveries.list({ client_id: 'flexitidemo' }).map((d) => d.id), ['3', '1']);
  assert.deepEqual(store.deliveries.list({ order_id: orderId }).map((d) => d.id), ['1']);
  assert.deepEqual(store.deliveries.list({ state: 'no_endpoint' }).map((d) => d.id), ['3']);
  assert.deepEqual(store.deliveries.list({ limit: 1 }).map((d) => d.id), ['3']);
});

test('deliveries of one order made at the same mock instant keep the order they were enqueued in', (t) => {
  const store = memoryStore(t);
  const orderId = insertOrder(store);
  // Ids sort against insertion order on purpose: the tie must be broken by insertion, not by id.
  for (const id of ['dlv_z', 'dlv_m', 'dlv_a']) store.deliveries.enqueue(delivery(id, { order_id: orderId, created_at: 7000 }));
  assert.deepEqual(store.deliveries.byOrder(orderId).map((d) => d.id), ['dlv_z', 'dlv_m', 'dlv_a']);
  assert.deepEqual(store.deliveries.dueForClient('flexitidemo', 7000, 10).map((d) => d.id), ['dlv_z', 'dlv_m', 'dlv_a']);
});
