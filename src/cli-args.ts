import { parseArgs } from 'node:util';
import { CONFIG_OPTIONS, configFromEnv, parseConfig, type Config, type ConfigKey } from './config.js';

export type CliResult = { help: true } | { help: false; config: Config };

/** Flags override environment variables, which override the defaults (contract C2). */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliResult {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const o of CONFIG_OPTIONS) options[o.flag] = { type: o.boolean ? 'boolean' : 'string' };
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }) as {
    values: Record<string, string | boolean | undefined>;
  };
  if (values.help) return { help: true };
  const raw: Partial<Record<ConfigKey, unknown>> = configFromEnv(env);
  for (const option of CONFIG_OPTIONS) {
    const value = values[option.flag];
    if (value !== undefined) raw[option.key] = value;
  }
  return { help: false, config: parseConfig(raw) };
}

export function helpText(): string {
  const rows = CONFIG_OPTIONS.map((o) => {
    const flag = `--${o.flag}${o.boolean ? '' : ' <value>'}`;
    return `  ${flag.padEnd(32)} ${o.env.padEnd(36)} default: ${o.default}\n  ${''.padEnd(32)} ${o.description}`;
  });
  return [
    'flexiti-mock: a stateful mock of the Flexiti Online API',
    '',
    'Usage: flexiti-mock [options]',
    '',
    `  ${'flag'.padEnd(32)} ${'environment variable'.padEnd(36)} default`,
    ...rows,
    `  ${'-h, --help'.padEnd(32)} show this help`,
    '',
  ].join('\n');
}
