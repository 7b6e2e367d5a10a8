import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { parseConfig } from '../../src/config.js';
import { createLogger, startServer } from '../../src/server.js';
import { DEMO, MAPLE } from '../helpers/app.js';
import { registeredRoutes } from '../helpers/routes.js';
import { CALLS, GLOBAL_CALLS, callKey, type Call, type ClientState } from './endpoint-calls.js';

/**
 * Contract C12: 50 clients at once over a real socket, on a file database (WAL) as in production,
 * each walking every endpoint twice: every answer is the call's success status, and neither an
 * answer nor the log ever mentions SQLITE_BUSY (or any unhandled error).
 */
const CLIENTS = 50;
const ROUNDS = 2;

/**
 * Another connection to the same file (a user's sqlite3 shell, a backup) taking the write lock a
 * few times while the load runs, from its own thread: the server must wait (busy_timeout), not fail.
 */
const LOCK_HOLDER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
for (let i = 0; i < workerData.times; i++) {
  db.exec('BEGIN IMMEDIATE');
  pause(workerData.holdMs);
  db.exec('COMMIT');
  pause(workerData.holdMs);
}
db.close();
parentPort.postMessage('done');
`;

function holdWriteLock(file: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(LOCK_HOLDER, { eval: true, workerData: { file, driver, times: 5, holdMs: 100 } });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
}

async function send(base: string, state: ClientState, call: Call): Promise<{ status: number; text: string; json: unknown }> {
  const headers: Record<string, string> = { 'x-reference-id': crypto.randomUUID() };
  if (call.auth) headers.authorization = `Bearer ${state.token}`;
  let body: string | undefined;
  if (call.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = call.form;
  } else if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  const response = await fetch(`${base}${call.path}`, { method: call.method, headers, body, redirect: call.page ? 'manual' : 'follow' });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

test(`${CLIENTS} parallel clients mixing every endpoint on a file database: zero errors, no SQLITE_BUSY`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'flexiti-concurrency-'));
  let log = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => { log += chunk; done(); } });
  const file = join(dir, 'mock.sqlite');
  const server = await startServer(parseConfig({ port: 0, host: '127.0.0.1', db: file, logLevel: 'warn' }), { logger: createLogger('warn', sink) });
  t.after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Every registered route has a call (or a stated reason not to be called concurrently).
  const routes = registeredRoutes(server.app).map((r) => callKey(r.method, r.url));
  const known = new Set([...CALLS.map(([key]) => key), ...Object.keys(GLOBAL_CALLS)]);
  assert.deepEqual(routes.filter((key) => !known.has(key)), [], 'routes without a call in test/reliability/endpoint-calls.ts');
  const calls = CALLS.filter(([key]) => routes.includes(key));

  const failures: string[] = [];
  let sent = 0;
  const lockHolder = holdWriteLock(file);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      for (let round = 0; round < ROUNDS; round++) {
        const state: ClientState = { merchant: i % 2 ? MAPLE : DEMO, own: `concurrent-${i}`, merchantOrderId: `conc-${i}-${round}` };
        for (const [key, make] of calls) {
          const call = make(state);
          const answer = await send(server.url, state, call);
          sent++;
          if (!call.ok.includes(answer.status)) failures.push(`client ${i}: ${key} → ${answer.status} ${answer.text.slice(0, 200)}`);
          else call.keep?.(state, answer.json);
          if (/SQLITE_BUSY|database is locked/i.test(answer.text)) failures.push(`client ${i}: ${key} answered ${answer.text.slice(0, 200)}`);
        }
      }
    }),
  );
  await lockHolder;
  const cleared = await fetch(`${server.url}/__admin/requests`, { method: 'DELETE' });
  if (routes.includes('DELETE /__admin/requests')) assert.equal(cleared.status, 200);

  const errors = log.split('\n').filter((line) => /"level":5\d/.test(line)).slice(0, 3);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${sent} calls failed; server errors logged:\n${errors.join('\n')}`);
  assert.doesNotMatch(log, /SQLITE_BUSY|database is locked/i);
  assert.doesNotMatch(log, /unhandled error/);
  assert.ok(sent >= CLIENTS * ROUNDS * calls.length);
  t.diagnostic(`${sent} calls over ${new Set(calls.map(([key]) => key)).size} endpoints from ${CLIENTS} clients`);
});
