import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator, type SpecData } from '@seriousme/openapi-schema-validator';
import Fastify from 'fastify';
import { z } from 'zod';
import { ROUTE_DOCS } from '../../../src/openapi/docs.js';
import { buildOpenApiDocument, openApiPath } from '../../../src/openapi/document.js';
import { collectRoutes } from '../../../src/openapi/routes.js';
import { zodValidatorCompiler } from '../../../src/http/validation.js';
import { buildTestApp, PUBLIC_URL } from '../../helpers/app.js';
import { routeKeys } from '../../helpers/routes.js';

type Doc = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Record<string, any>>>;
  components: { schemas: Record<string, any> };
};

async function fetchDocument(t: Parameters<typeof buildTestApp>[0]) {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'GET', url: '/__admin/openapi.json' });
  assert.equal(response.statusCode, 200);
  assert.match(response.headers['content-type'] as string, /application\/json/);
  return { app, doc: response.json() as Doc };
}

const documented = (doc: Doc) =>
  Object.entries(doc.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();

test('GET /__admin/openapi.json is a valid OpenAPI 3.1 document', async (t) => {
  const { doc } = await fetchDocument(t);
  const validator = new Validator();
  const result = await validator.validate(doc as unknown as SpecData);
  assert.deepEqual(result.errors ?? [], []);
  assert.equal(result.valid, true);
  assert.equal(validator.version, '3.1');
  assert.deepEqual(doc.servers, [{ url: PUBLIC_URL }]);
});

test('it lists every route the app registers, and nothing else', async (t) => {
  const { app, doc } = await fetchDocument(t);
  const routes = routeKeys(app);
  assert.ok(routes.includes('POST /flexiti/online-api/oauth/token'));
  assert.ok(routes.includes('GET /__admin/openapi.json'));
  assert.deepEqual(documented(doc), routes);
});

test('the token endpoint: form body, token response, and the error envelope for every 4XX', async (t) => {
  const { doc } = await fetchDocument(t);
  const token = doc.paths['/flexiti/online-api/oauth/token']!.post!;
  assert.ok(token.responses['200'].content['application/json'].schema.properties.access_token);
  assert.deepEqual(token.responses['4XX'].content['application/json'].schema, { $ref: '#/components/schemas/ErrorEnvelope' });
  assert.deepEqual(Object.keys(doc.components.schemas.ErrorEnvelope.properties).sort(), ['code', 'error', 'error_description']);
  assert.deepEqual(token.security, [{}, { clientBasic: [] }]);
});

test('request parts come from the routes\' zod schemas (params, querystring, headers, body; input types)', async () => {
  const app = Fastify();
  const routes = collectRoutes(app);
  app.setValidatorCompiler(zodValidatorCompiler);
  const Body = z.object({ amount: z.coerce.number().positive(), flow: z.enum(['apply', 'buy']).default('apply'), note: z.string().optional() });
  app.post(
    '/flexiti/online-api/online/client-id/:clientId/things',
    {
      schema: { params: z.object({ clientId: z.string() }), querystring: z.object({ lang: z.enum(['en', 'fr']).optional(), price: z.string() }), body: Body },
      config: { openapi: { summary: 'Things', responses: { 201: z.object({ id: z.number().int() }) } } },
      handler: async () => ({}),
    },
  );
  await app.ready();
  const doc = buildOpenApiDocument(routes, { serverUrl: 'http://x', version: '1' }) as unknown as Doc;
  const op = doc.paths['/flexiti/online-api/online/client-id/{clientId}/things']!.post!;
  assert.equal(op.summary, 'Things');
  const params = Object.fromEntries(op.parameters.filter((p: any) => p.name).map((p: any) => [`${p.in}:${p.name}`, p.required]));
  assert.deepEqual(params, { 'path:clientId': true, 'query:lang': false, 'query:price': true });
  assert.ok(op.parameters.some((p: any) => p.$ref === '#/components/parameters/ReferenceId'));
  const body = op.requestBody.content['application/json'].schema;
  assert.deepEqual(body.required, ['amount']);
  assert.deepEqual(body.properties.flow.enum, ['apply', 'buy']);
  assert.ok(op.requestBody.content['application/x-www-form-urlencoded'], 'Flexiti routes take form bodies too');
  assert.deepEqual(op.responses['201'].content['application/json'].schema.required, ['id']);
  assert.deepEqual(op.security, [{ merchantBearer: [] }]);
  assert.equal(op.requestBody.required, true);
  const result = await new Validator().validate(doc as unknown as SpecData);
  assert.equal(result.valid, true, JSON.stringify(result.errors));
  await app.close();
});

test('every response table entry names a registered route, and documents a success body', async (t) => {
  const { app, doc } = await fetchDocument(t);
  const routes = new Set(routeKeys(app));
  for (const key of Object.keys(ROUTE_DOCS)) {
    assert.ok(routes.has(key), `ROUTE_DOCS has '${key}', which no route registers`);
    const [method, url] = key.split(' ') as [string, string];
    const op = doc.paths[openApiPath(url)]![method.toLowerCase()]!;
    const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
    assert.ok(success.length > 0 && success.every(([, r]: [string, any]) => Object.values(r.content ?? {}).some((c: any) => c.schema)), key);
  }
});
