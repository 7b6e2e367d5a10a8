import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPERATIONS, operationOf } from '../../src/http/operations.js';
import { buildTestApp } from '../helpers/app.js';

test('every registered Flexiti route has an operation name (faults match by it)', async (t) => {
  const { app } = await buildTestApp(t);
  const routes = [...app.printRoutes({ commonPrefix: false }).matchAll(/(\/flexiti\/online-api\S*) \(([A-Z, ]+)\)/g)];
  assert.ok(routes.length >= 10, `found ${routes.length} routes`);
  const named = new Set<string>();
  for (const [, url, methods] of routes) {
    for (const method of (methods as string).split(', ')) {
      const operation = operationOf(method, url);
      assert.ok(operation, `${method} ${url} has no operation in src/http/operations.ts`);
      named.add(operation);
    }
  }
  assert.deepEqual([...named].filter((name) => !OPERATIONS.includes(name)), []);
});

const table: Array<[string, string, string | undefined]> = [
  ['POST', '/flexiti/online-api/oauth/token', 'token'],
  ['POST', '/flexiti/online-api/online/v2/client-id/:clientId/systems/init', 'init'],
  ['POST', '/flexiti/online-api/online/client-id/:id/systems/init', 'init-apply-only'],
  ['GET', '/flexiti/online-api/online/client-id/:clientId/notifications/:orderId', 'notification-legacy'],
  ['HEAD', '/flexiti/online-api/online/v2/client-id/:clientId/systems/payment-calculator', 'payment-calculator'],
  ['GET', '/flexiti/online-api/oauth/token', undefined],
  ['GET', '/__admin/health', undefined],
  ['POST', undefined as unknown as string, undefined],
];
for (const [method, url, expected] of table) {
  test(`operationOf(${method} ${url}) = ${expected}`, () => assert.equal(operationOf(method, url), expected));
}
