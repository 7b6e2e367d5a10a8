import type { FastifyInstance } from 'fastify';
import type { RunningServer } from '../../src/index.js';
import { DEMO, PUBLIC_URL, getToken, type MerchantCredentials } from './app.js';
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
