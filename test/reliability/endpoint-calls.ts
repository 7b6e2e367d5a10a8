import { DEMO, MAPLE } from '../helpers/app.js';

/**
 * One valid call per endpoint, for the concurrency test: each client walks this list in order,
 * so a step can use what an earlier one stored (the order id from init, the fault id, ...).
 * Keys are `METHOD pattern` with every path parameter written `:`, matched against the routes
 * the app registers; a registered route without a call here fails the test, naming it.
 */
export interface ClientState {
  merchant: typeof DEMO | typeof MAPLE;
  /** A merchant this client alone creates, changes and removes through the admin API. */
  own: string;
  token?: string;
  orderId?: number;
  buyOrderId?: number;
  merchantOrderId?: string;
  /** Paths (with query) of hosted pages: an apply order, a buy order, one to cancel. */
  applyPage?: string;
  buyPage?: string;
  cancelPage?: string;
  promoId?: string;
  faultId?: string;
  deliveryId?: string;
}

export interface Call {
  method: string;
  path: string;
  body?: unknown;
  form?: string;
  auth?: boolean;
  /** A browser page: redirects are answers, not followed. */
  page?: boolean;
  /** Statuses that count as success for this call. */
  ok: number[];
  /** Reads what later steps need from the answer. */
  keep?: (state: ClientState, body: any) => void;
}

const API = '/flexiti/online-api';
const ADDRESS = { first_name: 'Tom', last_name: 'Samson', address_1: '123 Any Street', address_2: '', city: 'Toronto', province: 'ON', postal_code: 'M2A2A2' };
const flexiti = (s: ClientState) => `${API}/online/client-id/${s.merchant.clientId}`;
const flexitiV2 = (s: ClientState) => `${API}/online/v2/client-id/${s.merchant.clientId}`;

function ownMerchant(id: string) {
  return {
    client_id: id, client_secret: `${id}-secret`, username: `${id}-user`, password: `${id}-pass`, name: `Concurrency ${id}`,
    trust_url: 'http://localhost:3000', callback_url: '', success_url: 'http://localhost:3000/ok', failure_url: 'http://localhost:3000/ko',
    flows: ['apply', 'buy', 'apply/buy'],
    plans: [{ plan_id: '4', name: '3 months', kind: 'promotional', term_months: 3, min_amount: 1, max_amount: 9999.99, apr: 0, administrative_fee: 0 }],
  };
}

/** `http://host/hosted/TOKEN?lang=en` → `/hosted/TOKEN?lang=en` (the test talks to the server directly). */
const pagePath = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};
/** `/hosted/TOKEN?lang=en` → `/hosted/TOKEN/action?lang=en`. */
const withAction = (page: string | undefined, action: string) => {
  const [path, query] = String(page).split('?');
  return `${path}/${action}${query ? `?${query}` : ''}`;
};

