import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { DEMO, MAPLE, buildTestApp, tokenRequest } from '../helpers/app.js';

const HEX40 = /^[0-9a-f]{40}$/;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

test('client_credentials with the documented flexitidemo credentials returns the documented token shape', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await tokenRequest(app, { grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.deepEqual(Object.keys(body), ['token_type', 'access_token', 'expires_in', 'refresh_token', 'scope']);
  assert.equal(body.token_type, 'bearer');
  assert.match(body.access_token, HEX40);
  assert.match(body.refresh_token, HEX40);
  assert.equal(body.expires_in, 1200);
  assert.equal(body.scope, 'merchant');
  assert.equal(response.headers['cache-control'], 'no-store');
});

test('grant_type defaults to client_credentials, and the form may carry charset', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, {
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
  });
  assert.equal(response.statusCode, 200);
  assert.equal(response.json().scope, 'merchant');
});

test('FLEXITI_MOCK_TOKEN_TTL sets expires_in', async (t) => {
  const { app } = await buildTestApp(t, { config: { tokenTtl: 60 } });
  const response = await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
  assert.equal(response.json().expires_in, 60);
});

test('password grant sent the Magento way: Basic client auth and username/password in the form', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await tokenRequest(app, { grant_type: 'password', username: DEMO.username, password: DEMO.password }, {
    headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) },
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.match(response.json().access_token, HEX40);
});

test('password grant with client credentials in the body', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await tokenRequest(app, {
    grant_type: 'password', client_id: DEMO.clientId, client_secret: DEMO.clientSecret, username: DEMO.username, password: DEMO.password,
  });
  assert.equal(response.statusCode, 200);
});

