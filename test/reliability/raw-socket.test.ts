import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import type { AddressInfo } from 'node:net';
import { ERR } from '../../src/http/errors.js';
import { API, buildTestApp } from '../helpers/app.js';
import { registeredRoutes } from '../helpers/routes.js';

/**
 * Bytes `app.inject` cannot produce: requests Node's HTTP parser refuses before Fastify sees them,
 * and raw non-UTF-8 bytes in the URL. Each must still be answered in the envelope (contract C4).
 */

function rawRequest(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', (error) => (data ? resolve(data) : reject(error)));
    socket.on('close', () => resolve(data));
    socket.end(bytes);
  });
}

function parse(raw: string): { status: number; body: unknown } {
  const match = raw.match(/^HTTP\/1\.1 (\d{3})/);
  assert.ok(match, `not an HTTP answer: ${JSON.stringify(raw.slice(0, 200))}`);
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return { status: Number(match[1]), body: JSON.parse(body) };
}

const b = (text: string) => Buffer.from(text, 'latin1');

const cases: Array<{ name: string; bytes: Buffer; status: number; error?: string; description?: string }> = [
  { name: 'a request line that is not HTTP', bytes: b('HELLO THERE\r\n\r\n'), status: 400, error: 'invalid_request', description: ERR.malformedRequest },
  { name: 'a NUL byte in a header value', bytes: b('GET /__admin/health HTTP/1.1\r\nHost: x\r\nX-Reference-Id: a\u0000b\r\n\r\n'), status: 400, error: 'invalid_request' },
  { name: 'a space in a header name', bytes: b('GET /__admin/health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'), status: 400, error: 'invalid_request' },
  { name: 'Content-Length and Transfer-Encoding together (smuggling)', bytes: b(`POST ${API}/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`), status: 400, error: 'invalid_request' },
  { name: 'a bad chunk size', bytes: b(`POST ${API}/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`), status: 400, error: 'invalid_request' },
  { name: 'headers over 16 KB', bytes: b(`GET /__admin/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), status: 431, error: 'request_header_fields_too_large', description: ERR.headersTooLarge },
  { name: 'bad percent-encoding in the path', bytes: b(`GET ${API}/online/client-id/%E0%A4%A/notifications/order-id/1 HTTP/1.1\r\nHost: x\r\n\r\n`), status: 400, error: 'invalid_request', description: ERR.badUrl },
  { name: 'an overlong UTF-8 "../" in the path', bytes: b('GET /__admin/%C0%AE%C0%AE/health HTTP/1.1\r\nHost: x\r\n\r\n'), status: 400, error: 'invalid_request', description: ERR.badUrl },
  { name: 'raw invalid UTF-8 bytes in a JSON body', bytes: Buffer.concat([b(`POST ${API}/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n`), Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])]), status: 400, error: 'invalid_request' },
];

test('requests refused by the HTTP parser or the router still get the envelope, and the server keeps serving', async (t) => {
  const { app } = await buildTestApp(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  // A path parameter over 100 characters (api-notes §3: ids are ASCII(100)), on the first route that has one.
  const withParam = registeredRoutes(app).find((route) => route.method === 'GET' && route.url.includes('/:'));
  if (withParam) {
    const url = withParam.url.replace(/:[A-Za-z0-9_]+/g, 'x'.repeat(150));
    cases.push({ name: `a path parameter over 100 characters (${withParam.url})`, bytes: b(`GET ${url} HTTP/1.1\r\nHost: x\r\n\r\n`), status: 414, error: 'uri_too_long', description: ERR.paramTooLong });
  }
  for (const c of cases) {
    const { status, body } = parse(await rawRequest(port, c.bytes));
    assert.equal(status, c.status, c.name);
    assert.deepEqual(Object.keys(body as object), ['code', 'error', 'error_description'], c.name);
    const envelope = body as { code: number; error: string; error_description: string };
    assert.equal(envelope.code, c.status, c.name);
    if (c.error) assert.equal(envelope.error, c.error, c.name);
    if (c.description) assert.equal(envelope.error_description, c.description, c.name);
  }
  const health = await fetch(`http://127.0.0.1:${port}/__admin/health`);
  assert.equal(health.status, 200);
});
