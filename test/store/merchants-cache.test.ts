import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFixtures } from '../../src/fixtures.js';
import { openStore } from '../../src/store/index.js';

test('an unknown client_id is not remembered (bounded memory under bad input): a merchant stored after the miss is found', (t) => {
  const store = openStore(':memory:');
  t.after(() => store.close());
  const merchant = { ...loadFixtures().merchants[0]!, client_id: 'late' };
  assert.equal(store.merchants.get('late'), undefined);
  // Written behind the store's back, as a second process or an older build would: only a cached miss could hide it.
  store.db.prepare("INSERT INTO merchants (client_id, data, source, updated_at) VALUES ('late', ?, 'admin', 0)").run(JSON.stringify(merchant));
  assert.equal(store.merchants.get('late')?.client_id, 'late');
});
