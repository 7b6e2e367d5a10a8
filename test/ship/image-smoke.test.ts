import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { test } from 'node:test';
import { execForm, only, readDockerfile, ROOT, stageEnv } from '../helpers/dockerfile.js';

// Contract C11 without a Docker engine: replay the image's stages in a temporary folder, following
// the Dockerfile's own instructions, then run its CMD with its ENV and its HEALTHCHECK command.
const stages = readDockerfile();
const builder = stages[0]!;
const runtime = stages.at(-1)!;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Applies a stage's COPY instructions: `--from=builder` copies from the builder folder, others from the context. */
function applyCopies(stage: typeof builder, context: string, builderDir: string, workdir: string) {
  for (const copy of only(stage, 'COPY')) {
    const parts = copy.args.split(/\s+/);
    const from = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length);
    const paths = parts.filter((p) => !p.startsWith('--'));
    const dest = paths.pop()!;
    const base = from === undefined ? context : builderDir;
    for (const src of paths) {
      const source = join(base, from === undefined ? src : src.replace(/^\/app\/?/, ''));
      // Several sources, or a destination ending in '/', mean "into this folder", as in Docker.
      const target = paths.length > 1 || dest.endsWith('/') ? join(workdir, dest, basename(src)) : join(workdir, dest);
      cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    }
  }
}

function runHealthcheck(env: NodeJS.ProcessEnv, cwd: string): number | null {
  const [command, ...args] = execForm(only(runtime, 'HEALTHCHECK')[0]!.args);
  assert.equal(command, 'node');
  return spawnSync(process.execPath, args, { env, cwd, timeout: 15_000 }).status;
}

test('the runtime stage, rebuilt in a temp folder, starts with zero arguments and reports healthy', { timeout: 180_000 }, async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'flexiti-mock-image-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const builderDir = join(tmp, 'builder');
  const app = join(tmp, 'app');
  const data = join(tmp, 'data');
  mkdirSync(builderDir);
  mkdirSync(app);
  mkdirSync(data);

  // Builder: its context COPYs, then the installed tree stands in for `npm ci --ignore-scripts &&
  // npm rebuild better-sqlite3` (same lock file, native module already built for this Node).
  applyCopies(builder, ROOT, builderDir, builderDir);
  cpSync(realpathSync(join(ROOT, 'node_modules')), join(builderDir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  // Then the builder's last RUN, verbatim (npm run build && npm prune --omit=dev), offline.
  const lastRun = only(builder, 'RUN').at(-1)!.args;
  assert.match(lastRun, /npm run build/);
  const built = spawnSync('sh', ['-c', lastRun], {
    cwd: builderDir,
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(built.status, 0, `${built.stdout}\n${built.stderr}`);

  // Runtime: only what its COPYs bring.
  applyCopies(runtime, ROOT, builderDir, app);
  assert.deepEqual(readdirSync(app).sort(), ['dist', 'fixtures', 'node_modules', 'package.json']);
  for (const dev of ['typescript', 'tsx', 'playwright-core', 'fast-check', 'autocannon']) {
    assert.ok(!existsSync(join(app, 'node_modules', dev)), `${dev} is a dev dependency and must not ship`);
  }
  assert.ok(existsSync(join(app, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')));

  // The image's ENV, with the port made free and /data mapped to the temp folder; nothing inherited.
  const port = await freePort();
  const imageEnv = stageEnv(runtime);
  const env = { PATH: process.env.PATH, HOME: tmp, ...imageEnv, PORT: String(port), FLEXITI_MOCK_DB: join(data, 'flexiti-mock.sqlite') };
  assert.equal(resolve('/data', 'flexiti-mock.sqlite'), imageEnv.FLEXITI_MOCK_DB);

  assert.notEqual(runHealthcheck(env, app), 0, 'unhealthy while nothing listens');

  const [command, ...args] = execForm(only(runtime, 'CMD')[0]!.args);
  assert.equal(command, 'node');
  assert.deepEqual(args, ['dist/cli.js'], 'zero arguments');
  const child = spawn(process.execPath, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.exitCode === null && child.kill('SIGKILL'));
  const exited = once(child, 'exit');
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no listen line\n${stdout}\n${stderr}`)), 30_000);
    child.stdout.on('data', (c) => {
      stdout += c;
      if (stdout.includes('listening on')) {
        clearTimeout(timer);
        done();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited ${code} before listening\n${stdout}\n${stderr}`));
    });
  });
  assert.match(stdout, new RegExp(`^flexiti-mock listening on http://0\\.0\\.0\\.0:${port}$`, 'm'));

  assert.equal(runHealthcheck(env, app), 0, 'the HEALTHCHECK command reports healthy');
  assert.ok(existsSync(join(data, 'flexiti-mock.sqlite')), 'the database is created on the volume');

  child.kill('SIGTERM');
  const [code] = await exited;
  assert.equal(code, 0, stderr);
  assert.notEqual(runHealthcheck(env, app), 0, 'unhealthy once stopped');
});
