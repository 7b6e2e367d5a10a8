import type { TestContext } from 'node:test';
import type { FastifyBaseLogger, FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import qs from 'qs';
import { buildApp } from '../../src/app.js';
import { createManualClock, type Clock } from '../../src/clock.js';
import { parseConfig, type Config, type ConfigInput } from '../../src/config.js';
import { loadFixtures, seedFixtures, type Fixtures } from '../../src/fixtures.js';
import { createIds, type Ids } from '../../src/ids.js';
import { openStore, type Store } from '../../src/store/index.js';

/** A closed loopback port: anything that follows a test URL (e.g. the callback worker) is refused locally, never resolved over DNS. */
export const PUBLIC_URL = 'http://127.0.0.1:9';

export const DEMO = {
  clientId: 'flexitidemo',
  clientSecret: '77fde15a-9d33-4e15-930a-76e4b3ae33e9',
  username: 'merchantonline',
  password: 'merchantonline-pass',
} as const;

export const MAPLE = {
  clientId: 'maplefurniture',
  clientSecret: '3b1c0f8e-5d2a-4c7b-9e61-0a4d2f8c9b17',
  username: 'mapleonline',
  password: 'maple-pass',
} as const;

export type MerchantCredentials = { clientId: string; clientSecret: string };

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  clock: Clock;
  ids: Ids;
  config: Config;
  fixtures: Fixtures;
}

/** The real app on a real in-memory SQLite database, with a manual clock; closed after the test. */
export async function buildTestApp(
  t: Pick<TestContext, 'after'>,
  options: { config?: ConfigInput; fixtures?: Fixtures; clock?: Clock; ids?: Ids; logger?: FastifyBaseLogger } = {},
): Promise<TestApp> {
  const config = parseConfig({ db: ':memory:', logLevel: 'silent', ...options.config });
  const fixtures = options.fixtures ?? loadFixtures();
  const clock = options.clock ?? createManualClock();
  const ids = options.ids ?? createIds();
  const store = openStore(':memory:');
  seedFixtures(store, fixtures, clock.now());
  const app = await buildApp({ config, store, clock, ids, fixtures, publicUrl: () => PUBLIC_URL, ...(options.logger ? { logger: options.logger } : {}) });
  app.addHook('onClose', async () => store.close());
  await app.ready();
  t.after(() => app.close());
  return { app, store, clock, ids, config, fixtures };
}

export const API = '/flexiti/online-api';

export function form(data: Record<string, unknown>): string {
  return qs.stringify(data);
}

/** POSTs a form to /oauth/token. */
export function tokenRequest(app: FastifyInstance, body: Record<string, unknown>, extra: Partial<InjectOptions> = {}) {
  return app.inject({
    method: 'POST',
    url: `${API}/oauth/token`,
    ...extra,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra.headers },
    payload: form(body),
  });
}

/** A merchant-scope access token via client credentials. */
export async function getToken(app: FastifyInstance, merchant: MerchantCredentials = DEMO): Promise<string> {
  const response = await tokenRequest(app, { client_id: merchant.clientId, client_secret: merchant.clientSecret });
  if (response.statusCode !== 200) throw new Error(`token request failed: ${response.statusCode} ${response.body}`);
  return response.json().access_token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'x-reference-id': crypto.randomUUID() });

/** Asserts nothing by itself: returns the parsed envelope of an error response for deepEqual checks. */
export function envelope(response: LightMyRequestResponse): { code: number; error: string; error_description: string } {
  return response.json();
}
