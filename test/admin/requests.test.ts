import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { MAX_JOURNAL_BODY } from '../../src/services/journal.js';
import { createLogger } from '../../src/server.js';
import { API, DEMO, MAPLE, bearer, buildTestApp, tokenRequest } from '../helpers/app.js';

type App = Awaited<ReturnType<typeof buildTestApp>>['app'];
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const CARDS = ['2374980012897093', '2374980012865116'];

/** A pino destination that keeps every line. */
function captureLogs() {
  let text = '';
  const stream = new Writable({ write(chunk, _encoding, done) { text += chunk.toString(); done(); } });
  return { logger: createLogger('trace', stream), text: () => text };
}

/** Sends secrets every way a client can: form, Basic, bearer, refresh, and cards in JSON, form and query. */
async function sendSecrets(app: App): Promise<string[]> {
  const secrets: string[] = [DEMO.clientSecret, DEMO.password, MAPLE.clientSecret, ...CARDS];
  const viaBasic = await tokenRequest(app, { grant_type: 'password', username: DEMO.username, password: DEMO.password }, { headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) } });
  const viaForm = await tokenRequest(app, { client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret });
  for (const response of [viaBasic, viaForm]) secrets.push(response.json().access_token, response.json().refresh_token);
  const refreshed = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: viaForm.json().refresh_token });
  secrets.push(refreshed.json().access_token, refreshed.json().refresh_token);
  const token = viaBasic.json().access_token as string;
  await app.inject({ method: 'POST', url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`, headers: bearer(token), payload: { flow: 'buy', lang: 'en-CA', amount_requested: 10, vcc: CARDS[0], password: 'x' } });
  await app.inject({ method: 'POST', url: `${API}/online/client-id/${DEMO.clientId}/systems/init`, headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' }, payload: `flow=buy&vcc=${CARDS[1]}` });
  await app.inject({ url: `${API}/online/v2/client-id/${DEMO.clientId}/systems/payment-calculator?price=499&vcc=${CARDS[1]}&access_token=${token}`, headers: bearer(token) });
  return secrets;
}

test('no client secret, password, token or card number appears in the journal or the logs', async (t) => {
  const logs = captureLogs();
  const { app } = await buildTestApp(t, { logger: logs.logger });
  const secrets = await sendSecrets(app);
  const journal = JSON.stringify((await app.inject({ url: '/__admin/requests' })).json());
  assert.ok(journal.includes('7093') && journal.includes('[redacted]'), 'the journal did record the requests, redacted');
  assert.ok(logs.text().includes('request completed'), 'the logs were captured');
  for (const secret of secrets) {
    assert.ok(!journal.includes(secret), `journal leaks ${secret}`);
    assert.ok(!logs.text().includes(secret), `logs leak ${secret}`);
  }
});

test('after 5,000 requests the journal holds exactly its cap, newest first', async (t) => {
  const { app, config } = await buildTestApp(t);
  assert.equal(config.journalSize, 1000);
  for (let i = 0; i < 5000; i++) await app.inject({ url: `${API}/online/client-id/${DEMO.clientId}/notifications/order-id/${i}` });
  const body = (await app.inject({ url: '/__admin/requests?limit=100000' })).json();
  assert.equal(body.count, 1000);
  assert.equal(body.size, 1000);
  assert.equal(body.requests.length, 1000);
  assert.equal(body.requests[0].path, `${API}/online/client-id/${DEMO.clientId}/notifications/order-id/4999`);
  assert.equal(body.requests[999].path, `${API}/online/client-id/${DEMO.clientId}/notifications/order-id/4000`);
});

test('the journal cap comes from journalSize, and 0 turns the journal off', async (t) => {
  const small = await buildTestApp(t, { config: { journalSize: 3 } });
  for (let i = 0; i < 5; i++) await tokenRequest(small.app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
  assert.equal((await small.app.inject({ url: '/__admin/requests' })).json().requests.length, 3);
  const off = await buildTestApp(t, { config: { journalSize: 0 } });
  await tokenRequest(off.app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
  assert.deepEqual((await off.app.inject({ url: '/__admin/requests' })).json(), { size: 0, count: 0, requests: [] });
});

test('an entry records method, path, query, headers, body, status, client, reference id, time and duration', async (t) => {
  const { app } = await buildTestApp(t);
  const referenceId = crypto.randomUUID();
  await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, { headers: { 'x-reference-id': referenceId }, query: { probe: '1' } });
  const [entry] = (await app.inject({ url: '/__admin/requests' })).json().requests;
  assert.deepEqual(
    { ...entry, duration_ms: typeof entry.duration_ms, request_headers: undefined },
    {
      id: 1, time: '2026-01-15T12:00:00.000Z', method: 'POST', path: `${API}/oauth/token`, query: { probe: '1' }, operation: 'token',
      client_id: DEMO.clientId, reference_id: referenceId, request_body: { client_id: DEMO.clientId, client_secret: '[redacted]' }, status: 200,
      response_body: { token_type: 'bearer', access_token: '[redacted]', expires_in: 1200, refresh_token: '[redacted]', scope: 'merchant' },
      duration_ms: 'number', fault: null, request_headers: undefined,
    },
  );
  assert.equal(entry.request_headers['x-reference-id'], referenceId);
  assert.equal(entry.request_headers['content-type'], 'application/x-www-form-urlencoded');
});

test('bodies over the size bound are stored cut, with a marker', async (t) => {
  const { app } = await buildTestApp(t);
  const token = (await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret })).json().access_token;
  await app.inject({ method: 'POST', url: `${API}/online/client-id/${DEMO.clientId}/systems/learn-more`, headers: bearer(token), payload: { fname: 'y'.repeat(MAX_JOURNAL_BODY * 2) } });
  const [entry] = (await app.inject({ url: '/__admin/requests' })).json().requests;
  assert.equal(typeof entry.request_body, 'string');
  assert.ok(entry.request_body.length < MAX_JOURNAL_BODY + 100);
  assert.match(entry.request_body, /…\[truncated: \d+ bytes in all\]$/);
});

test('filters by client_id and path, limits, and DELETE clears; admin calls are never journaled', async (t) => {
  const { app } = await buildTestApp(t);
  await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
  await tokenRequest(app, { client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret });
  await app.inject({ url: `${API}/online/client-id/${MAPLE.clientId}/notifications/order-id/1` });
  await app.inject({ url: '/__admin/health' });
  const list = async (query: string) => (await app.inject({ url: `/__admin/requests${query}` })).json().requests.map((e: { client_id: string; path: string }) => `${e.client_id}:${e.path.split('/').pop()}`);
  assert.deepEqual(await list(''), [`${MAPLE.clientId}:1`, `${MAPLE.clientId}:token`, `${DEMO.clientId}:token`]);
  assert.deepEqual(await list(`?client_id=${MAPLE.clientId}`), [`${MAPLE.clientId}:1`, `${MAPLE.clientId}:token`]);
  assert.deepEqual(await list('?path=/oauth/token'), [`${MAPLE.clientId}:token`, `${DEMO.clientId}:token`]);
  assert.deepEqual(await list('?limit=1'), [`${MAPLE.clientId}:1`]);
  assert.deepEqual((await app.inject({ method: 'DELETE', url: '/__admin/requests' })).json(), { deleted: 3 });
  assert.deepEqual(await list(''), []);
});

for (const [query, field] of [['?limit=0', 'limit'], ['?limit=abc', 'limit'], ['?client_id=', 'client_id'], ['?path=', 'path'], ['?colour=red', 'body']] as const) {
  test(`GET /__admin/requests${query} → 409 naming ${field}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject({ url: `/__admin/requests${query}` });
    assert.equal(response.statusCode, 409);
    assert.ok(response.json().error_description.includes(`${field}:`), response.json().error_description);
  });
}
