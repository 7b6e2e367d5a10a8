import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { API, DEMO } from '../helpers/app.js';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';

/**
 * Contract C12: an order acknowledged with a 200 is on disk. A child server on a file database
 * takes concurrent inits, is killed with SIGKILL mid-load (no shutdown hook runs), is restarted on
 * the same file, and every acknowledged order is there. Bounded: it stops after ACKS orders or
 * LOAD_LIMIT_MS, whichever comes first.
 */
const WRITERS = 8;
const ACKS = 200;
const LOAD_LIMIT_MS = 15_000;

async function token(base: string): Promise<string> {
  const response = await fetch(`${base}${API}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `client_id=${DEMO.clientId}&client_secret=${DEMO.clientSecret}`,
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const headers = (accessToken: string) => ({ authorization: `Bearer ${accessToken}`, 'x-reference-id': crypto.randomUUID(), 'content-type': 'application/json' });

interface Ack { orderId: number; merchantOrderId: string }

/** Writers send inits until told to stop; only answers received before the kill count. */
async function loadUntilKilled(server: ChildServer, accessToken: string): Promise<Ack[]> {
  const acked: Ack[] = [];
  let killed = false;
  const started = Date.now();
  const writer = async (w: number) => {
    for (let n = 0; !killed; n++) {
      const merchantOrderId = `crash-${w}-${n}`;
      try {
        const response = await fetch(`${server.url}${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, {
          method: 'POST',
          headers: headers(accessToken),
          body: JSON.stringify({ merchant_orderid: merchantOrderId, lang: 'en-CA', flow: 'apply', amount_requested: 400, fname: 'Crash', lname: 'Test' }),
        });
        const body = (await response.json()) as { online_order_id?: number };
        if (killed) return;
        assert.equal(response.status, 200, JSON.stringify(body));
        acked.push({ orderId: Number(body.online_order_id), merchantOrderId });
      } catch (error) {
        if (killed) return; // the connection died with the server
        throw error;
      }
      if (acked.length >= ACKS || Date.now() - started > LOAD_LIMIT_MS) {
        killed = true;
        server.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  return acked;
}

test('orders acknowledged before a SIGKILL are all there after a restart on the same file', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-crash-'));
  const args = ['--port', '0', '--db', join(dir, 'mock.sqlite')];
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  const first = await startChildServer(args);
  t.after(() => first.stop('SIGKILL'));
  const acked = await loadUntilKilled(first, await token(first.url));
  assert.equal(await first.stop(), null, 'the first server died of the SIGKILL');
  assert.ok(acked.length > 0, 'some orders were acknowledged before the kill');

  const second = await startChildServer(args);
  t.after(() => second.stop());
  const accessToken = await token(second.url);
  const missing: string[] = [];
  for (const { orderId, merchantOrderId } of acked) {
    const response = await fetch(`${second.url}${API}/online/client-id/${DEMO.clientId}/notifications/order-id/${orderId}`, { headers: headers(accessToken) });
    const body = (await response.json()) as { transaction_id?: number };
    if (response.status !== 200 || Number(body.transaction_id) !== orderId) missing.push(`${orderId} (${merchantOrderId}): ${response.status}`);
  }
  assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged orders lost`);
  t.diagnostic(`${acked.length} acknowledged orders, all readable after SIGKILL and restart`);

  // The id sequence carries on after the last order the crash left.
  const next = await fetch(`${second.url}${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, {
    method: 'POST',
    headers: headers(accessToken),
    body: JSON.stringify({ lang: 'en-CA', flow: 'apply', amount_requested: 400 }),
  });
  assert.equal(next.status, 200);
  assert.ok(Number(((await next.json()) as { online_order_id: number }).online_order_id) > Math.max(...acked.map((a) => a.orderId)));
});
