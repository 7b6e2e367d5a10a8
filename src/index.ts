import { parseConfig, type ConfigInput } from './config.js';
import { createLogger, startServer, type RunningServer, type ServerOptions } from './server.js';

export { createManualClock, type Clock } from './clock.js';
export type { Config, ConfigInput } from './config.js';
export type { Ids } from './ids.js';
export type { RunningServer } from './server.js';

/**
 * Options of `startMockServer`: every configuration setting of the CLI (contract C2, camelCase:
 * `port`, `host`, `db`, `fixtures`, `publicUrl`, `strict`, `adminToken`, `tokenTtl`,
 * `callbackSecret`, …), plus an injected `clock` or `ids` for fully deterministic suites.
 */
export type MockServerOptions = ConfigInput & Pick<ServerOptions, 'clock' | 'ids'>;

/**
 * A running mock: `url` (e.g. http://127.0.0.1:49152), `apiUrl` (`${url}/flexiti/online-api`),
 * `adminUrl` (`${url}/__admin`), `port`, the Fastify `app`, its `clock`, and `close()`, which stops
 * accepting, finishes in-flight requests and the callback worker's attempt and closes the database,
 * leaving no open handles behind.
 */
export type MockServer = RunningServer;

/**
 * Starts flexiti-mock inside a test suite (contract C1). Unlike the CLI it defaults to a free port,
 * an in-memory database and no logging:
 *
 * ```ts
 * import { startMockServer } from 'flexiti-mock';
 * const mock = await startMockServer();            // { port: 0, db: ':memory:' }
 * await fetch(`${mock.apiUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams({ ... }) });
 * await mock.close();
 * ```
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { clock, ids, ...input } = options;
  const config = parseConfig({ port: 0, db: ':memory:', logLevel: 'silent', ...input });
  return startServer(config, { clock, ids, logger: createLogger(config.logLevel) });
}
