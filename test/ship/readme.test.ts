import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { CONFIG_OPTIONS } from '../../src/config.js';
import { buildTestApp } from '../helpers/app.js';
import { startChildServer } from '../helpers/child-server.js';
import { routeKeys } from '../helpers/routes.js';
import { ROOT } from '../helpers/dockerfile.js';

const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const README_BASE = 'BASE=http://127.0.0.1:3000';

/** The text of one `## ` section, up to the next. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}`);
  assert.ok(start >= 0, `README has a "## ${heading}" section`);
  const next = README.indexOf('\n## ', start + 1);
  return README.slice(start, next < 0 ? undefined : next);
}

const shBlocks = (text: string) => [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);

test("the README's curl walkthrough, run as written against a real server: token, order, complete, notification", { timeout: 60_000 }, async (t) => {
  const blocks = shBlocks(section('Walkthrough'));
  assert.ok(blocks.length >= 5, 'the setup block and the four steps');
  const script = blocks.join('\n');
  assert.ok(script.includes(README_BASE), `the walkthrough starts from ${README_BASE}, the address npm start prints`);

  // The server as `npm start` runs it (the CLI), on a free port and a throw-away database.
  const server = await startChildServer(['--port', '0', '--db', ':memory:']);
  t.after(() => server.stop('SIGKILL'));
  const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script.replace(README_BASE, `BASE=${server.url}`)], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);

  const lines = run.stdout.trim().split('\n');
  const token = /^token: ([0-9a-f]{40})$/m.exec(run.stdout);
  assert.ok(token, `a token was printed\n${run.stdout}`);
  const order = /^order: (\d+)$/m.exec(run.stdout);
  assert.ok(order && Number(order[1]) >= 131000, `an order id was printed\n${run.stdout}`);
  assert.ok(lines.includes('SUCCESS'), 'complete answered SUCCESS');
  const notification = JSON.parse(lines.at(-1) as string);
  assert.equal(notification.transaction_id, Number(order[1]));
  assert.equal(notification.purchase.purchase_status, 'SUCCESS');
  assert.equal(notification.purchase.purchase_amount, 149.99);

  // And the server agrees.
  const admin = await (await fetch(`${server.url}/__admin/orders/${order[1]}`)).json();
  assert.equal(admin.status, 'SUCCESS');
  assert.equal(admin.merchant_order_id, 'cart-1001');
});

test('the configuration table lists every option with its variable, flag and default, in CONFIG_OPTIONS order', () => {
  const rows = section('Configuration')
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) => l.split('|').slice(1, -1).map((cell) => cell.trim().replaceAll('`', '')));
  const expected = CONFIG_OPTIONS.map((o) => [o.env, `--${o.flag}`, o.default]);
  assert.deepEqual(rows.map((r) => r.slice(0, 3)), expected);
});

test('the README leads with the two commands and links the fixtures catalogue', () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)![1]!;
  assert.match(firstBlock, /^npm ci && npm start\b/m);
  assert.match(firstBlock, /^npm ci && npm test\b/m);
  assert.match(README, /\]\(fixtures\/README\.md\)/);
});

test('every endpoint in the README tables is a registered route', async (t) => {
  const { app } = await buildTestApp(t);
  const routes = new Set(routeKeys(app));
  const rows = section('Endpoints')
    .split('\n')
    .filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| method'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  assert.ok(rows.length >= 18, 'the three tables were read');
  for (const [methods, paths] of rows) {
    for (const path of [...paths!.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string)) {
      const full = (/^\/(__admin|hosted|demo)\b/.test(path) ? path : `/flexiti/online-api${path}`).replace(/\?.*$/, '').replace(/(.)\/$/, '$1').replace(/\{(\w+)\}/g, ':$1');
      for (const method of methods!.split(/,\s*/)) assert.ok(routes.has(`${method} ${full}`), `README lists ${method} ${path}, which is not a route`);
    }
  }
});
