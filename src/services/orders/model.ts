import type { InitInput } from '../../schemas/systems.js';
import type { OrderRecord, OrderStatus } from '../../store/orders.js';
import type { ComparisonResult } from '../comparison.js';
import type { ApplyOutcome } from '../decisions.js';

/** What the shopper applies with: init's pre-fill, overridden by what the hosted page submits. */
export interface Applicant {
  salutation?: string | undefined;
  fname?: string | undefined;
  /** The response key goes here (contract C9, api-notes §7). */
  mname?: string | undefined;
  lname?: string | undefined;
  dob?: string | undefined;
  email?: string | undefined;
  phone_number?: string | undefined;
  address_1?: string | undefined;
  address_2?: string | undefined;
  city?: string | undefined;
  province?: string | undefined;
  postal_code?: string | undefined;
}

export const APPLICANT_FIELDS = [
  'salutation', 'fname', 'mname', 'lname', 'dob', 'email', 'phone_number', 'address_1', 'address_2', 'city', 'province', 'postal_code',
] as const satisfies readonly (keyof Applicant)[];

/** What the order learned along the way (the `result` JSON column). */
export interface OrderOutcome {
  applicant?: Applicant;
  decision?: { key: string | null; outcome: ApplyOutcome; description: string };
  /** A pending decision: when the review is due (mock ms) and how it ends (decisions table). */
  review?: { key: string; due_at: number; resolution: 'approved' | 'declined' };
  /** The card the purchase was made (or refused) on. */
  card?: { customer_id: string; vcc: string };
  comparison?: ComparisonResult | null;
  reason?: string;
}

/** An order row with its JSON columns parsed. */
export interface Order extends OrderRecord {
  input: InitInput;
  outcome: OrderOutcome;
}

/** States that end the order (and RETRY: the shopper starts a new application). */
export const FINAL_STATUSES: readonly OrderStatus[] = ['SUCCESS', 'DECLINED', 'CANCELLED', 'ERROR', 'RETRY'];
export const isFinal = (status: OrderStatus) => FINAL_STATUSES.includes(status);

export function hydrate(record: OrderRecord): Order {
  return { ...record, input: JSON.parse(record.request) as InitInput, outcome: record.result ? (JSON.parse(record.result) as OrderOutcome) : {} };
}

export const hasApply = (order: Pick<Order, 'flow'>) => order.flow === 'apply' || order.flow === 'apply/buy';
export const hasBuy = (order: Pick<Order, 'flow'>) => order.flow === 'buy' || order.flow === 'apply/buy';

/** Init's `dob` is "06/01/1981" in the docs (MM/DD/YYYY: the demo cardholder was born 1981-06-01); stored as YYYY-MM-DD. */
export function isoDob(dob: string | undefined): string {
  if (!dob) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(dob)) return dob;
  const match = dob.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return match ? `${match[3]}-${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}` : '';
}

/** `lang=fr` for French tags (fr, fr-CA, fr_FR), else en (contract C5). */
export const pageLang = (lang: string): 'en' | 'fr' => (/^fr/i.test(lang) ? 'fr' : 'en');
