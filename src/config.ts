import { z } from 'zod';

const booleanFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', ''])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

/** One schema for environment variables, CLI flags and programmatic options (contract C2). */
export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  db: z.string().min(1).default('./data/flexiti-mock.sqlite'),
  fixtures: z.string().min(1).optional(),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  strict: booleanFlag.default(false),
  adminToken: z.string().min(1).optional(),
  tokenTtl: positiveInt.default(1200),
  callbackSecret: z.string().min(1).optional(),
  callbackMaxAttempts: positiveInt.default(12),
  callbackInitialDelay: positiveInt.default(1),
  callbackMaxDelay: positiveInt.default(3600),
  callbackTimeoutMs: positiveInt.default(10_000),
  journalSize: z.coerce.number().int().min(0).max(100_000).default(1000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export type ConfigKey = keyof Config;

interface OptionDoc {
  key: ConfigKey;
  env: string;
  flag: string;
  default: string;
  description: string;
  boolean?: boolean;
}

/** The table behind `--help`, the README's configuration table and the env/flag parser. */
export const CONFIG_OPTIONS: readonly OptionDoc[] = [
  { key: 'port', env: 'PORT', flag: 'port', default: '3000', description: 'listen port (0 = any free port)' },
  { key: 'host', env: 'HOST', flag: 'host', default: '127.0.0.1', description: 'listen address; the container image sets 0.0.0.0' },
  { key: 'db', env: 'FLEXITI_MOCK_DB', flag: 'db', default: './data/flexiti-mock.sqlite', description: 'SQLite file, or :memory:' },
  { key: 'fixtures', env: 'FLEXITI_MOCK_FIXTURES', flag: 'fixtures', default: 'bundled fixtures/', description: 'a fixtures directory or one JSON file' },
  { key: 'publicUrl', env: 'FLEXITI_MOCK_PUBLIC_URL', flag: 'public-url', default: 'http://localhost:PORT', description: 'base used to build redirection_url and page links' },
  { key: 'strict', env: 'FLEXITI_MOCK_STRICT', flag: 'strict', default: 'false', description: 'enforce every documented "required" (x-reference-id, lang, ...)', boolean: true },
  { key: 'adminToken', env: 'FLEXITI_MOCK_ADMIN_TOKEN', flag: 'admin-token', default: 'unset', description: '/__admin/* (health and ready excepted) needs Authorization: Bearer <it>' },
  { key: 'tokenTtl', env: 'FLEXITI_MOCK_TOKEN_TTL', flag: 'token-ttl', default: '1200', description: 'access-token lifetime, seconds' },
  { key: 'callbackSecret', env: 'FLEXITI_MOCK_CALLBACK_SECRET', flag: 'callback-secret', default: 'unset', description: 'callbacks carry an HMAC-SHA256 signature header' },
  { key: 'callbackMaxAttempts', env: 'FLEXITI_MOCK_CALLBACK_MAX_ATTEMPTS', flag: 'callback-max-attempts', default: '12', description: 'delivery attempts before a callback is marked failed' },
  { key: 'callbackInitialDelay', env: 'FLEXITI_MOCK_CALLBACK_INITIAL_DELAY', flag: 'callback-initial-delay', default: '1', description: 'first retry delay, seconds (doubles each attempt)' },
  { key: 'callbackMaxDelay', env: 'FLEXITI_MOCK_CALLBACK_MAX_DELAY', flag: 'callback-max-delay', default: '3600', description: 'retry delay cap, seconds' },
  { key: 'callbackTimeoutMs', env: 'FLEXITI_MOCK_CALLBACK_TIMEOUT_MS', flag: 'callback-timeout-ms', default: '10000', description: 'one delivery attempt times out after this many ms' },
  { key: 'journalSize', env: 'FLEXITI_MOCK_JOURNAL_SIZE', flag: 'journal-size', default: '1000', description: 'requests kept in the admin request journal' },
  { key: 'logLevel', env: 'LOG_LEVEL', flag: 'log-level', default: 'info', description: 'pino log level (silent to trace)' },
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses already-gathered raw values; a bad one throws a ConfigError naming its variable and flag. */
export function parseConfig(raw: Partial<Record<ConfigKey, unknown>>): Config {
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path[0] as ConfigKey;
    const doc = CONFIG_OPTIONS.find((o) => o.key === key);
    const name = doc ? `${doc.env} (--${doc.flag})` : String(key);
    return `${name}: ${issue.message} (got ${JSON.stringify(raw[key])})`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

/** Reads the documented environment variables; empty strings count as unset. */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<Record<ConfigKey, string>> {
  const raw: Partial<Record<ConfigKey, string>> = {};
  for (const option of CONFIG_OPTIONS) {
    const value = env[option.env];
    if (value !== undefined && value !== '') raw[option.key] = value;
  }
  return raw;
}

/** The effective public base URL (contract C2: defaults to http://localhost:PORT). */
export function publicBaseUrl(config: Config, listenPort: number): string {
  return (config.publicUrl ?? `http://localhost:${listenPort}`).replace(/\/+$/, '');
}
