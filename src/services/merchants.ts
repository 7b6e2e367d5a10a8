import type { Clock } from '../clock.js';
import { ERR, notFound, wrongInputs } from '../http/errors.js';
import { parseOrThrow } from '../http/validation.js';
import { MerchantSchema, type Merchant } from '../schemas/fixtures.js';
import type { Store } from '../store/index.js';

/**
 * Merchants managed at run time (contract C6): how a CI service container, which cannot mount
 * fixtures, gets a test's merchant, plans and callback URL. Changes take effect on the next
 * request: the merchant store drops its cached parse on every write.
 */
export function createMerchantService({ store, clock }: { store: Store; clock: Clock }) {
  return {
    list: (): Merchant[] => store.merchants.list(),

    get(clientId: string): Merchant {
      const merchant = store.merchants.get(clientId);
      if (!merchant) throw notFound(ERR.unknownMerchant);
      return merchant;
    },

    /** Validates with the fixture's own schema and upserts; `created` tells a new merchant from a replaced one. */
    upsert(clientId: string, body: Record<string, unknown>): { merchant: Merchant; created: boolean } {
      if (body.client_id !== undefined && body.client_id !== clientId) throw wrongInputs(ERR.merchantClientIdMismatch);
      const merchant = parseOrThrow(MerchantSchema, { ...body, client_id: clientId });
      return store.transaction(() => {
        const created = store.merchants.get(clientId) === undefined;
        store.merchants.upsert(merchant, 'admin', clock.now(clientId));
        return { merchant, created };
      });
    },

    /** Removes the merchant and revokes every token issued to it, in one transaction. */
    remove(clientId: string): { tokensRevoked: number } {
      return store.transaction(() => {
        if (!store.merchants.remove(clientId)) throw notFound(ERR.unknownMerchant);
        return { tokensRevoked: store.tokens.removeForClient(clientId) };
      });
    },
  };
}

export type MerchantService = ReturnType<typeof createMerchantService>;