export const CALLS: Array<[string, (s: ClientState) => Call]> = [
  ['POST /flexiti/online-api/oauth/token', (s) => ({
    method: 'POST', path: `${API}/oauth/token`, form: `client_id=${s.merchant.clientId}&client_secret=${s.merchant.clientSecret}`, ok: [200],
    keep: (state, body) => (state.token = body.access_token),
  })],
  ['POST /flexiti/online-api/online/v2/client-id/:/systems/init', (s) => ({
    method: 'POST', path: `${flexitiV2(s)}/systems/init`, auth: true, ok: [200],
    body: { merchant_orderid: s.merchantOrderId, lang: 'en-CA', flow: 'buy', amount_requested: 400, vcc: '2374980012897093', billing_information: ADDRESS, shipping_information: ADDRESS },
    keep: (state, body) => (state.buyOrderId = Number(body.online_order_id)),
  })],
  ['POST /flexiti/online-api/online/client-id/:/systems/init', (s) => ({
    method: 'POST', path: `${flexiti(s)}/systems/init`, auth: true, ok: [200],
    body: { merchant_orderid: s.merchantOrderId, amount_requested: 400, fname: 'Tommy', mname: 'A-RR_L', lname: 'Samson' },
    keep: (state, body) => { state.orderId = Number(body.online_order_id); state.applyPage = pagePath(body.redirection_url); },
  })],
  // Two more orders for the hosted page: one the shopper buys on, one the shopper cancels.
  ['POST /flexiti/online-api/online/v2/client-id/:/systems/init', (s) => ({
    method: 'POST', path: `${flexitiV2(s)}/systems/init`, auth: true, ok: [200],
    body: { lang: 'en-CA', flow: 'buy', amount_requested: 400, vcc: '2374980012865116', billing_information: ADDRESS, shipping_information: ADDRESS },
    keep: (state, body) => (state.buyPage = pagePath(body.redirection_url)),
  })],
  ['POST /flexiti/online-api/online/client-id/:/systems/init', (s) => ({
    method: 'POST', path: `${flexiti(s)}/systems/init`, auth: true, ok: [200], body: { amount_requested: 400 },
    keep: (state, body) => (state.cancelPage = pagePath(body.redirection_url)),
  })],
  ['GET /hosted/:', (s) => ({ method: 'GET', path: s.applyPage as string, page: true, ok: [200] })],
  ['GET /hosted/:/:', (s) => ({ method: 'GET', path: withAction(s.applyPage, 'apply'), page: true, ok: [303] })],
  ['POST /hosted/:/apply', (s) => ({ method: 'POST', path: withAction(s.applyPage, 'apply'), page: true, ok: [200, 303], form: 'fname=Tommy&lname=Samson&mname=A-RR_L&pin=2222' })],
  ['POST /hosted/:/return', (s) => ({ method: 'POST', path: withAction(s.applyPage, 'return'), page: true, ok: [302, 303], form: 'framed=' })],
  ['POST /hosted/:/buy', (s) => ({ method: 'POST', path: withAction(s.buyPage, 'buy'), page: true, ok: [200, 303], form: `plan_id=${s.merchant === DEMO ? '4' : '10'}` })],
  ['POST /hosted/:/cancel', (s) => ({ method: 'POST', path: withAction(s.cancelPage, 'cancel'), page: true, ok: [200, 302, 303], form: 'framed=' })],
  ['GET /demo/return/success', (s) => ({ method: 'GET', path: `/demo/return/success?orderId=${s.orderId}&auth_token=${s.token}`, page: true, ok: [200] })],
  ['GET /demo/return/failure', (s) => ({ method: 'GET', path: `/demo/return/failure?orderId=${s.orderId}&auth_token=${s.token}`, page: true, ok: [200] })],
  ['POST /flexiti/online-api/online/client-id/:/systems/learn-more', (s) => ({
    method: 'POST', path: `${flexiti(s)}/systems/learn-more`, auth: true, ok: [200], body: { lang: 'en-CA', flow: 'apply', amount_requested: 400 },
  })],
  ['POST /__admin/orders/:/complete', (s) => ({ method: 'POST', path: `/__admin/orders/${s.buyOrderId}/complete`, ok: [200], body: { outcome: 'approved' } })],
  ['GET /flexiti/online-api/online/client-id/:/notifications/order-id/:', (s) => ({
    method: 'GET', path: `${flexiti(s)}/notifications/order-id/${s.buyOrderId}`, auth: true, ok: [200],
    keep: (state, body) => (state.promoId = body?.purchase?.promo_id),
  })],
  ['GET /flexiti/online-api/online/client-id/:/notifications/:', (s) => ({ method: 'GET', path: `${flexiti(s)}/notifications/${s.orderId}`, auth: true, ok: [200] })],
  ['GET /flexiti/online-api/online/client-id/:/notifications/merchant-order-id/:', (s) => ({
    method: 'GET', path: `${flexiti(s)}/notifications/merchant-order-id/${s.merchantOrderId}`, auth: true, ok: [200],
  })],
  // The promo id exists once the purchase succeeded; a declined purchase (the test card out of credit) has none.
  ['GET /flexiti/online-api/online/client-id/:/notifications/promo-id/:', (s) => ({
    method: 'GET', path: `${flexiti(s)}/notifications/promo-id/${s.promoId ?? 'none'}`, auth: true, ok: s.promoId ? [200] : [404],
  })],
  ['POST /flexiti/online-api/online/client-id/:/notifications/test', (s) => ({
    method: 'POST', path: `${flexiti(s)}/notifications/test`, auth: true, ok: [200], body: { event: 'Purchase', notification_type: 'Success' },
  })],
  ['POST /flexiti/online-api/online/client-id/:/merchants/payment-availability', (s) => ({
    method: 'POST', path: `${flexiti(s)}/merchants/payment-availability`, auth: true, ok: [200], body: { amount_requested: 400 },
  })],
  ['GET /flexiti/online-api/online/v2/client-id/:/systems/payment-calculator', (s) => ({
    method: 'GET', path: `${flexitiV2(s)}/systems/payment-calculator?price=499&lang=en`, auth: true, ok: [200],
  })],
  ['GET /__admin/health', () => ({ method: 'GET', path: '/__admin/health', ok: [200] })],
  ['GET /__admin/ready', () => ({ method: 'GET', path: '/__admin/ready', ok: [200] })],
  ['GET /__admin', (s) => ({ method: 'GET', path: `/__admin?client_id=${s.merchant.clientId}`, ok: [200] })],
  ['GET /__admin/openapi.json', () => ({ method: 'GET', path: '/__admin/openapi.json', ok: [200] })],
  ['GET /__admin/outcomes', () => ({ method: 'GET', path: '/__admin/outcomes', ok: [200] })],
  ['GET /__admin/orders', (s) => ({ method: 'GET', path: `/__admin/orders?client_id=${s.merchant.clientId}`, ok: [200] })],
  ['GET /__admin/orders/:', (s) => ({ method: 'GET', path: `/__admin/orders/${s.orderId}`, ok: [200] })],
  ['GET /__admin/callbacks', (s) => ({
    method: 'GET', path: `/__admin/callbacks?client_id=${s.merchant.clientId}&limit=1`, ok: [200],
    keep: (state, body) => (state.deliveryId = body?.callbacks?.[0]?.id),
  })],
  ['POST /__admin/callbacks/:/redeliver', (s) => ({ method: 'POST', path: `/__admin/callbacks/${s.deliveryId ?? 'none'}/redeliver`, ok: s.deliveryId ? [200, 202] : [404] })],
  ['GET /__admin/requests', (s) => ({ method: 'GET', path: `/__admin/requests?client_id=${s.merchant.clientId}&limit=5`, ok: [200] })],
  ['PUT /__admin/merchants/:', (s) => ({ method: 'PUT', path: `/__admin/merchants/${s.own}`, ok: [200, 201], body: ownMerchant(s.own) })],
  ['GET /__admin/merchants', () => ({ method: 'GET', path: '/__admin/merchants', ok: [200] })],
  ['GET /__admin/merchants/:', (s) => ({ method: 'GET', path: `/__admin/merchants/${s.own}`, ok: [200] })],
  ['GET /__admin/clock', (s) => ({ method: 'GET', path: `/__admin/clock?client_id=${s.own}`, ok: [200] })],
  ['POST /__admin/clock', (s) => ({ method: 'POST', path: '/__admin/clock', ok: [200], body: { advance_seconds: 1, client_id: s.own } })],
  ['POST /__admin/faults', (s) => ({
    method: 'POST', path: '/__admin/faults', ok: [200, 201], body: { match: { client_id: s.own, path: '/nowhere' }, times: 1, action: { status: 503 } },
    keep: (state, body) => (state.faultId = body.id),
  })],
  ['GET /__admin/faults', (s) => ({ method: 'GET', path: `/__admin/faults?client_id=${s.own}`, ok: [200] })],
  ['GET /__admin/faults/:', (s) => ({ method: 'GET', path: `/__admin/faults/${s.faultId}`, ok: [200] })],
  ['DELETE /__admin/faults/:', (s) => ({ method: 'DELETE', path: `/__admin/faults/${s.faultId}`, ok: [200, 204] })],
  ['DELETE /__admin/faults', (s) => ({ method: 'DELETE', path: `/__admin/faults?client_id=${s.own}`, ok: [200, 204] })],
  ['POST /__admin/reset', (s) => ({ method: 'POST', path: '/__admin/reset', ok: [200], body: { client_id: s.own } })],
  ['DELETE /__admin/merchants/:', (s) => ({ method: 'DELETE', path: `/__admin/merchants/${s.own}`, ok: [200, 204] })],
];

/**
 * Calls left out, each with its reason: they act on every merchant at once, so under concurrency
 * they would turn other clients' valid calls into failures by design, not by a bug.
 */
export const GLOBAL_CALLS: Record<string, string> = {
  'DELETE /__admin/requests': 'clears the shared request journal (harmless, but other clients read it): sent once, after the load',
};

/** `METHOD /path/:param` → `METHOD /path/:`, so parameter names do not matter. */
export const callKey = (method: string, url: string) => `${method} ${url.replace(/:[A-Za-z0-9_]+/g, ':')}`;
