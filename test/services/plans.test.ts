import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadFixtures } from '../../src/fixtures.js';
import type { Merchant, Plan } from '../../src/schemas/fixtures.js';
import { calculatorPlan, eligiblePlans, isAvailable, monthlyPaymentCents, paymentSchedule } from '../../src/services/plans.js';
import { exactMonthlyCents, exactTotalCents } from '../helpers/exact-payment.js';

const fixtures = loadFixtures();
const merchant = (id: string) => fixtures.merchants.find((m) => m.client_id === id) as Merchant;
const demo = merchant('flexitidemo');
const maple = merchant('maplefurniture');

const plan = (overrides: Partial<Plan>): Plan => ({
  plan_id: 'p', name: 'test plan', kind: 'promotional', term_months: 12, min_amount: 1, max_amount: 10_000, apr: 0, administrative_fee: 0, ...overrides,
});

test('eligiblePlans: both range ends inclusive, in the merchant\'s order', () => {
  const cases: Array<[Merchant, number, string[]]> = [
    [demo, 0, []],
    [demo, 99, []],
    [demo, 100, ['4', '1']],
    [demo, 49_999, ['4', '1']],
    [demo, 50_000, ['4', '6', '1']],
    [demo, 100_000, ['4', '6', '12', '1']],
    [demo, 300_000, ['4', '6', '12', '36', '1']],
    [demo, 999_999, ['4', '6', '12', '36', '1']],
    [demo, 1_000_000, ['36', '1']],
    [demo, 1_500_000, ['36', '1']],
    [demo, 1_500_001, []],
    [maple, 29_999, []],
    [maple, 30_000, ['10', '2']],
    [maple, 500_000, ['10', '11', '2']],
    [maple, 500_001, []],
  ];
  for (const [m, cents, ids] of cases) assert.deepEqual(eligiblePlans(m, cents).map((p) => p.plan_id), ids, `${m.client_id} ${cents}`);
});

test('isAvailable: true exactly when some plan covers the amount (ends inclusive)', () => {
  const cases: Array<[Pick<Merchant, 'plans'>, number, boolean]> = [
    [demo, 40_000, true], // the documented example, amount_requested 400
    [demo, 99, false], [demo, 100, true], [demo, 1_500_000, true], [demo, 1_500_001, false], [demo, 0, false],
    [maple, 29_999, false], [maple, 30_000, true], [maple, 500_000, true], [maple, 500_001, false],
    [{ plans: [] }, 100, false],
  ];
  for (const [m, cents, expected] of cases) assert.equal(isAvailable(m, cents), expected, `${JSON.stringify(m.plans.length)} ${cents}`);
});

test('calculatorPlan: longest promotional term that covers the price, else the regular plan, else none', () => {
  const regularOnly = { plans: [plan({ plan_id: 'r', kind: 'regular', term_months: 24, min_amount: 1, max_amount: 500 }), plan({ plan_id: 'p', term_months: 6, min_amount: 600, max_amount: 900 })] };
  const twoRegular = { plans: [plan({ plan_id: 'r12', kind: 'regular', term_months: 12 }), plan({ plan_id: 'r36', kind: 'regular', term_months: 36 })] };
  const tie = { plans: [plan({ plan_id: 'first', term_months: 6 }), plan({ plan_id: 'second', term_months: 6 })] };
  const cases: Array<[Pick<Merchant, 'plans'>, number, string | undefined]> = [
    [demo, 49_900, '4'], // price=499 → 3 months (the documented example)
    [demo, 100, '4'],
    [demo, 50_000, '6'],
    [demo, 100_000, '12'],
    [demo, 300_000, '36'],
    [demo, 1_500_000, '36'],
    [demo, 99, undefined],
    [demo, 1_500_001, undefined],
    [maple, 100_000, '11'],
    [maple, 30_000, '10'],
    [regularOnly, 40_000, 'r'],
    [regularOnly, 70_000, 'p'],
    [regularOnly, 55_000, undefined],
    [twoRegular, 5_000, 'r36'],
    [tie, 5_000, 'first'],
  ];
  for (const [m, cents, id] of cases) assert.equal(calculatorPlan(m, cents)?.plan_id, id, `${cents}`);
});

test('0 % APR: equal payments, rounded half up once; the documented 499 → 166.33 over 3 months', () => {
  const cases: Array<[number, number, number]> = [
    [49_900, 3, 16_633], // 166.333…
    [50_000, 3, 16_667], // 166.666… rounds up
    [100, 3, 33], // 0.333…
    [200, 3, 67], // 0.666…
    [100, 8, 13], // 12.5 → half up
    [300, 8, 38], // 37.5 → half up
    [1_500_000, 36, 41_667],
  ];
  for (const [cents, months, expected] of cases) assert.equal(monthlyPaymentCents(cents, 0, months), expected, `${cents}/${months}`);
});

