import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived. */
  body: string;
}

const WAIT_LIMIT_MS = 20_000;

/** What the receiver does with its n-th request (0-based): answer with a status, or hang until released. */
export type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Resolves once `count` requests have arrived (whether or not they were answered). */
  waitFor(count: number): Promise<void>;
  /** Answers every hanging request with 200. */
  release(): void;
  /** From now on, answers every request this way, whatever the script says. */
  answerAll(reply: Reply): void;
  hanging(): number;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1 for callback tests. `replies` scripts the answers in order;
 * after the script it answers 200. Closed (with its connections) after the test.
 */
export async function startReceiver(
  t: { after: (fn: () => Promise<void> | void) => void },
  replies: readonly Reply[] = [],
  options: { port?: number } = {},
): Promise<Receiver> {
  const received: Received[] = [];
  const hangs: Array<() => void> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let override: Reply | undefined;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const index = received.length;
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const reply = override ?? replies[index] ?? { status: 200, body: 'ok' };
      const answer = (status: number, body = '', headers: Record<string, string> = {}) =>
        response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body);
      if (reply === 'hang') hangs.push(() => answer(200, 'released'));
      else answer(reply.status, reply.body, reply.headers);
    });
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const release of hangs.splice(0)) release();
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  t.after(close);
  return {
    url: `http://127.0.0.1:${port}/flexiti/callback`,
    port,
    received,
    waitFor(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        // A safety net so a broken worker fails the test instead of hanging it; never a timing assertion.
        const timer = setTimeout(() => reject(new Error(`receiver got ${received.length} of ${count} requests within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    release() {
      for (const release of hangs.splice(0)) release();
    },
    answerAll(reply) {
      override = reply;
    },
    hanging: () => hangs.length,
    close,
  };
}

/** A port that was free a moment ago: a receiver that is "down" until someone listens there. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
