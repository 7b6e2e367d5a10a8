import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { API, buildTestApp } from '../helpers/app.js';

const cases = [
  { name: 'unknown route', method: 'GET', url: '/nowhere', status: 404, error: 'not_found' },
  { name: 'unknown Flexiti route', method: 'GET', url: `${API}/online/client-id/flexitidemo/unknown`, status: 404, error: 'not_found' },
  { name: 'unparseable JSON', method: 'POST', url: `${API}/oauth/token`, headers: { 'content-type': 'application/json' }, payload: '{"a":', status: 400, error: 'invalid_request', description: ERR.invalidJson },
  { name: 'empty JSON body', method: 'POST', url: `${API}/oauth/token`, headers: { 'content-type': 'application/json' }, payload: '', status: 400, error: 'invalid_request', description: ERR.emptyBody },
  { name: 'prototype pollution in JSON', method: 'POST', url: `${API}/oauth/token`, headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1}}', status: 400, error: 'invalid_request' },
  { name: 'text/plain body', method: 'POST', url: `${API}/oauth/token`, headers: { 'content-type': 'text/plain' }, payload: 'hello', status: 415, error: 'unsupported_media_type', description: ERR.unsupportedMediaType },
  { name: 'XML body', method: 'POST', url: `${API}/oauth/token`, headers: { 'content-type': 'application/xml' }, payload: '<a/>', status: 415, error: 'unsupported_media_type' },
  { name: 'body over 1 MB', method: 'POST', url: `${API}/oauth/token`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `client_id=${'x'.repeat(1024 * 1024 + 10)}`, status: 413, error: 'payload_too_large', description: ERR.tooLarge },
] as const;

for (const c of cases) {
  test(`error envelope: ${c.name} → ${c.status} ${c.error}`, async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject({ method: c.method, url: c.url, headers: 'headers' in c ? c.headers : {}, payload: 'payload' in c ? c.payload : undefined });
    assert.equal(response.statusCode, c.status);
    const body = response.json();
    assert.deepEqual(Object.keys(body), ['code', 'error', 'error_description']);
    assert.equal(body.code, c.status);
    assert.equal(body.error, c.error);
    if ('description' in c) assert.equal(body.error_description, c.description);
    assert.doesNotMatch(response.body, /at .*\.(ts|js):\d+/);
  });
}

test('an unexpected error is a 500 envelope without internals', async (t) => {
  const broken = await buildTestApp(t);
  // The app's database is closed underneath it, so the token request hits a real failure.
  broken.store.db.close();
  const response = await broken.app.inject({
    method: 'POST',
    url: `${API}/oauth/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'client_id=flexitidemo&client_secret=77fde15a-9d33-4e15-930a-76e4b3ae33e9',
  });
  assert.equal(response.statusCode, 500);
  assert.deepEqual(response.json(), { code: 500, error: 'server_error', error_description: ERR.serverError });
});
