import type { Clock } from '../../clock.js';
import { ERR, gatewayTimeout, invalidState, notFound, wrongInputs } from '../../http/errors.js';
import type { Ids } from '../../ids.js';
import { formatAmount, toCents } from '../../money.js';
import type { Merchant, Plan } from '../../schemas/fixtures.js';
import type { InitInput } from '../../schemas/systems.js';
import type { CustomerRecord } from '../../store/customers.js';
import type { Store } from '../../store/index.js';
import type { NewOrder, OrderKind, OrderPatch, OrderStatus } from '../../store/orders.js';
import { compareCustomer } from '../comparison.js';
import { decide, DEFAULT_CREDIT_LIMIT, findRule, TIMEOUT_ACCOUNT_NUMBER, type ApplyOutcome } from '../decisions.js';
import { eligiblePlans } from '../plans.js';
import { APPLICANT_FIELDS, hasApply, hasBuy, hydrate, isFinal, isoDob, pageLang, type Applicant, type Order, type OrderOutcome } from './model.js';
import { expandPublicUrl, orderCallbackBody } from './notify.js';

type Deps = { store: Store; clock: Clock; ids: Ids; publicUrl: () => string };

/** A hosted session lives 24 h of the merchant's mock time (contract C5). */
export const FLOW_TOKEN_TTL_MS = 24 * 3600 * 1000;

export type CompleteOutcome = 'approved' | 'pending' | 'declined' | 'cancelled' | 'error';
export interface CardRef {
  customer_id?: string | undefined;
  vcc?: string | undefined;
}

interface Change {
  patch: Partial<OrderPatch>;
  outcome?: Partial<OrderOutcome>;
  event: string;
  data?: unknown;
}

/**
 * The order state machine (contract C6, C8, C9): IN_PROGRESS → SUCCESS | PENDING | DECLINED |
 * CANCELLED | ERROR | RETRY, and PENDING → SUCCESS | DECLINED. Every outcome, whether the hosted
 * page's steps, the admin `complete` or a pending review falling due on the mock clock, goes
 * through `transition`, which writes the state, a timeline event and (for a final or pending
 * state) exactly one callback delivery in the same transaction.
 */
