import type { Clock } from '../clock.js';
import type { Merchant } from '../schemas/fixtures.js';
import { hasApply, hasBuy, pageLang, type Order, type OrderService } from '../services/orders/index.js';
import { expandPublicUrl } from '../services/orders/notify.js';
import type { TokenService } from '../services/tokens.js';
import { originOf } from './render.js';
import type { PageLang } from './strings.js';

/** Where a hosted session stands: which page its token shows. */
export type Step = 'apply' | 'buy' | 'finished' | 'learn_more';
export type Session = { state: 'missing' } | { state: 'expired'; order: Order; merchant: Merchant } | { state: Step; order: Order; merchant: Merchant };

export type FlxEvent = 'flx-success' | 'flx-failure' | 'flx-cancel';

/** The way back to the merchant (contract C5). */
export interface Return {
  url: string;
  event: FlxEvent;
  orderId: number;
  status: string;
  /** postMessage target: the trust_url's origin, or '*' (contract C5). */
  targetOrigin: string;
}

/** The page an open order shows: apply until decided, then buy (buy flows, approved apply/buy). */
export function stepOf(order: Order): Step {
  if (order.kind === 'learn_more') return 'learn_more';
  if (order.status !== 'IN_PROGRESS') return 'finished';
  if (hasApply(order) && order.apply_status === null) return 'apply';
  if (hasBuy(order) && order.purchase_status === null && (order.flow === 'buy' || order.apply_status === 'SUCCESS')) return 'buy';
  return 'finished';
}

/**
 * Which merchant URL an ended order goes to. Contract C5: approved/success → success_url;
 * declined, cancelled, error → failure_url. Our choices for the rest: PENDING → success_url (the
 * shopper completed the form, which is what the success URL means in api-notes §4 [S10]; the
 * merchant reads PENDING from the look-up), RETRY → failure_url (nothing was decided).
 */
export function destinationOf(status: string): { target: 'success' | 'failure'; event: FlxEvent } {
  if (status === 'SUCCESS' || status === 'PENDING') return { target: 'success', event: 'flx-success' };
  if (status === 'CANCELLED') return { target: 'failure', event: 'flx-cancel' };
  return { target: 'failure', event: 'flx-failure' };
}

/** Appends query parameters, keeping the URL's own query and fragment as they are. */
export function appendQuery(url: string, params: Record<string, string>): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const query = new URLSearchParams(params).toString();
  const joiner = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${joiner}${query}${hash}`;
}

/** `?lang=` when it says en or fr, else the language init asked for. */
export function langOf(queryLang: unknown, order?: Pick<Order, 'lang'>): PageLang {
  if (queryLang === 'en' || queryLang === 'fr') return queryLang;
  return order ? pageLang(order.lang) : 'en';
}

type Deps = { orders: OrderService; tokens: TokenService; clock: Clock; publicUrl: () => string };

/** Session look-up and the return to the merchant; every decision itself is the order service's. */
export function createHostedFlow({ orders, tokens, clock, publicUrl }: Deps) {
  return {
    open(token: string): Session {
      const order = orders.findByFlowToken(token);
      if (!order) return { state: 'missing' };
      const merchant = orders.merchantOf(order.client_id);
      // 24 h of the merchant's mock time (contract C5).
      if (clock.now(order.client_id) >= order.flow_expires_at) return { state: 'expired', order, merchant };
      return { state: stepOf(order), order, merchant };
    },

    /** The merchant URL with `orderId` and a fresh merchant `auth_token` (api-notes §4, §8.2). */
    returnFor(order: Order, merchant: Merchant): Return {
      const { target, event } = destinationOf(order.status);
      const base = expandPublicUrl(target === 'success' ? merchant.success_url : merchant.failure_url, publicUrl());
      const token = tokens.issue(order.client_id, 'merchant', 'hosted_return');
      const url = appendQuery(base, { orderId: String(order.id), auth_token: token.access_token });
      orders.addEvent(order.id, 'page.returned', { target, event, status: order.status });
      return { url, event, orderId: order.id, status: order.status, targetOrigin: originOf(this.trustUrl(merchant)) ?? '*' };
    },

    /** The merchant's trust_url, `{PUBLIC_URL}` expanded like its other URLs. */
    trustUrl: (merchant: Merchant) => expandPublicUrl(merchant.trust_url, publicUrl()),

    /** The page's base path for a token, keeping the page language. */
    path: (token: string, lang: PageLang, action = '') => `/hosted/${encodeURIComponent(token)}${action ? `/${action}` : ''}?lang=${lang}`,
  };
}

export type HostedFlow = ReturnType<typeof createHostedFlow>;
