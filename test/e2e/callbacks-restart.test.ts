import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { test } from 'node:test';
import { fixturesWithCallbacks } from '../helpers/callbacks.js';
import { DEMO } from '../helpers/app.js';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';
import { freePort, startReceiver } from '../helpers/receiver.js';

/** A fixtures folder whose demo merchant calls back `url`, and a database file beside it. */
function setup(t: { after: (fn: () => void) => void }, url: string) {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-mock-callbacks-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const fixtures = fixturesWithCallbacks({ [DEMO.clientId]: url });
  writeFileSync(join(dir, 'merchants.json'), JSON.stringify(fixtures.merchants));
  writeFileSync(join(dir, 'customers.json'), JSON.stringify(fixtures.customers));
  return ['--port', '0', '--db', join(dir, 'mock.sqlite'), '--fixtures', dir];
}

async function start(t: { after: (fn: () => Promise<unknown>) => void }, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  const server = await startChildServer(args, env);
  t.after(() => server.stop('SIGKILL'));
  return server;
}

async function sendTestNotification(server: ChildServer, payload: Record<string, string>): Promise<string> {
  const token = await fetch(`${server.url}/flexiti/online-api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEMO.clientId, client_secret: DEMO.clientSecret }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const response = await fetch(`${server.url}/flexiti/online-api/online/client-id/${DEMO.clientId}/notifications/test`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  assert.equal(response.status, 200);
  return response.text();
}

type Delivery = { id: string; state: string; attempts: Array<{ status: number | null; error: string | null }> };

async function deliveries(server: ChildServer): Promise<Delivery[]> {
  return (await (await fetch(`${server.url}/__admin/callbacks`)).json()).callbacks;
}

/** Polls the admin log (a few ms apart) until `check` holds: waits on an event, not on a duration. */
async function until(server: ChildServer, check: (list: Delivery[]) => boolean): Promise<Delivery[]> {
  const giveUp = performance.now() + 20_000; // a safety net against hanging, not a timing assertion
  for (;;) {
    const list = await deliveries(server);
    if (check(list)) return list;
    if (performance.now() > giveUp) throw new Error(`condition never held: ${JSON.stringify(list)}`);
    await delay(5);
  }
}

test('receiver down, server SIGKILLed and restarted on the same file: the delivery completes once', async (t) => {
  const port = await freePort();
  const args = setup(t, `http://127.0.0.1:${port}/cb`);

  const first = await start(t, args);
  const body = await sendTestNotification(first, { event: 'Purchase', notification_type: 'Success' });
  const [failing] = await until(first, (list) => (list[0]?.attempts.length ?? 0) >= 1);
  assert.equal(failing?.state, 'pending');
  assert.match(String(failing?.attempts[0]?.error), /ECONNREFUSED/);
  await first.stop('SIGKILL');

  const receiver = await startReceiver(t, [], { port });
  const second = await start(t, args);
  await receiver.waitFor(1);
  const [delivered] = await until(second, (list) => list[0]?.state === 'delivered');
  assert.equal(delivered?.id, failing?.id);
  assert.equal(delivered?.attempts.at(-1)?.status, 200);
  assert.ok(delivered?.attempts.slice(0, -1).every((a) => a.status === null), 'the earlier attempts were the failed ones');
  assert.equal(receiver.received[0]?.headers['x-flexiti-delivery-id'], failing?.id);
  assert.equal(receiver.received[0]?.body, body, 'the exact body answered before the crash');
  await second.stop('SIGKILL');

  // A third process must not send it again. The worker sends what is due oldest first, so once a
  // newer notification has arrived, a duplicate of the old one would already have arrived too.
  const third = await start(t, args);
  await sendTestNotification(third, { event: 'Apply', notification_type: 'Cancelled' });
  await receiver.waitFor(2);
  await until(third, (list) => list.every((d) => d.state === 'delivered'));
  const ids = receiver.received.map((r) => r.headers['x-flexiti-delivery-id']);
  assert.equal(ids.length, 2);
  assert.equal(ids.filter((id) => id === failing?.id).length, 1, 'sent exactly once after its 2xx');
  const log = await deliveries(third);
  assert.equal(log.find((d) => d.id === failing?.id)?.attempts.length, delivered?.attempts.length);
  assert.equal(await third.stop('SIGTERM'), 0);
});

test('SIGTERM records the attempt in flight before exiting 0: the next process does not send it again', async (t) => {
  const receiver = await startReceiver(t, ['hang']);
  const args = setup(t, receiver.url);

  const first = await start(t, args);
  await sendTestNotification(first, { event: 'Apply', notification_type: 'Success' });
  await receiver.waitFor(1);
  const exited = first.stop('SIGTERM');
  // Once the server answers 503 it is closing, and the worker is waiting for its attempt: let it end.
  while ((await fetch(`${first.url}/__admin/health`).then((r) => r.status, () => 0)) === 200) await delay(5);
  receiver.release();
  assert.equal(await exited, 0);

  const second = await start(t, args);
  const ready = await (await fetch(`${second.url}/__admin/ready`)).json();
  assert.equal(ready.checks.worker, true);
  const [delivery] = await deliveries(second);
  assert.equal(delivery?.state, 'delivered');
  assert.deepEqual(delivery?.attempts.map((a) => a.status), [200]);
  await sendTestNotification(second, { event: 'Apply', notification_type: 'Error' });
  await receiver.waitFor(2);
  assert.deepEqual(
    receiver.received.map((r) => JSON.parse(r.body).notificationType),
    ['Success', 'Error'],
    'the first notification was not sent again',
  );
});
