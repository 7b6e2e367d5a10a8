/**
 * The four routes the benchmark drives, with the exact requests a merchant's client sends
 * (api-notes §2.1, §3.1, §3.3, §3.5). The same descriptions drive the real server and the ceiling.
 */
export const API = '/flexiti/online-api';
export const DEMO = { clientId: 'flexitidemo', clientSecret: '77fde15a-9d33-4e15-930a-76e4b3ae33e9' } as const;
export const REFERENCE_ID = '0123456789abcdef0123456789abcdef';

/** The documented apply example (api-notes §3.1), with a merchant order id as clients send it. */
export const INIT_BODY = JSON.stringify({
  merchant_orderid: 'bench-[<id>]', lang: 'en-CA', flow: 'apply', salutation: 'mr', amount_requested: 3000.0, email: 'test@flexiti.com',
  phone_number: '6476161234', fname: 'Tommy', mname: '', lname: 'Samson', dob: '06/01/1981', address_1: '123 Any Street', address_2: '',
  city: 'Toronto', province: 'ON', postal_code: 'M2A2A2',
});

export type RouteName = 'token' | 'availability' | 'lookup' | 'init';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export const ROUTE_NAMES: readonly RouteName[] = ['token', 'availability', 'lookup', 'init'];

export const ROUTE_LABELS: Record<RouteName, string> = {
  token: 'POST /oauth/token (client_credentials)',
  availability: 'POST …/merchants/payment-availability',
  lookup: 'GET …/notifications/order-id/{id}',
  init: 'POST …/v2/…/systems/init (write)',
};

export const lookupPath = (orderId: number | string) => `${API}/online/client-id/${DEMO.clientId}/notifications/order-id/${orderId}`;

export function benchRequest(route: RouteName, token: string, orderId: number | string): BenchRequest {
  const auth = { authorization: `Bearer ${token}`, 'x-reference-id': REFERENCE_ID };
  switch (route) {
    case 'token':
      return {
        method: 'POST',
        path: `${API}/oauth/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&client_id=${DEMO.clientId}&client_secret=${DEMO.clientSecret}`,
      };
    case 'availability':
      return {
        method: 'POST',
        path: `${API}/online/client-id/${DEMO.clientId}/merchants/payment-availability`,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ amount_requested: 400 }),
      };
    case 'lookup':
      return { method: 'GET', path: lookupPath(orderId), headers: auth };
    case 'init':
      return { method: 'POST', path: `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, headers: { ...auth, 'content-type': 'application/json' }, body: INIT_BODY };
  }
}
