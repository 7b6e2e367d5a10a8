import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ERR } from '../../src/http/errors.js';
import { CalculatorResponseSchema } from '../../src/schemas/plans.js';
import { API, DEMO, MAPLE, bearer, buildTestApp, getToken, tokenRequest } from '../helpers/app.js';

const NBSP = '\u00a0';
const url = (clientId: string, query: string) => `${API}/online/v2/client-id/${clientId}/systems/payment-calculator?${query}`;

async function calculator(app: FastifyInstance, token: string, query: string, clientId: string = DEMO.clientId) {
  return app.inject({ method: 'GET', url: url(clientId, query), headers: bearer(token) });
}

test('the documented example: price=499 → 166.33 over 3 months, as strings', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const response = await calculator(app, token, 'clientId=flexitidemo&price=499&lang=en');
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), {
    htmlRender: '<span class="flexiti-payment-calculator" lang="en" data-plan-id="4">As low as $166.33/month for 3 months</span>',
    paymentPlan: { monthlyPayment: '166.33', months: '3' },
  });
  assert.ok(CalculatorResponseSchema.safeParse(response.json()).success, 'matches the documented response schema');
});

test('lang=fr (the documented example URL) → French wording and 166,33 $ formatting', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const response = await calculator(app, token, 'clientId=flexitidemo&price=499&lang=fr');
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), {
    htmlRender: `<span class="flexiti-payment-calculator" lang="fr" data-plan-id="4">À partir de 166,33${NBSP}$/mois pendant 3 mois</span>`,
    paymentPlan: { monthlyPayment: '166.33', months: '3' },
  });
});

test('any en or fr tag, any case, picks the language', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const cases: Array<[string, RegExp]> = [
    ['en', /As low as \$166\.33\/month/], ['EN', /As low as/], ['en-CA', /As low as/], ['en-US', /As low as/], ['En-CA', /As low as/],
    ['en-FR', /As low as/], ['fr', /À partir de 166,33/], ['FR', /À partir de/], ['fr-CA', /À partir de/], ['fr_CA', /À partir de/],
  ];
  for (const [lang, wording] of cases) {
    const response = await calculator(app, token, `price=499&lang=${encodeURIComponent(lang)}`);
    assert.equal(response.statusCode, 200, lang);
    assert.match(response.json().htmlRender, wording, lang);
  }
});

test('which plan is advertised: the longest promotional term covering the price (fee financed, APR stated)', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const maple = await getToken(app, MAPLE);
  const cases: Array<[string, string, string, string, string]> = [
    // [token, client, price, monthlyPayment, months]
    [token, DEMO.clientId, '1.00', '0.33', '3'], // the lowest minimum, inclusive
    [token, DEMO.clientId, '500', '83.33', '6'],
    [token, DEMO.clientId, '1000.00', '87.50', '12'], // (1000.00 + 49.99 fee) / 12
    [token, DEMO.clientId, '3000', '96.79', '36'], // 9.99 % APR
    [token, DEMO.clientId, '15000.00', '483.94', '36'], // the highest maximum, inclusive
    [maple, MAPLE.clientId, '1000', '57.22', '18'], // (1000.00 + 29.99) / 18
    [maple, MAPLE.clientId, '300', '50.00', '6'],
  ];
  for (const [bearerToken, clientId, price, monthlyPayment, months] of cases) {
    const response = await calculator(app, bearerToken, `price=${price}&lang=en`, clientId);
    assert.equal(response.statusCode, 200, `${clientId} ${price}`);
    assert.deepEqual(response.json().paymentPlan, { monthlyPayment, months }, `${clientId} ${price}`);
  }
  const apr = await calculator(app, token, 'price=3000&lang=en');
  assert.match(apr.json().htmlRender, /for 36 months at 9\.99% APR/);
});

test('a price outside every plan → 409 wrong_inputs naming price (no payment to advertise)', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  for (const price of ['0', '0.99', '15000.01', '999999999.99']) {
    const response = await calculator(app, token, `price=${price}&lang=en`);
    assert.equal(response.statusCode, 409, price);
    assert.deepEqual(response.json(), { code: 409, error: 'wrong_inputs', error_description: ERR.priceOutsidePlans });
  }
});

