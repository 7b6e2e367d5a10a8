import type { z } from 'zod';
import { ApiError } from '../http/errors.js';
import { HostedApplyFormSchema, HostedBuyFormSchema, type FormError, type HostedApplyForm, type HostedBuyForm } from '../schemas/hosted.js';
import type { Applicant, CardRef, Order } from '../services/orders/index.js';
import type { Strings } from './strings.js';

/** The apply step's PIN in test environments (api-notes §4, §7; contract C9): anything else is "wrong PIN". */
export const APPLY_PIN = '2222';

/** What a form submitted, as strings (to re-fill the page after an error). */
export type FormValues = Record<string, string>;

export type Parsed<T> = { ok: true; value: T; values: FormValues } | { ok: false; errors: string[]; values: FormValues };

export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  }
  return values;
}

function parse<S extends z.ZodType>(schema: S, body: unknown, t: Strings): Parsed<z.output<S>> {
  const values = formValues(body);
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, value: result.data, values };
  const errors = result.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const key = (['required', 'tooLong', 'invalid'].includes(issue.message) ? issue.message : 'invalid') as FormError;
    return `${t.fields[field] ?? field} ${t.errors[key]}`;
  });
  return { ok: false, errors, values };
}

/** The apply form; a wrong PIN is one more error beside the field errors. */
export function parseApplyForm(body: unknown, t: Strings): Parsed<Applicant> {
  const parsed = parse(HostedApplyFormSchema, body, t);
  const pin = parsed.values.pin?.trim();
  const pinWrong = pin !== undefined && pin !== '' && pin !== APPLY_PIN;
  if (!parsed.ok) return pinWrong ? { ...parsed, errors: [...parsed.errors, t.errors.wrongPin] } : parsed;
  if (pinWrong) return { ok: false, errors: [t.errors.wrongPin], values: parsed.values };
  const { pin: _pin, ...applicant } = parsed.value as HostedApplyForm;
  return { ok: true, value: applicant, values: parsed.values };
}

export function parseBuyForm(body: unknown, t: Strings): Parsed<HostedBuyForm> {
  const parsed = parse(HostedBuyFormSchema, body, t);
  if (parsed.ok) return parsed;
  // A missing plan reads better as an instruction than as "Payment plan is required".
  const missingPlan = !parsed.values.plan_id?.trim();
  return missingPlan ? { ...parsed, errors: [t.errors.choosePlan, ...parsed.errors.filter((e) => !e.startsWith(t.fields.plan_id as string))] } : parsed;
}

/** A typed card: 16 digits (spaces and hyphens allowed) is a FlexitiCard number, anything else a customer id. */
export function typedCard(card: string): CardRef {
  const digits = card.replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? { vcc: digits } : { customer_id: card.replace(/\s/g, '') };
}

/** The card a buy step pays with: the new account (apply/buy), the typed one, or init's vcc/customer_id. */
export function cardRefFor(order: Order, typed: string | undefined): CardRef {
  if (order.flow !== 'buy') return {};
  if (typed) return typedCard(typed);
  return { vcc: order.input.vcc, customer_id: order.input.customer_id };
}

/**
 * The purchase errors after which the order stays open and the buy step is shown again with a
 * message: an unknown card (404), a plan not offered for the amount (409 wrong_inputs), the
 * account-0001 timeout (504). Anything else is not the shopper's to fix.
 */
export function retryablePurchaseError(error: unknown, t: Strings): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.statusCode === 404) return t.errors.cardNotFound;
  if (error.statusCode === 504) return t.errors.timeout;
  if (error.statusCode === 409 && error.error === 'wrong_inputs') return t.errors.choosePlan;
  return undefined;
}
