import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { API, DEMO, bearer, buildTestApp, getToken } from '../helpers/app.js';
import { SEED, encodeBody } from '../helpers/orders.js';

const URLS = [
  `${API}/online/v2/client-id/${DEMO.clientId}/systems/init`,
  `${API}/online/client-id/${DEMO.clientId}/systems/init`,
  `${API}/online/client-id/${DEMO.clientId}/systems/learn-more`,
];

/** Any JSON or form body, including the seed bodies with fields replaced by junk: a 200 or a 4xx envelope, never a 5xx. */
test('fuzz: init and learn-more never answer 5xx', async (t) => {
  const { app } = await buildTestApp(t);
  const token = await getToken(app);
  const junkSeed = fc
    .tuple(fc.constantFrom(SEED.apply, SEED.buy, SEED['apply/buy']), fc.dictionary(fc.constantFrom('flow', 'lang', 'amount_requested', 'vcc', 'customer_id', 'province', 'billing_information', 'mname', 'merchant_order_id', 'is_guest'), fc.jsonValue()))
    .map(([seed, junk]) => ({ ...seed, ...junk }));
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.jsonValue(), junkSeed), fc.constantFrom(...URLS), fc.constantFrom('json', 'form-brackets', 'form-dots' as const), async (body, url, style) => {
      const { payload, contentType } = style === 'json' || (typeof body === 'object' && body !== null) ? encodeBody(body, style) : encodeBody(body, 'json');
      const response = await app.inject({ method: 'POST', url, headers: { ...bearer(token), 'content-type': contentType }, payload });
      assert.ok(response.statusCode < 500, `${response.statusCode} ${response.body} for ${payload}`);
      if (response.statusCode !== 200) assert.deepEqual(Object.keys(response.json()), ['code', 'error', 'error_description']);
    }),
    { numRuns: 300, seed: 42 },
  );
});
