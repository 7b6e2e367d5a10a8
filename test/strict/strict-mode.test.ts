import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { WARNING_HEADER } from '../../src/http/reference-id.js';
import { API, DEMO, buildTestApp, form, tokenRequest } from '../helpers/app.js';
import { SEED } from '../helpers/orders.js';

/** Every Flexiti route and method the app serves, with concrete path parameters. */
function flexitiRoutes(app: FastifyInstance): Array<{ method: string; url: string }> {
  const routes = [...app.printRoutes({ commonPrefix: false }).matchAll(/(\/flexiti\/online-api\S*) \(([A-Z, ]+)\)/g)];
  return routes.flatMap(([, pattern, methods]) =>
    (methods as string).split(', ').filter((m) => m !== 'HEAD').map((method) => ({
      method,
      url: (pattern as string).replace(':clientId', DEMO.clientId).replace(/:[A-Za-z]+/g, '131000'),
    })),
  );
}

test('strict mode: every Flexiti endpoint refuses a missing x-reference-id with 400; lenient mode only warns', async (t) => {
  const strict = await buildTestApp(t, { config: { strict: true } });
  const lenient = await buildTestApp(t);
  const routes = flexitiRoutes(strict.app);
  assert.ok(routes.length >= 10);
  const token = await getToken(lenient.app);
  for (const { method, url } of routes) {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const payload = method === 'POST' ? '{}' : undefined;
    const refused = await strict.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });
    assert.equal(refused.statusCode, 400, `${method} ${url}`);
    assert.equal(refused.json().error, 'invalid_request', `${method} ${url}`);
    const warned = await lenient.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });
    const description = warned.statusCode >= 400 ? String(warned.json().error_description) : '';
    assert.ok(!description.includes('x-reference-id'), `${method} ${url}: lenient mode refused the missing header`);
    assert.match(String(warned.headers[WARNING_HEADER]), /x-reference-id/, `${method} ${url}`);
  }
});

const REF = { 'x-reference-id': crypto.randomUUID() };

/** A merchant token obtained the strict way (with x-reference-id). */
async function getToken(app: FastifyInstance): Promise<string> {
  const response = await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, { headers: REF });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().access_token as string;
}

/** Each rule lenient mode relaxes: the lenient answer is a success, the strict one names the field. */
const RULES: Array<{ readme: string; send: (app: FastifyInstance) => Promise<{ statusCode: number; body: string }>; strictStatus: number; names: string }> = [
  {
    readme: '`x-reference-id` may be missing or not a GUID',
    send: (app) => tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, { headers: { 'x-reference-id': 'order-42' } }),
    strictStatus: 400,
    names: 'x-reference-id',
  },
  {
    readme: 'the last access token may be sent as `refresh_token`',
    send: async (app) => {
      const first = (await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, { headers: REF })).json();
      return tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.access_token }, { headers: REF });
    },
    strictStatus: 400,
    names: 'refresh token',
  },
  {
    readme: '`lang` on the v2 init may be left out',
    send: async (app) => app.inject({ method: 'POST', url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, headers: { ...REF, authorization: `Bearer ${await getToken(app)}` }, payload: { ...SEED.apply, lang: undefined } }),
    strictStatus: 409,
    names: 'lang:',
  },
  {
    readme: '`apply/buy` may omit `vcc` and `customer_id`',
    send: async (app) => app.inject({ method: 'POST', url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, headers: { ...REF, authorization: `Bearer ${await getToken(app)}` }, payload: SEED['apply/buy'] }),
    strictStatus: 409,
    names: 'vcc:',
  },
  {
    readme: 'each `billing_information` / `shipping_information` field may be left out',
    send: async (app) => {
      const { city: _city, ...shipping } = SEED.buy.shipping_information;
      return app.inject({ method: 'POST', url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, headers: { ...REF, authorization: `Bearer ${await getToken(app)}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ ...SEED.buy, shipping_information: shipping }) });
    },
    strictStatus: 409,
    names: 'shipping_information.city:',
  },
  {
    readme: '`payment-calculator` without `lang`',
    send: async (app) => app.inject({ url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/payment-calculator?price=499`, headers: { ...REF, authorization: `Bearer ${await getToken(app)}` } }),
    strictStatus: 409,
    names: 'lang:',
  },
];

for (const rule of RULES) {
  test(`strict mode rule: ${rule.readme}`, async (t) => {
    const lenient = await buildTestApp(t);
    const accepted = await rule.send(lenient.app);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const strict = await buildTestApp(t, { config: { strict: true } });
    const refused = await rule.send(strict.app);
    assert.equal(refused.statusCode, rule.strictStatus, refused.body);
    assert.ok(JSON.parse(refused.body).error_description.includes(rule.names), refused.body);
  });
}

test('the README\'s strict-mode table lists exactly the rules tested here', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.split('## Strict mode')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| rule') && !line.startsWith('|---'));
  assert.equal(rows.length, RULES.length, rows.join('\n'));
  for (const rule of RULES) assert.ok(rows.some((row) => row.includes(rule.readme)), `README strict table lacks: ${rule.readme}`);
});
