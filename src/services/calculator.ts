import { formatAmount } from '../money.js';
import type { CalculatorLang, CalculatorResponse } from '../schemas/plans.js';
import type { PaymentSchedule } from './plans.js';

const NBSP = '\u00a0';

const CURRENCY: Record<CalculatorLang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }),
  fr: new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }),
};

/**
 * Canadian dollars in the shopper's language: `$1,234.56` (en-CA) and `1 234,56 $` (fr-CA).
 * Intl does the formatting; the spaces it puts between groups and before `$` differ between ICU
 * versions (U+00A0 in Node 20's ICU, U+202F in some others), so every space is normalised to a
 * no-break space U+00A0 and the output is the same on every Node build.
 */
export function formatCurrency(cents: number, lang: CalculatorLang): string {
  return CURRENCY[lang].format(cents / 100).replace(/[\s\u202f]/g, NBSP);
}

/** A yearly rate as a percentage: `9.99%` / `9,99 %` (French puts a no-break space before %). */
export function formatRate(apr: number, lang: CalculatorLang): string {
  const digits = (Math.round(apr * 10000) / 100).toFixed(2).replace(/\.?0+$/, '');
  return lang === 'fr' ? `${digits.replace('.', ',')}${NBSP}%` : `${digits}%`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);

/** The sentence the widget shows, e.g. "As low as $166.33/month for 3 months". */
export function calculatorText(schedule: PaymentSchedule, lang: CalculatorLang): string {
  const money = formatCurrency(schedule.monthlyCents, lang);
  const n = schedule.months;
  if (lang === 'fr') {
    const rate = schedule.apr > 0 ? ` à un TAP de ${formatRate(schedule.apr, lang)}` : '';
    return `À partir de ${money}/mois pendant ${n} mois${rate}`;
  }
  const rate = schedule.apr > 0 ? ` at ${formatRate(schedule.apr, lang)} APR` : '';
  return `As low as ${money}/month for ${n} ${n === 1 ? 'month' : 'months'}${rate}`;
}

/**
 * The calculator's answer (api-notes §3.2): amounts as strings, as in the documented example, and
 * `htmlRender`, a small ready-to-insert fragment in the shopper's language with every piece of
 * text escaped.
 */
export function calculatorResponse(schedule: PaymentSchedule, lang: CalculatorLang): CalculatorResponse {
  const html = `<span class="flexiti-payment-calculator" lang="${lang}" data-plan-id="${escapeHtml(schedule.plan_id)}">${escapeHtml(calculatorText(schedule, lang))}</span>`;
  return {
    htmlRender: html,
    paymentPlan: { monthlyPayment: formatAmount(schedule.monthlyCents), months: String(schedule.months) },
  };
}
