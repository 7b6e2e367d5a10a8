/**
 * Money is integer cents everywhere inside the mock. Inputs carry at most two decimals (validated),
 * so `Math.round(dollars * 100)` is exact. Rounding rule for computed amounts: half away from
 * zero on the cent (`roundHalfUp`), applied once, at the end of each computation.
 */
export const toCents = (dollars: number): number => Math.round(dollars * 100);
export const toDollars = (cents: number): number => cents / 100;
export const formatAmount = (cents: number): string => (cents / 100).toFixed(2);
export const roundHalfUp = (cents: number): number => Math.sign(cents) * Math.round(Math.abs(cents));

/** A JSON number or numeric string with at most two decimals, as amounts arrive from JSON and forms. */
export const AMOUNT_PATTERN = /^\d{1,9}(\.\d{1,2})?$/;
export const MAX_AMOUNT = 999_999_999.99;
