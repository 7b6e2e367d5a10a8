import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MALFORMED_JSON, defaultFaultBody } from '../../src/http/faults.js';
import { MAX_DELAY_MS, MAX_FAULTS } from '../../src/schemas/admin.js';
import { API, DEMO, MAPLE, bearer, buildTestApp, getToken, tokenRequest } from '../helpers/app.js';

type App = Awaited<ReturnType<typeof buildTestApp>>['app'];

const addFault = (app: App, body: unknown) => app.inject({ method: 'POST', url: '/__admin/faults', payload: body as object });
const demoToken = (app: App) => tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
const mapleToken = (app: App) => tokenRequest(app, { client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret });

const availability = (app: App, clientId: string, token: string) =>
  app.inject({ method: 'POST', url: `${API}/online/client-id/${clientId}/merchants/payment-availability`, headers: bearer(token), payload: { amount_requested: 400 } });

test('a times: 2 fault on payment-availability for one merchant: its next two calls get it, the third is normal, the other merchant never', async (t) => {
  const { app } = await buildTestApp(t);
  const demo = await getToken(app, DEMO);
  const maple = await getToken(app, MAPLE);
  const created = await addFault(app, { match: { operation: 'payment-availability', client_id: DEMO.clientId }, times: 2, action: { status: 503 } });
  assert.equal(created.statusCode, 201, created.body);
  const normal = { enable_payment_gateway: true };
  for (let i = 0; i < 2; i++) {
    assert.deepEqual((await availability(app, MAPLE.clientId, maple)).json(), normal, 'the other merchant is never affected');
    const faulted = await availability(app, DEMO.clientId, demo);
    assert.equal(faulted.statusCode, 503);
    assert.deepEqual(faulted.json(), { code: 503, error: 'service_unavailable', error_description: 'Injected fault (flexiti-mock): HTTP 503 service_unavailable' });
  }
  const third = await availability(app, DEMO.clientId, demo);
  assert.equal(third.statusCode, 200);
  assert.deepEqual(third.json(), normal);
  assert.deepEqual((await availability(app, MAPLE.clientId, maple)).json(), normal);
  assert.equal((await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret })).statusCode, 200, 'other operations are not affected');
});

test('an injected fault wins over authentication, as a real outage would', async (t) => {
  const { app } = await buildTestApp(t);
  await addFault(app, { match: { operation: 'payment-availability' }, action: { status: 502 } });
  const response = await availability(app, DEMO.clientId, 'f'.repeat(40));
  assert.equal(response.statusCode, 502);
  assert.ok(response.headers['x-reference-id'], 'the reference id is echoed on a faulted response too');
});

test('a times: 2 fault on the token call of one merchant: next two calls faulted, the third normal, the other merchant never', async (t) => {
  const { app } = await buildTestApp(t);
  const created = await addFault(app, { match: { operation: 'token', client_id: DEMO.clientId }, times: 2, action: { status: 503 } });
  assert.equal(created.statusCode, 201, created.body);
  assert.match(created.json().id, /^flt_\d+$/);

  const maple1 = await mapleToken(app);
  assert.equal(maple1.statusCode, 200);
  for (let i = 0; i < 2; i++) {
    const faulted = await demoToken(app);
    assert.equal(faulted.statusCode, 503);
    assert.deepEqual(faulted.json(), defaultFaultBody(503));
    assert.equal((await mapleToken(app)).statusCode, 200);
  }
  assert.equal((await demoToken(app)).statusCode, 200);
  assert.deepEqual((await app.inject({ url: '/__admin/faults' })).json(), { faults: [] }, 'a used-up fault removes itself');
});

test('the fault check on /oauth/token knows the client from the Basic header as well as the form', async (t) => {
  const { app } = await buildTestApp(t);
  await addFault(app, { match: { client_id: DEMO.clientId }, times: 0, action: { status: 500 } });
  const basic = `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}`;
  const viaBasic = await tokenRequest(app, { grant_type: 'password', username: DEMO.username, password: DEMO.password }, { headers: { authorization: basic } });
  assert.equal(viaBasic.statusCode, 500);
  assert.equal((await demoToken(app)).statusCode, 500);
  assert.equal((await mapleToken(app)).statusCode, 200);
});

