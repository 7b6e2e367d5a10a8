import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { API, DEMO, MAPLE, buildTestApp, tokenRequest } from '../helpers/app.js';
import { pathParams, registeredRoutes, type RegisteredRoute } from '../helpers/routes.js';
import { authChoice, malformedBody, pathValue, queryString, referenceId, type AuthChoice } from './malformed-input.arbitraries.js';

/**
 * Contract C4, C12: whatever a client sends, the mock answers with a 4xx in the
 * `{code, error, error_description}` envelope (never a 5xx, never a stack trace) and stays healthy.
 * The endpoint list comes from the routes the app registers, so new endpoints are covered as they land.
 */

const MIN_REQUESTS = 2000;
const ADMIN_TOKEN = 'fuzz-admin-token';
const STACK = /at .*\.(ts|js):\d+|node_modules|SqliteError|SQLITE_/;

const APPLY = { lang: 'en-CA', flow: 'apply', amount_requested: 400, merchant_orderid: 'fuzz-1', fname: 'Tommy', mname: '', lname: 'Samson', email: 'test@flexiti.com' };
const ADDRESS = { first_name: 'Tom', last_name: 'Samson', address_1: '123 Any Street', address_2: '', city: 'Toronto', province: 'ON', postal_code: 'M2A2A2' };

/** A valid body per endpoint (by path suffix) for the mutators to break one field at a time. */
const SEEDS: Array<[RegExp, Record<string, unknown>]> = [
  [/\/oauth\/token$/, { grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.clientSecret }],
  [/\/systems\/init$/, { ...APPLY, flow: 'buy', vcc: '2374980012897093', billing_information: ADDRESS, shipping_information: ADDRESS }],
  [/\/systems\/learn-more$/, APPLY],
  [/\/payment-availability$/, { amount_requested: 400 }],
  [/\/notifications\/test$/, { event: 'Purchase', notification_type: 'Success' }],
  [/\/complete$/, { outcome: 'approved' }],
  [/^\/hosted\/:token\/apply$/, { fname: 'Tommy', lname: 'Samson', mname: 'A-RR_L', pin: '2222', dob: '1981-06-01', province: 'ON' }],
  [/^\/hosted\/:token\/buy$/, { plan_id: '4', card: '2374980012897093' }],
];
/** The documented Flexiti endpoints (api-notes §3.0) plus admin health, path parameters written `:`. */
const DOCUMENTED = [
  `POST ${API}/oauth/token`,
  `POST ${API}/online/v2/client-id/:/systems/init`,
  `GET ${API}/online/v2/client-id/:/systems/payment-calculator`,
  `GET ${API}/online/client-id/:/notifications/order-id/:`,
  `GET ${API}/online/client-id/:/notifications/merchant-order-id/:`,
  `POST ${API}/online/client-id/:/merchants/payment-availability`,
  `POST ${API}/online/client-id/:/systems/init`,
  'GET /__admin/health',
];
const seedFor = (url: string) => SEEDS.find(([pattern]) => pattern.test(url))?.[1];

function isEnvelope(body: unknown, status: number): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { code, error, error_description: description, ...rest } = body as Record<string, unknown>;
  return code === status && typeof error === 'string' && error.length > 0 && typeof description === 'string' && Object.keys(rest).length === 0;
}

/** Every answer: below 500, and every error in the envelope with `code` equal to the status. */
export function assertWellFormed(response: LightMyRequestResponse, label: string): void {
  assert.ok(response.statusCode < 500, `${label} → ${response.statusCode} ${response.body.slice(0, 300)}`);
  assert.doesNotMatch(response.body, STACK, `${label} leaks internals: ${response.body.slice(0, 300)}`);
  if (response.statusCode < 400 || response.raw.req.method === 'HEAD') return;
  // Browser pages (the hosted flow, contract C5) may answer errors as HTML; every API answers JSON.
  const url = response.raw.req.url ?? '';
  const api = url.startsWith('/flexiti/') || url.startsWith('/__admin');
  if (!api && String(response.headers['content-type']).startsWith('text/html')) return;
  let body: unknown;
  try {
    body = response.json();
  } catch {
    assert.fail(`${label} → ${response.statusCode} is not JSON: ${response.body.slice(0, 300)}`);
  }
  assert.ok(isEnvelope(body, response.statusCode), `${label} → ${response.statusCode} is not the envelope: ${response.body.slice(0, 300)}`);
}

interface Target {
  app: FastifyInstance;
  strict: boolean;
  goodIds: Record<string, string>;
}

/** A fresh merchant token; undefined when a generated admin call removed the merchant (the run goes on). */
async function tokenOrNothing(app: FastifyInstance, merchant: typeof DEMO | typeof MAPLE): Promise<string | undefined> {
  const response = await tokenRequest(app, { client_id: merchant.clientId, client_secret: merchant.clientSecret }, { headers: { 'x-reference-id': crypto.randomUUID() } });
  return response.statusCode === 200 ? (response.json().access_token as string) : undefined;
}

