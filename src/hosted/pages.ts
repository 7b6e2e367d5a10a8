import type { FastifyReply } from 'fastify';
import type { Merchant } from '../schemas/fixtures.js';
import type { Order, OrderService } from '../services/orders/index.js';
import type { FormValues } from './forms.js';
import type { HostedFlow, Return, Session } from './flow.js';
import { originOf, type PageRenderer } from './render.js';
import { STRINGS, type PageLang } from './strings.js';
import { applyView, buyView, learnMoreView, outcomeView } from './views.js';

type Deps = { flow: HostedFlow; orders: OrderService; sendPage: PageRenderer };
type Open = Extract<Session, { order: Order }>;

/** Sends each hosted page for a session; the routes decide which. */
export function createHostedPages({ flow, orders, sendPage }: Deps) {
  const actions = (order: Order, lang: PageLang, submit: string) => ({
    submit: flow.path(order.flow_token, lang, submit),
    cancel: flow.path(order.flow_token, lang, 'cancel'),
    return: flow.path(order.flow_token, lang, 'return'),
  });
  const common = (session: Open, lang: PageLang, status: number, title: string) => ({
    status,
    lang,
    title,
    trustUrl: flow.trustUrl(session.merchant),
  });

  function message(reply: FastifyReply, lang: PageLang, status: 404 | 410 | 400 | 409 | 413 | 415 | 500, kind: 'notFound' | 'expired' | 'error', merchant?: Merchant) {
    const text = STRINGS[lang][kind];
    return sendPage(reply, 'message', { status, lang, title: text.title, trustUrl: merchant ? flow.trustUrl(merchant) : undefined, data: { heading: text.title, text: text.text, page: kind } });
  }

  function apply(reply: FastifyReply, session: Open, lang: PageLang, submitted?: { values: FormValues; errors: string[] }) {
    const view = applyView(session.order, lang, submitted);
    return sendPage(reply, 'apply', { ...common(session, lang, submitted ? 422 : 200, STRINGS[lang].apply.title), data: { ...view, merchantName: session.merchant.name, actions: actions(session.order, lang, 'apply') } });
  }

  /**
   * Whose account the buy step shows: apply/buy's new account; a buy flow's init card, unless the
   * shopper typed one (then the typed field stays) or init's is unknown (then we ask for one).
   */
  function buyCard(order: Order, typed: string | undefined, t: (typeof STRINGS)[PageLang]) {
    if (order.flow !== 'buy') return { cardholder: orders.customerOf(order), askCard: false, notice: undefined };
    const initRef = { vcc: order.input.vcc, customer_id: order.input.customer_id };
    const sent = Boolean(initRef.vcc || initRef.customer_id);
    const initCard = sent ? orders.findCard(initRef) : undefined;
    if (typed !== undefined) return { cardholder: undefined, askCard: true, notice: undefined };
    return { cardholder: initCard, askCard: !initCard, notice: sent && !initCard ? t.errors.cardNotFoundInit : undefined };
  }

  function buy(reply: FastifyReply, session: Open, lang: PageLang, submitted?: { card?: string | undefined; planId?: string | undefined; errors: string[] }) {
    const { order } = session;
    const t = STRINGS[lang];
    const { cardholder, askCard, notice } = buyCard(order, submitted?.card, t);
    const errors = [...(notice ? [notice] : []), ...(submitted?.errors ?? [])];
    const view = buyView(order, lang, { plans: orders.plansFor(order), cardholder, askCard, newAccount: order.flow === 'apply/buy', card: submitted?.card, planId: submitted?.planId, errors });
    return sendPage(reply, 'buy', { ...common(session, lang, submitted ? 422 : 200, t.buy.title), data: { ...view, merchantName: session.merchant.name, actions: actions(order, lang, 'buy') } });
  }

  /** A finished order (its outcome, leading back to the merchant); `again` = a form was submitted twice. */
  function outcome(reply: FastifyReply, session: Open, lang: PageLang, again = false) {
    const view = outcomeView(session.order, lang, again);
    return sendPage(reply, 'outcome', { ...common(session, lang, again ? 409 : 200, view.outcome.title), data: { ...view, merchantName: session.merchant.name, actions: actions(session.order, lang, 'return') } });
  }

  function learnMore(reply: FastifyReply, session: Open, lang: PageLang) {
    const { order, merchant } = session;
    const plans = order.amount_cents > 0 ? orders.plansFor(order) : merchant.plans;
    const trustUrl = flow.trustUrl(merchant);
    const view = learnMoreView(order, merchant, lang, plans);
    return sendPage(reply, 'learnMore', { ...common(session, lang, 200, STRINGS[lang].learnMore.title), data: { ...view, closeUrl: trustUrl, targetOrigin: originOf(trustUrl) ?? '*' } });
  }

  /** The end (contract C5): a 303 to the merchant, or, framed, a page that posts the event and navigates the top window. */
  function leave(reply: FastifyReply, session: Open, lang: PageLang, framed: boolean) {
    const back: Return = flow.returnFor(session.order, session.merchant);
    if (!framed) return reply.header('referrer-policy', 'no-referrer').redirect(back.url, 303);
    return sendPage(reply, 'bridge', { ...common(session, lang, 200, STRINGS[lang].bridge.title), data: { ...back, returnUrl: back.url } });
  }

  /**
   * After a step: SUCCESS goes back to the merchant at once; an approved apply/buy goes on to the
   * buy step, and pending, declined and retry show their outcome page first (POST-redirect-GET).
   */
  function next(reply: FastifyReply, session: Open, lang: PageLang, framed: boolean) {
    if (session.order.status === 'SUCCESS') return leave(reply, session, lang, framed);
    return reply.redirect(flow.path(session.order.flow_token, lang), 303);
  }

  /** Whatever page the session's state calls for (GET, and after a POST that did not apply). */
  function show(reply: FastifyReply, session: Session, lang: PageLang, again = false) {
    switch (session.state) {
      case 'missing':
        return message(reply, lang, 404, 'notFound');
      case 'expired':
        return message(reply, lang, 410, 'expired', session.merchant);
      case 'learn_more':
        return learnMore(reply, session, lang);
      case 'apply':
        orders.addEvent(session.order.id, 'page.viewed', { step: 'apply', lang });
        return apply(reply, session, lang);
      case 'buy':
        orders.addEvent(session.order.id, 'page.viewed', { step: 'buy', lang });
        return buy(reply, session, lang);
      case 'finished':
        return outcome(reply, session, lang, again);
    }
  }

  return { message, apply, buy, outcome, leave, next, show };
}

export type HostedPages = ReturnType<typeof createHostedPages>;