/** The hit/miss sequence of `count` token calls against a fresh app with one probabilistic fault. */
async function hitSequence(t: Parameters<typeof buildTestApp>[0], count: number): Promise<string> {
  const { app } = await buildTestApp(t);
  await addFault(app, { match: { operation: 'token' }, times: 0, probability: 0.5, seed: 42, action: { status: 429 } });
  let sequence = '';
  for (let i = 0; i < count; i++) sequence += (await demoToken(app)).statusCode === 429 ? 'x' : '.';
  return sequence;
}

test('probability 0.5 with seed 42 gives the same hit/miss sequence on two runs', async (t) => {
  const first = await hitSequence(t, 32);
  const second = await hitSequence(t, 32);
  assert.equal(first, second);
  assert.match(first, /x/);
  assert.match(first, /\./);
});

test('delay_ms alone delays, then answers normally: a later, undelayed request finishes first', async (t) => {
  const { app } = await buildTestApp(t);
  await addFault(app, { match: { client_id: DEMO.clientId }, action: { delay_ms: 250 } });
  const order: string[] = [];
  const delayed = demoToken(app).then((response) => (order.push('delayed'), response));
  const other = mapleToken(app).then((response) => (order.push('other'), response));
  const [delayedResponse, otherResponse] = await Promise.all([delayed, other]);
  assert.deepEqual(order, ['other', 'delayed']);
  assert.equal(delayedResponse.statusCode, 200);
  assert.match(delayedResponse.json().access_token, /^[0-9a-f]{40}$/);
  assert.equal(otherResponse.statusCode, 200);
});

test('malformed_body answers with a JSON content type and a body JSON.parse rejects', async (t) => {
  const { app } = await buildTestApp(t);
  await addFault(app, { match: { method: 'POST', path: '/oauth/token' }, action: { malformed_body: true } });
  const response = await demoToken(app);
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  assert.equal(response.body, MALFORMED_JSON);
  assert.throws(() => JSON.parse(response.body), SyntaxError);
});

test('status and body: the body is sent as given', async (t) => {
  const { app } = await buildTestApp(t);
  await addFault(app, { match: { path: '/flexiti/online-api/oauth/*' }, action: { status: 502, body: { upstream: 'down' } } });
  const response = await demoToken(app);
  assert.equal(response.statusCode, 502);
  assert.deepEqual(response.json(), { upstream: 'down' });
});

test('faults never touch /__admin, and unmatched method, path or operation leave requests alone', async (t) => {
  const { app } = await buildTestApp(t);
  await addFault(app, { times: 0, action: { status: 500 } });
  assert.equal((await app.inject({ url: '/__admin/health' })).statusCode, 200);
  assert.equal((await app.inject({ url: '/__admin/faults' })).statusCode, 200);
  assert.equal((await demoToken(app)).statusCode, 500, 'a fault with an empty match hits every Flexiti request');

  const clean = await buildTestApp(t);
  for (const match of [{ method: 'GET' }, { path: '/online/*' }, { operation: 'init' }, { client_id: MAPLE.clientId }]) {
    await addFault(clean.app, { match, times: 0, action: { status: 500 } });
  }
  assert.equal((await demoToken(clean.app)).statusCode, 200);
});

