import { z } from 'zod';
import { AMOUNT_PATTERN, MAX_AMOUNT } from '../money.js';

export const FLOWS = ['apply', 'buy', 'apply/buy'] as const;
export type Flow = (typeof FLOWS)[number];

/** Canadian provinces and territories (POS form values, api-notes §3.1). */
export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

/**
 * A money amount in dollars: a JSON number or a numeric string (form bodies carry strings), with
 * at most two decimals, not negative, at most 999,999,999.99.
 */
export const Amount = z
  .union([z.number(), z.string().trim()])
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof value === 'number' ? !Number.isFinite(value) : !AMOUNT_PATTERN.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must be a non-negative amount with at most two decimals' });
      return z.NEVER;
    }
    const amount = Number(text);
    if (amount < 0 || Math.round(amount * 100) !== Number((amount * 100).toFixed(6)) || amount > MAX_AMOUNT) {
      ctx.addIssue({ code: 'custom', message: 'must be a non-negative amount with at most two decimals, at most 999999999.99' });
      return z.NEVER;
    }
    return amount;
  });

/** A strictly positive amount (what a shopper can finance). */
export const PositiveAmount = Amount.refine((v) => v > 0, { message: 'must be greater than 0' });

/** Booleans as JSON booleans or as the strings forms and the docs use ("True, False"). */
export const LooseBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0'])])
  .transform((v) => v === true || (typeof v === 'string' && ['true', '1'].includes(v.toLowerCase())));

/** An http(s) URL; `{PUBLIC_URL}` may stand for the mock's own public base (expanded at use time). */
export const MerchantUrl = z
  .string()
  .refine((v) => URL.canParse(v.replace('{PUBLIC_URL}', 'http://localhost')) && /^(https?:\/\/|\{PUBLIC_URL\})/.test(v), {
    message: 'must be an http(s) URL (or start with {PUBLIC_URL})',
  });
