import { ERR, notFound, wrongInputs } from '../http/errors.js';
import type { Merchant, Plan } from '../schemas/fixtures.js';
import type { CalculatorLang, CalculatorResponse } from '../schemas/plans.js';
import type { Store } from '../store/index.js';
import { calculatorResponse } from './calculator.js';
import { calculatorPlan, eligiblePlans, isAvailable, paymentSchedule } from './plans.js';

/** Plans of a stored merchant (read through the store's parsed-merchant cache: cheap per call). */
export function createPlanService({ store }: { store: Store }) {
  function merchantOf(clientId: string): Merchant {
    const merchant = store.merchants.get(clientId);
    if (!merchant) throw notFound(ERR.unknownMerchant);
    return merchant;
  }

  return {
    /** The plans a shopper may pick for this amount (hosted buy step, checkout). */
    eligible: (clientId: string, amountCents: number): Plan[] => eligiblePlans(merchantOf(clientId), amountCents),

    /** `payment-availability` (api-notes §3.5). */
    availability: (clientId: string, amountCents: number): boolean => isAvailable(merchantOf(clientId), amountCents),

    /**
     * `payment-calculator` (api-notes §3.2). A price no plan covers has no payment to advertise:
     * 409 wrong_inputs naming `price` (the merchant hides the widget, as it does for any error),
     * rather than an invented plan or a body with a missing `paymentPlan` that would break
     * clients reading `paymentPlan.monthlyPayment`.
     */
    calculator(clientId: string, priceCents: number, lang: CalculatorLang): CalculatorResponse {
      const plan = calculatorPlan(merchantOf(clientId), priceCents);
      if (!plan) throw wrongInputs(ERR.priceOutsidePlans);
      return calculatorResponse(paymentSchedule(plan, priceCents), lang);
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
