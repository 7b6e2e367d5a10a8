import { MerchantSchema, type Merchant } from '../schemas/fixtures.js';
import type { Db } from './open.js';

export type MerchantSource = 'fixture' | 'admin';

/**
 * Merchants are stored as their validated fixture JSON (the admin API returns exactly that), and
 * parsed objects are cached: plans are read on every availability and calculator call.
 */
export function createMerchantStore(db: Db) {
  const statements = {
    get: db.prepare<[string], { data: string }>('SELECT data FROM merchants WHERE client_id = ?'),
    list: db.prepare<[], { data: string }>('SELECT data FROM merchants ORDER BY client_id'),
    upsert: db.prepare<[string, string, string, number]>(
      `INSERT INTO merchants (client_id, data, source, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (client_id) DO UPDATE SET data = excluded.data, source = excluded.source, updated_at = excluded.updated_at`,
    ),
    remove: db.prepare<[string]>('DELETE FROM merchants WHERE client_id = ?'),
  };
  // Only merchants that exist are cached: remembering misses would keep every client_id any
  // request ever sent (up to the 1 MB body limit each) for the life of the process.
  const cache = new Map<string, Merchant>();
  const parse = (data: string) => MerchantSchema.parse(JSON.parse(data));

  return {
    get(clientId: string): Merchant | undefined {
      let merchant = cache.get(clientId);
      if (merchant === undefined) {
        const row = statements.get.get(clientId);
        if (!row) return undefined;
        merchant = parse(row.data);
        cache.set(clientId, merchant);
      }
      return merchant;
    },
    list(): Merchant[] {
      return statements.list.all().map((row) => parse(row.data));
    },
    /** Stores a merchant already validated by MerchantSchema. */
    upsert(merchant: Merchant, source: MerchantSource, now: number): void {
      statements.upsert.run(merchant.client_id, JSON.stringify(merchant), source, now);
      cache.delete(merchant.client_id);
    },
    remove(clientId: string): boolean {
      cache.delete(clientId);
      return statements.remove.run(clientId).changes > 0;
    },
  };
}

export type MerchantStore = ReturnType<typeof createMerchantStore>;
