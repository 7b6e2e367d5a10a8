import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from '../../src/server.js';

test('the logger redacts secrets at the top level and nested in objects', () => {
  let text = '';
  const logger = createLogger('info', new Writable({ write(chunk, _e, done) { text += chunk.toString(); done(); } }));
  logger.info({ password: 'p1', body: { client_secret: 's1', vcc: '2374980012897093', nested: { refresh_token: 'r1' } }, req: { headers: { authorization: 'Bearer a1' } } }, 'x');
  for (const secret of ['p1', 's1', '2374980012897093', 'r1', 'Bearer a1']) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  assert.match(text, /\[redacted\]/);
});
