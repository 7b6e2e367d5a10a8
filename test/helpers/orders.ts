import type { FastifyInstance } from 'fastify';
import qs from 'qs';
import { API, DEMO, bearer, type MerchantCredentials } from './app.js';

const address = { first_name: 'Tom', last_name: 'Samson', address_1: '123 Any Street', address_2: '', city: 'Toronto', postal_code: 'M2A2A2', province: 'ON' };

/** The seed's three example init bodies (api-notes §3.1, S8). */
export const SEED = {
  apply: {
    lang: 'en-CA', flow: 'apply', salutation: 'mr', amount_requested: 3000.0, email: 'test@flexiti.com', phone_number: '6476161234',
    fname: 'Tommy', mname: '', lname: 'Samson', dob: '06/01/1981', address_1: '123 Any Street', address_2: '', city: 'Toronto', province: 'ON', postal_code: 'M2A2A2',
  },
  buy: { lang: 'en-CA', flow: 'buy', amount_requested: 1.0, vcc: '2374980012897093', shipping_information: { ...address }, billing_information: { ...address } },
  'apply/buy': {
    lang: 'en-CA', flow: 'apply/buy', salutation: 'mr', amount_requested: 2.0, email: 'test@flexiti.com', phone_number: '6476161234',
    fname: 'Tommy', mname: '', lname: 'Samson', dob: '06/01/1981', address_1: '123 Any Street', address_2: '', city: 'Toronto', province: 'ON', postal_code: 'M2A2A2',
    shipping_information: { ...address }, billing_information: { ...address },
  },
} as const;

export type BodyStyle = 'json' | 'form-brackets' | 'form-dots';

export function encodeBody(body: unknown, style: BodyStyle): { payload: string; contentType: string } {
  if (style === 'json') return { payload: JSON.stringify(body), contentType: 'application/json' };
  return {
    payload: qs.stringify(body, { allowDots: style === 'form-dots', encodeValuesOnly: false }),
    contentType: 'application/x-www-form-urlencoded',
  };
}

export const V2_INIT = (clientId: string) => `${API}/online/v2/client-id/${clientId}/systems/init`;
export const V1_INIT = (clientId: string) => `${API}/online/client-id/${clientId}/systems/init`;
export const NOTIFICATIONS = (clientId: string) => `${API}/online/client-id/${clientId}/notifications`;

export function initRequest(app: FastifyInstance, token: string, body: unknown, options: { style?: BodyStyle; url?: string; merchant?: MerchantCredentials } = {}) {
  const { payload, contentType } = encodeBody(body, options.style ?? 'json');
  return app.inject({
    method: 'POST',
    url: options.url ?? V2_INIT((options.merchant ?? DEMO).clientId),
    headers: { ...bearer(token), 'content-type': contentType },
    payload,
  });
}

/** Creates an order and returns its id, failing loudly otherwise. */
export async function createOrder(app: FastifyInstance, token: string, body: unknown, options: { url?: string; merchant?: MerchantCredentials } = {}): Promise<number> {
  const response = await initRequest(app, token, body, options);
  if (response.statusCode !== 200) throw new Error(`init failed: ${response.statusCode} ${response.body}`);
  return response.json().online_order_id as number;
}

export function completeOrder(app: FastifyInstance, orderId: number | string, body: unknown) {
  return app.inject({ method: 'POST', url: `/__admin/orders/${orderId}/complete`, payload: body as Record<string, unknown> });
}

export function lookup(app: FastifyInstance, token: string, path: string, merchant: MerchantCredentials = DEMO) {
  return app.inject({ method: 'GET', url: `${NOTIFICATIONS(merchant.clientId)}/${path}`, headers: bearer(token) });
}
