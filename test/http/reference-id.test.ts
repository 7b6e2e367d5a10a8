import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { WARNING_HEADER } from '../../src/http/reference-id.js';
import { DEMO, buildTestApp, tokenRequest } from '../helpers/app.js';

const creds = { client_id: DEMO.clientId, client_secret: DEMO.clientSecret };

test('missing x-reference-id: 200 plus a warning header by default', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await tokenRequest(app, creds);
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers[WARNING_HEADER]), /x-reference-id/);
  assert.equal(response.headers['x-reference-id'], undefined);
});

test('32- and 36-character GUIDs are echoed without a warning', async (t) => {
  const { app } = await buildTestApp(t, { config: { strict: true } });
  for (const id of ['0123456789abcdef0123456789abcdef', '3f2504e0-4f89-41d3-9a0c-0305e82c3301']) {
    const response = await tokenRequest(app, creds, { headers: { 'x-reference-id': id } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['x-reference-id'], id);
    assert.equal(response.headers[WARNING_HEADER], undefined);
  }
});

test('strict mode: a missing x-reference-id is 400 invalid_request', async (t) => {
  const { app } = await buildTestApp(t, { config: { strict: true } });
  const response = await tokenRequest(app, creds);
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.json(), { code: 400, error: 'invalid_request', error_description: ERR.missingReferenceId });
});

test('a non-GUID reference id: warning by default, 400 in strict mode, echoed either way', async (t) => {
  const lenient = await buildTestApp(t);
  const ok = await tokenRequest(lenient.app, creds, { headers: { 'x-reference-id': 'order-42' } });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.headers['x-reference-id'], 'order-42');
  assert.match(String(ok.headers[WARNING_HEADER]), /GUID/);
  const strict = await buildTestApp(t, { config: { strict: true } });
  const refused = await tokenRequest(strict.app, creds, { headers: { 'x-reference-id': 'order-42' } });
  assert.deepEqual(refused.json(), { code: 400, error: 'invalid_request', error_description: ERR.badReferenceId });
  assert.equal(refused.headers['x-reference-id'], 'order-42');
});
