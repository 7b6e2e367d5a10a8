import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { drive, driveMix, type LoadResult } from './lib/load.js';
import { CLI, ROOT, cpuSecondsOf, memoryOf, pinSelf, pinned, spawnServer, type Spawned } from './lib/processes.js';
import { writeReport, type BenchResults, type LookupResult, type RouteResult } from './lib/report.js';
import { API, ROUTE_NAMES, benchRequest, lookupPath, type RouteName } from './lib/routes.js';
import { seedOrders } from './lib/seed.js';
import { mean, median } from './lib/stats.js';

/**
 * `npm run bench`: the real server (built dist/cli.js, file database, default fixtures) against a
 * bare Fastify ceiling, over loopback, with the server and the load generator on separate cores.
 * Environment: BENCH_SECONDS (per side of a comparison, split in 3 alternating rounds; default 15), BENCH_WARMUP_SECONDS (2),
 * BENCH_SOAK_SECONDS (180), BENCH_SOAK_RATE (req/s, 2000), BENCH_BIG_ORDERS (1000000),
 * BENCH_CPU_PROF=1 (write server CPU profiles to bench/profiles), BENCH_OUT (BENCHMARKS.md).
 */
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = num('BENCH_SECONDS', 15);
const WARMUP = num('BENCH_WARMUP_SECONDS', 2);
const SOAK_SECONDS = num('BENCH_SOAK_SECONDS', 180);
const SOAK_RATE = num('BENCH_SOAK_RATE', 2000);
const BIG_ORDERS = num('BENCH_BIG_ORDERS', 1_000_000);
const SMALL_ORDERS = 1000;
const ROUNDS = 3;
const ROUND_SECONDS = Math.max(1, Math.round(SECONDS / ROUNDS));
const COLD_RUNS = 5;
const OUT = process.env.BENCH_OUT ?? resolve(ROOT, 'BENCHMARKS.md');
const PROFILE = process.env.BENCH_CPU_PROF === '1';
const SERVER_ENV = { LOG_LEVEL: 'warn', FLEXITI_MOCK_TOKEN_TTL: '86400' };

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const work = mkdtempSync(join(tmpdir(), 'flexiti-bench-'));

function serverArgs(db: string, profileName?: string): string[] {
  // One directory per server: V8 writes one profile per thread.
  const profile = PROFILE && profileName ? ['--cpu-prof', `--cpu-prof-dir=${resolve(ROOT, 'bench', 'profiles', profileName)}`] : [];
  return [...profile, CLI, '--port', '0', '--db', db];
}

async function call(base: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: await response.text() };
}

async function tokenFor(base: string): Promise<string> {
  const r = benchRequest('token', '', 0);
  const response = await call(base, r.path, { method: r.method, headers: r.headers, body: r.body });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${response.body}`);
  return JSON.parse(response.body).access_token as string;
}

/** One finished order to look up (complete through the admin API when it exists). */
async function makeOrder(base: string, token: string): Promise<number> {
  const r = benchRequest('init', token, 0);
  const response = await call(base, r.path, { method: r.method, headers: r.headers, body: r.body?.replace('[<id>]', 'lookup') });
  if (response.status !== 200) {
    log(`init answered ${response.status}: look-ups will be measured against an unknown id`);
    return 131000;
  }
  const id = Number(JSON.parse(response.body).online_order_id);
  await call(base, `/__admin/orders/${id}/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"outcome":"approved"}' });
  return id;
}

async function coldStarts(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const server = await spawnServer(serverArgs(join(work, `cold-${i}.sqlite`)), SERVER_ENV);
    const health = await fetch(`${server.url}/__admin/health`);
    times.push(Number(process.hrtime.bigint() - server.startedAt) / 1e6);
    if (health.status !== 200) throw new Error(`health answered ${health.status}`);
    await server.stop();
  }
  return times;
}

/** Captures the mock's answer per route, for the ceiling to send back verbatim. */
async function capture(base: string, token: string, orderId: number) {
  const patterns: Record<RouteName, string> = {
    token: `${API}/oauth/token`,
    availability: benchRequest('availability', token, orderId).path,
    lookup: `${API}/online/client-id/:clientId/notifications/order-id/:orderId`,
    init: benchRequest('init', token, orderId).path,
  };
  const captured: Array<{ method: string; url: string; status: number; contentType: string; body: string }> = [];
  for (const name of ROUTE_NAMES) {
    const r = benchRequest(name, token, orderId);
    const answer = await call(base, r.path, { method: r.method, headers: r.headers, body: r.body?.replace('[<id>]', 'capture') });
    captured.push({ method: r.method, url: patterns[name], ...answer });
  }
  const file = join(work, 'captured.json');
  writeFileSync(file, JSON.stringify(captured));
  return { file, statuses: Object.fromEntries(ROUTE_NAMES.map((n, i) => [n, captured[i]!.status])) as Record<RouteName, number> };
}