test('faults are listed, read, deleted one by one, and deleted all or per client_id', async (t) => {
  const { app } = await buildTestApp(t);
  const a = (await addFault(app, { match: { client_id: DEMO.clientId }, times: 0, action: { status: 500 } })).json().id;
  const b = (await addFault(app, { match: { client_id: MAPLE.clientId }, probability: 0.25, seed: 7, action: { delay_ms: 5 } })).json().id;
  const c = (await addFault(app, { match: { client_id: MAPLE.clientId }, action: { reset_connection: true } })).json().id;

  const all = (await app.inject({ url: '/__admin/faults' })).json().faults;
  assert.deepEqual(all.map((f: { id: string }) => f.id), [a, b, c]);
  assert.deepEqual(all[1], { ...all[1], probability: 0.25, seed: 7, times: 1, remaining: 1, hits: 0 });
  assert.equal(all[0].remaining, null);
  const maple = (await app.inject({ url: `/__admin/faults?client_id=${MAPLE.clientId}` })).json().faults;
  assert.deepEqual(maple.map((f: { id: string }) => f.id), [b, c]);
  assert.equal((await app.inject({ url: `/__admin/faults/${a}` })).json().id, a);

  assert.deepEqual((await app.inject({ method: 'DELETE', url: `/__admin/faults/${b}` })).json(), { deleted: 1, id: b });
  assert.equal((await app.inject({ method: 'DELETE', url: `/__admin/faults/${b}` })).statusCode, 404);
  assert.deepEqual((await app.inject({ method: 'DELETE', url: `/__admin/faults?client_id=${MAPLE.clientId}` })).json(), { deleted: 1 });
  assert.deepEqual((await app.inject({ method: 'DELETE', url: '/__admin/faults' })).json(), { deleted: 1 });
  assert.deepEqual((await app.inject({ url: '/__admin/faults' })).json(), { faults: [] });
});

test('unknown fault ids → 404 not_found', async (t) => {
  const { app } = await buildTestApp(t);
  for (const [method, url] of [['GET', '/__admin/faults/flt_999'], ['DELETE', '/__admin/faults/flt_999']] as const) {
    const response = await app.inject({ method, url });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, 'not_found');
  }
});

const badFaults: Array<{ name: string; body: unknown; field: string }> = [
  { name: 'no action', body: { match: {} }, field: 'action' },
  { name: 'an empty action', body: { action: {} }, field: 'action' },
  { name: 'delay over the cap', body: { action: { delay_ms: MAX_DELAY_MS + 1 } }, field: 'action.delay_ms' },
  { name: 'negative delay', body: { action: { delay_ms: -1 } }, field: 'action.delay_ms' },
  { name: 'status out of range', body: { action: { status: 99 } }, field: 'action.status' },
  { name: 'probability above 1', body: { probability: 1.5, action: { status: 500 } }, field: 'probability' },
  { name: 'negative times', body: { times: -1, action: { status: 500 } }, field: 'times' },
  { name: 'fractional times', body: { times: 1.5, action: { status: 500 } }, field: 'times' },
  { name: 'seed not an integer', body: { seed: 'abc', action: { status: 500 } }, field: 'seed' },
  { name: 'unknown operation', body: { match: { operation: 'refund' }, action: { status: 500 } }, field: 'match.operation' },
  { name: 'unknown method', body: { match: { method: 'FETCH' }, action: { status: 500 } }, field: 'match.method' },
  { name: 'unknown match key', body: { match: { host: 'x' }, action: { status: 500 } }, field: 'match' },
  { name: 'reset with a status', body: { action: { reset_connection: true, status: 500 } }, field: 'action' },
  { name: 'reset_connection not a boolean', body: { action: { reset_connection: 'yes' } }, field: 'action.reset_connection' },
  { name: 'malformed with a body', body: { action: { malformed_body: true, body: {} } }, field: 'action' },
];

for (const bad of badFaults) {
  test(`POST /__admin/faults refuses ${bad.name} with 409 naming ${bad.field}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await addFault(app, bad.body);
    assert.equal(response.statusCode, 409, response.body);
    assert.equal(response.json().error, 'wrong_inputs');
    assert.ok(response.json().error_description.includes(`${bad.field}:`), response.json().error_description);
  });
}

test('the number of faults is capped', async (t) => {
  const { app } = await buildTestApp(t);
  for (let i = 0; i < MAX_FAULTS; i++) assert.equal((await addFault(app, { match: { operation: 'init' }, action: { status: 500 } })).statusCode, 201);
  const response = await addFault(app, { action: { status: 500 } });
  assert.equal(response.statusCode, 409);
  assert.match(response.json().error_description, /faults: at most/);
});

test('GET and DELETE /__admin/faults refuse a bad client_id query', async (t) => {
  const { app } = await buildTestApp(t);
  for (const method of ['GET', 'DELETE'] as const) {
    const response = await app.inject({ method, url: '/__admin/faults?client_id=&other=1' });
    assert.equal(response.statusCode, 409);
    assert.match(response.json().error_description, /client_id:/);
  }
});
