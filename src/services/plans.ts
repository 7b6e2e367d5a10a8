import { roundHalfUp, toCents } from '../money.js';
import type { Merchant, Plan } from '../schemas/fixtures.js';

/**
 * Merchant plans: which plans cover an amount, which one the payment calculator advertises, and
 * the payment math. Pure functions over the merchant's fixture plans (amounts in dollars there,
 * integer cents here).
 *
 * Rounding rule (the only one, `roundHalfUp` from src/money.ts): every amount is computed exactly
 * in floating point from integer cents and rounded half away from zero to the cent ONCE, at the
 * end. The monthly payment is never re-derived from a rounded intermediate.
 *
 * Administrative fee: a one-off amount per purchase (Flexiti's POS `admin_total` fee type, "due in
 * full if the account is paid off early", api-notes §6.2). It is FINANCED: added to the purchase
 * amount and spread over the term with it, so `transaction_total_amount = purchase_amount +
 * administrative_fee` (api-notes §6.2) is the amount financed, and nothing is due up front.
 */

type PlanHolder = Pick<Merchant, 'plans'>;

export interface PaymentSchedule {
  plan_id: string;
  kind: Plan['kind'];
  months: number;
  apr: number;
  priceCents: number;
  adminFeeCents: number;
  /** Price plus the administrative fee: the principal of the loan. */
  financedCents: number;
  monthlyCents: number;
  /** What the shopper repays over the term: `months × exact payment`, rounded once. */
  totalCents: number;
  /** `totalCents − financedCents` (0 at 0 % APR). */
  interestCents: number;
}

/** Both ends inclusive (api-notes §3.5: `min_plan_amount ≤ amount ≤ max_plan_amount`). */
export function planCovers(plan: Plan, amountCents: number): boolean {
  return toCents(plan.min_amount) <= amountCents && amountCents <= toCents(plan.max_amount);
}

/** The plans a shopper may choose for this amount, in the merchant's order (the hosted buy step lists these). */
export function eligiblePlans(merchant: PlanHolder, amountCents: number): Plan[] {
  return merchant.plans.filter((plan) => planCovers(plan, amountCents));
}

/** `payment-availability`: true exactly when some plan covers the amount (api-notes §3.5). */
export function isAvailable(merchant: PlanHolder, amountCents: number): boolean {
  return merchant.plans.some((plan) => planCovers(plan, amountCents));
}

/** Longest term wins; on a tie the plan listed first in the merchant's fixture. */
function longest(plans: Plan[]): Plan | undefined {
  return plans.reduce<Plan | undefined>((best, plan) => (best === undefined || plan.term_months > best.term_months ? plan : best), undefined);
}

/**
 * The plan the payment calculator advertises: the promotional plan with the longest term whose
 * range holds the price, else the regular plan (longest term if several) whose range holds it,
 * else none. The docs leave the choice open (api-notes §3.2, §9.2.12); "longest promotional term"
 * gives the lowest advertised payment, which is what "as low as" widgets show.
 */
export function calculatorPlan(merchant: PlanHolder, priceCents: number): Plan | undefined {
  const covering = eligiblePlans(merchant, priceCents);
  return longest(covering.filter((p) => p.kind === 'promotional')) ?? longest(covering.filter((p) => p.kind === 'regular'));
}

/**
 * The unrounded level monthly payment on `principalCents` over `months` at a yearly `apr`
 * (0.2999 = 29.99 %): equal payments at 0 % APR, else the standard amortisation formula
 * `P·r / (1 − (1 + r)^−n)` with `r = apr / 12`.
 */
export function exactMonthlyPayment(principalCents: number, apr: number, months: number): number {
  if (apr === 0) return principalCents / months;
  const r = apr / 12;
  // 1 − (1 + r)^−n written as −expm1(−n·log1p(r)): the same value without the cancellation that
  // loses digits for small rates on large amounts.
  return (principalCents * r) / -Math.expm1(-months * Math.log1p(r));
}

/** The monthly payment in cents, rounded once (see the rounding rule above). */
export function monthlyPaymentCents(principalCents: number, apr: number, months: number): number {
  return roundHalfUp(exactMonthlyPayment(principalCents, apr, months));
}

/** The full payment schedule of one plan for a price, administrative fee financed. */
export function paymentSchedule(plan: Plan, priceCents: number): PaymentSchedule {
  const adminFeeCents = toCents(plan.administrative_fee);
  const financedCents = priceCents + adminFeeCents;
  const months = plan.term_months;
  const exact = exactMonthlyPayment(financedCents, plan.apr, months);
  const totalCents = plan.apr === 0 ? financedCents : roundHalfUp(exact * months);
  return {
    plan_id: plan.plan_id,
    kind: plan.kind,
    months,
    apr: plan.apr,
    priceCents,
    adminFeeCents,
    financedCents,
    monthlyCents: roundHalfUp(exact),
    totalCents,
    interestCents: totalCents - financedCents,
  };
}
