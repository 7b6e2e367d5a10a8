import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { CONFIG_OPTIONS } from '../../src/config.js';
import { DEMO } from '../helpers/app.js';
import { ROOT } from '../helpers/dockerfile.js';

// Contract C1: `npx flexiti-mock` from a checkout (npm 11 runs the project's own bin when the name
// matches its package.json) and from a merchant project that installed the package. Offline, so a
// resolution failure fails the test instead of fetching some package of that name from the registry.
const NPM_ENV = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_yes: 'true', LOG_LEVEL: 'warn' };
const LISTEN = /^flexiti-mock listening on (http:\/\/127\.0\.0\.1:(\d+))$/m;

function run(command: string, args: string[], cwd: string, timeout = 120_000) {
  const result = spawnSync(command, args, { cwd, env: NPM_ENV, encoding: 'utf8', timeout });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

before(() => {
  // What `npm ci` does through `prepare` on a fresh clone.
  run('npm', ['run', 'build'], ROOT);
});

/** Starts the exact command in its own process group (npx runs the bin in a child) and waits for the listen line. */
async function startNpx(cwd: string, t: { after: (fn: () => void) => void }) {
  const child: ChildProcess = spawn('npx', ['flexiti-mock', '--port', '0', '--db', ':memory:'], { cwd, env: NPM_ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit');
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  t.after(() => kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const match = await new Promise<RegExpMatchArray>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no listen line within 60 s\n${stdout}\n${stderr}`)), 60_000);
    child.stdout!.on('data', (c) => {
      stdout += c;
      const m = stdout.match(LISTEN);
      if (m) {
        clearTimeout(timer);
        done(m);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npx exited ${code} before listening\n${stdout}\n${stderr}`));
    });
  });
  return {
    url: match[1] as string,
    port: Number(match[2]),
    /** SIGTERM to the whole group (npm itself dies of it; the server's clean exit is tested in test/e2e). */
    async stop() {
      kill('SIGTERM');
      await exited;
    },
  };
}

async function assertServesTokens(url: string) {
  const response = await fetch(`${url}/flexiti/online-api/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.clientSecret }),
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.token_type, 'bearer');
  assert.match(body.access_token, /^[0-9a-f]{40}$/);
}

test('`npx flexiti-mock --port 0 --db :memory:` in a checkout prints the real port and serves the token endpoint', { timeout: 120_000 }, async (t) => {
  const server = await startNpx(ROOT, t);
  assert.ok(server.port > 0, 'the real port, not 0');
  await assertServesTokens(server.url);
  await server.stop();
});

test('`npx flexiti-mock --help` lists every flag with its environment variable and default', { timeout: 60_000 }, () => {
  const help = run('npx', ['flexiti-mock', '--help'], ROOT, 60_000);
  for (const option of CONFIG_OPTIONS) {
    const line = help.split('\n').find((l) => l.includes(`--${option.flag}`));
    assert.ok(line, `--${option.flag} is listed`);
    assert.match(line, new RegExp(`\\b${option.env}\\b`));
    assert.ok(line.includes(`default: ${option.default}`), `${option.flag} shows its default`);
  }
});

test('installed in a merchant project (from `npm pack`), `npx flexiti-mock` runs the package bin', { timeout: 180_000 }, async (t) => {
  const project = mkdtempSync(join(tmpdir(), 'flexiti-mock-merchant-'));
  t.after(() => rmSync(project, { recursive: true, force: true }));
  // `prepare` already ran in before(); the tarball holds exactly the published `files`.
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', project], ROOT);
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'merchant-app', private: true }));
  // From the npm cache that `npm ci` filled; scripts skipped, and better-sqlite3's native binary
  // copied from this checkout's install instead of a one-minute rebuild of the same file.
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `./${tarball}`], project);
  const nativeBuild = join(realpathSync(join(ROOT, 'node_modules')), 'better-sqlite3', 'build');
  cpSync(nativeBuild, join(project, 'node_modules', 'better-sqlite3', 'build'), { recursive: true });

  const server = await startNpx(project, t);
  await assertServesTokens(server.url);
  await server.stop();

  // The programmatic API's types resolve through the package's `exports` (contract C1).
  writeFileSync(
    join(project, 'suite.ts'),
    [
      "import { startMockServer, createManualClock, type MockServer, type MockServerOptions } from 'flexiti-mock';",
      "const options: MockServerOptions = { port: 0, db: ':memory:', strict: true, clock: createManualClock() };",
      'const mock: MockServer = await startMockServer(options);',
      'const urls: [string, string, string, number] = [mock.url, mock.apiUrl, mock.adminUrl, mock.port];',
      'await mock.close();',
      'export { urls };',
      '// @ts-expect-error not an option',
      'await startMockServer({ portt: 1 });',
    ].join('\n'),
  );
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(realpathSync(join(ROOT, 'node_modules')), '@types')], types: ['node'] },
    files: ['suite.ts'],
  }));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'merchant-app', private: true, type: 'module' }));
  run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
});
