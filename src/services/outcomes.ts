import type { Fixtures } from '../fixtures.js';
import { APPLY_PIN } from '../hosted/forms.js';
import { CREDIT_LIMITS, DECISIONS, DEFAULT_CREDIT_LIMIT, TIMEOUT_ACCOUNT_NUMBER } from './decisions.js';

export { APPLY_PIN };
/** The documented card whose authorization is rejected as not found (api-notes §7); never a fixture. */
export const NOT_FOUND_CARD = '2374980012873425';

/** What a fixture card does at checkout, from the same rules the order service applies (contract C9). */
function cardEffect(customer: Fixtures['customers'][number]): string {
  if (customer.account_number === TIMEOUT_ACCOUNT_NUMBER) return `504 gateway_timeout from the Flexiti endpoint that receives it (account ${TIMEOUT_ACCOUNT_NUMBER})`;
  if (customer.status === 'blocked') return 'purchase DECLINED (blocked account)';
  return `purchase SUCCESS up to the available credit (${customer.available_credit.toFixed(2)}), DECLINED above it; a purchase draws the credit down`;
}

/**
 * `GET /__admin/outcomes`: every magic value and what it does, built from the decision table and
 * the loaded fixtures (not a copy of them), so the catalogue cannot drift from the behaviour.
 */
export function outcomeCatalogue(fixtures: Fixtures) {
  return {
    response_keys: {
      field: 'the applicant\'s middle name: `mname` in systems/init, or the middle-name field of the hosted apply step (case-insensitive)',
      no_key: { outcome: 'approved', credit_limit: DEFAULT_CREDIT_LIMIT, description: 'No key (or any other middle name): approved with the default credit limit' },
      keys: DECISIONS.map((rule) => ({
        key: rule.key,
        outcome: rule.outcome,
        description: rule.description,
        ...(rule.risk_rating ? { risk_rating: rule.risk_rating, credit_limit: CREDIT_LIMITS[rule.risk_rating] } : {}),
        ...(rule.needs_standard_accounts ? { needs_standard_accounts: true } : {}),
        ...(rule.review_seconds !== undefined ? { review_seconds: rule.review_seconds, resolution: rule.resolution } : {}),
      })),
    },
    pin: { value: APPLY_PIN, effect: 'accepted on the hosted apply step; any other PIN is "wrong PIN" and may be retried' },
    cards: fixtures.customers.map((customer) => ({
      vcc: customer.vcc,
      customer_id: customer.customer_id,
      account_number: customer.account_number,
      status: customer.status,
      available_credit: customer.available_credit,
      credit_limit: customer.credit_limit,
      effect: cardEffect(customer),
    })),
    unknown_cards: {
      examples: [NOT_FOUND_CARD],
      effect: 'any vcc or customer_id that is not a cardholder: 404 not_found (the documented not-found card is one)',
    },
    accounts: [{ account_number: TIMEOUT_ACCOUNT_NUMBER, effect: '504 gateway_timeout from the Flexiti endpoint that receives a card on this account (init or the purchase step)' }],
    buy_rules: [
      'unknown card or customer_id → not found',
      'account status blocked → purchase DECLINED',
      'amount above the available credit → purchase DECLINED',
      'otherwise → purchase SUCCESS, and the available credit goes down by the amount',
    ],
  };
}

export type OutcomeCatalogue = ReturnType<typeof outcomeCatalogue>;