/** Creates one order through init, when init exists, so `:orderId` can also be a real id. */
async function knownIds(app: FastifyInstance): Promise<Record<string, string>> {
  const ids: Record<string, string> = { clientId: DEMO.clientId, orderId: '131000', merchantOrderId: 'fuzz-1', promoId: '382712' };
  const token = await tokenOrNothing(app, DEMO);
  const init = await app.inject({
    method: 'POST',
    url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-reference-id': crypto.randomUUID() },
    payload: APPLY,
  });
  if (init.statusCode === 200) {
    ids.orderId = String(init.json().online_order_id);
    // The hosted page's flow token, so the page's own checks are reached, not only its 404.
    ids.token = new URL(init.json().redirection_url as string).pathname.split('/')[2] as string;
  }
  return ids;
}

async function authorization(target: Target, route: RegisteredRoute, choice: AuthChoice): Promise<string | undefined> {
  const admin = route.url.startsWith('/__admin');
  switch (choice) {
    case 'own': {
      if (admin) return target.strict ? `Bearer ${ADMIN_TOKEN}` : undefined;
      const token = await tokenOrNothing(target.app, DEMO);
      return token ? `Bearer ${token}` : undefined;
    }
    case 'other': {
      const token = await tokenOrNothing(target.app, MAPLE);
      return token ? `Bearer ${token}` : undefined;
    }
    case 'garbage': return 'Bearer zzz-not-a-token';
    case 'basic': return `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}`;
    case 'empty-bearer': return 'Bearer ';
    case 'huge': return `Bearer ${'a'.repeat(8000)}`;
    default: return undefined;
  }
}

function requestArbitrary(route: RegisteredRoute, goodIds: Record<string, string>) {
  const params = pathParams(route.url);
  // Real ids on DELETE would remove the merchant the rest of the run authenticates as.
  if (route.method === 'DELETE') goodIds = {};
  const values = fc.tuple(...params.map((name) => (goodIds[name] ? fc.oneof({ arbitrary: fc.constant(goodIds[name] as string), weight: 2 }, { arbitrary: pathValue, weight: 3 }) : pathValue)));
  return fc.record({
    values: params.length > 0 ? values : fc.constant([] as string[]),
    query: queryString,
    body: malformedBody(seedFor(route.url)),
    auth: authChoice,
    referenceId,
    strictApp: fc.boolean(),
  });
}

test(`generated malformed input (≥ ${MIN_REQUESTS} requests over every registered endpoint): never a 5xx, always the envelope, still healthy`, async (t) => {
  const lenient = await buildTestApp(t);
  const strict = await buildTestApp(t, { config: { strict: true, adminToken: ADMIN_TOKEN } });
  const targets: Target[] = [
    { app: lenient.app, strict: false, goodIds: await knownIds(lenient.app) },
    { app: strict.app, strict: true, goodIds: await knownIds(strict.app) },
  ];
  const routes = registeredRoutes(lenient.app);
  // The list must be the real one, not a partial parse: every documented endpoint (api-notes §3.0) and health.
  const found = new Set(routes.map((r) => `${r.method} ${r.url.replace(/:[A-Za-z0-9_]+/g, ':')}`));
  for (const documented of DOCUMENTED) assert.ok(found.has(documented), `${documented} is registered and found`);
  assert.ok(routes.length > DOCUMENTED.length, `only ${routes.length} routes found`);

  // Paths no route matches go through the not-found handler and the router's URL decoding.
  const unmatched: RegisteredRoute[] = [
    { method: 'GET', url: `${API}/online/client-id/:clientId/:path` },
    { method: 'POST', url: '/__admin/:path' },
    { method: 'PATCH', url: '/:path' },
  ];
  const registered = routes.length;
  routes.push(...unmatched);
  const runsPerRoute = Math.max(50, Math.ceil(MIN_REQUESTS / routes.length));
  let sent = 0;
  for (const route of routes) {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(route, targets[0]!.goodIds), async (input) => {
        const target = input.strictApp ? targets[1]! : targets[0]!;
        let i = 0;
        const url = route.url.replace(/:([A-Za-z0-9_]+)/g, () => input.values[i++] as string) + input.query;
        const headers: Record<string, string> = {};
        const auth = await authorization(target, route, input.auth);
        if (auth !== undefined) headers.authorization = auth;
        if (input.referenceId !== undefined) headers['x-reference-id'] = input.referenceId;
        if (input.body.contentType !== undefined) headers['content-type'] = input.body.contentType;
        const request: InjectOptions = { method: route.method as InjectOptions['method'], url, headers, payload: input.body.payload };
        const response = await target.app.inject(request);
        sent++;
        assertWellFormed(response, `${route.method} ${url.slice(0, 200)} [${input.body.kind}, auth ${input.auth}]`);
      }),
      { numRuns: runsPerRoute },
    );
  }
  assert.ok(sent >= MIN_REQUESTS, `sent ${sent} requests`);
  t.diagnostic(`${sent} malformed requests over ${registered} registered endpoints and ${unmatched.length} unmatched path shapes`);

  for (const { app } of targets) {
    const health = await app.inject({ method: 'GET', url: '/__admin/health' });
    assert.equal(health.statusCode, 200);
    const ready = await app.inject({ method: 'GET', url: '/__admin/ready' });
    assert.equal(ready.statusCode, 200, ready.body);
  }
});
