import { PROVINCES } from '../schemas/common.js';
import type { Merchant, Plan } from '../schemas/fixtures.js';
import type { Order } from '../services/orders/index.js';
import { isoDob } from '../services/orders/model.js';
import { paymentSchedule } from '../services/plans.js';
import type { CustomerRecord } from '../store/customers.js';
import type { FormValues } from './forms.js';
import { formatMoney, formatPercent, STRINGS, type PageLang } from './strings.js';

/** Template data for each hosted page; no decisions here, only what to show. */

interface FieldSpec {
  name: string;
  type: string;
  autocomplete: string;
  required?: boolean;
  hint?: 'pinHint' | 'mnameHint';
  options?: readonly string[];
}

const APPLY_FIELDS: readonly FieldSpec[] = [
  { name: 'fname', type: 'text', autocomplete: 'given-name', required: true },
  { name: 'mname', type: 'text', autocomplete: 'additional-name', hint: 'mnameHint' },
  { name: 'lname', type: 'text', autocomplete: 'family-name', required: true },
  { name: 'dob', type: 'date', autocomplete: 'bday' },
  { name: 'email', type: 'text', autocomplete: 'email' },
  { name: 'phone_number', type: 'tel', autocomplete: 'tel' },
  { name: 'address_1', type: 'text', autocomplete: 'address-line1' },
  { name: 'address_2', type: 'text', autocomplete: 'address-line2' },
  { name: 'city', type: 'text', autocomplete: 'address-level2' },
  { name: 'province', type: 'text', autocomplete: 'address-level1', options: PROVINCES },
  { name: 'postal_code', type: 'text', autocomplete: 'postal-code' },
  { name: 'pin', type: 'text', autocomplete: 'one-time-code', required: true, hint: 'pinHint' },
];

/** init's pre-fill (contract C5), as the form shows it. */
function prefill(order: Order): FormValues {
  const input = order.input;
  const values: FormValues = {};
  for (const { name } of APPLY_FIELDS) {
    const value = (input as Record<string, unknown>)[name];
    if (typeof value === 'string') values[name] = value;
  }
  values.dob = isoDob(input.dob);
  return values;
}

const amountText = (order: Order, lang: PageLang) => (order.amount_cents > 0 ? formatMoney(order.amount_cents, lang) : '');

export function applyView(order: Order, lang: PageLang, submitted?: { values: FormValues; errors: string[] }) {
  const t = STRINGS[lang];
  const values = submitted ? submitted.values : prefill(order);
  const fields = APPLY_FIELDS.map((field) => ({
    ...field,
    // The PIN is never echoed back: a retry types it again.
    value: field.name === 'pin' ? '' : field.name === 'province' ? (values.province ?? '').toUpperCase() : (values[field.name] ?? ''),
    hint: field.hint ? t.apply[field.hint] : undefined,
  }));
  return { fields, greetName: values.fname ?? '', amount: amountText(order, lang), errors: submitted?.errors ?? [] };
}

function planRow(plan: Plan, amountCents: number, lang: PageLang, checked: boolean) {
  const schedule = paymentSchedule(plan, amountCents);
  return {
    plan_id: plan.plan_id,
    // The merchant's own plan name is in one language only; the page describes the plan in its own.
    name: STRINGS[lang].buy.kinds[plan.kind] ?? plan.kind,
    term: STRINGS[lang].buy.months(plan.term_months),
    monthly: formatMoney(schedule.monthlyCents, lang),
    fee: formatMoney(schedule.adminFeeCents, lang),
    apr: formatPercent(plan.apr, lang),
    total: formatMoney(schedule.financedCents, lang),
    checked,
  };
}

export interface BuyState {
  plans: Plan[];
  /** The account the purchase will use, when known. */
  cardholder: CustomerRecord | undefined;
  /** The shopper must type a card (buy flow with no working card from init). */
  askCard: boolean;
  newAccount: boolean;
  card?: string | undefined;
  planId?: string | undefined;
  errors: string[];
}

export function buyView(order: Order, lang: PageLang, state: BuyState) {
  const chosen = state.plans.some((p) => p.plan_id === state.planId) ? state.planId : state.plans[0]?.plan_id;
  const holder = state.cardholder;
  return {
    amount: formatMoney(order.amount_cents, lang),
    plans: state.plans.map((plan) => planRow(plan, order.amount_cents, lang, plan.plan_id === chosen)),
    cardholder: holder
      ? { name: `${holder.first_name} ${holder.last_name}`, last4: holder.vcc.slice(-4), customerId: holder.customer_id, available: formatMoney(holder.available_credit_cents, lang) }
      : undefined,
    askCard: state.askCard,
    newAccount: state.newAccount,
    cardValue: state.card ?? '',
    errors: state.errors,
  };
}

export function outcomeView(order: Order, lang: PageLang, again: boolean) {
  const t = STRINGS[lang];
  return { outcome: t.outcome[order.status] ?? t.outcome.ERROR!, status: order.status, again };
}

export function learnMoreView(order: Order, merchant: Merchant, lang: PageLang, plans: Plan[]) {
  const rows = plans.map((plan) => {
    const row = planRow(plan, Math.max(order.amount_cents, 0), lang, false);
    return { ...row, monthly: order.amount_cents > 0 ? row.monthly : '' };
  });
  return { amount: amountText(order, lang), plans: rows, merchantName: merchant.name };
}
