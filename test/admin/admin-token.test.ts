import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR } from '../../src/http/errors.js';
import { buildTestApp } from '../helpers/app.js';

const ADMIN_TOKEN = 'admin-secret-123';
const PROTECTED = [['GET', '/__admin/faults'], ['POST', '/__admin/faults'], ['DELETE', '/__admin/faults'], ['GET', '/__admin/clock'], ['POST', '/__admin/clock'], ['GET', '/__admin/requests'], ['DELETE', '/__admin/requests'], ['POST', '/__admin/reset']] as const;

test('with an admin token set: admin calls without it → 401, health and ready still 200', async (t) => {
  const { app } = await buildTestApp(t, { config: { adminToken: ADMIN_TOKEN } });
  for (const [method, url] of PROTECTED) {
    const response = await app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
    assert.equal(response.statusCode, 401, `${method} ${url}`);
    assert.deepEqual(response.json(), { code: 401, error: 'invalid_token', error_description: ERR.missingAdminToken });
  }
  const wrong = await app.inject({ url: '/__admin/faults', headers: { authorization: 'Bearer nope' } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error_description, ERR.badAdminToken);
  const basic = await app.inject({ url: '/__admin/faults', headers: { authorization: `Basic ${ADMIN_TOKEN}` } });
  assert.equal(basic.statusCode, 401);
  assert.equal((await app.inject({ url: '/__admin/health' })).statusCode, 200);
  assert.equal((await app.inject({ url: '/__admin/ready' })).statusCode, 200);
  assert.equal((await app.inject({ url: '/__admin/health/' })).statusCode, 200);
});

test('with the admin token, admin calls work', async (t) => {
  const { app } = await buildTestApp(t, { config: { adminToken: ADMIN_TOKEN } });
  const response = await app.inject({ url: '/__admin/faults', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { faults: [] });
});

test('without an admin token configured, admin calls need no header', async (t) => {
  const { app } = await buildTestApp(t);
  assert.equal((await app.inject({ url: '/__admin/faults' })).statusCode, 200);
});
