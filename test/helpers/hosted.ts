import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { RunningServer } from '../../src/index.js';
import { DEMO, PUBLIC_URL, getToken, type MerchantCredentials } from './app.js';
import { launchBrowser } from './browser.js';
import { initRequest } from './orders.js';

/** An order's hosted page path (the redirection_url without the test app's public base). */
export async function hostedOrder(app: FastifyInstance, body: unknown, merchant: MerchantCredentials = DEMO): Promise<{ id: number; path: string; token: string }> {
  const token = await getToken(app, merchant);
  const response = await initRequest(app, token, body, { merchant });
  if (response.statusCode !== 200) throw new Error(`init failed: ${response.statusCode} ${response.body}`);
  const { online_order_id, redirection_url } = response.json();
  return { id: online_order_id, path: String(redirection_url).slice(PUBLIC_URL.length), token };
}

/** `/hosted/{token}/{action}?lang=…` from the page path `/hosted/{token}?lang=…`. */
export const actionPath = (path: string, action: string) => path.replace('?', `/${action}?`);

export function postForm(app: FastifyInstance, url: string, body: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(body).toString() });
}

// ---- against a real listening server (browser tests) ----

const json = { 'content-type': 'application/json' };

export async function merchantToken(mock: RunningServer, merchant: MerchantCredentials = DEMO): Promise<string> {
  const response = await fetch(`${mock.apiUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: merchant.clientId, client_secret: merchant.clientSecret }),
  });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function initOrder(mock: RunningServer, body: unknown, merchant: MerchantCredentials = DEMO): Promise<{ online_order_id: number; redirection_url: string }> {
  const token = await merchantToken(mock, merchant);
  const response = await fetch(`${mock.apiUrl}/online/v2/client-id/${merchant.clientId}/systems/init`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}`, 'x-reference-id': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`init: ${response.status} ${await response.text()}`);
  return (await response.json()) as { online_order_id: number; redirection_url: string };
}

/** The merchant's look-up with the auth_token the return URL carried (api-notes §3.3, §8.2). */
export async function notificationWith(mock: RunningServer, clientId: string, orderId: string | number, authToken: string) {
  const response = await fetch(`${mock.apiUrl}/online/client-id/${clientId}/notifications/order-id/${orderId}`, {
    headers: { authorization: `Bearer ${authToken}`, 'x-reference-id': crypto.randomUUID() },
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The order as the admin API shows it, with its outbox deliveries. */
export async function adminOrder(mock: RunningServer, orderId: number | string) {
  const response = await fetch(`${mock.adminUrl}/orders/${orderId}`);
  return (await response.json()) as { status: string; timeline: { deliveries: { notification_type: string; body: Record<string, any> }[] } } & Record<string, any>;
}

export async function putMerchant(mock: RunningServer, clientId: string, merchant: Record<string, unknown>) {
  const response = await fetch(`${mock.adminUrl}/merchants/${clientId}`, { method: 'PUT', headers: json, body: JSON.stringify(merchant) });
  if (!response.ok) throw new Error(`put merchant: ${response.status} ${await response.text()}`);
}

/** orderId and auth_token from a merchant return URL. */
export function returnParams(url: string) {
  const parsed = new URL(url);
  return { path: parsed.pathname, orderId: parsed.searchParams.get('orderId') ?? '', authToken: parsed.searchParams.get('auth_token') ?? '' };
}

/**
 * A Chromium page on the hosted flow, with the checks every browser test of it wants: no console
 * error or page error (which also catches CSP violations), alerts recorded instead of shown, and
 * the merchant's view of the order once the page has sent the shopper back.
 */
export async function openHostedPage(t: Pick<TestContext, 'after'>, mock: RunningServer) {
  const browser = await launchBrowser(t);
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const problems: string[] = [];
  page.on('console', (message) => {
    // 4xx answers (the favicon, a form with errors) are logged as "Failed to load resource": expected.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  t.after(() => assert.deepEqual(problems, []));

  return {
    browser,
    page,
    dialogs,
    /** Console and page errors seen so far; other pages of the test may add theirs. Must be empty at the end. */
    problems,
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    returned: (kind: 'success' | 'failure') => page.waitForURL((url) => url.pathname === `/demo/return/${kind}`),
    /** The order's notification, read the way a merchant's return page does, and its outbox rows. */
    async merchantView(orderId: number, clientId: string = DEMO.clientId) {
      const back = returnParams(page.url());
      assert.equal(back.orderId, String(orderId));
      assert.match(back.authToken, /^[0-9a-f]{40}$/);
      const lookup = await notificationWith(mock, clientId, back.orderId, back.authToken);
      assert.equal(lookup.status, 200);
      return { notification: lookup.body, deliveries: (await adminOrder(mock, orderId)).timeline.deliveries };
    },
  };
}
