import type { Address } from '../schemas/systems.js';
import type { CustomerRecord } from '../store/customers.js';

/**
 * `customer_comparison_result` (api-notes §3.3, §6.3): how well the billing and shipping data a
 * merchant sent to init match Flexiti's record of the cardholder, one score per field.
 *
 * How a score is computed (Flexiti does not document its algorithm; this is ours):
 * 1. Normalise both sides: Unicode NFKD with accents removed ("Montréal" → "montreal"), lower
 *    case, every character that is not a letter or digit dropped ("M2A 2A2" → "m2a2a2",
 *    "123 Any St." → "123anyst").
 * 2. Either side empty after normalising → `null` (the docs' example has `address_2: null` for an
 *    empty address line and `dob: null` because init never sends a date of birth).
 * 3. Equal → 1.
 * 4. Otherwise the Sørensen–Dice coefficient of the two strings' character bigrams (multisets):
 *    2·|common bigrams| / (|bigrams a| + |bigrams b|), a number in [0, 1). One-character strings
 *    have no bigrams: they score 0 unless equal.
 */
export function normalise(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

export function diceCoefficient(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  if (total === 0) return 0;
  let common = 0;
  for (const [pair, count] of left) common += Math.min(count, right.get(pair) ?? 0);
  return (2 * common) / total;
}

/** The score of one field: null when a side is empty, 1 when equal, else the Dice coefficient. */
export function fieldScore(merchantValue: string | null | undefined, cardholderValue: string | null | undefined): number | null {
  const a = normalise(merchantValue);
  const b = normalise(cardholderValue);
  if (a === '' || b === '') return null;
  if (a === b) return 1;
  return diceCoefficient(a, b);
}

/** The documented key order of one side (the seed's buy example). */
export interface SideScores {
  province: number | null;
  postal_code: number | null;
  city: number | null;
  address_2: number | null;
  address_1: number | null;
  dob: number | null;
  last_name: number | null;
  first_name: number | null;
}

export interface ComparisonResult {
  shipping_information: SideScores;
  billing_information: SideScores;
}

type Cardholder = Pick<CustomerRecord, 'first_name' | 'last_name' | 'address_1' | 'address_2' | 'city' | 'province' | 'postal_code'>;

function compareSide(sent: Address | undefined, cardholder: Cardholder): SideScores {
  const s = sent ?? {};
  return {
    province: fieldScore(s.province, cardholder.province),
    postal_code: fieldScore(s.postal_code, cardholder.postal_code),
    city: fieldScore(s.city, cardholder.city),
    address_2: fieldScore(s.address_2, cardholder.address_2),
    address_1: fieldScore(s.address_1, cardholder.address_1),
    // Init carries no date of birth in billing/shipping, so there is nothing to compare (§3.3).
    dob: null,
    last_name: fieldScore(s.last_name, cardholder.last_name),
    first_name: fieldScore(s.first_name, cardholder.first_name),
  };
}

export function compareCustomer(
  sent: { billing_information?: Address | undefined; shipping_information?: Address | undefined },
  cardholder: Cardholder,
): ComparisonResult {
  return {
    shipping_information: compareSide(sent.shipping_information, cardholder),
    billing_information: compareSide(sent.billing_information, cardholder),
  };
}