/** CPU time the server spent per request: unlike req/s, barely moved by other work on the machine. */
async function withServerCpu(server: Spawned, run: () => Promise<LoadResult>): Promise<LoadResult> {
  const before = cpuSecondsOf(server.pid);
  const result = await run();
  const used = cpuSecondsOf(server.pid) - before;
  return { ...result, serverCpuMicros: (used * 1e6) / Math.max(1, result.total) };
}

/**
 * Measures two targets in alternating rounds (a, b, a, b, ...), each round a third of SECONDS,
 * and keeps each side's median round: on a shared machine, load that comes and goes then hits
 * both sides alike instead of whichever happened to run during it.
 */
async function alternate(a: () => Promise<LoadResult>, b: () => Promise<LoadResult>): Promise<[LoadResult, LoadResult]> {
  const as: LoadResult[] = [];
  const bs: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    as.push(await a());
    bs.push(await b());
  }
  const mid = (results: LoadResult[]) => [...results].sort((x, y) => x.reqPerSec - y.reqPerSec)[Math.floor(results.length / 2)] as LoadResult;
  return [mid(as), mid(bs)];
}

async function measureRoute(name: RouteName, mock: Spawned, ceiling: Spawned, token: string, orderId: number): Promise<RouteResult> {
  const request = benchRequest(name, token, orderId);
  await drive(mock.url, request, { seconds: WARMUP });
  await drive(ceiling.url, request, { seconds: WARMUP });
  log(`${name}: mock and ceiling, ${ROUNDS} alternating rounds`);
  const [real, bare] = await alternate(
    () => withServerCpu(mock, () => drive(mock.url, request, { seconds: ROUND_SECONDS })),
    () => withServerCpu(ceiling, () => drive(ceiling.url, request, { seconds: ROUND_SECONDS })),
  );
  return { name, mock: real, ceiling: bare };
}

/** Mixed load at a fixed rate while RSS is sampled every second. */
async function soak(mock: Spawned, token: string, orderId: number) {
  const samples: Array<{ at: number; rss: number }> = [];
  const started = performance.now();
  const timer = setInterval(() => {
    const memory = memoryOf(mock.pid);
    if (memory) samples.push({ at: (performance.now() - started) / 1000, rss: memory.rssMb });
  }, 1000);
  const load = await driveMix(mock.url, ROUTE_NAMES.map((n) => benchRequest(n, token, orderId)), { seconds: SOAK_SECONDS, overallRate: SOAK_RATE });
  clearInterval(timer);
  const third = SOAK_SECONDS / 3;
  const window = Math.min(5, third);
  const first = mean(samples.filter((s) => s.at > third - window && s.at <= third).map((s) => s.rss));
  const last = mean(samples.filter((s) => s.at > SOAK_SECONDS - window).map((s) => s.rss));
  return { load, firstMb: first, lastMb: last, samples: samples.length };
}

interface LookupServer {
  server: Spawned;
  token: string;
  path: () => string;
  seedSeconds: number;
}

async function lookupServer(count: number): Promise<LookupServer> {
  const db = join(work, `orders-${count}.sqlite`);
  log(`seeding ${count} orders`);
  const seeded = await seedOrders(db, count);
  const server = await spawnServer(serverArgs(db, `lookup-${count}`), SERVER_ENV);
  const span = seeded.lastId - seeded.firstId + 1;
  return { server, token: await tokenFor(server.url), path: () => lookupPath(seeded.firstId + Math.floor(Math.random() * span)), seedSeconds: seeded.seconds };
}

