import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadFixtures, restoreFixtureCustomers, seedFixtures } from '../../src/fixtures.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations/index.js';
import { openDatabase } from '../../src/store/open.js';
import { openStore } from '../../src/store/index.js';

function tempDb(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-mock-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'nested', 'mock.sqlite');
}

test('a file database is created with WAL, foreign keys and the latest schema version', (t) => {
  const path = tempDb(t);
  const store = openStore(path);
  t.after(() => store.close());
  assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
});

test('migrations are idempotent and every table is STRICT', (t) => {
  const db = openDatabase(':memory:');
  t.after(() => db.close());
  migrate(db);
  migrate(db);
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string }>;
  assert.ok(tables.length >= 7);
  for (const table of tables) assert.match(table.sql, /\) STRICT$/, table.name);
});

test('a database from a newer flexiti-mock is refused rather than corrupted', (t) => {
  const db = openDatabase(':memory:');
  t.after(() => db.close());
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  assert.throws(() => migrate(db), /newer than this flexiti-mock/);
});

test('a failing migration rolls back and leaves the version unchanged', (t) => {
  const db = openDatabase(':memory:');
  t.after(() => db.close());
  assert.throws(() => migrate(db, ['CREATE TABLE a (x INTEGER) STRICT;', 'CREATE TABLE b (y INTEGER) STRICT; CREATE TABLE a (x INTEGER);']));
  assert.equal(db.pragma('user_version', { simple: true }), 1);
  assert.deepEqual(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get(), { n: 0 });
});

test('order ids start at 131000', (t) => {
  const store = openStore(':memory:');
  t.after(() => store.close());
  const insert = store.db.prepare(`INSERT INTO orders (client_id, kind, api_version, flow, lang, amount_cents, request, status, flow_token, flow_expires_at, created_at, updated_at)
    VALUES ('flexitidemo', 'checkout', 'v2', 'apply', 'en-CA', 100, '{}', 'IN_PROGRESS', ?, 0, 0, 0)`);
  assert.equal(insert.run('a').lastInsertRowid, 131000);
  assert.equal(insert.run('b').lastInsertRowid, 131001);
});

test('seeding is idempotent: merchants follow the file, customer balances survive a restart', (t) => {
  const path = tempDb(t);
  const fixtures = loadFixtures();
  const first = openStore(path);
  seedFixtures(first, fixtures, 1);
  seedFixtures(first, fixtures, 2);
  assert.equal(first.merchants.list().length, fixtures.merchants.length);
  assert.ok(first.customers.debit('1293835', 10_000));
  first.close();

  const second = openStore(path);
  t.after(() => second.close());
  seedFixtures(second, fixtures, 3);
  assert.equal(second.customers.byId('1293835')?.available_credit_cents, 750_000 - 10_000);
  restoreFixtureCustomers(second, fixtures, 4);
  assert.equal(second.customers.byId('1293835')?.available_credit_cents, 750_000);
});

test('debit never draws more than the available credit', (t) => {
  const store = openStore(':memory:');
  t.after(() => store.close());
  seedFixtures(store, loadFixtures(), 0);
  assert.equal(store.customers.debit('1293837', 25_001), false);
  assert.equal(store.customers.byId('1293837')?.available_credit_cents, 25_000);
  assert.equal(store.customers.debit('1293837', 25_000), true);
  assert.equal(store.customers.byId('1293837')?.available_credit_cents, 0);
});
