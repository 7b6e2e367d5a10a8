import { z } from 'zod';
import { ErrorEnvelopeSchema, ROUTE_DOCS } from './docs.js';
import type { CollectedRoute, ResponseDoc, RouteDoc } from './routes.js';

type Json = Record<string, unknown>;

export const FLEXITI_PREFIX = '/flexiti/online-api';
export const ADMIN_PREFIX = '/__admin';
const TOKEN_PATH = `${FLEXITI_PREFIX}/oauth/token`;
const OPEN_ADMIN = new Set([`${ADMIN_PREFIX}/health`, `${ADMIN_PREFIX}/ready`]);

const isZod = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;

/**
 * zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1). `io: 'input'` documents what a client
 * sends (before coercion and defaults); types JSON Schema cannot express become `{}`. Definitions
 * zod extracts (`.meta({id})`, cycles) move to `components.schemas`.
 */
function toSchema(schema: unknown, components: Json): Json {
  if (!isZod(schema)) return (schema ?? {}) as Json;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete json.$schema;
  const defs = json.$defs as Json | undefined;
  delete json.$defs;
  if (defs) Object.assign(components, defs);
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
}

/** `/a/:clientId/b` → `/a/{clientId}/b`; a wildcard becomes `{wildcard}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{wildcard}');
}

const pathParams = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string).concat(url.endsWith('*') ? ['wildcard'] : []);

function objectParameters(schema: unknown, where: 'query' | 'path' | 'header', components: Json): Json[] {
  if (schema === undefined) return [];
  const json = toSchema(schema, components);
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

function area(url: string): 'token' | 'flexiti' | 'admin' | 'hosted' {
  if (url === TOKEN_PATH) return 'token';
  if (url.startsWith(`${FLEXITI_PREFIX}/`)) return 'flexiti';
  if (url === ADMIN_PREFIX || url.startsWith(`${ADMIN_PREFIX}/`)) return 'admin';
  return 'hosted';
}

const TAGS = { token: 'Flexiti: authentication', flexiti: 'Flexiti Online API', admin: 'Admin (mock-only)', hosted: 'Hosted pages (mock-only HTML)' } as const;

function requestBody(route: CollectedRoute, components: Json): Json | undefined {
  if (route.schema.body === undefined) return undefined;
  const schema = toSchema(route.schema.body, components);
  // Flexiti endpoints take JSON and form bodies alike (contract C4); the token endpoint forms only.
  const types = { token: ['application/x-www-form-urlencoded'], flexiti: ['application/json', 'application/x-www-form-urlencoded'], admin: ['application/json'], hosted: ['application/x-www-form-urlencoded'] }[area(route.url)];
  // A body schema that accepts no body at all (e.g. `.nullish()`) makes the body optional.
  const required = !isZod(route.schema.body) || !route.schema.body.safeParse(undefined).success;
  return { required, content: Object.fromEntries(types.map((t) => [t, { schema }])) };
}

function responseObject(value: z.ZodType | ResponseDoc, status: string, components: Json): Json {
  const doc: ResponseDoc = isZod(value) ? { description: status.startsWith('2') ? 'Success' : 'Response', schema: value } : value;
  if (!doc.schema) return { description: doc.description };
  return { description: doc.description, content: { [doc.contentType ?? 'application/json']: { schema: toSchema(doc.schema, components) } } };
}

function responses(route: CollectedRoute, doc: RouteDoc, components: Json): Json {
  const out: Json = {};
  for (const [status, value] of Object.entries(doc.responses ?? {})) out[status] = responseObject(value, status, components);
  if (!Object.keys(out).some((s) => s.startsWith('2') || s.startsWith('3'))) {
    out['200'] = area(route.url) === 'hosted' ? { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } } : { description: 'Success' };
  }
  const envelope = { $ref: '#/components/schemas/ErrorEnvelope' };
  out['4XX'] ??= { description: 'Error envelope; `code` equals the HTTP status (contract C4)', content: { 'application/json': { schema: envelope } } };
  out['5XX'] ??= { description: 'Error envelope (only when a fault is injected, contract C7)', content: { 'application/json': { schema: envelope } } };
  return out;
}

function security(route: CollectedRoute): Json[] | undefined {
  switch (area(route.url)) {
    case 'token':
      return [{}, { clientBasic: [] }];
    case 'flexiti':
      return [{ merchantBearer: [] }];
    case 'admin':
      return OPEN_ADMIN.has(route.url) ? [] : [{}, { adminToken: [] }];
    case 'hosted':
      return [];
  }
}

function operationId(route: CollectedRoute): string {
  const words = `${route.method.toLowerCase()} ${route.url}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

function operation(route: CollectedRoute, components: Json): Json {
  const doc: RouteDoc = { ...ROUTE_DOCS[`${route.method} ${route.url}`], ...route.doc };
  const parameters = [
    ...objectParameters(route.schema.params, 'path', components),
    ...objectParameters(route.schema.querystring, 'query', components),
    ...objectParameters(route.schema.headers, 'header', components),
  ];
  for (const name of pathParams(route.url)) {
    if (!parameters.some((p) => p.in === 'path' && p.name === name)) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  if (area(route.url) !== 'admin' && area(route.url) !== 'hosted' && !parameters.some((p) => p.in === 'header' && p.name === 'x-reference-id')) {
    parameters.push({ $ref: '#/components/parameters/ReferenceId' });
  }
  const body = requestBody(route, components);
  return {
    operationId: operationId(route),
    tags: [TAGS[area(route.url)]],
    ...(doc.summary ? { summary: doc.summary } : {}),
    ...(doc.description ? { description: doc.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(route, doc, components),
    security: security(route),
  };
}

export interface DocumentOptions {
  serverUrl: string;
  version: string;
}

/** OpenAPI 3.1 for every collected route (contract C6). */
export function buildOpenApiDocument(routes: readonly CollectedRoute[], options: DocumentOptions): Json {
  const schemas: Json = { ErrorEnvelope: toSchema(ErrorEnvelopeSchema, {}) };
  const paths: Record<string, Json> = {};
  const sorted = [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  for (const route of sorted) {
    const path = openApiPath(route.url);
    paths[path] ??= {};
    (paths[path] as Json)[route.method.toLowerCase()] = operation(route, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'flexiti-mock',
      version: options.version,
      description:
        'A stateful mock of the Flexiti Online API (paths under /flexiti/online-api) plus its own admin API ' +
        '(/__admin, mock-only) and the hosted flow pages. Generated at run time from the zod schemas the routes validate with.',
    },
    servers: [{ url: options.serverUrl }],
    tags: Object.values(TAGS).map((name) => ({ name })),
    paths,
    components: {
      schemas,
      parameters: {
        ReferenceId: {
          name: 'x-reference-id',
          in: 'header',
          required: false,
          description: 'A GUID (32 hex, or 36 with hyphens), echoed back. Missing: accepted with an x-flexiti-mock-warning header, or 400 in strict mode (contract C4).',
          schema: { type: 'string' },
        },
      },
      securitySchemes: {
        merchantBearer: { type: 'http', scheme: 'bearer', description: 'A merchant access token from POST /flexiti/online-api/oauth/token (40 lowercase hex).' },
        clientBasic: { type: 'http', scheme: 'basic', description: 'client_id:client_secret, instead of sending them in the form.' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'FLEXITI_MOCK_ADMIN_TOKEN, needed only when it is set.' },
      },
    },
  };
}
