import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino, type DestinationStream } from 'pino';
import { buildApp } from './app.js';
import { createClock, type Clock } from './clock.js';
import { publicBaseUrl, type Config } from './config.js';
import { BUNDLED_FIXTURES, loadFixtures, seedFixtures } from './fixtures.js';
import { createIds, type Ids } from './ids.js';
import { openStore } from './store/index.js';

export interface ServerOptions {
  clock?: Clock;
  ids?: Ids;
  logger?: FastifyBaseLogger;
}

export interface RunningServer {
  /** The server's own base URL, e.g. http://127.0.0.1:3000. */
  url: string;
  /** The Flexiti API base, `${url}/flexiti/online-api`. */
  apiUrl: string;
  adminUrl: string;
  port: number;
  app: FastifyInstance;
  clock: Clock;
  /** Stops accepting, finishes in-flight requests and the callback worker's attempt, closes the database. */
  close(): Promise<void>;
}

/** Body keys that are secrets wherever they sit (the journal's rules, src/http/redact.ts). */
const SECRET_LOG_KEYS = ['client_secret', 'password', 'access_token', 'refresh_token', 'auth_token', 'vcc', 'pin'];

/** Secrets never reach the log (contract C10): at the top level and up to two objects deep. */
export const LOG_REDACT = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'headers.authorization',
    ...SECRET_LOG_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ],
  censor: '[redacted]',
};

export function createLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream): FastifyBaseLogger {
  return pino({ level, redact: LOG_REDACT }, destination as DestinationStream | undefined) as FastifyBaseLogger;
}

/** Opens the store, loads and seeds fixtures, builds the app and listens. */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const fixtures = loadFixtures(config.fixtures ?? BUNDLED_FIXTURES);
  const clock = options.clock ?? createClock();
  const store = openStore(config.db);
  let port = config.port;
  try {
    seedFixtures(store, fixtures, clock.now());
    const app = await buildApp({
      config,
      store,
      clock,
      ids: options.ids ?? createIds(),
      fixtures,
      publicUrl: () => publicBaseUrl(config, port),
      logger: options.logger ?? createLogger(config.logLevel),
    });
    app.addHook('onClose', async () => store.close());
    await app.listen({ port: config.port, host: config.host });
    port = (app.server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    return { url, apiUrl: `${url}/flexiti/online-api`, adminUrl: `${url}/__admin`, port, app, clock, close: () => app.close() };
  } catch (error) {
    store.close();
    throw error;
  }
}
