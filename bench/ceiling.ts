import { readFileSync } from 'node:fs';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';

/**
 * The ceiling: a bare Fastify server answering the benchmark's routes with the same status and
 * the same bodies the mock answered (captured by bench/run.ts), after parsing the same request
 * bodies, but with no validation, auth, database or logging. What a Node service can do here.
 * Usage: node --import tsx bench/ceiling.ts <captured.json>
 */
interface Captured {
  method: 'GET' | 'POST';
  /** Fastify route pattern, e.g. `/flexiti/online-api/online/client-id/:clientId/notifications/order-id/:orderId`. */
  url: string;
  status: number;
  contentType: string;
  body: string;
}

const captured = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Captured[];
const app = Fastify({ logger: false });
await app.register(formbody);
for (const route of captured) {
  app.route({
    method: route.method,
    url: route.url,
    handler: async (_request, reply) => reply.code(route.status).header('content-type', route.contentType).send(route.body),
  });
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`ceiling listening on ${address}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
