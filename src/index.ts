import { parseConfig, type ConfigInput } from './config.js';
import { createLogger, startServer, type RunningServer, type ServerOptions } from './server.js';

export type { Clock } from './clock.js';
export type { Config, ConfigInput } from './config.js';
export type { RunningServer } from './server.js';

export type MockServerOptions = ConfigInput & Pick<ServerOptions, 'clock' | 'ids'>;

/**
 * Starts flexiti-mock inside a test suite. Unlike the CLI it defaults to a free port, an in-memory
 * database and no logging:
 * `const mock = await startMockServer(); ... await mock.close();`
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningServer> {
  const { clock, ids, ...input } = options;
  const config = parseConfig({ port: 0, db: ':memory:', logLevel: 'silent', ...input });
  return startServer(config, { clock, ids, logger: createLogger(config.logLevel) });
}