test('APR > 0: three cases checked to the cent against the amortisation formula (exact rational arithmetic)', () => {
  const cases: Array<{ principal: number; apr: number; months: number; expected: number }> = [
    // The textbook case: 1,000.00 at 12 % over 12 months is 88.85 a month (88.8487…).
    { principal: 100_000, apr: 0.12, months: 12, expected: 8_885 },
    // flexitidemo plan 36: 3,000.00 at 9.99 % over 36 months is 96.79 (96.7874…).
    { principal: 300_000, apr: 0.0999, months: 36, expected: 9_679 },
    // The regular plan: 2,549.99 (2,500.00 + a 49.99 fee) at 29.99 % over 24 months is 142.56 (142.5640…).
    { principal: 254_999, apr: 0.2999, months: 24, expected: 14_256 },
  ];
  for (const { principal, apr, months, expected } of cases) {
    assert.equal(exactMonthlyCents(principal, apr, months), expected, 'the oracle agrees with the hand-checked table');
    assert.equal(monthlyPaymentCents(principal, apr, months), expected, `${principal} at ${apr} over ${months}`);
  }
});

test('the administrative fee is financed: added to the price and spread over the term', () => {
  const schedule = paymentSchedule(plan({ term_months: 12, administrative_fee: 49.99 }), 100_000);
  assert.deepEqual(schedule, {
    plan_id: 'p', kind: 'promotional', months: 12, apr: 0,
    priceCents: 100_000, adminFeeCents: 4_999, financedCents: 104_999, monthlyCents: 8_750, totalCents: 104_999, interestCents: 0,
  });
  const withInterest = paymentSchedule(plan({ kind: 'regular', term_months: 24, apr: 0.2999, administrative_fee: 49.99 }), 250_000);
  assert.equal(withInterest.financedCents, 254_999);
  assert.equal(withInterest.monthlyCents, 14_256);
  assert.equal(withInterest.totalCents, exactTotalCents(254_999, 0.2999, 24));
  assert.equal(withInterest.interestCents, withInterest.totalCents - 254_999);
});

const aprs = fc.oneof(fc.constant(0), fc.constantFrom(0.0999, 0.2999, 0.12), fc.integer({ min: 1, max: 4999 }).map((bp) => bp / 10_000));
const plans = fc.record({
  term_months: fc.integer({ min: 1, max: 120 }),
  apr: aprs,
  administrative_fee: fc.integer({ min: 0, max: 9_999 }).map((c) => c / 100),
});

test('property: months × monthly is within months cents of the financed total, for many prices and plans', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), plans, (priceCents, p) => {
      const schedule = paymentSchedule(plan({ ...p, max_amount: 999_999_999.99 }), priceCents);
      const feeCents = Math.round(p.administrative_fee * 100);
      // The total is computed here independently: price + fee at 0 %, the exact BigInt total otherwise.
      const total = p.apr === 0 ? priceCents + feeCents : exactTotalCents(priceCents + feeCents, p.apr, p.term_months);
      assert.equal(schedule.financedCents, priceCents + feeCents);
      assert.ok(Math.abs(schedule.totalCents - total) <= 1, `total ${schedule.totalCents} vs exact ${total}`);
      assert.ok(Number.isSafeInteger(schedule.monthlyCents) && schedule.monthlyCents >= 0);
      assert.ok(Math.abs(schedule.months * schedule.monthlyCents - total) <= schedule.months, `${schedule.months} × ${schedule.monthlyCents} vs ${total}`);
    }),
    { numRuns: 2_000 },
  );
});

test('property: every fixture plan a price falls in gives the exact payment to the cent', () => {
  fc.assert(
    fc.property(fc.constantFrom(demo, maple), fc.integer({ min: 0, max: 2_000_000 }), (m, priceCents) => {
      const chosen = calculatorPlan(m, priceCents);
      assert.equal(chosen !== undefined, isAvailable(m, priceCents));
      for (const p of eligiblePlans(m, priceCents)) {
        const s = paymentSchedule(p, priceCents);
        assert.ok(Math.abs(s.months * s.monthlyCents - s.totalCents) <= s.months);
        assert.equal(s.monthlyCents, exactMonthlyCents(s.financedCents, p.apr, p.term_months), `plan ${p.plan_id} at ${priceCents}`);
      }
    }),
    { numRuns: 1_000 },
  );
});
