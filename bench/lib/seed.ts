import { buildApp } from '../../src/app.js';
import { createClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config.js';
import { loadFixtures, seedFixtures } from '../../src/fixtures.js';
import { createIds } from '../../src/ids.js';
import { openStore } from '../../src/store/index.js';
import { API, DEMO, INIT_BODY, REFERENCE_ID } from './routes.js';

export interface SeededDb {
  firstId: number;
  lastId: number;
  seconds: number;
}

/**
 * A file database holding `count` finished orders of the demo merchant. One order is made the way
 * a merchant makes it (init, then the admin "complete", through the real app in-process), so its
 * row has whatever shape the order service writes; the rest are copies of that row inserted with
 * one prepared statement in one transaction, each with its own id, flow token and merchant order id.
 */
export async function seedOrders(path: string, count: number): Promise<SeededDb> {
  const started = performance.now();
  const config = parseConfig({ db: path, logLevel: 'silent' });
  const fixtures = loadFixtures();
  const clock = createClock();
  const store = openStore(path);
  seedFixtures(store, fixtures, clock.now());
  const app = await buildApp({ config, store, clock, ids: createIds(), fixtures, publicUrl: () => 'http://127.0.0.1:3000' });
  const token = await app.inject({
    method: 'POST',
    url: `${API}/oauth/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `client_id=${DEMO.clientId}&client_secret=${DEMO.clientSecret}`,
  });
  const auth = { authorization: `Bearer ${token.json().access_token}`, 'x-reference-id': REFERENCE_ID, 'content-type': 'application/json' };
  const init = await app.inject({ method: 'POST', url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, headers: auth, payload: INIT_BODY.replace('[<id>]', 'template') });
  if (init.statusCode !== 200) throw new Error(`cannot seed orders: init answered ${init.statusCode} ${init.body}`);
  const firstId = Number(init.json().online_order_id);
  // Finished, as most stored orders are; a mock without the admin route yet keeps it in progress.
  await app.inject({ method: 'POST', url: `/__admin/orders/${firstId}/complete`, headers: { 'content-type': 'application/json' }, payload: { outcome: 'approved' } });
  await app.close();

  const db = store.db;
  const template = db.prepare('SELECT * FROM orders WHERE id = ?').get(firstId) as Record<string, unknown>;
  const columns = Object.keys(template).filter((c) => c !== 'id');
  const insert = db.prepare(`INSERT INTO orders (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  db.transaction(() => {
    for (let i = 1; i < count; i++) {
      insert.run({ ...template, flow_token: `${String(template.flow_token)}-${i}`, merchant_order_id: `bench-${i}` });
    }
  })();
  const lastId = Number((db.prepare('SELECT max(id) AS id FROM orders').get() as { id: number }).id);
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { firstId, lastId, seconds: (performance.now() - started) / 1000 };
}
