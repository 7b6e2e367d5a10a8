import { toCents } from '../money.js';
import type { Merchant, Plan } from '../schemas/fixtures.js';

/**
 * The merchant's plans whose amount range (both ends inclusive) holds the amount, in the order the
 * merchant lists them (api-notes §3.5, §6.2). The first one is the default plan of a purchase
 * forced through the admin API.
 */
export function eligiblePlans(merchant: Pick<Merchant, 'plans'>, amountCents: number): Plan[] {
  return merchant.plans.filter((plan) => toCents(plan.min_amount) <= amountCents && amountCents <= toCents(plan.max_amount));
}
