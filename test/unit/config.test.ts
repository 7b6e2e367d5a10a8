import assert from 'node:assert/strict';
import { test } from 'node:test';
import { helpText, parseCli } from '../../src/cli-args.js';
import { CONFIG_OPTIONS, ConfigError, parseConfig } from '../../src/config.js';

test('defaults are the documented ones', () => {
  const config = parseConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.db, './data/flexiti-mock.sqlite');
  assert.equal(config.strict, false);
  assert.equal(config.tokenTtl, 1200);
  assert.equal(config.logLevel, 'info');
});

test('environment variables are read, flags override them', () => {
  const result = parseCli(['--port', '4000', '--strict'], { PORT: '5000', HOST: '0.0.0.0', FLEXITI_MOCK_DB: ':memory:', FLEXITI_MOCK_TOKEN_TTL: '60', FLEXITI_MOCK_STRICT: 'false' });
  assert.equal(result.help, false);
  if (result.help) return;
  assert.equal(result.config.port, 4000);
  assert.equal(result.config.host, '0.0.0.0');
  assert.equal(result.config.db, ':memory:');
  assert.equal(result.config.tokenTtl, 60);
  assert.equal(result.config.strict, true);
});

const bad: Array<[Record<string, string>, RegExp]> = [
  [{ PORT: 'eighty' }, /PORT \(--port\)/],
  [{ PORT: '70000' }, /PORT/],
  [{ FLEXITI_MOCK_TOKEN_TTL: '-5' }, /FLEXITI_MOCK_TOKEN_TTL/],
  [{ FLEXITI_MOCK_STRICT: 'maybe' }, /FLEXITI_MOCK_STRICT/],
  [{ FLEXITI_MOCK_PUBLIC_URL: 'not a url' }, /FLEXITI_MOCK_PUBLIC_URL/],
  [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
];
for (const [env, message] of bad) {
  test(`a bad value stops start-up naming the variable: ${Object.keys(env)[0]}=${Object.values(env)[0]}`, () => {
    assert.throws(() => parseCli([], env), (error: Error) => error instanceof ConfigError && message.test(error.message));
  });
}

test('an unknown flag is refused', () => {
  assert.throws(() => parseCli(['--prot', '1'], {}), /Unknown option/);
});

test('--help lists every flag with its variable and default', () => {
  assert.deepEqual(parseCli(['--help'], {}), { help: true });
  const text = helpText();
  for (const option of CONFIG_OPTIONS) {
    assert.ok(text.includes(`--${option.flag}`), option.flag);
    assert.ok(text.includes(option.env), option.env);
  }
});
