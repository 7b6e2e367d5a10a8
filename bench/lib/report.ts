import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { LoadResult } from './load.js';
import { ROOT } from './processes.js';
import { ROUTE_LABELS, type RouteName } from './routes.js';
import { fmt } from './stats.js';

export interface RouteResult {
  name: RouteName;
  mock: LoadResult;
  ceiling: LoadResult;
}

export interface BenchResults {
  settings: { seconds: number; rounds: number; warmup: number; soakSeconds: number; soakRate: number; bigOrders: number; smallOrders: number; pinned: boolean };
  loadBefore: number[];
  loadAfter: number[];
  statuses: Record<RouteName, number>;
  routes: RouteResult[];
  cold: number[];
  coldMedian: number;
  peakAfterRoutes: number;
  peakMb: number;
  soak: { load: LoadResult; firstMb: number; lastMb: number; samples: number };
  small: LookupResult;
  big: LookupResult;
  heapCaps: { flags: string; plainMb: number; cappedMb: number; plainReqPerSec: number; cappedReqPerSec: number };
}

export type LookupResult = { result: LoadResult; seedSeconds: number; peakMb: number } | { error: string };

const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
const sqliteVersion = () => (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
const READS: readonly RouteName[] = ['token', 'availability', 'lookup'];

interface Target { figure: string; value: string; target: string; met: boolean }

function targets(r: BenchResults): Target[] {
  const rows: Target[] = r.routes.map(({ name, mock, ceiling }) => {
    const ratio = mock.reqPerSec / ceiling.reqPerSec;
    const floor = READS.includes(name) ? 0.7 : 0.5;
    return { figure: `${name}: mock ÷ ceiling`, value: `${fmt(ratio, 2)}×`, target: `≥ ${floor}×`, met: ratio >= floor && mock.non2xx === 0 };
  });
  for (const { name, mock } of r.routes) rows.push({ figure: `${name}: p99 at 10 connections`, value: `${fmt(mock.p99, 1)} ms`, target: '≤ 10 ms', met: mock.p99 <= 10 });
  rows.push({ figure: `cold start (median of ${r.cold.length})`, value: `${fmt(r.coldMedian)} ms`, target: '≤ 300 ms', met: r.coldMedian <= 300 });
  const scale = 'result' in r.big && 'result' in r.small ? r.big.result.reqPerSec / r.small.result.reqPerSec : NaN;
  const clean = 'result' in r.big && 'result' in r.small && r.big.result.non2xx + r.small.result.non2xx === 0;
  rows.push({ figure: `look-ups at ${r.settings.bigOrders.toLocaleString('en')} ÷ at ${r.settings.smallOrders.toLocaleString('en')} orders`, value: `${fmt(scale, 2)}×`, target: '≥ 0.8×', met: scale >= 0.8 && clean });
  rows.push({ figure: 'peak RSS (route runs and soak)', value: `${fmt(r.peakMb, 1)} MB`, target: '≤ 150 MB', met: r.peakMb <= 150 });
  const drift = Math.abs(r.soak.lastMb - r.soak.firstMb) / r.soak.firstMb;
  rows.push({ figure: `RSS drift, soak third 1 vs end (${fmt(r.soak.firstMb, 1)} → ${fmt(r.soak.lastMb, 1)} MB)`, value: `${fmt(drift * 100, 1)} %`, target: '≤ 20 %', met: drift <= 0.2 });
  return rows;
}

function routeTable(r: BenchResults): string[] {
  const lines = [
    '| route | mock req/s | mock p50 | mock p99 | ceiling req/s | ceiling p50 | ceiling p99 | ratio | server CPU/request, mock / ceiling | CPU ratio | mock non-2xx | load-gen CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { name, mock, ceiling } of r.routes) {
    const cpu = `${fmt(mock.serverCpuMicros ?? NaN)} µs / ${fmt(ceiling.serverCpuMicros ?? NaN)} µs`;
    const cpuRatio = (ceiling.serverCpuMicros ?? NaN) / (mock.serverCpuMicros ?? NaN);
    lines.push(`| ${ROUTE_LABELS[name]} | ${fmt(mock.reqPerSec)} | ${mock.p50} ms | ${mock.p99} ms | ${fmt(ceiling.reqPerSec)} | ${ceiling.p50} ms | ${ceiling.p99} ms | ${fmt(mock.reqPerSec / ceiling.reqPerSec, 2)}× | ${cpu} | ${fmt(cpuRatio, 2)}× | ${mock.non2xx} (HTTP ${r.statuses[name]}) | ${fmt(mock.loadgenCpu * 100)} % / ${fmt(ceiling.loadgenCpu * 100)} % |`);
  }
  return lines;
}

function lookupTable(r: BenchResults): string[] {
  const row = (count: number, x: LookupResult) =>
    'error' in x
      ? `| ${count.toLocaleString('en')} | not measured: ${x.error.replace(/\s+/g, ' ').slice(0, 200)} | | | | | |`
      : `| ${count.toLocaleString('en')} | ${fmt(x.result.reqPerSec)} | ${x.result.p50} ms | ${x.result.p99} ms | ${x.result.non2xx} | ${fmt(x.seedSeconds, 1)} s | ${fmt(x.peakMb, 1)} MB |`;
  return ['| orders in the database | look-ups req/s | p50 | p99 | non-2xx | seeding time | server peak RSS |', '|---:|---:|---:|---:|---:|---:|---:|', row(r.settings.smallOrders, r.small), row(r.settings.bigOrders, r.big)];
}

export function renderReport(r: BenchResults): string {
  const s = r.settings;
  const cpu = cpus();
  const findingsFile = resolve(ROOT, 'bench', 'FINDINGS.md');
  const findings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8').trim() : '';
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}. Every figure below comes from this one run.`,
    '',
    '## Machine and versions',
    `- ${cpu.length} cores, ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GB memory, ${process.platform} ${process.arch}`,
    `- Node ${process.version}, Fastify ${version('fastify')}, better-sqlite3 ${version('better-sqlite3')} (SQLite ${sqliteVersion()}), zod ${version('zod')}, autocannon ${version('autocannon')}`,
    `- Server on CPU 0, load generator on CPU 1: ${s.pinned ? 'yes (taskset)' : 'no (taskset not found)'}. Load average (1/5/15 min) before: ${r.loadBefore.map((x) => fmt(x, 2)).join(' / ')}, after: ${r.loadAfter.map((x) => fmt(x, 2)).join(' / ')}.`,
    `- Server: built \`dist/cli.js\`, file database in a temp dir, bundled fixtures, \`LOG_LEVEL=warn\` (no per-request log line). 10 connections, loopback (127.0.0.1). Each comparison (mock against ceiling, 1,000 against ${s.bigOrders.toLocaleString('en')} orders) runs ${s.warmup} s of warm-up per side, then ${s.rounds} alternating rounds of ${Math.max(1, Math.round(s.seconds / s.rounds))} s per side; each side's median round is reported.`,
    '',
    '## Targets',
    '| figure | value | target | met |',
    '|---|---:|---:|:---:|',
    ...targets(r).map((t) => `| ${t.figure} | ${t.value} | ${t.target} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    '## Routes: the mock against a bare Fastify ceiling',
    `The ceiling (bench/ceiling.ts) is Fastify with no validation, auth, database or logging, answering each route with the exact status and body the mock gave; the ratio is mock req/s ÷ ceiling req/s (the figure the target uses). "Server CPU/request" is the server process's CPU time (from /proc) divided by the requests it answered, and "CPU ratio" is ceiling ÷ mock of that: on a shared machine it moves far less than req/s, because time the server spends waiting for a core is not counted. "Load-gen CPU" is the share of its core autocannon used (near 100 % means the load generator, not the server, set the pace).`,
    '',
    ...routeTable(r),
    '',
    '## Look-ups against database size',
    `Orders of the demo merchant seeded directly into the file database (one order made through init and the admin complete, copied with one prepared statement in one transaction); each request looks up a random id among them.`,
    '',
    ...lookupTable(r),
    '',
    '## Cold start and memory',
    `- Cold start, spawn of \`node dist/cli.js\` on a new database file to the first 200 from \`/__admin/health\`: ${r.cold.map((x) => `${fmt(x)} ms`).join(', ')}; median ${fmt(r.coldMedian)} ms.`,
    `- Peak RSS (VmHWM) of the route-benchmark server: ${fmt(r.peakAfterRoutes, 1)} MB after the route runs, ${fmt(r.peakMb, 1)} MB after the soak.`,
    `- The same fresh server taken through the four routes (${Math.max(1, Math.round(s.seconds / s.rounds))} s each): peak RSS ${fmt(r.heapCaps.plainMb, 1)} MB with plain \`node\`, ${fmt(r.heapCaps.cappedMb, 1)} MB with \`${r.heapCaps.flags}\`, mean ${fmt(r.heapCaps.plainReqPerSec)} against ${fmt(r.heapCaps.cappedReqPerSec)} req/s over the four routes.`,
    `- Soak: ${s.soakSeconds} s of mixed load (token, availability, look-up, init in turn on each connection) at ${s.soakRate} req/s: ${r.soak.load.total} requests, ${r.soak.load.non2xx} non-2xx, ${r.soak.load.errors} errors; RSS ${fmt(r.soak.firstMb, 1)} MB at ${fmt(s.soakSeconds / 3)} s, ${fmt(r.soak.lastMb, 1)} MB at ${fmt(s.soakSeconds)} s (means over 5 s windows).${s.soakSeconds < 180 ? ' **Shortened soak** (BENCH_SOAK_SECONDS): the figure compares the first third with the end, not minute 1 with minute 3.' : ''}`,
    '',
    '## Reproduce',
    '`npm ci && npm run bench`. Shorter: `BENCH_SECONDS=3 BENCH_SOAK_SECONDS=30 BENCH_BIG_ORDERS=100000 npm run bench`. Profiles: `BENCH_CPU_PROF=1 npm run bench` writes `bench/profiles/*.cpuprofile` (open in Chrome DevTools).',
    ...(findings ? ['', findings] : []),
    '',
  ].join('\n');
}

export function writeReport(path: string, results: BenchResults): void {
  writeFileSync(path, renderReport(results));
}
