import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CustomersFileSchema, FixtureBundleSchema, MerchantsFileSchema, type Customer, type Merchant } from './schemas/fixtures.js';
import { toCustomerRecord } from './store/customers.js';
import type { Store } from './store/index.js';

export interface Fixtures {
  merchants: Merchant[];
  customers: Customer[];
}

export class FixtureError extends Error {
  override name = 'FixtureError';
}

/** The fixtures folder shipped in the package (beside src/ and dist/). */
export const BUNDLED_FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FixtureError(`${file}: cannot be read (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`${file}: is not valid JSON (${(error as Error).message})`);
  }
}

function validate<S extends z.ZodType>(file: string, schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${field || '(root)'}: ${issue.message}`;
  });
  throw new FixtureError(`${file}: invalid fixture\n  ${problems.join('\n  ')}`);
}

/** Reads and validates a fixtures directory (merchants.json, customers.json) or one bundle file. */
export function loadFixtures(path: string = BUNDLED_FIXTURES): Fixtures {
  if (!existsSync(path)) throw new FixtureError(`${path}: no such fixtures file or directory`);
  if (statSync(path).isFile()) return validate(path, FixtureBundleSchema, readJson(path));
  const merchantsFile = join(path, 'merchants.json');
  const customersFile = join(path, 'customers.json');
  const merchants = validate(merchantsFile, MerchantsFileSchema, readJson(merchantsFile));
  const customers = existsSync(customersFile) ? validate(customersFile, CustomersFileSchema, readJson(customersFile)) : [];
  return { merchants, customers };
}

/**
 * Seeds idempotently: fixture merchants are upserted (the file is the source of truth for them;
 * merchants created through the admin API are left alone); fixture customers are inserted only
 * when missing, so balances drawn down by purchases survive a restart.
 */
export function seedFixtures(store: Store, fixtures: Fixtures, now: number): void {
  store.transaction(() => {
    for (const merchant of fixtures.merchants) store.merchants.upsert(merchant, 'fixture', now);
    for (const customer of fixtures.customers) store.customers.insertIfMissing(toCustomerRecord(customer, 'fixture', now));
  });
}

/** Puts fixture customers back to their fixture balances and drops customers created by applications. */
export function restoreFixtureCustomers(store: Store, fixtures: Fixtures, now: number): void {
  store.transaction(() => {
    store.customers.removeApplied();
    for (const customer of fixtures.customers) store.customers.put(toCustomerRecord(customer, 'fixture', now));
  });
}
