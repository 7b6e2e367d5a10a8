import { randomBytes, randomInt } from 'node:crypto';
import { nanoid } from 'nanoid';

/** Every random identifier the mock hands out; injected so tests can make them predictable. */
export interface Ids {
  /** 40 lowercase hex characters, the shape of Flexiti's OAuth tokens (api-notes §2.2). */
  token(): string;
  /** Opaque, URL-safe, unguessable token behind a hosted-flow URL. */
  flowToken(): string;
  deliveryId(): string;
  /** 36-char UUID, the form of x-reference-id that hyperswitch sends (api-notes §8.3). */
  referenceId(): string;
  /** 6-digit promotional purchase id, like "382712" (api-notes §6.2). */
  promoId(): string;
  /** 7-digit Flexiti customer id, like 1293836 (api-notes §6.5). */
  customerId(): string;
  /** 16-digit FlexitiCard number starting 237498 (api-notes §6.5). */
  vcc(): string;
}

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

export function createIds(): Ids {
  return {
    token: () => randomBytes(20).toString('hex'),
    flowToken: () => nanoid(32),
    deliveryId: () => `dlv_${nanoid(21)}`,
    referenceId: () => crypto.randomUUID(),
    promoId: () => String(randomInt(100_000, 1_000_000)),
    customerId: () => String(randomInt(2_000_000, 10_000_000)),
    vcc: () => `237498${digits(10)}`,
  };
}
