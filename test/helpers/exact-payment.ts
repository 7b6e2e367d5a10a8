/**
 * An independent oracle for the payment math: exact rational arithmetic in BigInt, no floating
 * point. With r = a / (12·10⁶) (the APR written to 6 decimals), the level payment
 * P·r / (1 − (1+r)^−n) equals P·a·(D+a)^n / (D·((D+a)^n − D^n)) with D = 12·10⁶.
 */
const SCALE = 1_000_000n;
const D = 12n * SCALE;

/** Rounds num/den (both > 0) half up to an integer. */
const roundHalfUp = (num: bigint, den: bigint): bigint => (2n * num + den) / (2n * den);

function ratio(principalCents: number, apr: number, months: number): { num: bigint; den: bigint } {
  const P = BigInt(principalCents);
  const n = BigInt(months);
  const a = BigInt(Math.round(apr * 1_000_000));
  if (a === 0n) return { num: P, den: n };
  const grown = (D + a) ** n;
  return { num: P * a * grown, den: D * (grown - D ** n) };
}

/** The monthly payment in cents, rounded half up once. */
export function exactMonthlyCents(principalCents: number, apr: number, months: number): number {
  const { num, den } = ratio(principalCents, apr, months);
  return Number(roundHalfUp(num, den));
}

/** What the shopper repays over the term (months × the exact payment), rounded half up once. */
export function exactTotalCents(principalCents: number, apr: number, months: number): number {
  const { num, den } = ratio(principalCents, apr, months);
  return Number(roundHalfUp(BigInt(months) * num, den));
}