test('bad price, lang and clientId inputs → 409 wrong_inputs naming the field, never a 500', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const cases: Array<[string, string]> = [
    ['lang=en', 'price: is required'],
    ['price=&lang=en', 'price: '],
    ['price=abc&lang=en', 'price: '],
    ['price=-1&lang=en', 'price: '],
    ['price=-0.01&lang=en', 'price: '],
    ['price=1.999&lang=en', 'price: '],
    ['price=1e3&lang=en', 'price: '],
    ['price=Infinity&lang=en', 'price: '],
    ['price=NaN&lang=en', 'price: '],
    ['price=1,000&lang=en', 'price: '],
    ['price=1000000000&lang=en', 'price: '],
    ['price=99999999999999999999999&lang=en', 'price: '],
    ['price=499&price=500&lang=en', 'price: '],
    ['price[a]=1&lang=en', 'price: '],
    ['price=499&lang=de', 'lang: must be an English or French language tag'],
    ['price=499&lang=es-ES', 'lang: '],
    ['price=499&lang=english', 'lang: '],
    ['price=499&lang=', 'lang: '],
    ['price=499&lang=f', 'lang: '],
    ['price=499&lang=fr-', 'lang: '],
    ['price=499&lang=fr&lang=en', 'lang: '],
    ['price=499&lang=%3Cscript%3E', 'lang: '],
    ['lang=xx', 'price: is required; lang: '],
    ['price=499&lang=en&customer_id=123456789012345678901', 'customer_id: '],
  ];
  for (const [query, named] of cases) {
    const response = await calculator(app, token, query);
    assert.equal(response.statusCode, 409, query);
    const body = response.json();
    assert.equal(body.error, 'wrong_inputs', query);
    assert.ok(body.error_description.includes(named), `${query}: ${body.error_description}`);
  }
});

test('the documented redundant clientId query: a matching one is accepted, a different one → 409 naming clientId', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  assert.equal((await calculator(app, token, 'clientId=flexitidemo&price=499&lang=fr')).statusCode, 200);
  const other = await calculator(app, token, 'clientId=maplefurniture&price=499&lang=fr');
  assert.equal(other.statusCode, 409);
  assert.deepEqual(other.json(), { code: 409, error: 'wrong_inputs', error_description: ERR.calculatorClientIdMismatch });
});

test('an optional customer id (the draft\'s "Customer ID") is accepted and does not change the answer', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const plain = (await calculator(app, token, 'price=499&lang=en')).json();
  for (const query of ['price=499&lang=en&customer_id=1293835', 'price=499&lang=en&customerId=1293835']) {
    const response = await calculator(app, token, query);
    assert.equal(response.statusCode, 200, query);
    assert.deepEqual(response.json(), plain);
  }
});

test('missing lang: English in lenient mode, 409 naming lang in strict mode', async (t) => {
  const lenient = await buildTestApp(t);
  const lenientResponse = await calculator(lenient.app, await getToken(lenient.app), 'price=499');
  assert.equal(lenientResponse.statusCode, 200);
  assert.match(lenientResponse.json().htmlRender, /As low as \$166\.33/);
  assert.match(String(lenientResponse.headers['x-flexiti-mock-warning']), /missing lang query/);
  const noReference = await lenient.app.inject({ url: url(DEMO.clientId, 'price=499'), headers: { authorization: bearer(await getToken(lenient.app)).authorization } });
  assert.match(String(noReference.headers['x-flexiti-mock-warning']), /x-reference-id.*; missing lang query/, 'both warnings kept');

  const strict = await buildTestApp(t, { config: { strict: true } });
  // Strict mode needs x-reference-id on the token request too.
  const issued = await tokenRequest(strict.app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, { headers: { 'x-reference-id': crypto.randomUUID() } });
  const strictToken = issued.json().access_token as string;
  const strictResponse = await calculator(strict.app, strictToken, 'price=499');
  assert.equal(strictResponse.statusCode, 409);
  assert.deepEqual(strictResponse.json(), { code: 409, error: 'wrong_inputs', error_description: 'Invalid or missing fields: lang: is required' });
  assert.equal((await calculator(strict.app, strictToken, 'price=499&lang=fr-CA')).statusCode, 200);
});

test('authentication and tenant isolation: no token → 401; maplefurniture\'s token on flexitidemo\'s path → 403', async (t) => {
  const { app } = await buildTestApp(t);
  const none = await app.inject({ method: 'GET', url: url(DEMO.clientId, 'price=499&lang=en') });
  assert.equal(none.statusCode, 401);
  assert.deepEqual(none.json(), { code: 401, error: 'invalid_token', error_description: ERR.missingToken });
  const maple = await getToken(app, MAPLE);
  const other = await calculator(app, maple, 'price=499&lang=en', DEMO.clientId);
  assert.equal(other.statusCode, 403);
  assert.deepEqual(other.json(), { code: 403, error: 'insufficient_scope', error_description: ERR.otherClient });
});
