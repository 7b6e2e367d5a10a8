import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import {
  ClockViewSchema, DeletedSchema, FaultCreatedSchema, FaultListSchema, FaultViewSchema, JournalListSchema, OutcomeCatalogueSchema, ResetResultSchema,
} from '../../src/schemas/admin.js';
import { DEMO, buildTestApp, tokenRequest } from '../helpers/app.js';

/** The body matches its documented schema exactly: parsing (which drops unknown keys) changes nothing. */
function matches(schema: z.ZodType, body: unknown, what: string) {
  const parsed = schema.safeParse(body);
  assert.ok(parsed.success, `${what}: ${JSON.stringify(parsed.error?.issues)}`);
  assert.deepEqual(parsed.data, body, `${what} has fields its schema does not document`);
}

test('every control endpoint answers with its documented response schema', async (t) => {
  const { app } = await buildTestApp(t);
  const created = (await app.inject({ method: 'POST', url: '/__admin/faults', payload: { match: { client_id: DEMO.clientId, operation: 'token' }, times: 0, probability: 0.5, seed: 1, action: { status: 500, body: { a: 1 } } } })).json();
  matches(FaultCreatedSchema, created, 'POST /__admin/faults');
  matches(FaultListSchema, (await app.inject({ url: '/__admin/faults' })).json(), 'GET /__admin/faults');
  matches(FaultViewSchema, (await app.inject({ url: `/__admin/faults/${created.id}` })).json(), 'GET /__admin/faults/{id}');
  await tokenRequest(app, { client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
  matches(JournalListSchema, (await app.inject({ url: '/__admin/requests' })).json(), 'GET /__admin/requests');
  matches(DeletedSchema, (await app.inject({ method: 'DELETE', url: `/__admin/faults/${created.id}` })).json(), 'DELETE /__admin/faults/{id}');
  matches(DeletedSchema, (await app.inject({ method: 'DELETE', url: '/__admin/faults' })).json(), 'DELETE /__admin/faults');
  matches(DeletedSchema, (await app.inject({ method: 'DELETE', url: '/__admin/requests' })).json(), 'DELETE /__admin/requests');
  matches(ClockViewSchema, (await app.inject({ url: `/__admin/clock?client_id=${DEMO.clientId}` })).json(), 'GET /__admin/clock');
  matches(ClockViewSchema, (await app.inject({ method: 'POST', url: '/__admin/clock', payload: { advance_seconds: 5 } })).json(), 'POST /__admin/clock');
  matches(ResetResultSchema, (await app.inject({ method: 'POST', url: '/__admin/reset', payload: { client_id: DEMO.clientId } })).json(), 'POST /__admin/reset');
  matches(OutcomeCatalogueSchema, (await app.inject({ url: '/__admin/outcomes' })).json(), 'GET /__admin/outcomes');
});
