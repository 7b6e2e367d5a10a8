import { z } from 'zod';
import { PROVINCES } from './common.js';

/**
 * The hosted page's form bodies (contract C5). Issue messages are keys of the page's error texts
 * (strings.ts `errors`), so the page can say them in English or French; a bad form re-renders the
 * page with its errors (never a 409 JSON body, never a 500).
 */
export type FormError = 'required' | 'tooLong' | 'invalid';

const str = () => z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid') }).trim();
const required = (max: number) => str().min(1, 'required').max(max, 'tooLong');
const optional = (max: number) => str().max(max, 'tooLong').optional();

/** The apply step: the applicant (pre-filled from init, middle name = response key, C9) and the PIN. */
export const HostedApplyFormSchema = z.object({
  fname: required(100),
  mname: optional(100),
  lname: required(100),
  dob: str().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'invalid').optional(),
  email: optional(254),
  phone_number: optional(20),
  address_1: optional(200),
  address_2: optional(200),
  city: optional(100),
  province: str()
    .transform((v) => v.toUpperCase())
    .refine((v) => v === '' || (PROVINCES as readonly string[]).includes(v), 'invalid')
    .optional(),
  postal_code: optional(10),
  pin: required(10),
});
export type HostedApplyForm = z.output<typeof HostedApplyFormSchema>;

/** The buy step: a plan, and a card (FlexitiCard number or customer id) when init sent none that works. */
export const HostedBuyFormSchema = z.object({
  plan_id: required(20),
  card: str().max(30, 'tooLong').regex(/^[\d\s-]*$/, 'invalid').optional(),
});
export type HostedBuyForm = z.output<typeof HostedBuyFormSchema>;