const failures: Array<{ name: string; body: Record<string, string>; headers?: Record<string, string>; status: number; error: string; description: string }> = [
  { name: 'wrong password', body: { grant_type: 'password', username: DEMO.username, password: 'nope' }, headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) }, status: 400, error: 'invalid_grant', description: ERR.badUserCredentials },
  { name: 'wrong username', body: { grant_type: 'password', username: 'someone', password: DEMO.password }, headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) }, status: 400, error: 'invalid_grant', description: ERR.badUserCredentials },
  { name: 'password grant without username', body: { grant_type: 'password', password: DEMO.password }, headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) }, status: 400, error: 'invalid_request', description: ERR.missingUserCredentials },
  { name: 'another merchant\'s user', body: { grant_type: 'password', username: MAPLE.username, password: MAPLE.password }, headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) }, status: 400, error: 'invalid_grant', description: ERR.badUserCredentials },
  { name: 'unknown client', body: { client_id: 'xxxxxx', client_secret: 'whatever' }, status: 400, error: 'invalid_client', description: ERR.badClientCredentials },
  { name: 'wrong secret', body: { client_id: DEMO.clientId, client_secret: 'wrong' }, status: 400, error: 'invalid_client', description: ERR.badClientCredentials },
  { name: 'missing secret', body: { client_id: DEMO.clientId }, status: 400, error: 'invalid_client', description: ERR.badClientCredentials },
  { name: 'missing client_id', body: { client_secret: DEMO.clientSecret }, status: 400, error: 'invalid_client', description: ERR.missingClientId },
  { name: 'unknown client in Basic', body: { grant_type: 'password', username: DEMO.username, password: DEMO.password }, headers: { authorization: basic('nobody', 'x') }, status: 400, error: 'invalid_client', description: ERR.badClientCredentials },
  { name: 'Basic and body disagree', body: { client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret }, headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) }, status: 400, error: 'invalid_client', description: ERR.conflictingClientCredentials },
  { name: 'unsupported grant_type', body: { grant_type: 'authorization_code', client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, status: 400, error: 'invalid_request', description: ERR.badGrantType },
  { name: 'the refresh guide\'s "client_credential" typo', body: { grant_type: 'client_credential', client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, status: 400, error: 'invalid_request', description: ERR.badGrantType },
  { name: 'unknown scope', body: { client_id: DEMO.clientId, client_secret: DEMO.clientSecret, scope: 'admin' }, status: 400, error: 'invalid_request', description: ERR.badScope },
  { name: 'refresh without refresh_token', body: { grant_type: 'refresh_token', client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, status: 400, error: 'invalid_request', description: ERR.missingRefreshToken },
  { name: 'unknown refresh token', body: { grant_type: 'refresh_token', refresh_token: 'f'.repeat(40) }, status: 400, error: 'invalid_grant', description: ERR.badRefreshToken },
];

for (const failure of failures) {
  test(`token endpoint refuses: ${failure.name}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await tokenRequest(app, failure.body, { headers: failure.headers ?? {} });
    assert.equal(response.statusCode, failure.status);
    assert.deepEqual(response.json(), { code: failure.status, error: failure.error, error_description: failure.description });
  });
}

test('a JSON body is refused with invalid_request, even with valid credentials', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({
    method: 'POST',
    url: '/flexiti/online-api/oauth/token',
    headers: { 'content-type': 'application/json' },
    payload: { client_id: DEMO.clientId, client_secret: DEMO.clientSecret },
  });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.json(), { code: 400, error: 'invalid_request', error_description: ERR.formOnly });
});

test('a token request with no body, or with parameters in the query string only, is refused', async (t) => {
  const { app } = await buildTestApp(t);
  const noBody = await app.inject({ method: 'POST', url: `/flexiti/online-api/oauth/token?client_id=${DEMO.clientId}&client_secret=${DEMO.clientSecret}` });
  assert.equal(noBody.statusCode, 400);
  assert.equal(noBody.json().error, 'invalid_request');
});

test('a parameter sent twice is an invalid_request, not a crash', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({
    method: 'POST',
    url: '/flexiti/online-api/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `client_id=${DEMO.clientId}&client_id=other&client_secret=${DEMO.clientSecret}`,
  });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().error, 'invalid_request');
});

test('customer scope can be requested', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret, scope: 'customer' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.json().scope, 'customer');
});

test('refresh before expiry returns a new pair; the used refresh token is refused on reuse', async (t) => {
  const { app, clock } = await buildTestApp(t);
  const first = (await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret })).json();
  clock.advance(1100);
  const refreshed = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
  assert.equal(refreshed.statusCode, 200);
  const second = refreshed.json();
  assert.notEqual(second.access_token, first.access_token);
  assert.notEqual(second.refresh_token, first.refresh_token);
  assert.equal(second.expires_in, 1200);
  assert.equal(second.scope, 'merchant');

  const reuse = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
  assert.deepEqual(reuse.json(), { code: 400, error: 'invalid_grant', error_description: ERR.usedRefreshToken });
});

test('refresh after the access token expired is invalid_grant (manual clock, no sleeping)', async (t) => {
  const { app, clock } = await buildTestApp(t);
  const first = (await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret })).json();
  clock.advance(1200);
  const response = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
  assert.deepEqual(response.json(), { code: 400, error: 'invalid_grant', error_description: ERR.expiredRefreshToken });
});

test('a merchant\'s own clock decides its refresh expiry', async (t) => {
  const { app, clock } = await buildTestApp(t);
  const first = (await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret })).json();
  clock.advance(1201, MAPLE.clientId);
  const ok = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
  assert.equal(ok.statusCode, 200);
});

test('refresh with another client\'s credentials is refused', async (t) => {
  const { app } = await buildTestApp(t);
  const first = (await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret })).json();
  const response = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret });
  assert.deepEqual(response.json(), { code: 400, error: 'invalid_grant', error_description: ERR.refreshClientMismatch });
});

test('lenient mode accepts the last access token as refresh_token (Flexiti refresh guide); strict mode does not', async (t) => {
  const lenient = await buildTestApp(t);
  const a = (await tokenRequest(lenient.app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret })).json();
  const viaAccess = await tokenRequest(lenient.app, { grant_type: 'refresh_token', refresh_token: a.access_token });
  assert.equal(viaAccess.statusCode, 200);

  const strict = await buildTestApp(t, { config: { strict: true } });
  const headers = { 'x-reference-id': crypto.randomUUID() };
  const b = (await tokenRequest(strict.app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret }, { headers })).json();
  const refused = await tokenRequest(strict.app, { grant_type: 'refresh_token', refresh_token: b.access_token }, { headers });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error, 'invalid_grant');
});
