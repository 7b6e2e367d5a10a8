import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Plan } from '../../src/schemas/fixtures.js';
import { calculatorResponse, escapeHtml, formatCurrency, formatRate } from '../../src/services/calculator.js';
import { paymentSchedule } from '../../src/services/plans.js';

const NBSP = '\u00a0';

test('formatCurrency: en-CA and fr-CA Canadian dollars, every space a no-break space U+00A0', () => {
  const cases: Array<[number, string, string]> = [
    [16_633, '$166.33', `166,33${NBSP}$`],
    [50, '$0.50', `0,50${NBSP}$`],
    [123_456, '$1,234.56', `1${NBSP}234,56${NBSP}$`],
    [123_456_789, '$1,234,567.89', `1${NBSP}234${NBSP}567,89${NBSP}$`],
  ];
  for (const [cents, en, fr] of cases) {
    assert.equal(formatCurrency(cents, 'en'), en);
    assert.equal(formatCurrency(cents, 'fr'), fr);
  }
});

test('formatRate: 9.99% in English, 9,99 % in French', () => {
  assert.equal(formatRate(0.0999, 'en'), '9.99%');
  assert.equal(formatRate(0.0999, 'fr'), `9,99${NBSP}%`);
  assert.equal(formatRate(0.1, 'en'), '10%');
  assert.equal(formatRate(0.125, 'fr'), `12,5${NBSP}%`);
});

test('escapeHtml escapes the five HTML-significant characters', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

const plan = (overrides: Partial<Plan>): Plan => ({
  plan_id: '4', name: 'test', kind: 'promotional', term_months: 3, min_amount: 1, max_amount: 9_999.99, apr: 0, administrative_fee: 0, ...overrides,
});

test('calculatorResponse: the documented strings and a localised, escaped fragment', () => {
  const cases: Array<{ plan: Plan; cents: number; lang: 'en' | 'fr'; monthly: string; months: string; html: string }> = [
    { plan: plan({}), cents: 49_900, lang: 'en', monthly: '166.33', months: '3',
      html: '<span class="flexiti-payment-calculator" lang="en" data-plan-id="4">As low as $166.33/month for 3 months</span>' },
    { plan: plan({}), cents: 49_900, lang: 'fr', monthly: '166.33', months: '3',
      html: `<span class="flexiti-payment-calculator" lang="fr" data-plan-id="4">À partir de 166,33${NBSP}$/mois pendant 3 mois</span>` },
    { plan: plan({ term_months: 1 }), cents: 12_345_678, lang: 'en', monthly: '123456.78', months: '1',
      html: '<span class="flexiti-payment-calculator" lang="en" data-plan-id="4">As low as $123,456.78/month for 1 month</span>' },
    { plan: plan({ plan_id: '36', term_months: 36, apr: 0.0999 }), cents: 300_000, lang: 'en', monthly: '96.79', months: '36',
      html: '<span class="flexiti-payment-calculator" lang="en" data-plan-id="36">As low as $96.79/month for 36 months at 9.99% APR</span>' },
    { plan: plan({ plan_id: '36', term_months: 36, apr: 0.0999 }), cents: 300_000, lang: 'fr', monthly: '96.79', months: '36',
      html: `<span class="flexiti-payment-calculator" lang="fr" data-plan-id="36">À partir de 96,79${NBSP}$/mois pendant 36 mois à un TAP de 9,99${NBSP}%</span>` },
    { plan: plan({ plan_id: '<b>"x"' }), cents: 300, lang: 'en', monthly: '1.00', months: '3',
      html: '<span class="flexiti-payment-calculator" lang="en" data-plan-id="&lt;b&gt;&quot;x&quot;">As low as $1.00/month for 3 months</span>' },
  ];
  for (const c of cases) {
    assert.deepEqual(calculatorResponse(paymentSchedule(c.plan, c.cents), c.lang), {
      htmlRender: c.html,
      paymentPlan: { monthlyPayment: c.monthly, months: c.months },
    });
  }
});
