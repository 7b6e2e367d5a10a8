/**
 * The magic values a tester can force (contract C9, api-notes §7): the applicant's middle name
 * (init `mname` or the hosted page's middle-name field) is the "response key" that decides an
 * application. Exported as data: `GET /__admin/outcomes` and fixtures/README.md list this table.
 */
export type ApplyOutcome = 'approved' | 'pending' | 'declined' | 'retry';
export type RiskRating = 'L' | 'M' | 'H' | 'X' | 'XX' | 'XXX';

export interface DecisionRule {
  key: string;
  outcome: ApplyOutcome;
  description: string;
  /** Approved keys: the risk rating, which sets the new account's credit limit. */
  risk_rating?: RiskRating;
  /** A-RR_XX / A-RR_XXX: declined when the merchant has `standard_accounts: false` (api-notes §7). */
  needs_standard_accounts?: boolean;
  /**
   * Pending keys: how long Flexiti "reviews" the application (seconds of mock time) and what the
   * review decides. Pending decisions follow the mock clock: once `review_seconds` have passed,
   * the next read of the order (a look-up, the admin API, the hosted page) resolves it, with a
   * callback, exactly as `POST /__admin/orders/{id}/complete` would.
   */
  review_seconds?: number;
  resolution?: 'approved' | 'declined';
}

/** Credit limit (dollars) of a new account per risk rating; no key → DEFAULT_CREDIT_LIMIT. */
export const CREDIT_LIMITS: Readonly<Record<RiskRating, number>> = {
  L: 15000,
  M: 10000,
  H: 5000,
  X: 3000,
  XX: 2000,
  XXX: 1000,
};
export const DEFAULT_CREDIT_LIMIT = 5000;

const HOUR = 3600;

export const DECISIONS: readonly DecisionRule[] = [
  { key: 'A-RR_L', outcome: 'approved', risk_rating: 'L', description: 'Approved, risk rating L (credit limit 15,000.00)' },
  { key: 'A-RR_M', outcome: 'approved', risk_rating: 'M', description: 'Approved, risk rating M (credit limit 10,000.00)' },
  { key: 'A-RR_H', outcome: 'approved', risk_rating: 'H', description: 'Approved, risk rating H (credit limit 5,000.00)' },
  { key: 'A-RR_X', outcome: 'approved', risk_rating: 'X', description: 'Approved, risk rating X (credit limit 3,000.00)' },
  { key: 'A-RR_XX', outcome: 'approved', risk_rating: 'XX', needs_standard_accounts: true, description: 'Approved, risk rating XX (credit limit 2,000.00); declined when the merchant has standard accounts disabled' },
  { key: 'A-RR_XXX', outcome: 'approved', risk_rating: 'XXX', needs_standard_accounts: true, description: 'Approved, risk rating XXX (credit limit 1,000.00); declined when the merchant has standard accounts disabled' },
  { key: 'P-REVIEW_MISC', outcome: 'pending', review_seconds: 1 * HOUR, resolution: 'approved', description: 'Pending: pre-bureau checks; approved after 1 hour of mock time' },
  { key: 'P-EXIST_CUST', outcome: 'pending', review_seconds: 24 * HOUR, resolution: 'approved', description: 'Pending: possible match to an existing customer; approved after 24 hours of mock time' },
  { key: 'P-CREDIT', outcome: 'pending', review_seconds: 48 * HOUR, resolution: 'declined', description: 'Pending: queued for credit reasons; declined after 48 hours of mock time' },
  { key: 'P-FRAUD', outcome: 'pending', review_seconds: 72 * HOUR, resolution: 'declined', description: 'Pending: queued for fraud warnings; declined after 72 hours of mock time' },
  { key: 'P-MISSING_INFO', outcome: 'pending', review_seconds: 24 * HOUR, resolution: 'declined', description: 'Pending: failed pre-bureau data checks (older docs: D-MISSING_INFO, declined); declined after 24 hours of mock time' },
  { key: 'D-DUPLICATE', outcome: 'declined', description: 'Declined: duplicate application' },
  { key: 'D-NO_HIT', outcome: 'declined', description: 'Declined: no credit bureau record' },
  { key: 'D-NO_SCORE', outcome: 'declined', description: 'Declined: no credit score' },
  { key: 'D-FRAUD', outcome: 'declined', description: 'Declined: failed bureau/device authentication' },
  { key: 'D-MISSING_INFO', outcome: 'declined', description: 'Declined: failed pre-bureau data checks (the older docs\' key)' },
  { key: 'D-EMAIL_DBL_TIMEOUT', outcome: 'retry', description: 'Retry: a third-party timeout; the shopper is asked to try again' },
];

const BY_KEY = new Map(DECISIONS.map((rule) => [rule.key, rule]));

export function findRule(key: string | undefined | null): DecisionRule | undefined {
  if (!key) return undefined;
  return BY_KEY.get(key.trim().toUpperCase());
}

export interface Decision {
  outcome: ApplyOutcome;
  /** The matched key, or null: no key (or an ordinary middle name) is approved with the default limit. */
  key: string | null;
  creditLimitDollars: number;
  description: string;
}

/** Decides an application from its middle name and the merchant's standard-accounts setting. */
export function decide(middleName: string | undefined | null, standardAccounts: boolean): Decision {
  const rule = findRule(middleName);
  if (!rule) return { outcome: 'approved', key: null, creditLimitDollars: DEFAULT_CREDIT_LIMIT, description: 'Approved (no response key): default credit limit' };
  if (rule.needs_standard_accounts && !standardAccounts) {
    return { outcome: 'declined', key: rule.key, creditLimitDollars: 0, description: `${rule.key}: declined because the merchant has standard accounts disabled` };
  }
  const limit = rule.risk_rating ? CREDIT_LIMITS[rule.risk_rating] : 0;
  return { outcome: rule.outcome, key: rule.key, creditLimitDollars: limit, description: rule.description };
}

/** The account number that makes the Flexiti endpoint receiving it answer 504 (contract C9). */
export const TIMEOUT_ACCOUNT_NUMBER = '0001';
