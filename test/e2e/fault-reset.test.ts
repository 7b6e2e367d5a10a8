import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { DEMO, buildTestApp, form } from '../helpers/app.js';

/** POSTs a token form over a real socket; resolves with the status or rejects with the socket error. */
function postToken(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = form({ client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/flexiti/online-api/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('reset_connection: the client sees its connection reset, and the next request is normal', async (t) => {
  const { app } = await buildTestApp(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const created = await app.inject({ method: 'POST', url: '/__admin/faults', payload: { match: { operation: 'token' }, action: { reset_connection: true } } });
  assert.equal(created.statusCode, 201);

  await assert.rejects(postToken(port), (error: NodeJS.ErrnoException) => {
    assert.equal(error.code, 'ECONNRESET');
    return true;
  });
  assert.equal(await postToken(port), 200);
  const journal = (await app.inject({ url: '/__admin/requests' })).json().requests;
  assert.deepEqual(journal.map((e: { status: number | null; fault: string | null }) => [e.status, e.fault]), [[200, null], [null, created.json().id]]);
});

test('closing the server cuts an injected delay short, so graceful shutdown is not held up', { timeout: 20_000 }, async (t) => {
  const { app } = await buildTestApp(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  await app.inject({ method: 'POST', url: '/__admin/faults', payload: { match: { operation: 'token' }, action: { delay_ms: 60_000 } } });
  const pending = postToken(port);
  while ((await app.inject({ url: '/__admin/faults' })).json().faults.length > 0) await new Promise((r) => setTimeout(r, 2));
  await app.close();
  assert.equal(await pending, 200, 'the delayed request still gets its normal answer');
});
