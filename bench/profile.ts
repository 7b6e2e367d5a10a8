import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { drive } from './lib/load.js';
import { CLI, ROOT, pinSelf, spawnServer } from './lib/processes.js';
import { ROUTE_NAMES, benchRequest, type RouteName } from './lib/routes.js';

/**
 * Profiles the built server under one benchmark route: `npm run build`, then
 * `node --import tsx bench/profile.ts <token|availability|lookup|init> [seconds]`; writes
 * bench/profiles/<route>/*.cpuprofile (one per thread) and prints where the time went (bench/profile-summary.ts).
 */
const route = (process.argv[2] ?? 'token') as RouteName;
if (!ROUTE_NAMES.includes(route)) throw new Error(`route must be one of ${ROUTE_NAMES.join(', ')}`);
const seconds = Number(process.argv[3] ?? 5);
const work = mkdtempSync(join(tmpdir(), 'flexiti-profile-'));
// One directory per route: V8 writes one profile per thread (the server has a checkpoint worker).
const profiles = resolve(ROOT, 'bench', 'profiles', route);

pinSelf();
rmSync(profiles, { recursive: true, force: true });
const server = await spawnServer(['--cpu-prof', `--cpu-prof-dir=${profiles}`, CLI, '--port', '0', '--db', join(work, 'profile.sqlite')], { LOG_LEVEL: 'warn', FLEXITI_MOCK_TOKEN_TTL: '86400' });
try {
  const token = benchRequest('token', '', 0);
  const answer = await fetch(`${server.url}${token.path}`, { method: 'POST', headers: token.headers, body: token.body });
  const accessToken = ((await answer.json()) as { access_token: string }).access_token;
  const init = benchRequest('init', accessToken, 0);
  const order = await fetch(`${server.url}${init.path}`, { method: 'POST', headers: init.headers, body: init.body?.replace('[<id>]', 'profile') });
  const orderId = order.ok ? ((await order.json()) as { online_order_id: number }).online_order_id : 131000;
  const result = await drive(server.url, benchRequest(route, accessToken, orderId), { seconds });
  process.stdout.write(`${route}: ${Math.round(result.reqPerSec)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}\n`);
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
// The request thread's profile is the biggest one.
const files = readdirSync(profiles).map((name) => join(profiles, name)).sort((a, b) => statSync(b).size - statSync(a).size);
process.stdout.write(`profiles: ${files.join(', ')}\n`);
spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'bench', 'profile-summary.ts'), files[0] as string, '20'], { stdio: 'inherit' });