/** Look-ups of random ids among 1,000 and among BENCH_BIG_ORDERS orders, in alternating rounds. */
async function lookupScaling(): Promise<{ small: LookupResult; big: LookupResult }> {
  const servers: LookupServer[] = [];
  try {
    servers.push(await lookupServer(SMALL_ORDERS));
    servers.push(await lookupServer(BIG_ORDERS));
    const run = ({ server, token, path }: LookupServer, seconds: number) => drive(server.url, benchRequest('lookup', token, 0), { seconds, path });
    const [small, big] = servers as [LookupServer, LookupServer];
    await run(small, WARMUP);
    await run(big, WARMUP);
    log(`look-ups over ${SMALL_ORDERS} and ${BIG_ORDERS} orders, ${ROUNDS} alternating rounds`);
    const [a, b] = await alternate(() => run(small, ROUND_SECONDS), () => run(big, ROUND_SECONDS));
    const peak = (s: LookupServer) => memoryOf(s.server.pid)?.peakMb ?? NaN;
    return { small: { result: a, seedSeconds: small.seedSeconds, peakMb: peak(small) }, big: { result: b, seedSeconds: big.seedSeconds, peakMb: peak(big) } };
  } catch (error) {
    log(`look-up scaling not measured: ${String(error)}`);
    const failed = { error: error instanceof Error ? error.message : String(error) };
    return { small: failed, big: failed };
  } finally {
    for (const { server } of servers) await server.stop();
  }
}

/** Node flags that cap V8's heap (see bench/FINDINGS.md); measured against plain `node` below. */
const HEAP_CAPS = ['--max-old-space-size=64', '--max-semi-space-size=2'];

/** Peak RSS of a fresh server taken through every route once, with and without HEAP_CAPS. */
async function heapCapComparison(): Promise<{ plainMb: number; cappedMb: number; plainReqPerSec: number; cappedReqPerSec: number }> {
  const once = async (flags: string[], name: string) => {
    const server = await spawnServer([...flags, ...serverArgs(join(work, `heap-${name}.sqlite`))], SERVER_ENV);
    try {
      const token = await tokenFor(server.url);
      const orderId = await makeOrder(server.url, token);
      let served = 0;
      for (const route of ROUTE_NAMES) served += (await drive(server.url, benchRequest(route, token, orderId), { seconds: ROUND_SECONDS })).reqPerSec;
      return { peakMb: memoryOf(server.pid)?.peakMb ?? NaN, reqPerSec: served / ROUTE_NAMES.length };
    } finally {
      await server.stop();
    }
  };
  log(`peak RSS with and without ${HEAP_CAPS.join(' ')}`);
  const plain = await once([], 'plain');
  const capped = await once(HEAP_CAPS, 'capped');
  return { plainMb: plain.peakMb, cappedMb: capped.peakMb, plainReqPerSec: plain.reqPerSec, cappedReqPerSec: capped.reqPerSec };
}

async function main(): Promise<void> {
  pinSelf();
  const loadBefore = loadavg();
  log(`cold start ×${COLD_RUNS}`);
  const cold = await coldStarts();

  const mock = await spawnServer(serverArgs(join(work, 'bench.sqlite'), 'routes'), SERVER_ENV);
  const token = await tokenFor(mock.url);
  const orderId = await makeOrder(mock.url, token);
  const { file, statuses } = await capture(mock.url, token, orderId);
  const ceiling = await spawnServer(['--import', 'tsx', resolve(ROOT, 'bench', 'ceiling.ts'), file]);
  const routes: RouteResult[] = [];
  for (const name of ROUTE_NAMES) routes.push(await measureRoute(name, mock, ceiling, token, orderId));
  const peakAfterRoutes = memoryOf(mock.pid)?.peakMb ?? NaN;
  await ceiling.stop();
  log(`soak ${SOAK_SECONDS} s at ${SOAK_RATE} req/s`);
  const soaked = await soak(mock, token, orderId);
  const peakMb = memoryOf(mock.pid)?.peakMb ?? NaN;
  await mock.stop();

  const { small, big } = await lookupScaling();
  const heapCaps = { flags: HEAP_CAPS.join(' '), ...(await heapCapComparison()) };
  const results: BenchResults = {
    settings: { seconds: SECONDS, rounds: ROUNDS, warmup: WARMUP, soakSeconds: SOAK_SECONDS, soakRate: SOAK_RATE, bigOrders: BIG_ORDERS, smallOrders: SMALL_ORDERS, pinned: pinned() },
    loadBefore, loadAfter: loadavg(), statuses, routes, cold, coldMedian: median(cold), peakAfterRoutes, peakMb, soak: soaked, small, big, heapCaps,
  };
  writeReport(OUT, results);
  log(`wrote ${OUT}`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));