export function createOrderService({ store, clock, ids, publicUrl }: Deps) {
  const now = (clientId: string) => clock.now(clientId);

  function merchantOf(clientId: string): Merchant {
    const merchant = store.merchants.get(clientId);
    if (!merchant) throw notFound(ERR.unknownMerchant);
    return merchant;
  }

  function load(orderId: number): Order {
    const record = store.orders.byId(orderId);
    if (!record) throw notFound(ERR.orderNotFound);
    return hydrate(record);
  }

  const redirectionUrl = (order: Pick<Order, 'flow_token' | 'lang'>) => `${publicUrl()}/hosted/${order.flow_token}?lang=${pageLang(order.lang)}`;

  /** The cardholder a vcc or customer_id names (vcc first), if Flexiti knows one. */
  function findCard(ref: CardRef): CustomerRecord | undefined {
    if (ref.vcc) return store.customers.byVcc(ref.vcc);
    if (ref.customer_id) return store.customers.byId(ref.customer_id);
    return undefined;
  }

  function enqueueCallback(order: Order, at: number): void {
    const merchant = merchantOf(order.client_id);
    const customer = order.customer_id ? store.customers.byId(order.customer_id) : undefined;
    const url = expandPublicUrl(merchant.callback_url, publicUrl());
    const body = orderCallbackBody(order, { ...merchant, callback_url: url }, customer);
    const delivery = store.deliveries.enqueue({
      id: ids.deliveryId(),
      client_id: order.client_id,
      order_id: order.id,
      event: body.event as string,
      notification_type: body.notificationType as string,
      url,
      body: JSON.stringify(body),
      reference_id: ids.referenceId(),
      created_at: at,
    });
    store.orders.addEvent(order.id, at, 'callback.enqueued', { delivery_id: delivery.id, url, notification_type: delivery.notification_type, state: delivery.state });
  }

  /** The one place an order changes state. Call inside `store.transaction`. */
  function transition(order: Order, change: Change): Order {
    const at = now(order.client_id);
    const outcome: OrderOutcome = { ...order.outcome, ...change.outcome };
    const status: OrderStatus = change.patch.status ?? order.status;
    const patch: OrderPatch = {
      status,
      apply_status: order.apply_status,
      purchase_status: order.purchase_status,
      customer_id: order.customer_id,
      plan_id: order.plan_id,
      term: order.term,
      promo_id: order.promo_id,
      administrative_fee_cents: order.administrative_fee_cents,
      total_cents: order.total_cents,
      ...change.patch,
      result: JSON.stringify(outcome),
      updated_at: at,
      completed_at: isFinal(status) ? (order.completed_at ?? at) : order.completed_at,
    };
    store.orders.update(order.id, patch);
    store.orders.addEvent(order.id, at, change.event, change.data);
    const updated: Order = { ...order, ...patch, outcome };
    if (status !== order.status && (isFinal(status) || status === 'PENDING')) enqueueCallback(updated, at);
    return updated;
  }

  function requireOpen(order: Order, action: string): void {
    if (order.kind !== 'checkout' || order.status !== 'IN_PROGRESS') throw invalidState(ERR.orderState(action, order.kind === 'checkout' ? order.status : 'learn-more page'));
  }

  function createCustomer(order: Order, applicant: Applicant, limitDollars: number): CustomerRecord {
    let customerId = ids.customerId();
    while (store.customers.byId(customerId)) customerId = ids.customerId();
    let vcc = ids.vcc();
    while (store.customers.byVcc(vcc)) vcc = ids.vcc();
    const cents = toCents(limitDollars);
    const record: CustomerRecord = {
      customer_id: customerId,
      vcc,
      account_number: `1${customerId.padStart(8, '0')}`,
      first_name: applicant.fname ?? '',
      last_name: applicant.lname ?? '',
      dob: isoDob(applicant.dob),
      address_1: applicant.address_1 ?? '',
      address_2: applicant.address_2 ?? '',
      city: applicant.city ?? '',
      province: applicant.province ?? '',
      postal_code: applicant.postal_code ?? '',
      email: applicant.email ?? '',
      phone: applicant.phone_number ?? '',
      credit_limit_cents: cents,
      available_credit_cents: cents,
      status: 'active',
      source: 'apply',
      created_at: now(order.client_id),
    };
    store.customers.put(record);
    return record;
  }

  /** Approves an application: a new cardholder, and the order ends unless a buy step follows. */
  function approveApplication(order: Order, applicant: Applicant, limitDollars: number, decision: OrderOutcome['decision'], event: string): Order {
    const customer = createCustomer(order, applicant, limitDollars);
    return transition(order, {
      patch: { apply_status: 'SUCCESS', customer_id: customer.customer_id, status: order.flow === 'apply' ? 'SUCCESS' : 'IN_PROGRESS' },
      outcome: { applicant, decision, review: undefined },
      event,
      data: { customer_id: customer.customer_id, credit_limit: formatAmount(customer.credit_limit_cents) },
    });
  }

  function decideApplication(order: Order, applicant: Applicant): Order {
    const merchant = merchantOf(order.client_id);
    const decision = decide(applicant.mname, merchant.standard_accounts);
    const record = { key: decision.key, outcome: decision.outcome, description: decision.description };
    const data = { response_key: decision.key, description: decision.description };
    switch (decision.outcome) {
      case 'approved':
        return approveApplication(order, applicant, decision.creditLimitDollars, record, 'application.approved');
      case 'pending': {
        const rule = findRule(decision.key) ?? { key: 'P-REVIEW_MISC', review_seconds: 3600, resolution: 'approved' as const };
        const review = { key: rule.key, due_at: now(order.client_id) + (rule.review_seconds ?? 3600) * 1000, resolution: rule.resolution ?? 'approved' };
        return transition(order, { patch: { apply_status: 'PENDING', status: 'PENDING' }, outcome: { applicant, decision: record, review }, event: 'application.pending', data: { ...data, review_due_at: new Date(review.due_at).toISOString(), resolution: review.resolution } });
      }
      case 'declined':
        return transition(order, { patch: { apply_status: 'DECLINED', status: 'DECLINED' }, outcome: { applicant, decision: record }, event: 'application.declined', data });
      case 'retry':
        return transition(order, { patch: { apply_status: 'RETRY', status: 'RETRY' }, outcome: { applicant, decision: record }, event: 'application.retry', data });
    }
  }

  function mergeApplicant(order: Order, applicant: Applicant): Applicant {
    const merged: Applicant = {};
    for (const field of APPLICANT_FIELDS) {
      const value = applicant[field] ?? order.input[field];
      if (value !== undefined) merged[field] = value;
    }
    return merged;
  }

  function purchaseChange(order: Order, customer: CustomerRecord, plan: Plan): Change {
    const card = { customer_id: customer.customer_id, vcc: customer.vcc };
    const comparison = compareCustomer(order.input, customer);
    const declined = (reason: string): Change => ({
      patch: { purchase_status: 'DECLINED', status: 'DECLINED', customer_id: customer.customer_id },
      outcome: { card, comparison, reason },
      event: 'purchase.declined',
      data: { reason, customer_id: customer.customer_id, plan_id: plan.plan_id },
    });
    if (customer.status === 'blocked') return declined('account_blocked');
    // The purchase amount draws down available credit, or nothing happens (C9).
    if (!store.customers.debit(customer.customer_id, order.amount_cents)) return declined('insufficient_credit');
    const fee = toCents(plan.administrative_fee);
    let promoId = ids.promoId();
    while (store.orders.byPromoId(order.client_id, promoId)) promoId = ids.promoId();
    return {
      patch: {
        purchase_status: 'SUCCESS',
        status: 'SUCCESS',
        customer_id: customer.customer_id,
        plan_id: plan.plan_id,
        term: plan.term_months,
        promo_id: promoId,
        administrative_fee_cents: fee,
        total_cents: order.amount_cents + fee,
      },
      outcome: { card, comparison },
      event: 'purchase.success',
      data: { customer_id: customer.customer_id, plan_id: plan.plan_id, promo_id: promoId, amount: formatAmount(order.amount_cents) },
    };
  }

  function requirePurchaseStep(order: Order): void {
    requireOpen(order, 'purchased');
    const ready = order.flow === 'buy' || (order.flow === 'apply/buy' && order.apply_status === 'SUCCESS');
    if (!ready || order.purchase_status !== null) throw invalidState(ERR.orderState('purchased', order.flow === 'apply' ? 'apply-only flow' : `apply ${order.apply_status ?? 'not done'}`));
  }

  function planFor(order: Order, planId: string | undefined): Plan {
    const plans = eligiblePlans(merchantOf(order.client_id), order.amount_cents);
    if (planId === undefined) {
      const first = plans[0];
      if (!first) throw wrongInputs(ERR.noEligiblePlan(formatAmount(order.amount_cents)));
      return first;
    }
    const plan = plans.find((p) => p.plan_id === planId);
    if (!plan) throw wrongInputs(ERR.planNotEligible(planId));
    return plan;
  }

  /** A purchase on the card the ref names (apply/buy: the new customer by default). Inside a transaction. */
  function purchase(order: Order, ref: CardRef, planId: string | undefined): Order {
    requirePurchaseStep(order);
    const plan = planFor(order, planId);
    const customer = ref.vcc || ref.customer_id ? findCard(ref) : order.customer_id ? store.customers.byId(order.customer_id) : undefined;
    if (!customer) throw notFound(ERR.cardNotFound);
    if (customer.account_number === TIMEOUT_ACCOUNT_NUMBER) throw gatewayTimeout(ERR.gatewayTimeout);
    return transition(order, purchaseChange(order, customer, plan));
  }

  /** Ends a pending application as the review decided (or as the admin API says). */
  function resolvePending(order: Order, resolution: 'approved' | 'declined', source: string, planId?: string): Order {
    const applicant = order.outcome.applicant ?? mergeApplicant(order, {});
    const base = { key: order.outcome.review?.key ?? null, outcome: resolution as ApplyOutcome };
    if (resolution === 'declined') {
      return transition(order, {
        patch: { apply_status: 'DECLINED', status: 'DECLINED' },
        outcome: { decision: { ...base, description: `Declined after review (${source})` }, review: undefined },
        event: 'application.declined',
        data: { source },
      });
    }
    const approved = approveApplication(order, applicant, DEFAULT_CREDIT_LIMIT, { ...base, description: `Approved after review (${source})` }, 'application.approved');
    // apply/buy: the review's approval carries on into the purchase, as `complete` would (one code path).
    if (approved.status === 'IN_PROGRESS') return purchaseOrDecline(approved, {}, planId);
    return approved;
  }

  /** A purchase whose plan may be missing (no plan covers the amount) ends DECLINED instead of failing. */
  function purchaseOrDecline(order: Order, ref: CardRef, planId: string | undefined): Order {
    if (planId === undefined && eligiblePlans(merchantOf(order.client_id), order.amount_cents).length === 0) {
      return transition(order, { patch: { purchase_status: 'DECLINED', status: 'DECLINED' }, outcome: { reason: 'no_eligible_plan' }, event: 'purchase.declined', data: { reason: 'no_eligible_plan' } });
    }
    return purchase(order, ref, planId);
  }

  /** Pending decisions follow the mock clock: a review that fell due is resolved on the next read. */
  function refresh(order: Order): Order {
    const review = order.outcome.review;
    if (order.status !== 'PENDING' || !review || review.due_at > now(order.client_id)) return order;
    return store.transaction(() => {
      const current = load(order.id);
      if (current.status !== 'PENDING') return current;
      return resolvePending(current, review.resolution, 'review due on the mock clock');
    });
  }

  function endOpen(orderId: number, status: 'CANCELLED' | 'ERROR', action: string, event: string, reason?: string): Order {
    return store.transaction(() => {
      const order = load(orderId);
      requireOpen(order, action);
      const applyOpen = hasApply(order) && order.apply_status === null;
      const patch: Partial<OrderPatch> = applyOpen ? { apply_status: status, status } : { purchase_status: status, status };
      return transition(order, { patch, outcome: reason ? { reason } : {}, event, data: reason ? { reason } : undefined });
    });
  }

  function responseKeyFor(outcome: 'approved' | 'pending' | 'declined', responseKey: string | undefined): string {
    const defaults = { approved: '', pending: 'P-REVIEW_MISC', declined: 'D-NO_HIT' } as const;
    if (responseKey === undefined || responseKey === '') return defaults[outcome];
    const rule = findRule(responseKey);
    const gives = rule ? rule.outcome : 'approved';
    if (gives !== outcome) throw wrongInputs(ERR.responseKeyMismatch(responseKey, outcome));
    return responseKey;
  }

  return {
    redirectionUrl,
    findCard,
    merchantOf,

    /** Creates a checkout (or learn-more) order; `redirection_url` leads to the hosted page. */
    create(clientId: string, input: InitInput, options: { apiVersion: 'v1' | 'v2'; kind: OrderKind }): { online_order_id: number; redirection_url: string } {
      const merchant = merchantOf(clientId);
      if (options.kind === 'checkout' && !merchant.flows.includes(input.flow as Merchant['flows'][number])) throw wrongInputs(ERR.flowNotEnabled(input.flow));
      // Account 0001 makes the endpoint that receives it time out (contract C9).
      if (findCard(input)?.account_number === TIMEOUT_ACCOUNT_NUMBER) throw gatewayTimeout(ERR.gatewayTimeout);
      const at = now(clientId);
      const order: NewOrder = {
        client_id: clientId,
        kind: options.kind,
        api_version: options.apiVersion,
        flow: input.flow,
        lang: input.lang,
        amount_cents: toCents(input.amount_requested),
        merchant_order_id: input.merchant_order_id ?? null,
        request: JSON.stringify(input),
        status: 'IN_PROGRESS',
        apply_status: null,
        purchase_status: null,
        customer_id: null,
        plan_id: null,
        term: null,
        promo_id: null,
        administrative_fee_cents: null,
        total_cents: null,
        result: null,
        flow_token: ids.flowToken(),
        flow_expires_at: at + FLOW_TOKEN_TTL_MS,
        created_at: at,
        updated_at: at,
        completed_at: null,
      };
      const id = store.transaction(() => {
        const orderId = store.orders.insert(order);
        store.orders.addEvent(orderId, at, options.kind === 'checkout' ? 'order.created' : 'learn_more.created', {
          api_version: options.apiVersion,
          flow: input.flow,
          lang: input.lang,
          amount_requested: formatAmount(order.amount_cents),
          merchant_order_id: order.merchant_order_id,
        });
        return orderId;
      });
      return { online_order_id: id, redirection_url: redirectionUrl(order) };
    },

    /** The order behind a hosted-page token (expiry is the page's to check: `flow_expires_at`). */
    findByFlowToken(token: string): Order | undefined {
      const record = store.orders.byFlowToken(token);
      return record ? refresh(hydrate(record)) : undefined;
    },

    /** A merchant's checkout order, or 404 (another merchant's order is "not found", never 403). */
    get(clientId: string, orderId: number | string): Order {
      const id = typeof orderId === 'number' ? orderId : /^\d{1,15}$/.test(orderId) ? Number(orderId) : NaN;
      const record = Number.isSafeInteger(id) ? store.orders.byId(id) : undefined;
      if (!record || record.client_id !== clientId || record.kind !== 'checkout') throw notFound(ERR.orderNotFound);
      return refresh(hydrate(record));
    },

    getByMerchantOrderId(clientId: string, merchantOrderId: string): Order {
      const record = store.orders.byMerchantOrderId(clientId, merchantOrderId);
      if (!record) throw notFound(ERR.merchantOrderNotFound);
      return refresh(hydrate(record));
    },

    getByPromoId(clientId: string, promoId: string): Order {
      const record = store.orders.byPromoId(clientId, promoId);
      if (!record) throw notFound(ERR.promoNotFound);
      return refresh(hydrate(record));
    },

    /** Any order by id (admin). */
    load: (orderId: number) => refresh(load(orderId)),
    list: (clientId?: string, limit = 200) => store.orders.list({ clientId, limit }).map((record) => refresh(hydrate(record))),
    customerOf: (order: Pick<Order, 'customer_id'>) => (order.customer_id ? store.customers.byId(order.customer_id) : undefined),
    /** The merchant's plans that hold the order's amount (what the hosted page offers). */
    plansFor: (order: Pick<Order, 'client_id' | 'amount_cents'>) => eligiblePlans(merchantOf(order.client_id), order.amount_cents),

    /** A timeline event outside a state change (hosted page steps, look-ups). */
    addEvent(orderId: number, type: string, data?: unknown): void {
      const order = load(orderId);
      store.orders.addEvent(orderId, now(order.client_id), type, data);
    },

    /** A merchant's look-up on the timeline (contract C6), written in the next batch (store/orders.ts). */
    recordLookup(order: Pick<Order, 'id' | 'client_id'>, data: { route: string | undefined; reference_id: string | string[] | null }): void {
      store.orders.addEventSoon(order.id, now(order.client_id), 'lookup', data);
    },

    /** The apply step: the middle name decides (C9). apply ends the order; apply/buy approved awaits the buy step. */
    submitApplication(orderId: number, applicant: Applicant = {}): Order {
      return store.transaction(() => {
        const order = load(orderId);
        requireOpen(order, 'applied for');
        if (!hasApply(order) || order.apply_status !== null) throw invalidState(ERR.orderState('applied for', order.flow === 'buy' ? 'buy flow' : `apply ${order.apply_status}`));
        return decideApplication(order, mergeApplicant(order, applicant));
      });
    },

    /**
     * The buy step on the card `ref` names (apply/buy: the new customer when ref is empty), with a
     * plan of the merchant that holds the amount. Unknown card → 404 and the order stays open.
     */
    submitPurchase(orderId: number, input: CardRef & { plan_id: string }): Order {
      return store.transaction(() => purchase(load(orderId), { customer_id: input.customer_id, vcc: input.vcc }, input.plan_id));
    },

    cancel: (orderId: number, reason?: string) => endOpen(orderId, 'CANCELLED', 'cancelled', 'order.cancelled', reason),
    fail: (orderId: number, reason?: string) => endOpen(orderId, 'ERROR', 'failed', 'order.error', reason),

    /**
     * `POST /__admin/orders/{id}/complete` (contract C6): finishes an order as the hosted page
     * would, by composing the same steps, in one transaction.
     */
    complete(orderId: number, request: { outcome: CompleteOutcome; plan_id?: string | undefined; response_key?: string | undefined }): Order {
      const { outcome, plan_id: planId, response_key: responseKey } = request;
      return store.transaction(() => {
        let order = refresh(load(orderId));
        if (order.kind !== 'checkout') throw invalidState(ERR.orderState(`completed as ${outcome}`, 'learn-more page'));
        if (order.status === 'PENDING') {
          if (outcome !== 'approved' && outcome !== 'declined') throw invalidState(ERR.orderState(`completed as ${outcome}`, order.status));
          return resolvePending(order, outcome, 'admin complete', planId);
        }
        requireOpen(order, `completed as ${outcome}`);
        if (outcome === 'cancelled') return endOpen(orderId, 'CANCELLED', 'cancelled', 'order.cancelled', 'admin complete');
        if (outcome === 'error') return endOpen(orderId, 'ERROR', 'failed', 'order.error', 'admin complete');
        if (hasApply(order) && order.apply_status === null) {
          const key = responseKeyFor(outcome, responseKey);
          order = decideApplication(order, mergeApplicant(order, { mname: key }));
          if (order.status !== 'IN_PROGRESS') return order;
        }
        if (outcome === 'pending') throw invalidState(ERR.orderState('completed as pending (a purchase is never pending)', order.status));
        requirePurchaseStep(order);
        if (outcome === 'declined') {
          return transition(order, { patch: { purchase_status: 'DECLINED', status: 'DECLINED' }, outcome: { reason: 'admin complete' }, event: 'purchase.declined', data: { reason: 'admin complete' } });
        }
        const ref = order.flow === 'buy' ? { vcc: order.input.vcc, customer_id: order.input.customer_id } : {};
        return purchase(order, ref, planId);
      });
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
