import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, MAPLE, buildTestApp, tokenRequest } from '../helpers/app.js';

const EVIL = '<script>alert("x")</script>';

test('GET /__admin/ is an HTML page with empty sections on a fresh mock', async (t) => {
  const { app } = await buildTestApp(t);
  for (const url of ['/__admin/', '/__admin']) {
    const response = await app.inject({ url });
    assert.equal(response.statusCode, 200, url);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(String(response.headers['content-security-policy']), /default-src 'none'/);
    assert.match(response.body, /data-testid="no-orders"/);
    assert.match(response.body, /data-testid="no-deliveries"/);
    assert.match(response.body, /2026-01-15T12:00:00.000Z/);
  }
});

test('the dashboard lists callbacks and requests, escapes every value, and filters by client_id', async (t) => {
  const { app, store, clock } = await buildTestApp(t);
  store.deliveries.enqueue({
    id: 'dlv_evil', client_id: DEMO.clientId, order_id: null, event: 'Purchase', notification_type: 'Success',
    url: `http://merchant.test/${EVIL}`, body: '{}', reference_id: crypto.randomUUID(), created_at: clock.now(),
  });
  await tokenRequest(app, { client_id: MAPLE.clientId, client_secret: MAPLE.clientSecret });
  const page = (await app.inject({ url: '/__admin/' })).body;
  assert.match(page, /data-testid="delivery-dlv_evil"/);
  assert.ok(!page.includes(EVIL), 'raw markup from data must never reach the page');
  assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.match(page, /POST \/flexiti\/online-api\/oauth\/token/);

  const demoOnly = (await app.inject({ url: `/__admin/?client_id=${DEMO.clientId}` })).body;
  assert.match(demoOnly, /dlv_evil/);
  assert.match(demoOnly, /data-testid="no-requests"/);
  assert.equal((await app.inject({ url: '/__admin/?client_id=' })).statusCode, 409);
});
