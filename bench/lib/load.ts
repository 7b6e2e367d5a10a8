import autocannon, { type RequestSpec, type Result } from 'autocannon';
import type { BenchRequest } from './routes.js';

export interface LoadResult {
  reqPerSec: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Share of one core the load generator used; near 100 % means it, not the server, was the limit. */
  loadgenCpu: number;
  /** Server CPU time per answered request, µs (set by the caller that knows the server's pid). */
  serverCpuMicros?: number;
}

export interface LoadOptions {
  seconds: number;
  connections?: number;
  overallRate?: number;
  /** Picks the request path per request (look-ups over many ids). */
  path?: () => string;
}

let sequence = 0;
/**
 * autocannon's own idReplacement assumes a fixed id length for Content-Length and stalls the
 * server waiting for bytes that never come; a per-request body rewrite keeps lengths right.
 */
function spec(request: BenchRequest, pick?: () => string): RequestSpec {
  const unique = request.body?.includes('[<id>]');
  const setup = unique || pick
    ? (r: RequestSpec) => ({ ...r, ...(pick ? { path: pick() } : {}), ...(unique ? { body: request.body?.replace('[<id>]', `${process.pid}-${++sequence}`) } : {}) })
    : undefined;
  return {
    method: request.method,
    path: request.path,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(setup ? { setupRequest: setup } : {}),
  };
}

function summarize(result: Result, cpuMicros: number, wallMs: number): LoadResult {
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    loadgenCpu: cpuMicros / 1000 / wallMs,
  };
}

/** One autocannon run of the given request specs (10 connections unless told), with the load generator's CPU use. */
async function run(url: string, requests: ReturnType<typeof spec>[], options: LoadOptions): Promise<LoadResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: options.connections ?? 10,
    duration: options.seconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests,
  });
  const used = process.cpuUsage(cpu);
  return summarize(result, used.user + used.system, performance.now() - started);
}

/** Drives one request shape at `url` for `seconds`. */
export function drive(url: string, request: BenchRequest, options: LoadOptions): Promise<LoadResult> {
  return run(url, [spec(request, options.path)], options);
}

/** Cycles through several request shapes on every connection (the soak's mixed load). */
export function driveMix(url: string, requests: BenchRequest[], options: LoadOptions): Promise<LoadResult> {
  return run(url, requests.map((r) => spec(r)), options);
}
