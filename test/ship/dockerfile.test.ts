import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { execForm, only, readDockerfile, ROOT, stageEnv } from '../helpers/dockerfile.js';

// Contract C11: the image's invariants, checked statically because no Docker engine runs here.
const stages = readDockerfile();
const builder = stages[0]!;
const runtime = stages.at(-1)!;
const runs = (stage: typeof builder) => only(stage, 'RUN').map((i) => i.args).join('\n');

test('multi-stage: a builder with the native toolchain, then a slim runtime from it', () => {
  assert.ok(stages.length >= 2, 'at least two stages');
  assert.equal(builder.name, 'builder');
  assert.match(builder.base, /^node:20-bookworm-slim$/);
  assert.match(runtime.base, /^node:20[-.\w]*-slim$/, 'the runtime is a slim Node 20 image');
  for (const tool of ['python3', 'make', 'g++']) assert.match(runs(builder), new RegExp(`apt-get install[^\\n]*\\b${tool.replace('+', '\\+')}`));
  assert.match(runs(builder), /npm ci\b/);
  assert.match(runs(builder), /npm run build\b/);
  assert.match(runs(builder), /npm prune --omit=dev\b/);
});

test('the runtime copies only production node_modules, dist/, fixtures/ and package.json, and installs no toolchain', () => {
  assert.doesNotMatch(runs(runtime), /apt-get|npm (ci|install)|python3|g\+\+/);
  const copied = only(runtime, 'COPY').map((i) => {
    const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
    return parts.at(-1)!.replace(/^\.\//, '').replace(/\/$/, '');
  });
  assert.deepEqual(copied.sort(), ['dist', 'fixtures', 'node_modules', 'package.json']);
  const fromBuilder = only(runtime, 'COPY').filter((i) => i.args.includes('node_modules'));
  assert.ok(fromBuilder.every((i) => i.args.includes('--from=builder')), 'node_modules come from the pruned builder');
  assert.equal(only(runtime, 'ADD').length, 0);
});

test('runs as a non-root user that owns the /data volume', () => {
  const users = only(runtime, 'USER');
  assert.equal(users.length, 1);
  const user = users[0]!.args;
  assert.doesNotMatch(user, /^(root|0)(:|$)/);
  assert.deepEqual(only(runtime, 'VOLUME').map((i) => i.args), ['/data']);
  assert.match(runs(runtime), new RegExp(`chown\\s+(-R\\s+)?${user}(:\\S+)?\\s+/data`));
  // USER comes before VOLUME/HEALTHCHECK/CMD so nothing after it runs as root.
  const order = runtime.instructions.map((i) => i.keyword);
  assert.ok(order.indexOf('USER') < order.indexOf('CMD'));
});

test('EXPOSE 3000 and the zero-argument environment of C11', () => {
  assert.deepEqual(only(runtime, 'EXPOSE').map((i) => i.args), ['3000']);
  const env = stageEnv(runtime);
  assert.equal(env.HOST, '0.0.0.0');
  assert.equal(env.PORT, '3000');
  assert.equal(env.FLEXITI_MOCK_DB, '/data/flexiti-mock.sqlite');
});

test('CMD starts the CLI with zero arguments; no ENTRYPOINT adds any', () => {
  const cmds = only(runtime, 'CMD');
  assert.equal(cmds.length, 1);
  assert.deepEqual(execForm(cmds[0]!.args), ['node', 'dist/cli.js']);
  assert.equal(only(runtime, 'ENTRYPOINT').length, 0);
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.bin['flexiti-mock'], 'dist/cli.js', 'the image runs the same file as the npm bin');
});

test('HEALTHCHECK is Node (no curl or wget) and reads PORT', () => {
  const checks = only(runtime, 'HEALTHCHECK');
  assert.equal(checks.length, 1);
  const command = execForm(checks[0]!.args);
  assert.equal(command[0], 'node');
  assert.doesNotMatch(checks[0]!.args, /curl|wget/);
  assert.match(command.join(' '), /process\.env\.PORT/);
  assert.match(command.join(' '), /\/__admin\/health/);
});

test('.dockerignore keeps local installs, builds and databases out of the build context', () => {
  const ignored = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
  for (const entry of ['node_modules', 'dist', 'data', '.git', '*.sqlite']) assert.ok(ignored.includes(entry), entry);
  for (const needed of ['src', 'fixtures', 'package.json', 'package-lock.json', 'tsconfig.json']) assert.ok(!ignored.includes(needed), needed);
});
