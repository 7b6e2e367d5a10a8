import { performance } from 'node:perf_hooks';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

/** What one POST produced; `status` is null when no response arrived (refused, reset, timed out). */
export interface SendResult {
  status: number | null;
  latencyMs: number;
  error: string | null;
  excerpt: string | null;
}

export interface SendRequest {
  url: string;
  body: string;
  deliveryId: string;
  referenceId: string;
  /** Mock-clock time of the attempt, ms: the signature's `t`. */
  now: number;
  secret: string | undefined;
  timeoutMs: number;
  /** Aborts the attempt early (the worker's shutdown deadline). */
  signal?: AbortSignal;
}

export const EXCERPT_BYTES = 1024;

export function callbackHeaders(request: Pick<SendRequest, 'body' | 'deliveryId' | 'referenceId' | 'now' | 'secret'>): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'flexiti-mock',
    'x-reference-id': request.referenceId,
    'x-flexiti-delivery-id': request.deliveryId,
  };
  if (request.secret) headers[SIGNATURE_HEADER] = signatureHeader(request.secret, request.body, Math.floor(request.now / 1000));
  return headers;
}

/** Reads at most EXCERPT_BYTES of the response, then drops the rest (a receiver may answer with megabytes). */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < EXCERPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= EXCERPT_BYTES) await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
}

function describeError(error: unknown, request: SendRequest): string {
  if (request.signal?.aborted) return 'interrupted: flexiti-mock was shutting down';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${request.timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.message) return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * POSTs the stored body once. Never throws: every failure becomes a SendResult. Redirects are not
 * followed (a 3xx is not a 2xx, so it is retried like any other failure).
 */
export async function sendCallback(request: SendRequest): Promise<SendResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  try {
    const response = await fetch(request.url, { method: 'POST', headers: callbackHeaders(request), body: request.body, redirect: 'manual', signal });
    let excerpt: string | null = null;
    let error: string | null = null;
    try {
      excerpt = await readExcerpt(response);
    } catch (readError) {
      // The status already counts; a body cut off (or too slow) is only noted.
      error = `response body: ${describeError(readError, request)}`;
    }
    return { status: response.status, latencyMs: latency(), error, excerpt };
  } catch (error) {
    return { status: null, latencyMs: latency(), error: describeError(error, request), excerpt: null };
  }
}
