import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { startMockServer } from '../../src/index.js';
import { DEMO } from '../helpers/app.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { SEED } from '../helpers/orders.js';

/** A merchant's callback endpoint: answers 200 and keeps what it got. */
async function startReceiver(t: { after: (fn: () => Promise<void>) => void }) {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/flexiti/callback`, received };
}

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', 'x-reference-id': crypto.randomUUID(), ...init.headers } });
  const text = await response.text();
  assert.ok(response.ok, `${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return JSON.parse(text);
}

test('the dashboard, opened in Chromium after a completed order, shows that order and its callback', { timeout: 60_000 }, async (t) => {
  const mock = await startMockServer();
  t.after(() => mock.close());
  const receiver = await startReceiver(t);
  const merchant = await json(`${mock.adminUrl}/merchants/${DEMO.clientId}`);
  await json(`${mock.adminUrl}/merchants/${DEMO.clientId}`, { method: 'PUT', body: JSON.stringify({ ...merchant, callback_url: receiver.url }) });

  const token = await fetch(`${mock.apiUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-reference-id': crypto.randomUUID() },
    body: new URLSearchParams({ client_id: DEMO.clientId, client_secret: DEMO.clientSecret }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const merchantOrderId = 'cart-<b>42</b>';
  const init = await json(`${mock.apiUrl}/online/v2/client-id/${DEMO.clientId}/systems/init`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}` },
    body: JSON.stringify({ ...SEED.buy, merchant_orderid: merchantOrderId }),
  });
  const orderId = init.online_order_id as number;
  await json(`${mock.adminUrl}/orders/${orderId}/complete`, { method: 'POST', body: JSON.stringify({ outcome: 'approved' }) });
  // The worker delivers at once (the attempt is due now); wait for the receiver, not for a time.
  while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  let delivery: { state: string } | undefined;
  while (delivery?.state !== 'delivered') {
    [delivery] = (await json(`${mock.adminUrl}/callbacks?order_id=${orderId}`)).callbacks;
    if (delivery?.state !== 'delivered') await new Promise((resolve) => setTimeout(resolve, 5));
  }

  const browser = await launchBrowser(t);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const response = await page.goto(`${mock.adminUrl}/`);
  assert.equal(response?.status(), 200);

  const order = page.getByTestId(`order-${orderId}`);
  assert.equal(await order.count(), 1, 'the completed order is listed');
  assert.equal(await order.getByTestId('order-status').textContent(), 'SUCCESS');
  assert.match((await order.textContent()) ?? '', /cart-<b>42<\/b>/, 'the merchant order id is shown as text, not markup');
  assert.equal(await page.locator('b').count(), 0, 'no markup from order data reached the DOM');

  const deliveries = page.locator('[data-testid^="delivery-dlv"]');
  const forOrder = deliveries.filter({ has: page.getByTestId('delivery-order').getByText(String(orderId), { exact: true }) });
  assert.ok((await forOrder.count()) >= 1, 'its callback is listed');
  const row = (await forOrder.first().textContent()) ?? '';
  assert.ok(row.includes(receiver.url), row);
  assert.equal(await forOrder.first().getByTestId('delivery-state').textContent(), 'delivered');
  assert.match(row, /\b200 · \d+ ms/, 'the attempt and its status are shown');
  assert.equal(JSON.parse(receiver.received[0]!.body).transaction_id, orderId);

  const requests = await page.getByTestId('requests').textContent();
  assert.match(requests ?? '', /POST \/flexiti\/online-api\/online\/v2\/client-id\/flexitidemo\/systems\/init/);
  await screenshot(page, 'admin-dashboard');
});
